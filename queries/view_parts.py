"""JSON-ready pieces of a claim view: entities, appearances, reviews, versions."""

from __future__ import annotations

from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from sanad.ingest.vocabulary import verdicts
from sanad.ontology import OA, REL, SCHEMA, S

from .snapshot import Snapshot
from .terms import local_id, qid_of
from .triples import Triples

__all__ = [
    "appearance",
    "entity",
    "labels",
    "latest_first",
    "plain",
    "review",
    "reviews_of",
    "term_name",
    "triple",
    "version",
]

_KINDS = ((SCHEMA.Person, "person"), (SCHEMA.Organization, "organization"),
          (S.UnnamedSource, "unnamed_source"), (SCHEMA.Country, "country"),
          (SCHEMA.Place, "place"), (SCHEMA.Event, "event"))


def plain(term: Node | None) -> str | None:
    """A literal's text or an IRI as a string; None stays None."""
    return None if term is None else str(term)


def labels(graph: Triples, node: Node) -> dict[str, str]:
    """``{"ar": …, "en": …}``: one label per language (the first in sort order)."""
    found: dict[str, str] = {}
    for label in sorted(graph.objects(node, RDFS.label), key=str):
        if isinstance(label, Literal):
            found.setdefault(label.language or "und", str(label))
    return found


def term_name(iri: Node | None) -> str | None:
    """The local name of a sanad term, lower-cased: ``s:Predicted`` → ``predicted``."""
    if iri is None:
        return None
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()


def entity(snap: Snapshot, iri: Node) -> dict[str, Any]:
    """An entity or agent: IRI, QID and Wikidata page when linked, local key, labels."""
    qid = qid_of(iri) if isinstance(iri, URIRef) else None
    return {
        "iri": str(iri),
        "qid": qid,
        "key": local_id(iri, "entity-") if isinstance(iri, URIRef) else None,
        "kind": next((k for cls, k in _KINDS if (iri, RDF.type, cls) in snap.context), "thing"),
        "labels": labels(snap.context, iri),
        "wikidata": f"https://www.wikidata.org/wiki/{qid}" if qid else None,
    }


def triple(snap: Snapshot, graph_name: Node | None,
           spo: tuple[Node, Node, Node]) -> dict[str, Any]:
    s, p, o = spo
    name = str(p)[len(str(REL)):] if str(p).startswith(str(REL)) else None
    return {
        "graph": plain(graph_name),
        "subject": entity(snap, s),
        "predicate": {"iri": str(p), "name": name, "labels": labels(snap.context, p)},
        "object": entity(snap, o) if isinstance(o, URIRef) else {"value": str(o)},
    }


def appearance(snap: Snapshot, claim: URIRef, app: Node) -> dict[str, Any]:
    """One place an article carries the claim: article, offsets, quote, relay chain."""
    g = snap.claims
    start = end = quote = None
    for selector in g.objects(app, OA.hasSelector):
        if (selector, RDF.type, OA.TextPositionSelector) in g:
            start, end = g.value(selector, OA.start), g.value(selector, OA.end)
        if (selector, RDF.type, OA.TextQuoteSelector) in g:
            quote = g.value(selector, OA.exact)
    head = g.value(app, S.relayedBy)
    chain = g.items(head) if head is not None else []
    return {
        "iri": str(app),
        "first": (claim, SCHEMA.firstAppearance, app) in g,
        "article": _article(snap, g.value(app, OA.hasSource)),
        "start": int(str(start)) if start is not None else None,
        "end": int(str(end)) if end is not None else None,
        "quote": plain(quote),
        "date_reported": plain(g.value(app, SCHEMA.datePublished)),
        "relayed_by": [entity(snap, agent) for agent in chain],
        "generated_by": plain(g.value(app, PROV.wasGeneratedBy)),
    }


def _article(snap: Snapshot, node: Node | None) -> dict[str, Any] | None:
    if node is None:
        return None
    c = snap.context
    publisher = c.value(node, SCHEMA.publisher)
    headline = c.value(node, SCHEMA.headline)
    return {
        "id": plain(c.value(node, SCHEMA.identifier)) or local_id(node, "article-"),
        "iri": str(node),
        "headline": plain(headline),
        "publisher": entity(snap, publisher) if publisher is not None else None,
        "date_published": plain(c.value(node, SCHEMA.datePublished)),
        "url": plain(c.value(node, SCHEMA.url)),
        "language": plain(c.value(node, SCHEMA.inLanguage)),
    }


def latest_first(reviews: list[URIRef], graph: Triples) -> list[URIRef]:
    """Reviews newest first: by date, then by number (``…-10`` after ``…-9``), then IRI."""
    def key(r: URIRef) -> tuple[str, int, str]:
        return (str(graph.value(r, SCHEMA.datePublished) or ""), len(str(r)), str(r))
    return sorted(reviews, key=key, reverse=True)


def reviews_of(snap: Snapshot, claim: URIRef) -> list[URIRef]:
    """The claim's reviews, oldest first."""
    found = [r for r in snap.reviews.subjects(SCHEMA.itemReviewed, claim) if isinstance(r, URIRef)]
    return list(reversed(latest_first(found, snap.reviews)))


def review(snap: Snapshot, node: URIRef) -> dict[str, Any]:
    """One review: verdict on sanad's scale, the rating as published, reviewer, date, evidence."""
    g = snap.reviews
    rating = g.value(node, SCHEMA.reviewRating)
    verdict = g.value(rating, S.verdict) if rating is not None else None
    known = {v.iri: v for v in verdicts().values()}.get(URIRef(str(verdict))) if verdict else None
    author = g.value(node, SCHEMA.author)
    return {
        "iri": str(node),
        "verdict": known.key if known else term_name(verdict),
        "verdict_label": known.label_en if known else None,
        "rating_value": _int(g.value(rating, SCHEMA.ratingValue)) if rating else None,
        "best_rating": _int(g.value(rating, SCHEMA.bestRating)) if rating else None,
        "worst_rating": _int(g.value(rating, SCHEMA.worstRating)) if rating else None,
        "original_rating": plain(g.value(rating, SCHEMA.alternateName)) if rating else None,
        "reviewer": entity(snap, author) if author is not None else None,
        "date": plain(g.value(node, SCHEMA.datePublished)),
        "body": plain(g.value(node, SCHEMA.reviewBody)),
        "url": plain(g.value(node, SCHEMA.url)),
        "evidence": sorted(str(e) for e in g.objects(node, S.evidence)),
        "generated_by": plain(g.value(node, PROV.wasGeneratedBy)),
    }


def version(snap: Snapshot, node: Node) -> dict[str, Any]:
    """An earlier version of the claim, kept when it was corrected."""
    g = snap.claims
    statement = g.value(node, S.assertionTriple)
    spo = None
    if statement is not None:
        parts = (g.value(statement, RDF.subject), g.value(statement, RDF.predicate),
                 g.value(statement, RDF.object))
        if all(p is not None for p in parts):
            spo = triple(snap, None, (parts[0], parts[1], parts[2]))  # type: ignore[arg-type]
    return {
        "iri": str(node),
        "text": {lit.language or "und": str(lit) for lit in g.objects(node, SCHEMA.text)
                 if isinstance(lit, Literal)},
        "modality": term_name(g.value(node, S.modality)),
        "triple": spo,
        "invalidated_at": plain(g.value(node, PROV.invalidatedAtTime)),
        "invalidated_by": plain(g.value(node, PROV.wasInvalidatedBy)),
    }


def _int(term: Node | None) -> int | None:
    try:
        return int(str(term)) if term is not None else None
    except ValueError:
        return None
