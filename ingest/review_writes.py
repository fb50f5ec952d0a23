"""Adding a review to a claim: resolve what the request names, then write through the gate."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rdflib import URIRef

from sanad.graph import AskResult, Batch, InputError, NotFound, Store
from sanad.ontology import SCHEMA

from .ids import article_iri, claim_iri, review_iri
from .ratings import verdict_for
from .review_batches import NewReview, new_agent_batch, next_review_number, review_batch
from .search_index import agents_labelled
from .vocabulary import Verdict
from .writes import Writer

__all__ = ["URL", "ReviewRequest", "add_review", "claim_exists", "resolve_reviewer",
           "resolve_verdict"]

URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class ReviewRequest:
    """A review as a person sends it: words and ids, not yet IRIs."""

    verdict: str
    reviewer: str
    reviewer_kind: str = "person"
    date: str | None = None
    body: str | None = None
    body_language: str | None = "en"
    evidence: tuple[str, ...] = ()


def resolve_verdict(words: str) -> Verdict:
    verdict = verdict_for(words)
    if verdict is None:
        raise InputError(f"{words!r} is not a verdict sanad knows (e.g. false, misleading, "
                         "mostly_true, زائف, مضلل; see the verdict scale in the ontology)")
    return verdict


def claim_exists(store: Store, node: URIRef) -> bool:
    answer = store.query(f"ASK {{ {node.n3()} a {SCHEMA.Claim.n3()} }}")
    return isinstance(answer, AskResult) and answer.value


def resolve_reviewer(store: Store, name: str, kind: str, url: str | None = None
                     ) -> tuple[URIRef, list[Batch]]:
    """An agent already in the store (by QID, key or label), or a new one to write."""
    name = name.strip()
    if not name:
        raise InputError("the reviewer has no name")
    if _QID.match(name):
        return URIRef(f"http://www.wikidata.org/entity/{name}"), []
    known = agents_labelled(store, name, most=2)
    if _SLUG.match(name) and _exists(store, URIRef(f"https://w3id.org/sanad/id/entity-{name}")):
        return URIRef(f"https://w3id.org/sanad/id/entity-{name}"), []
    if len(known) == 1:
        return known[0], []
    node, batch = new_agent_batch(name, kind, url)
    return node, ([] if _exists(store, node) else [batch])


def _exists(store: Store, node: URIRef) -> bool:
    answer = store.query(f"ASK {{ {node.n3()} ?p ?o }}")
    return isinstance(answer, AskResult) and answer.value


def _evidence(store: Store, item: str) -> URIRef:
    if URL.match(item):
        return URIRef(item)
    if _SLUG.match(item):
        for node in (claim_iri(item), article_iri(item)):
            if _exists(store, node):
                return node
    raise InputError(f"evidence {item!r} is neither a URL nor the id of a claim or article here")


def add_review(writer: Writer, cid: str, request: ReviewRequest) -> URIRef:
    """Write a new review of claim ``cid`` (numbered after its last one); returns its IRI.

    Raises ``NotFound`` for an unknown claim, ``InputError`` for an unknown verdict or
    evidence, ``ValidationFailed`` (nothing written) when the shapes reject it.
    """
    verdict = resolve_verdict(request.verdict)
    with writer.exclusive() as store:
        if not claim_exists(store, claim_iri(cid)):
            raise NotFound(f"claim {cid!r} is not in the store")
        reviewer, agent_batches = resolve_reviewer(store, request.reviewer, request.reviewer_kind)
        review = NewReview(
            verdict=verdict, reviewer=reviewer,
            date=request.date or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            body=request.body, body_language=request.body_language,
            evidence=tuple(_evidence(store, e) for e in request.evidence),
        )
        number = next_review_number(store, cid)
        writer.submit([*agent_batches, review_batch(cid, number, review)])
        return review_iri(cid, number)
