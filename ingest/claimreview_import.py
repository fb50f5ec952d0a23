"""Importing published fact-checks as reviews of claims already in the store.

Each imported review must find its claim — the ``claim`` the request names, a sanad claim IRI
in ``itemReviewed``, or the one claim whose text holds every word of ``claimReviewed`` — and a
verdict its rating maps onto. If any review fails either, nothing is imported. The rating as
the publisher worded it is kept (``schema:alternateName``); the publisher becomes the review's
author. Importing the same fact-check (same URL) twice adds it once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef

from sanad.graph import InputError, NotFound, SelectResult, Store
from sanad.ontology import ID, sparql_prefixes

from .claimreview_in import ImportedReview
from .ids import claim_iri, review_iri
from .ratings import verdict_for, verdict_for_number
from .review_batches import NewReview, next_review_number, review_batch
from .review_writes import URL, claim_exists, resolve_reviewer
from .search_keys import search_keys
from .vocabulary import Verdict
from .writes import Writer

__all__ = ["ImportOutcome", "import_claimreviews"]

_CLAIM_NS = f"{ID}claim-"
_BY_KEYS = """SELECT ?c WHERE {{
  {{ SELECT ?c (COUNT(DISTINCT ?k) AS ?n) WHERE {{
       VALUES ?k {{ {keys} }} ?c <https://w3id.org/sanad/index#key> ?k }} GROUP BY ?c }}
  FILTER (?n = {count}) }} LIMIT 2"""


@dataclass
class ImportOutcome:
    imported: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)


def import_claimreviews(writer: Writer, reviews: list[ImportedReview],
                        claim: str | None = None) -> ImportOutcome:
    """Write every review in ``reviews`` (all or none); ``claim`` names the claim for all."""
    writer.index.ensure_fresh()
    with writer.exclusive() as store:
        plans = _plan(store, reviews, claim)
        outcome, batches = ImportOutcome(), []
        next_number: dict[str, int] = {}
        agents: dict[str, URIRef] = {}
        for review, cid, verdict in plans:
            if review.url and _already(store, cid, review.url):
                outcome.skipped.append({"claim": cid, "url": review.url, "reason": "already imported"})
                continue
            if review.publisher not in agents:
                node, new = resolve_reviewer(store, review.publisher, "organization",
                                             review.publisher_url)
                agents[review.publisher] = node
                batches += new
            number = next_number.get(cid) or next_review_number(store, cid)
            next_number[cid] = number + 1
            batches.append(review_batch(cid, number, NewReview(
                verdict=verdict, reviewer=agents[review.publisher], date=_date(review.date),
                original_rating=review.rating_text, rating_language=review.language,
                url=review.url)))
            outcome.imported.append({"claim": cid, "review": str(review_iri(cid, number)),
                                     "verdict": verdict.key, "original_rating": review.rating_text,
                                     "url": review.url})
        if batches:
            writer.submit(batches)
        return outcome


def _plan(store: Store, reviews: list[ImportedReview], claim: str | None
          ) -> list[tuple[ImportedReview, str, Verdict]]:
    if claim is not None and not claim_exists(store, claim_iri(claim)):
        raise NotFound(f"claim {claim!r} is not in the store")
    plans, problems = [], []
    for number, review in enumerate(reviews, start=1):
        what = f"review {number} ({review.url or review.publisher})"
        verdict = _verdict(review)
        cid = claim or _match(store, review)
        if verdict is None:
            problems.append(f"{what}: the rating {review.rating_text or review.rating_value!r} "
                            "does not map onto the verdict scale")
        if cid is None:
            problems.append(f"{what}: no single claim here matches {review.claim_text!r} "
                            "(name it with ?claim=ID)")
        for link in (review.url, review.publisher_url):
            if link and not URL.match(link):
                problems.append(f"{what}: {link!r} is not an http(s) URL")
        if verdict is not None and cid is not None:
            plans.append((review, cid, verdict))
    if problems:
        raise InputError("nothing was imported: " + "; ".join(problems))
    return plans


def _verdict(review: ImportedReview) -> Verdict | None:
    if review.rating_text:
        found = verdict_for(review.rating_text)
        if found is not None:
            return found
    if review.rating_value is not None:
        return verdict_for_number(review.rating_value, review.best_rating or 5,
                                  review.worst_rating or 1)
    return None


def _match(store: Store, review: ImportedReview) -> str | None:
    ref = review.claim_ref or ""
    if ref.startswith(_CLAIM_NS) and claim_exists(store, URIRef(ref)):
        return ref[len(_CLAIM_NS):]
    keys = search_keys(review.claim_text or "")
    if not keys:
        return None
    result = store.query(_BY_KEYS.format(keys=" ".join(Literal(k).n3() for k in keys),
                                         count=len(keys)))
    assert isinstance(result, SelectResult)
    found = [str(c) for c in result.values("c") if str(c).startswith(_CLAIM_NS)]
    return found[0][len(_CLAIM_NS):] if len(found) == 1 else None


def _already(store: Store, cid: str, url: str) -> bool:
    result = store.query(sparql_prefixes() + f"""ASK {{
        ?r schema:itemReviewed {claim_iri(cid).n3()} ; schema:url {URIRef(url).n3()} }}""")
    return bool(getattr(result, "value", False))


def _date(value: str | None) -> str:
    if not value:
        return dt.date.today().isoformat()
    try:
        if "T" in value:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise InputError(f"{value!r} is not an ISO date") from None
