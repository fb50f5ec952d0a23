"""Fact-checking lookups: ``GET /claims``, ``/claims/{id}``, ``/claims/{id}/claimreview``,
``/entities/{qid}/claims``. Each handler translates HTTP to a :mod:`sanad.queries` call."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from sanad.graph import Store
from sanad.queries import (
    ClaimQuery,
    Sort,
    claim_detail,
    claim_page,
    claim_reviews_jsonld,
    resolve_query,
)

from ..deps import LimitedStoreDep, SearchDep
from ..openapi_doc import ERRORS
from ..schemas import ClaimDetail, ClaimPage

router = APIRouter(tags=["claims"])

ClaimId = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200,
                              description="The claim's id (the part after `id:claim-`).",
                              examples=["putin-promises-satellites"])]
Limit = Annotated[int, Query(ge=1, le=100, description="Claims per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Claims to skip.")]
Words = Annotated[list[str] | None, Query(max_length=20)]


@router.get("/claims", response_model=ClaimPage, responses=ERRORS,
            summary="Find claims (text, entity, claimant, source, dates, verdict…)")
async def list_claims(
    store: LimitedStoreDep,
    _: SearchDep,
    q: Annotated[str | None, Query(max_length=500, description=(
        "Words in Arabic or English; spelling variants (hamza, alef, taa marbuta, diacritics, "
        "clitics) find each other. Ranked by relevance."), examples=["أقمار صناعية"])] = None,
    entity: Annotated[list[str] | None, Query(max_length=20, description=(
        "QID or entity key the claim is by or about (any of them)."), examples=[["Q159"]])] = None,
    claimant: Annotated[str | None, Query(max_length=200, description=(
        "QID, entity key or name of who made the claim."), examples=["Putin"])] = None,
    source: Annotated[str | None, Query(max_length=200, description="Article id.")] = None,
    publisher: Annotated[str | None, Query(max_length=200, description=(
        "QID, key or name of the outlet that published an appearance."))] = None,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    date_field: Annotated[Literal["said", "reported", "event"], Query(description=(
        "Which date `from`/`to` apply to: when it was said, reported, or the event's date."
    ))] = "said",
    modality: Annotated[list[Literal["asserted", "predicted", "possible", "denied", "question"]]
                        | None, Query(max_length=5)] = None,
    status: Annotated[list[Literal["unreviewed", "accepted", "corrected", "rejected"]] | None,
                      Query(max_length=4, description="Hand-check status.")] = None,
    verdict: Annotated[list[str] | None, Query(max_length=10, description=(
        "Latest verdict: a key or wording (false, misleading, زائف…), or `none` for claims "
        "never reviewed."))] = None,
    cluster: Annotated[str | None, Query(max_length=200, description=(
        "A cluster id (claims that say the same thing), or the id of any claim in it."))] = None,
    sort: Annotated[Sort | None, Query(description=(
        "relevance (default with q), newest (default otherwise), oldest, id."))] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims matching every filter given (the values of one filter are alternatives), one page
    in a stable order, with the total."""
    query = ClaimQuery(
        q=q, entities=tuple(entity or ()), claimant=claimant, source=source, publisher=publisher,
        date_from=date_from, date_to=date_to, date_field=date_field,
        modalities=tuple(modality or ()), statuses=tuple(status or ()),
        verdicts=tuple(verdict or ()), cluster=cluster,
    )
    return await store.run(lambda inner: _page(inner, resolve_query(inner, query), limit, offset, sort))


@router.get("/claims/{cid}", response_model=ClaimDetail, responses=ERRORS,
            summary="One claim with its appearances, chain, entities, triple, reviews, history")
async def get_claim(cid: ClaimId, store: LimitedStoreDep) -> dict[str, Any]:
    """Every appearance (article, publisher, date, quote, offsets, relay chain), entities with
    Wikidata links, the triple, reviews oldest first, cluster siblings and earlier versions."""
    return await store.run(lambda inner: claim_detail(inner, cid))


@router.get("/claims/{cid}/claimreview", response_class=JSONResponse, responses={
    200: {"description": "A list of schema.org ClaimReview objects (JSON-LD), oldest first.",
          "content": {"application/ld+json": {"example": [{
              "@context": "https://schema.org", "@type": "ClaimReview",
              "url": "https://w3id.org/sanad/id/review-putin-promises-satellites-1",
              "claimReviewed": "روسيا ستساعد كوريا الشمالية في بناء أقمار صناعية",
              "reviewRating": {"@type": "Rating", "alternateName": "Unproven"},
              "author": {"@type": "Organization", "name": "sanad editors"},
              "datePublished": "2023-09-14",
              "itemReviewed": {"@type": "Claim", "author": {"@type": "Person",
                                                            "name": "Vladimir Putin"}}}]}}},
    **ERRORS}, summary="The claim's reviews as ClaimReview JSON-LD")
async def get_claimreview(cid: ClaimId, store: LimitedStoreDep) -> JSONResponse:
    """One ClaimReview per review, for publishing as structured data."""
    reviews = await store.run(lambda inner: claim_reviews_jsonld(inner, cid))
    return JSONResponse(reviews, media_type="application/ld+json")


@router.get("/entities/{qid}/claims", response_model=ClaimPage, responses=ERRORS,
            summary="Claims by or about an entity")
async def entity_claims(
    qid: Annotated[str, Path(max_length=200, description="A QID (Q159) or a local entity key.",
                             examples=["Q159"])],
    store: LimitedStoreDep, _: SearchDep, limit: Limit = 20, offset: Offset = 0,
    sort: Sort | None = None,
) -> dict[str, Any]:
    """Claims the entity made, or that mention it, or whose triple it is in."""
    query = ClaimQuery(entities=(qid,))
    return await store.run(lambda inner: _page(inner, resolve_query(inner, query), limit, offset, sort))


def _page(store: Store, f: Any, limit: int, offset: int, sort: Sort | None) -> dict[str, Any]:
    return claim_page(store, f, limit=limit, offset=offset, sort=sort)
