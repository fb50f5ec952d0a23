"""schema.org ClaimReview JSON-LD, one object per review, in the shape Google's fact-check
structured data asks for: ``@context`` https://schema.org, ``claimReviewed``, ``reviewRating``
(``alternateName`` always; ``ratingValue``/``bestRating``/``worstRating`` when the verdict is on
the 1–5 scale), ``author``, ``datePublished``, ``url``, and ``itemReviewed`` a ``Claim`` with
its ``author``, ``datePublished``, ``appearance`` and ``firstAppearance``."""

from __future__ import annotations

from typing import Any

from sanad.graph import Store

from .claim_view import claim_detail

__all__ = ["claim_reviews_jsonld"]

CONTEXT = "https://schema.org"


def claim_reviews_jsonld(store: Store, cid: str) -> list[dict[str, Any]]:
    """The claim's reviews as ClaimReview objects, oldest first (empty if never reviewed)."""
    claim = claim_detail(store, cid)
    text = claim["text"].get("ar") or next(iter(claim["text"].values()), "")
    item = _claim(claim)
    return [_review(review, text, item) for review in claim["reviews"]]


def _review(review: dict[str, Any], text: str, item: dict[str, Any]) -> dict[str, Any]:
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": review["original_rating"] or review["verdict_label"] or review["verdict"],
    }
    value = review["rating_value"]
    if value is not None and 1 <= value <= 5:  # Unproven (0) is outside the numeric scale
        rating.update(ratingValue=value, bestRating=review["best_rating"] or 5,
                      worstRating=review["worst_rating"] or 1)
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": review["iri"],
        "url": review["url"] or review["iri"],
        "claimReviewed": text,
        "reviewRating": rating,
        "datePublished": review["date"],
        "itemReviewed": item,
    }
    if review["reviewer"] is not None:
        out["author"] = _agent(review["reviewer"])
    if review["body"]:
        out["reviewBody"] = review["body"]
    return out


def _claim(claim: dict[str, Any]) -> dict[str, Any]:
    appearances = [_work(a) for a in claim["appearances"]]
    item: dict[str, Any] = {"@type": "Claim", "@id": claim["iri"], "appearance": appearances}
    if claim["claimant"] is not None:
        item["author"] = _agent(claim["claimant"])
    if claim["date_said"]:
        item["datePublished"] = claim["date_said"]
    first = [w for a, w in zip(claim["appearances"], appearances, strict=True) if a["first"]]
    if first:
        item["firstAppearance"] = first[0]
    return item


def _work(app: dict[str, Any]) -> dict[str, Any]:
    article = app["article"] or {}
    work: dict[str, Any] = {"@type": "NewsArticle", "@id": article.get("iri") or app["iri"]}
    if article.get("url"):
        work["url"] = article["url"]
    if article.get("headline"):
        work["headline"] = article["headline"]
    date = app["date_reported"] or article.get("date_published")
    if date:
        work["datePublished"] = date
    if article.get("publisher"):
        work["publisher"] = _agent(article["publisher"])
    if app["quote"]:
        work["text"] = app["quote"]
    return work


def _agent(entity: dict[str, Any]) -> dict[str, Any]:
    labels = entity["labels"]
    kind = "Person" if entity["kind"] == "person" else "Organization"
    agent: dict[str, Any] = {"@type": kind, "name": labels.get("en") or labels.get("ar")
                             or next(iter(labels.values()), entity["iri"])}
    if entity["wikidata"]:
        agent["sameAs"] = entity["wikidata"]
    return agent
