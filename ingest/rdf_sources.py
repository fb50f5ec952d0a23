"""RDF for articles, entities and hand-check activities."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from sanad.ontology import ID, SCHEMA, S

from .corpus import ArticleMeta, Entity, FieldKnowledge
from .ids import agent_iri, article_iri

__all__ = ["ENTITY_CLASSES", "add_article", "add_entity", "add_handcheck", "handcheck_iri"]

ENTITY_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "person": (SCHEMA.Person, PROV.Agent),
    "country": (SCHEMA.Country,),
    "place": (SCHEMA.Place,),
    "organisation": (SCHEMA.Organization, PROV.Agent),
    "outlet": (SCHEMA.Organization, PROV.Agent),
    "agency": (SCHEMA.Organization, PROV.Agent),
    "event": (SCHEMA.Event,),
    "weapon": (SCHEMA.Thing,),
    "thing": (SCHEMA.Thing,),
    "unnamed_source": (S.UnnamedSource, PROV.Agent),
}
_KNOWN_BY = {
    "stated_in_text": S.StatedInText,
    "reviewer_inference": S.ReviewerInference,
    "unknown": S.Unknown,
}


def add_article(
    graph: Graph, meta: ArticleMeta, text: str, sha256: str, publisher: URIRef | None
) -> URIRef:
    """Describe one article (text, checksum, metadata and how each value is known)."""
    node = article_iri(meta.id)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, SCHEMA.identifier, Literal(meta.id)))
    graph.add((node, SCHEMA.text, Literal(text)))
    graph.add((node, S.sha256, Literal(sha256)))
    graph.add((node, SCHEMA.inLanguage, Literal(meta.language)))
    if meta.headline:
        graph.add((node, SCHEMA.headline, Literal(meta.headline, lang=meta.language)))
    if meta.url:
        graph.add((node, SCHEMA.url, URIRef(meta.url)))
    if meta.notes:
        graph.add((node, RDFS.comment, Literal(meta.notes, lang="en")))
    if publisher is not None:
        graph.add((node, SCHEMA.publisher, publisher))
    if meta.date_published.value is not None:
        graph.add((node, SCHEMA.datePublished, _date(meta.date_published.value)))
    _evidence(graph, node, "publisher", SCHEMA.publisher, meta.publisher)
    _evidence(graph, node, "datePublished", SCHEMA.datePublished, meta.date_published)
    return node


def _evidence(
    graph: Graph, article: URIRef, name: str, field: URIRef, knowledge: FieldKnowledge
) -> None:
    node = URIRef(f"{article}-evidence-{name}")
    graph.add((article, S.fieldEvidence, node))
    graph.add((node, RDF.type, S.FieldEvidence))
    graph.add((node, S.field, field))
    graph.add((node, S.knownBy, _KNOWN_BY[knowledge.known_by]))
    if knowledge.evidence:
        graph.add((node, RDFS.comment, Literal(knowledge.evidence, lang="en")))


def add_entity(graph: Graph, entity: Entity) -> URIRef:
    """Labels, aliases and types of one entity or agent."""
    node = agent_iri(entity.key, entity.qid)
    classes = ENTITY_CLASSES.get(entity.type)
    if classes is None:
        raise ValueError(f"entity {entity.key!r}: unknown type {entity.type!r}")
    for cls in classes:
        graph.add((node, RDF.type, cls))
    if entity.qid is None and entity.type != "unnamed_source":
        graph.add((node, RDF.type, S.UnlinkedEntity))
    graph.add((node, SCHEMA.identifier, Literal(entity.key)))
    if entity.label_ar:
        graph.add((node, RDFS.label, Literal(entity.label_ar, lang="ar")))
    if entity.label_en:
        graph.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
    for alias in entity.aliases_ar:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="ar")))
    for alias in entity.aliases_en:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
    if entity.qid and entity.evidence:
        graph.add((node, SKOS.note, Literal(f"QID verified: {entity.evidence}", lang="en")))
    return node


def handcheck_iri(checker: str, on: dt.date) -> URIRef:
    return ID[f"handcheck-{checker}-{on.isoformat()}"]


def add_handcheck(graph: Graph, checker: URIRef, checker_key: str, on: dt.date) -> URIRef:
    """The activity of checking claims by hand on one day."""
    node = handcheck_iri(checker_key, on)
    graph.add((node, RDF.type, S.HandCheck))
    graph.add((node, RDF.type, PROV.Activity))
    graph.add((node, PROV.wasAssociatedWith, checker))
    # The day is known, the time of day is not: a date, not an invented prov:endedAtTime.
    graph.add((node, DCTERMS.date, _date(on)))
    return node


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)
