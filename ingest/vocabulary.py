"""The verdict scale and relation names, read from the shipped ontology."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from sanad.ontology import REL, VERDICT, S, ontology_path

__all__ = ["Verdict", "ontology_graph", "relation_names", "verdicts"]


@dataclass(frozen=True)
class Verdict:
    key: str
    iri: URIRef
    rating_value: int
    label_en: str


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology, relation vocabulary and verdict scale, parsed once."""
    graph = Graph()
    graph.parse(ontology_path(), format="turtle")
    return graph


@lru_cache(maxsize=1)
def verdicts() -> dict[str, Verdict]:
    """Verdicts by their key (``skos:notation``, e.g. ``mostly_false``)."""
    graph = ontology_graph()
    found = {}
    for concept in graph.subjects(SKOS.inScheme, VERDICT.scale):
        key = str(graph.value(concept, SKOS.notation))
        labels = [
            lbl for lbl in graph.objects(concept, SKOS.prefLabel)
            if isinstance(lbl, Literal) and lbl.language == "en"
        ]
        found[key] = Verdict(
            key=key,
            iri=URIRef(str(concept)),
            rating_value=int(graph.value(concept, S.ratingValue)),
            label_en=str(labels[0]) if labels else key,
        )
    return found


@lru_cache(maxsize=1)
def relation_names() -> frozenset[str]:
    """Local names of the relations in the relation vocabulary."""
    graph = ontology_graph()
    return frozenset(
        str(c)[len(str(REL)):]
        for c in graph.subjects(SKOS.inScheme, REL.scheme)
        if (c, RDF.type, RDF.Property) in graph
    )
