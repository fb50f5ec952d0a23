"""Candidate claims as extracted, and their JSON form (the ``sanad extract`` contract).

One JSON object per candidate, keys in this order: ``text``, ``start``, ``end``,
``claimant``, ``via``, ``subject``, ``predicate``, ``object``, ``modality``, ``event_date``,
``entities``. Offsets are code points into the original text, end exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Agent:
    """Who or what a slot refers to: a label and a Wikidata QID when linked."""

    label: str
    qid: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``{label, qid}``."""
        return {"label": self.label, "qid": self.qid}


@dataclass(frozen=True)
class EntityMention:
    """An entity mention: label, QID or None, and original offsets."""

    label: str
    qid: str | None
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """``{label, qid, start, end}``."""
        return {"label": self.label, "qid": self.qid, "start": self.start, "end": self.end}


@dataclass
class Candidate:
    """A candidate claim found in one article."""

    text: str
    start: int
    end: int
    claimant: Agent
    via: list[Agent] = field(default_factory=list)
    subject: Agent | None = None
    predicate: str | None = None
    object: Agent | None = None
    modality: str = "asserted"
    event_date: date | None = None
    entities: list[EntityMention] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON object of the extract contract."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "claimant": self.claimant.to_json(),
            "via": [a.to_json() for a in self.via],
            "subject": self.subject.to_json() if self.subject else None,
            "predicate": self.predicate,
            "object": self.object.to_json() if self.object else None,
            "modality": self.modality,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "entities": [e.to_json() for e in self.entities],
        }


def to_jsonl(candidates: Iterable[Candidate]) -> str:
    """One JSON object per line (UTF-8 text, not ASCII-escaped), trailing newline included."""
    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in candidates)
