"""One source (a news article): its metadata, how each field is known, and the claims in it."""

from __future__ import annotations

from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from sanad.graph import NotFound, SelectResult, Store
from sanad.ontology import SCHEMA, S, sparql_prefixes

from .claim_view import claim_summaries
from .snapshot import Snapshot
from .terms import article_ref, iris
from .triples import Triples
from .view_parts import entity, plain, term_name

__all__ = ["source_detail"]

_MOST_CLAIMS = 500


def source_detail(store: Store, aid: str, with_text: bool = False) -> dict[str, Any]:
    """The article ``aid``: metadata with its evidence, and each claim it carries (with the
    offsets of the quote). Raises ``NotFound``."""
    node = article_ref(aid)
    g = Graph()
    for s, p, o, _ in store.quads(node):
        g.add((s, p, o))
    if (node, RDF.type, SCHEMA.NewsArticle) not in g:
        raise NotFound(f"source {aid!r} is not in the store")
    publisher = g.value(node, SCHEMA.publisher)
    context = Snapshot()
    if isinstance(publisher, URIRef):
        context.context = _labels(store, publisher)
    text = g.value(node, SCHEMA.text)
    out: dict[str, Any] = {
        "id": plain(g.value(node, SCHEMA.identifier)) or aid,
        "iri": str(node),
        "headline": plain(g.value(node, SCHEMA.headline)),
        "publisher": entity(context, publisher) if publisher is not None else None,
        "date_published": plain(g.value(node, SCHEMA.datePublished)),
        "url": plain(g.value(node, SCHEMA.url)),
        "language": plain(g.value(node, SCHEMA.inLanguage)),
        "sha256": plain(g.value(node, S.sha256)),
        "length": len(str(text)) if text is not None else None,
        "text": str(text) if with_text and text is not None else None,
        "field_evidence": [_evidence(g, e) for e in g.objects(node, S.fieldEvidence)],
    }
    out["claims"] = _claims_in(store, node)
    return out


def _evidence(g: Graph, node: Any) -> dict[str, Any]:
    return {"field": plain(g.value(node, S.field)), "known_by": term_name(g.value(node, S.knownBy)),
            "evidence": plain(g.value(node, RDFS.comment))}


def _labels(store: Store, node: URIRef) -> Triples:
    result = store.query(sparql_prefixes() + f"""CONSTRUCT {{ ?x ?p ?o }} WHERE {{
        VALUES ?x {{ {iris([node])} }} ?x ?p ?o FILTER (?p IN (rdfs:label, rdf:type)) }}""")
    return Triples(getattr(result, "graph", ()))


def _claims_in(store: Store, article: URIRef) -> list[dict[str, Any]]:
    result = store.query(sparql_prefixes() + f"""SELECT ?c ?start ?end WHERE {{
        VALUES ?art {{ {iris([article])} }}
        ?app oa:hasSource ?art . ?c schema:appearance ?app .
        OPTIONAL {{ ?app oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end }}
    }} ORDER BY ?start ?c LIMIT {_MOST_CLAIMS}""")
    assert isinstance(result, SelectResult)
    spans: dict[URIRef, tuple[int | None, int | None]] = {}
    for row in result.rows:
        start, end = row.get("start"), row.get("end")
        spans.setdefault(URIRef(row["c"]), (int(start) if start is not None else None,
                                            int(end) if end is not None else None))
    summaries = claim_summaries(store, list(spans))
    for summary in summaries:
        summary["start"], summary["end"] = spans[URIRef(summary["iri"])]
    return summaries
