"""Scoring extraction against the hand-checked claims (``sanad eval``).

For every article of the manifest, candidates are extracted (with its publication date) and
matched to the gold appearances of that article: a candidate and an appearance match when
their spans overlap by at least half of the shorter one (a candidate may cover several
appearances). Reported: precision, recall, claimant accuracy, entity-link accuracy (the QIDs
of gold mentions whose name occurs in the matched candidate's text, found among its
entities' QIDs; wrong QIDs listed), modality accuracy, and candidates inside page furniture
according to the manifest's segments (the extractor itself never reads them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .candidates import Candidate
from .corpus import Corpus, HandClaim, load_corpus, read_article_text
from .entities import Lexicon
from .extract import extract_claims
from .furniture import FURNITURE_KINDS
from .normalize import fold_key, normalize_text

MIN_OVERLAP = 0.5


@dataclass
class Report:
    """Evaluation figures; counts and the lists behind them."""

    candidates: int = 0
    gold: int = 0
    matched_candidates: int = 0
    matched_gold: int = 0
    claimant_ok: int = 0
    modality_ok: int = 0
    links_expected: int = 0
    links_ok: int = 0
    wrong_qids: list[dict[str, Any]] = field(default_factory=list)
    in_furniture: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    claimant_errors: list[dict[str, Any]] = field(default_factory=list)
    modality_errors: list[dict[str, Any]] = field(default_factory=list)
    link_misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The headline ratios."""
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0
        return {
            "precision": ratio(self.matched_candidates, self.candidates),
            "recall": ratio(self.matched_gold, self.gold),
            "claimant_accuracy": ratio(self.claimant_ok, self.matched_gold),
            "entity_link_accuracy": ratio(self.links_ok, self.links_expected),
            "modality_accuracy": ratio(self.modality_ok, self.matched_gold),
            "wrong_qids": len(self.wrong_qids),
            "candidates_in_furniture": len(self.in_furniture),
        }

    def to_json(self) -> dict[str, Any]:
        """Figures plus every count and list."""
        return {"figures": self.figures(), **asdict(self)}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two spans as a fraction of the shorter one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def _furniture(root: Path) -> dict[str, list[tuple[int, int]]]:
    data = yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8")) or {}
    return {str(a["id"]): [(int(s["start"]), int(s["end"])) for s in a.get("segments") or []
                           if s.get("kind") in FURNITURE_KINDS]
            for a in data.get("articles") or []}


def _claimant_ok(corpus: Corpus, claim: HandClaim, cand: Candidate) -> bool:
    gold = corpus.entities.get(claim.claimant)
    if gold is None:
        return False
    if gold.qid:
        return cand.claimant.qid == gold.qid
    names = {normalize_text(n) for n in (gold.label_ar, *gold.aliases_ar)}
    label = normalize_text(cand.claimant.label)
    return cand.claimant.qid is None and any(n in label or label in n for n in names)


def _named_in(entity: Any, text: str) -> bool:
    """Whether one of the entity's Arabic names occurs in ``text`` (normalised, folded)."""
    folded = fold_key(normalize_text(text))
    return any(fold_key(normalize_text(n)) in folded for n in (entity.label_ar, *entity.aliases_ar))


def _links(corpus: Corpus, claim: HandClaim, cand: Candidate, report: Report, aid: str) -> None:
    """Gold mentions named in the candidate's text must be linked to their QIDs."""
    expected = {corpus.entities[k].qid for k in claim.mentions
                if k in corpus.entities and corpus.entities[k].qid
                and _named_in(corpus.entities[k], cand.text)}
    found = {e.qid for e in cand.entities if e.qid}
    report.links_expected += len(expected)
    report.links_ok += len(expected & found)
    if expected - found:
        report.link_misses.append({"article": aid, "claim": claim.id, "start": cand.start,
                                   "missing": sorted(q for q in expected - found if q)})
    known = {e.qid: e for e in corpus.entities.values() if e.qid}
    for ent in cand.entities:
        gold = _gold_entity_by_name(corpus, ent.label)
        if ent.qid and (ent.qid not in known or (gold is not None and gold.qid != ent.qid)):
            report.wrong_qids.append({"article": aid, "label": ent.label, "qid": ent.qid,
                                      "expected": gold.qid if gold else None})


def _gold_entity_by_name(corpus: Corpus, label: str) -> Any:
    norm = normalize_text(label)
    for ent in corpus.entities.values():
        if norm in {normalize_text(n) for n in (ent.label_ar, *ent.aliases_ar)}:
            return ent
    return None


def evaluate(root: Path, lexicon: Lexicon | None = None) -> Report:
    """Score extraction on the corpus at ``root`` (the folder holding ``manifest.yaml``)."""
    corpus = load_corpus(root)
    lex = lexicon if lexicon is not None else Lexicon.load(root / "entities.yaml")
    furniture = _furniture(root)
    report = Report()
    for aid, meta in corpus.articles.items():
        text = read_article_text(meta.path)
        published = meta.date_published.value
        cands = extract_claims(text, published, lex)
        gold = [(c, a) for c in corpus.claims for a in c.appearances if a.article == aid]
        _score_article(corpus, aid, cands, gold, furniture.get(aid, []), report)
    return report


def _score_article(corpus: Corpus, aid: str, cands: list[Candidate], gold: list[Any],
                   furniture: list[tuple[int, int]], report: Report) -> None:
    report.candidates += len(cands)
    report.gold += len(gold)
    used: set[int] = set()
    for cand in cands:
        span = (cand.start, cand.end)
        if any(overlap(span, f) > 0 for f in furniture):
            report.in_furniture.append({"article": aid, "start": cand.start, "text": cand.text})
        hits = [i for i, (_, a) in enumerate(gold) if overlap(span, (a.start, a.end)) >= MIN_OVERLAP]
        if hits:
            report.matched_candidates += 1
        else:
            report.spurious.append({"article": aid, "start": cand.start, "text": cand.text[:80]})
        for i in hits:
            if i in used:
                continue
            used.add(i)
            claim, _ = gold[i]
            report.matched_gold += 1
            where = {"article": aid, "claim": claim.id, "start": cand.start}
            if _claimant_ok(corpus, claim, cand):
                report.claimant_ok += 1
            else:
                report.claimant_errors.append({**where, "expected": claim.claimant,
                                               "got": cand.claimant.to_json()})
            if cand.modality == claim.modality:
                report.modality_ok += 1
            else:
                report.modality_errors.append({**where, "expected": claim.modality,
                                               "got": cand.modality})
            _links(corpus, claim, cand, report, aid)
    for i, (claim, app) in enumerate(gold):
        if i not in used:
            report.missed.append({"article": aid, "claim": claim.id, "start": app.start,
                                  "quote": app.quote[:80]})
