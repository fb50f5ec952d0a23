"""Guarded writes of reviews: ``POST /claims/{id}/reviews`` and ``POST /claimreviews``.

Both need the bearer token, go through the one writer (serialised, SHACL-gated, indexed) and
store nothing when anything is wrong.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from sanad.graph import InputError
from sanad.ingest.claimreview_import import import_claimreviews
from sanad.ingest.claimreview_in import parse_claimreviews
from sanad.ingest.review_writes import ReviewRequest, add_review

from ..deps import WriteAccess, WriterDep
from ..openapi_doc import ERRORS
from ..schemas import ImportResult, ReviewCreated, ReviewIn

router = APIRouter(tags=["reviews"], dependencies=[WriteAccess])

_IMPORT_EXAMPLE = {"claims": [{"text": "روسيا ستساعد كوريا الشمالية في بناء أقمار صناعية",
                               "claimant": "Vladimir Putin", "claimReview": [{
                                   "publisher": {"name": "Misbar", "site": "misbar.com"},
                                   "url": "https://misbar.com/factcheck/example",
                                   "reviewDate": "2023-09-20", "textualRating": "مضلل",
                                   "languageCode": "ar"}]}]}


@router.post("/claims/{cid}/reviews", status_code=201, response_model=ReviewCreated,
             responses=ERRORS, summary="Add a review to a claim (token)")
async def post_review(
    cid: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200)],
    review: ReviewIn, writer: WriterDep, response: Response,
) -> dict[str, Any]:
    """A new verdict with its evidence; earlier reviews stay. 422 with the SHACL report (and
    nothing stored) if the shapes reject it."""
    request = ReviewRequest(
        verdict=review.verdict, reviewer=review.reviewer, reviewer_kind=review.reviewer_kind,
        date=review.date.isoformat() if review.date else None, body=review.body,
        body_language=review.body_language, evidence=tuple(review.evidence),
    )
    iri = await run_in_threadpool(add_review, writer, cid, request)
    response.headers["Location"] = f"/claims/{cid}"
    return {"id": str(iri).rsplit("/review-", 1)[-1], "iri": str(iri), "claim": cid,
            "verdict": review.verdict}


@router.post("/claimreviews", response_model=ImportResult, responses=ERRORS,
             summary="Import ClaimReview JSON-LD or a Fact Check Tools response (token)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"type": "object"}, "example": _IMPORT_EXAMPLE},
                 "application/ld+json": {"schema": {"type": "object"}}}}})
async def post_claimreviews(
    request: Request, writer: WriterDep, response: Response,
    claim: Annotated[str | None, Query(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200,
                                       description="The claim every review rates (else matched "
                                       "by itemReviewed or by text).")] = None,
) -> dict[str, Any]:
    """Publishers' ratings map onto the verdict scale (the original wording is kept). All or
    nothing: an unmatched claim or unknown rating imports nothing."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in ("application/json", "application/ld+json"):
        raise InputError(f"send JSON (application/json or application/ld+json), not {media or 'nothing'}")
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"the body is not JSON: {exc}") from exc
    outcome = await run_in_threadpool(import_claimreviews, writer, parse_claimreviews(data), claim)
    response.status_code = 201 if outcome.imported else 200
    return {"imported": outcome.imported, "skipped": outcome.skipped}
