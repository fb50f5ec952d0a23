"""IRIs for instance data: stable, readable, and free of blank nodes."""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from sanad.ontology import ID, REL, WD

__all__ = [
    "ENTITIES_GRAPH",
    "VOCABULARY_GRAPH",
    "agent_iri",
    "appearance_iri",
    "article_graph",
    "article_iri",
    "assertion_graph",
    "candidate_claim_id",
    "claim_iri",
    "relation_iri",
    "review_iri",
]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _slug(value: str, what: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{what} {value!r} is not a slug (lowercase letters, digits, hyphens)")
    return value


def article_iri(aid: str) -> URIRef:
    """The article node; its graph has the same name."""
    return ID[f"article-{_slug(aid, 'article id')}"]


def article_graph(aid: str) -> URIRef:
    return article_iri(aid)


def claim_iri(cid: str) -> URIRef:
    """The claim node; its description graph has the same name."""
    return ID[f"claim-{_slug(cid, 'claim id')}"]


def assertion_graph(cid: str) -> URIRef:
    """The graph that holds exactly the claim's subject–predicate–object triple."""
    return ID[f"claim-{_slug(cid, 'claim id')}-assertion"]


def appearance_iri(cid: str, aid: str, start: int) -> URIRef:
    return ID[f"claim-{cid}-app-{aid}-{start}"]


def review_iri(cid: str, index: int) -> URIRef:
    return ID[f"review-{cid}-{index}"]


def agent_iri(key: str, qid: str | None) -> URIRef:
    """A Wikidata IRI for a verified QID, else a local IRI for the entity key."""
    if qid:
        return WD[qid]
    return ID[f"entity-{_slug(key, 'entity key')}"]


def relation_iri(name: str) -> URIRef:
    return REL[name]


def candidate_claim_id(aid: str, start: int, end: int) -> str:
    """A stable id for an extracted candidate: ``x`` + 15 hex digits of its position's hash."""
    digest = hashlib.sha256(f"{aid}:{start}:{end}".encode()).hexdigest()
    return "x" + digest[:15]


ENTITIES_GRAPH = ID["graph-entities"]
VOCABULARY_GRAPH = ID["graph-vocabulary"]
