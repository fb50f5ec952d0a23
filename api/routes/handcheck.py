"""``POST /claims/{id}/handcheck``: accept, correct or reject a claim (token)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from sanad.ingest.handcheck_writes import HandCheckRequest, hand_check

from ..deps import WriteAccess, WriterDep
from ..openapi_doc import ERRORS

router = APIRouter(tags=["reviews"], dependencies=[WriteAccess])


class HandCheckIn(BaseModel):
    """A person's decision on a claim, typically an extracted candidate."""

    action: Literal["accept", "correct", "reject"]
    reviewer: str = Field(min_length=1, max_length=200, description="Name, entity key or QID.")
    reviewer_kind: Literal["person", "organisation"] = "person"
    text_ar: str | None = Field(None, min_length=1, max_length=5000,
                                description="The corrected Arabic text (action 'correct').")
    modality: Literal["asserted", "predicted", "possible", "denied", "question"] | None = None

    model_config = {"json_schema_extra": {"examples": [
        {"action": "correct", "reviewer": "Huda", "text_ar": "روسيا ستساعد كوريا الشمالية"},
        {"action": "reject", "reviewer": "Huda"},
    ]}}


class HandCheckDone(BaseModel):
    claim: str
    status: str


@router.post("/claims/{cid}/handcheck", response_model=HandCheckDone, responses=ERRORS,
             summary="Accept, correct or reject a claim (token)")
async def post_handcheck(
    cid: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200)],
    decision: HandCheckIn, writer: WriterDep,
) -> dict[str, str]:
    """The claim keeps its id; a correction keeps the earlier text as a version; the
    hand-check (who, when, which claim) is recorded as a ``prov:Activity``."""
    request = HandCheckRequest(decision.action, decision.reviewer, decision.reviewer_kind,
                               decision.text_ar, decision.modality)
    status = await run_in_threadpool(hand_check, writer, cid, request)
    return {"claim": cid, "status": status}
