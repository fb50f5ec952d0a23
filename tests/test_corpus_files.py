"""Consistency checks on the bundled corpus files (docs/corpus.md), with plain yaml + hashlib.

These tests read ``corpus/`` directly and import nothing from sanad, so they catch a bad hand
edit of the YAML (a shifted offset, an unknown entity key, a mistyped verdict) before ingest does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).parent.parent / "corpus"

MODALITIES = {"asserted", "predicted", "possible", "denied", "question"}
VERDICTS = {"true", "mostly_true", "mixed", "misleading", "mostly_false", "false", "unproven"}
KNOWN_BY = {"stated_in_text", "reviewer_inference", "unknown"}
SEGMENT_KINDS = {"body", "second_article", "related_headlines", "tags", "widget", "source_footer", "tracking"}
ENTITY_TYPES = {
    "person",
    "country",
    "place",
    "organisation",
    "outlet",
    "agency",
    "weapon",
    "event",
    "thing",
    "unnamed_source",
}
PREDICATES = {
    "meet",
    "visit",
    "supplyWeaponsTo",
    "supplyTo",
    "helpBuild",
    "provideTechnologyTo",
    "holdJointExercisesWith",
    "sendTroopsTo",
    "sendWorkersTo",
    "sanction",
    "discussWith",
    "support",
    "cooperateWith",
    "violate",
    "invade",
    "warn",
    "deny",
}
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
MIN_CLAIMS = 45
MIN_CLAIMS_PER_ARTICLE = 5


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


MANIFEST = _load(CORPUS / "manifest.yaml")["articles"]
ENTITIES = _load(CORPUS / "entities.yaml")["entities"]
CLAIM_FILES = sorted((CORPUS / "claims").glob("*.yaml"))
CLAIMS = [claim for path in CLAIM_FILES for claim in _load(path)["claims"]]
ARTICLES = {a["id"]: a for a in MANIFEST}
TEXTS = {a["id"]: (CORPUS / a["file"]).read_text(encoding="utf-8") for a in MANIFEST}
ENTITY_KEYS = {e["key"] for e in ENTITIES}
CLAIM_IDS = [c["id"] for c in CLAIMS]


def _is_date(value: Any) -> bool:
    """A YAML date (read by safe_load as ``datetime.date``) or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, dt.datetime):
        return False
    if isinstance(value, dt.date):
        return True
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return False


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _claim_ids(claims: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in claims]


# ------------------------------------------------------------------ manifest


def test_manifest_lists_every_article_file() -> None:
    on_disk = {f"articles/{p.name}" for p in (CORPUS / "articles").glob("*.txt")}
    assert {a["file"] for a in MANIFEST} == on_disk
    assert len(ARTICLES) == len(MANIFEST), "duplicate article ids"


@pytest.mark.parametrize("article", MANIFEST, ids=lambda a: a["id"])
def test_manifest_entry(article: dict[str, Any]) -> None:
    path = CORPUS / article["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == article["sha256"]
    assert article["id"] in path.name, "the id is the hex part of the file name"
    assert article["language"] == "ar"
    assert article["url"] is None or isinstance(article["url"], str)
    headline = article["headline"]
    if headline is not None:
        assert TEXTS[article["id"]].startswith(headline), "a headline is the text's first line"
    publisher = article["publisher"]
    assert publisher["known_by"] in KNOWN_BY
    assert publisher["evidence"]
    if publisher["entity"] is None:
        assert publisher["known_by"] == "unknown"
    else:
        assert publisher["entity"] in ENTITY_KEYS
    date = article["date_published"]
    assert date["known_by"] in KNOWN_BY
    assert date["evidence"]
    if date["value"] is None:
        assert date["known_by"] == "unknown"
    else:
        assert _is_date(date["value"]), date["value"]


@pytest.mark.parametrize("article", MANIFEST, ids=lambda a: a["id"])
def test_segments_lie_inside_the_text(article: dict[str, Any]) -> None:
    text = TEXTS[article["id"]]
    previous_end = 0
    for segment in sorted(article.get("segments") or [], key=lambda s: s["start"]):
        assert segment["kind"] in SEGMENT_KINDS
        assert isinstance(segment["start"], int) and isinstance(segment["end"], int)
        assert 0 <= segment["start"] < segment["end"] <= len(text), segment
        assert segment["start"] >= previous_end, f"segments overlap at {segment['start']}"
        assert text[segment["start"] : segment["end"]].strip(), "a segment covers some text"
        previous_end = segment["end"]


# ------------------------------------------------------------------ entities


def test_entity_keys_are_unique() -> None:
    keys = [e["key"] for e in ENTITIES]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e["key"])
