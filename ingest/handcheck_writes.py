"""Hand-checking a claim: accept it, correct it (history kept) or reject it, through the writer."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from rdflib import URIRef

from sanad.graph import InputError, NotFound
from sanad.ontology import S

from .corpus import MODALITIES
from .corrections import Correction, correction_batch, status_batch
from .ids import claim_iri
from .review_writes import claim_exists, resolve_reviewer
from .writes import Writer

__all__ = ["ACTIONS", "HandCheckRequest", "hand_check"]

ACTIONS = {"accept": S.Accepted, "correct": S.Corrected, "reject": S.Rejected}


@dataclass(frozen=True)
class HandCheckRequest:
    """A person's decision on a claim (typically an extracted candidate)."""

    action: str
    reviewer: str
    reviewer_kind: str = "person"
    text_ar: str | None = None
    modality: str | None = None


def _check(request: HandCheckRequest) -> None:
    if request.action not in ACTIONS:
        raise InputError(f"action {request.action!r} is not one of {', '.join(ACTIONS)}")
    if request.modality is not None and request.modality not in MODALITIES:
        raise InputError(f"modality {request.modality!r} is not one of {', '.join(MODALITIES)}")
    if request.action == "correct" and not (request.text_ar or request.modality):
        raise InputError("a correction needs a new text_ar or modality")
    if request.action != "correct" and (request.text_ar or request.modality):
        raise InputError("text_ar and modality go with action 'correct' only")


def _key(reviewer: URIRef) -> str:
    """A slug naming the reviewer in the hand-check activity's IRI."""
    return "r" + hashlib.sha256(str(reviewer).encode("utf-8")).hexdigest()[:12]


def hand_check(writer: Writer, cid: str, request: HandCheckRequest,
               at: dt.datetime | None = None) -> str:
    """Apply the decision; returns the claim's new status (accepted, corrected, rejected).

    Raises ``InputError`` for a bad request, ``NotFound`` for an unknown claim and
    ``ValidationFailed`` (nothing written) when the shapes reject the result.
    """
    _check(request)
    at = at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    with writer.exclusive() as store:
        if not claim_exists(store, claim_iri(cid)):
            raise NotFound(f"claim {cid!r} is not in the store")
        reviewer, agent_batches = resolve_reviewer(store, request.reviewer, request.reviewer_kind)
        if request.action == "correct":
            batch = correction_batch(store, cid, Correction(request.text_ar, request.modality),
                                     reviewer, _key(reviewer), at)
        else:
            batch = status_batch(store, cid, ACTIONS[request.action], reviewer, _key(reviewer), at)
        writer.submit([*agent_batches, batch], [claim_iri(cid)])
    return {"accept": "accepted", "correct": "corrected", "reject": "rejected"}[request.action]
