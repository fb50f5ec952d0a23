"""Request and response bodies of the lookup and write routes (the OpenAPI schemas, with examples)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Appearance", "Article", "ClaimDetail", "ClaimPage", "ClaimSummary", "Cluster", "Entity",
    "FieldEvidence", "ImportResult", "Review", "ReviewCreated", "ReviewIn", "Source", "Triple",
    "Version",
]

_PUTIN: dict[str, Any] = {"iri": "http://www.wikidata.org/entity/Q7747", "qid": "Q7747", "key": None,
          "kind": "person", "labels": {"ar": "فلاديمير بوتين", "en": "Vladimir Putin"},
          "wikidata": "https://www.wikidata.org/wiki/Q7747"}


class Entity(BaseModel):
    """An entity or agent: Wikidata-linked (``qid``, ``wikidata``) or local (``key``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_PUTIN]})  # type: ignore[list-item]
    iri: str
    qid: str | None = None
    key: str | None = None
    kind: str = "thing"
    labels: dict[str, str] = {}
    wikidata: str | None = None


class Review(BaseModel):
    iri: str
    verdict: str | None = Field(None, examples=["false"])
    verdict_label: str | None = Field(None, examples=["False"])
    rating_value: int | None = Field(None, examples=[1])
    best_rating: int | None = None
    worst_rating: int | None = None
    original_rating: str | None = Field(None, description="The rating as its publisher worded it.",
                                        examples=["زائف"])
    reviewer: Entity | None = None
    date: str | None = Field(None, examples=["2023-09-13"])
    body: str | None = None
    url: str | None = None
    evidence: list[str] = []
    generated_by: str | None = None


class ClaimSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{  # type: ignore[list-item]
        "id": "putin-promises-satellites", "iri": "https://w3id.org/sanad/id/claim-putin-promises-satellites",
        "text": {"ar": "روسيا ستساعد كوريا الشمالية في بناء أقمار صناعية"}, "claimant": _PUTIN,
        "modality": "predicted", "status": "accepted", "date_said": "2023-09-13",
        "event_date": None, "event_end_date": None, "first_reported": "2023-09-13",
        "appearance_count": 2, "verdict": None, "confidence": None, "score": 1.26}]})
    id: str
    iri: str
    text: dict[str, str] = Field(description="The claim's text by language (`ar`, and `en` if glossed).")
    claimant: Entity | None = None
    modality: str | None = Field(None, description="asserted, predicted, possible, denied or question.")
    status: str | None = Field(
        None, description="Hand-check status: unreviewed, accepted, corrected, rejected.")
    date_said: str | None = None
    event_date: str | None = None
    event_end_date: str | None = None
    first_reported: str | None = None
    appearance_count: int = 0
    verdict: Review | None = Field(None, description="The latest review, if any.")
    confidence: float | None = Field(None, description="Extraction confidence (extracted candidates).")
    score: float | None = Field(None, description="Text relevance (with `q`).")
    start: int | None = Field(None, description="Offset of the quote in the source (on /sources).")
    end: int | None = None


class ClaimPage(BaseModel):
    total: int = Field(description=(
        "Claims matching, over all pages; a lower bound when `total_exact` is false."))
    total_exact: bool = Field(True, description=(
        "False when counting stopped at 1,000: at least `total` claims match "
        "(`next_offset` still says whether another page follows)."))
    offset: int
    limit: int
    next_offset: int | None = Field(None, description="Offset of the next page; null on the last.")
    claims: list[ClaimSummary]


class Article(BaseModel):
    id: str | None = None
    iri: str
    headline: str | None = None
    publisher: Entity | None = None
    date_published: str | None = None
    url: str | None = None
    language: str | None = None


class Appearance(BaseModel):
    iri: str
    first: bool = Field(description="This is the claim's first appearance.")
    article: Article | None = None
    start: int | None = Field(None, description="Code-point offset of the quote in the article text.")
    end: int | None = None
    quote: str | None = None
    date_reported: str | None = None
    relayed_by: list[Entity] = Field([], description="The attribution chain, nearest relay first.")
    generated_by: str | None = None


class Triple(BaseModel):
    graph: str | None = None
    subject: Entity
    predicate: dict[str, Any]
    object: dict[str, Any]


class Version(BaseModel):
    iri: str
    text: dict[str, str] = {}
    modality: str | None = None
    triple: Triple | None = None
    invalidated_at: str | None = None
    invalidated_by: str | None = None


class Sibling(ClaimSummary):
    similarity: str | None = Field(None, description="How it resembles the cluster (e.g. same words).")
    similarity_score: float | None = None


class Cluster(BaseModel):
    id: str = Field(description="The cluster's id (`id:cluster-{id}`); `cluster=` takes it or any "
                    "member's claim id.")
    iri: str | None = None
    size: int
    siblings: list[Sibling]


class ClaimDetail(ClaimSummary):
    triple: Triple | None = None
    entities: list[Entity] = []
    appearances: list[Appearance] = []
    reviews: list[Review] = Field([], description="Oldest first; none is ever erased.")
    versions: list[Version] = Field([], description="Earlier versions kept after corrections.")
    generated_by: str | None = None
    cluster: Cluster | None = Field(None, description="Other claims that say the same thing.")


class FieldEvidence(BaseModel):
    field: str | None = None
    known_by: str | None = None
    evidence: str | None = None


class Source(Article):
    sha256: str | None = None
    length: int | None = None
    text: str | None = None
    field_evidence: list[FieldEvidence] = []
    claims: list[ClaimSummary] = []


class ReviewIn(BaseModel):
    """A new review of a claim. It never replaces earlier reviews."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "verdict": "زائف", "reviewer": "sanad-editors",
        "evidence": ["https://example.org/fact-check/123"], "body": "No launch took place.",
        "body_language": "en"}]})
    verdict: str = Field(min_length=1, max_length=100,
                         description="A verdict key (false, misleading…) or any wording of it, "
                         "English or Arabic (False, زائف, مضلل…).")
    reviewer: str = Field(min_length=1, max_length=200,
                          description="QID, entity key or name of the reviewer; a new name "
                          "creates a local agent.")
    reviewer_kind: Literal["person", "organization"] = "person"
    date: dt.date | dt.datetime | None = Field(None, description="Defaults to now.")
    body: str | None = Field(None, max_length=20_000)
    body_language: str = Field("en", pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
    evidence: list[str] = Field([], max_length=50,
                                description="URLs, or ids of claims or articles in the store.")


class ReviewCreated(BaseModel):
    id: str = Field(examples=["putin-promises-satellites-2"])
    iri: str
    claim: str
    verdict: str


class ImportResult(BaseModel):
    imported: list[dict[str, Any]]
    skipped: list[dict[str, Any]]