def test_entity(entity: dict[str, Any]) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entity["key"]), "keys are short ASCII slugs"
    assert entity["type"] in ENTITY_TYPES
    assert entity["label_ar"] and entity["label_en"]
    qid = entity["qid"]
    assert qid is None or (isinstance(qid, str) and QID_RE.match(qid)), qid
    if qid is not None:
        assert str(entity.get("evidence") or "").strip(), "a QID needs evidence of where it was verified"
    if entity["type"] == "unnamed_source":
        assert qid is None
    for field in ("aliases_ar", "aliases_en", "demonyms_ar"):
        assert isinstance(entity.get(field, []), list)


def test_the_reviewer_is_an_entity() -> None:
    editors = next(e for e in ENTITIES if e["key"] == "sanad-editors")
    assert editors["type"] == "organisation" and editors["qid"] is None


# -------------------------------------------------------------------- claims


def test_claim_ids_are_unique() -> None:
    duplicates = sorted({i for i in CLAIM_IDS if CLAIM_IDS.count(i) > 1})
    assert not duplicates


def test_enough_claims() -> None:
    assert len(CLAIMS) >= MIN_CLAIMS


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_every_article_carries_claims(article_id: str) -> None:
    carried = [c for c in CLAIMS if any(a["article"] == article_id for a in c["appearances"])]
    assert len(carried) >= MIN_CLAIMS_PER_ARTICLE, _claim_ids(carried)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_claim_fields(claim: dict[str, Any]) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", claim["id"])
    assert claim["text_ar"]
    assert claim["modality"] in MODALITIES
    for field in ("date_said", "event_date", "event_end_date"):
        value = claim.get(field)
        assert value is None or _is_date(value), (field, value)
    if claim.get("event_end_date") is not None:
        assert claim.get("event_date") is not None
        assert _as_date(claim["event_end_date"]) >= _as_date(claim["event_date"])
    assert _is_date(claim["checked_on"])
    triple = claim.get("triple")
    if triple is not None:
        assert triple["predicate"] in PREDICATES, triple["predicate"]


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_claim_references_known_entities(claim: dict[str, Any]) -> None:
    refs = {claim["claimant"], claim["checked_by"], *claim.get("mentions", [])}
    if claim.get("triple"):
        refs |= {claim["triple"]["subject"], claim["triple"]["object"]}
    for appearance in claim["appearances"]:
        refs |= set(appearance.get("via") or [])
    for review in claim.get("reviews") or []:
        refs.add(review["reviewer"])
    assert not refs - ENTITY_KEYS, sorted(refs - ENTITY_KEYS)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_appearance_quotes_match_offsets(claim: dict[str, Any]) -> None:
    assert claim["appearances"], "a claim appears at least once"
    for appearance in claim["appearances"]:
        assert appearance["article"] in ARTICLES, appearance["article"]
        text = TEXTS[appearance["article"]]
        start, end = appearance["start"], appearance["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start < end <= len(text)
        assert text[start:end] == appearance["quote"], (start, end, appearance["quote"][:40])
        reported = appearance.get("date_reported")
        assert reported is None or _is_date(reported)


@pytest.mark.parametrize("claim", [c for c in CLAIMS if c.get("reviews")], ids=lambda c: c["id"])
def test_reviews(claim: dict[str, Any]) -> None:
    for review in claim["reviews"]:
        assert isinstance(review["verdict"], str), "quote the verdict: an unquoted true/false is a boolean"
        assert review["verdict"] in VERDICTS, review["verdict"]
        assert _is_date(review["date"])
        assert review["body"]
        for evidence in review.get("evidence") or []:
            assert evidence in ARTICLES or evidence in CLAIM_IDS or str(evidence).startswith("http"), evidence
