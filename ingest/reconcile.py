"""Reconciliation: ranked Wikidata candidates for an unlinked name, never a silent guess.

A candidate's score says how it matched the name (as written, or in its normalised spelling):

================================  =====
exact label (rdfs:label)           0.90
exact alias (skos:altLabel)        0.75
P31 fits the entity type (Q5 for a person)  +0.10
every other candidate              −0.25 each (at most −0.50)
================================  =====

A candidate is *accepted* only when it is the only one whose score reaches the threshold
(default 0.9): a name shared by several items, or known only as an alias, is listed for a
person to choose, not linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .normalize import normalize_text
from .wikidata_client import WikidataClient, qid_of

__all__ = ["ACCEPT_THRESHOLD", "TYPE_CLASSES", "Candidate", "Reconciliation", "reconcile"]

ACCEPT_THRESHOLD = 0.9
LABEL_SCORE = 0.9
ALIAS_SCORE = 0.75
TYPE_BONUS = 0.1
PER_RIVAL = 0.25
MAX_RIVAL_PENALTY = 0.5
# Verified: Q5 = "human" (public Wikidata bot source, see docs/wikidata.md).
TYPE_CLASSES: dict[str, frozenset[str]] = {"person": frozenset({"Q5"})}
_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"


@dataclass
class Candidate:
    """One Wikidata item that carries the name."""

    qid: str
    label_ar: str | None = None
    label_en: str | None = None
    description_ar: str | None = None
    description_en: str | None = None
    instance_of: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)  # "label@ar", "alias@en", …
    score: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"qid": self.qid, "score": round(self.score, 3), "matched": self.matched,
                "label_ar": self.label_ar, "label_en": self.label_en,
                "description_ar": self.description_ar, "description_en": self.description_en,
                "instance_of": self.instance_of}


@dataclass
class Reconciliation:
    """The candidates for one name, best first, and the one accepted (or None, with why)."""

    name: str
    candidates: list[Candidate]
    accepted: Candidate | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "accepted": self.accepted.qid if self.accepted else None,
                "reason": self.reason, "candidates": [c.to_json() for c in self.candidates]}


def spellings(name: str) -> list[str]:
    """The name as written and in its normalised spelling (hamza, taa marbuta… folded)."""
    clean = " ".join(name.split())
    return list(dict.fromkeys([clean, normalize_text(clean)]))


def reconcile(client: WikidataClient, name: str, entity_type: str | None = None,
              threshold: float = ACCEPT_THRESHOLD) -> Reconciliation:
    """Ranked candidates for ``name``; accept one only if it alone reaches ``threshold``."""
    found: dict[str, Candidate] = {}
    for row in client.search(spellings(name)):
        qid = qid_of(row.get("item", {}).get("value", ""))
        if qid is None:
            continue
        cand = found.setdefault(qid, Candidate(qid))
        _merge(cand, row)
    cands = list(found.values())
    wanted = TYPE_CLASSES.get(entity_type or "", frozenset())
    for cand in cands:
        base = LABEL_SCORE if any(m.startswith("label") for m in cand.matched) else ALIAS_SCORE
        bonus = TYPE_BONUS if wanted & set(cand.instance_of) else 0.0
        rivals = min(MAX_RIVAL_PENALTY, PER_RIVAL * (len(cands) - 1))
        cand.score = round(max(0.0, base + bonus - rivals), 3)
    cands.sort(key=lambda c: (-c.score, int(c.qid[1:])))
    return Reconciliation(name, cands, *_choice(cands, threshold))


def _choice(cands: list[Candidate], threshold: float) -> tuple[Candidate | None, str]:
    if not cands:
        return None, "no Wikidata item has this label or alias"
    good = [c for c in cands if c.score >= threshold]
    if len(good) == 1:
        return good[0], f"only candidate at or above {threshold}: {', '.join(good[0].matched)}"
    if len(cands) > 1:
        return None, f"ambiguous: {len(cands)} items carry this name; a person must choose"
    return None, f"best score {cands[0].score} is below the threshold {threshold}"


def _merge(cand: Candidate, row: dict[str, dict[str, str]]) -> None:
    def val(key: str) -> str | None:
        return row[key]["value"] if key in row else None

    name = row.get("name", {})
    kind = "alias" if row.get("prop", {}).get("value") == _SKOS_ALT else "label"
    tag = f"{kind}@{name.get('xml:lang', '?')}"
    if tag not in cand.matched:
        cand.matched.append(tag)
    cand.label_ar = cand.label_ar or val("labelAr")
    cand.label_en = cand.label_en or val("labelEn")
    cand.description_ar = cand.description_ar or val("descAr")
    cand.description_en = cand.description_en or val("descEn")
    typ = qid_of(val("type") or "")
    if typ and typ not in cand.instance_of:
        cand.instance_of.append(typ)
