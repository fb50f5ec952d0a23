"""Reading fact-checks from outside: schema.org ClaimReview JSON-LD and the Google Fact Check
Tools API ``claims:search`` response, both into :class:`ImportedReview` records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanad.graph import InputError

__all__ = ["ImportedReview", "parse_claimreviews"]


@dataclass(frozen=True)
class ImportedReview:
    """One fact-check as published: what it rates, who rated it, how, when, where."""

    claim_text: str | None
    claim_ref: str | None
    publisher: str
    publisher_url: str | None
    url: str | None
    date: str | None
    rating_text: str | None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    language: str | None = None
    title: str | None = None


def parse_claimreviews(data: Any) -> list[ImportedReview]:
    """Every review in ``data``: a ClaimReview object, a list of them, an ``@graph``, or a
    Fact Check Tools response (``{"claims": [{"text", "claimReview": [...]}, ...]}``)."""
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        return [r for claim in data["claims"] for r in _fact_check_claim(claim)]
    items = data.get("@graph") if isinstance(data, dict) and "@graph" in data else data
    items = items if isinstance(items, list) else [items]
    found = [_claim_review(item) for item in items
             if isinstance(item, dict) and _is_type(item, "ClaimReview")]
    if not found:
        raise InputError("no ClaimReview found: send schema.org ClaimReview JSON-LD (an object, "
                         "a list or an @graph) or a Fact Check Tools claims:search response")
    return found


def _fact_check_claim(claim: Any) -> list[ImportedReview]:
    if not isinstance(claim, dict) or not isinstance(claim.get("claimReview"), list):
        raise InputError("each entry of 'claims' needs a 'claimReview' list")
    found = []
    for review in claim["claimReview"]:
        if not isinstance(review, dict):
            raise InputError("each claimReview must be an object")
        publisher = review.get("publisher") or {}
        found.append(ImportedReview(
            claim_text=_text(claim.get("text")), claim_ref=None,
            publisher=_name(publisher.get("name") or publisher.get("site")),
            publisher_url=_site(publisher.get("site")), url=_text(review.get("url")),
            date=_text(review.get("reviewDate")), rating_text=_text(review.get("textualRating")),
            language=_text(review.get("languageCode")), title=_text(review.get("title")),
        ))
    return found


def _claim_review(item: dict[str, Any]) -> ImportedReview:
    rating = _one(item.get("reviewRating")) or {}
    author = _one(item.get("author")) or {}
    claim = _one(item.get("itemReviewed")) or {}
    return ImportedReview(
        claim_text=_text(item.get("claimReviewed")) or _text(claim.get("text")),
        claim_ref=_text(claim.get("@id") or claim.get("identifier") or claim.get("sameAs")),
        publisher=_name(author.get("name") if isinstance(author, dict) else author),
        publisher_url=_text(author.get("url")) if isinstance(author, dict) else None,
        url=_text(item.get("url")), date=_text(item.get("datePublished")),
        rating_text=_text(rating.get("alternateName")),
        rating_value=_number(rating.get("ratingValue")), best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")), language=_text(item.get("inLanguage")),
    )


def _is_type(item: dict[str, Any], name: str) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == name for k in kinds)


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@value") or value.get("@id")
    return str(value).strip() or None if isinstance(value, str | int | float) else None


def _name(value: Any) -> str:
    name = _text(value)
    if not name:
        raise InputError("a review needs its publisher's name (author.name or publisher.name)")
    return name


def _site(site: Any) -> str | None:
    text = _text(site)
    if text and not text.startswith(("http://", "https://")):
        return f"https://{text}"
    return text


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        raise InputError(f"rating {value!r} is not a number") from None
