"""The pipeline end to end: offsets, JSON contract, triples, dates, bad input, large input."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from sanad.ingest.candidates import to_jsonl
from sanad.ingest.extract import UnsupportedLanguageError, extract_claims
from sanad.ingest.triples import RELATION_BASE

from .extract_helpers import PUBLISHED, extract, lexicon, one
from .utils.paths import CORPUS

KEYS = ["text", "start", "end", "claimant", "via", "subject", "predicate", "object", "modality",
        "event_date", "entities"]


@pytest.mark.parametrize("path", sorted((CORPUS / "articles").glob("*.txt")), ids=lambda p: p.name)
def test_offsets_index_the_original_text(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    found = extract_claims(text, dt.date(2023, 9, 4), lexicon())
    assert found
    for cand in found:
        assert text[cand.start:cand.end] == cand.text
        for ent in cand.entities:
            assert 0 <= ent.start < ent.end <= len(text)


def test_json_contract() -> None:
    cand = one("وقال أردوغان الاثنين إن تركيا ستزود مصر بأسلحة.")
    (line,) = to_jsonl([cand]).splitlines()
    obj = json.loads(line)
    assert list(obj) == KEYS
    assert obj["claimant"] == {"label": "رجب طيب أردوغان", "qid": "Q39259"}
    assert obj["predicate"] == RELATION_BASE + "supplyWeaponsTo"
    assert obj["subject"]["qid"] == "Q43" and obj["object"]["qid"] == "Q79"
    assert obj["modality"] == "predicted"
    assert all(set(e) == {"label", "qid", "start", "end"} for e in obj["entities"])


@pytest.mark.parametrize(("sentence", "triple"), [
    ("وقال بوتين إن روسيا ستساعد إيران في بناء أقمار صناعية.", ("Q159", "helpBuild", None)),
    ("وقال مسؤولون إن تركيا ستجري مناورات مشتركة مع مصر.", ("Q43", "holdJointExercisesWith",
                                                           "Q79")),
    ("وأكد أردوغان أن تركيا ستزور القاهرة الشهر المقبل.", ("Q43", "visit", "Q79")),
    ("وقال الكرملين إن بوتين التقى أردوغان في موسكو.", ("Q7747", "meet", "Q39259")),
])
def test_triples(sentence: str, triple: tuple[str, str, str | None]) -> None:
    cand = one(sentence)
    assert cand.subject is not None and cand.object is not None
    assert (cand.subject.qid, cand.predicate, cand.object.qid) == \
        (triple[0], RELATION_BASE + triple[1], triple[2])


def test_help_build_object_is_the_thing_built() -> None:
    cand = one("وقال بوتين إن روسيا ستساعد إيران في بناء أقمار صناعية.")
    assert cand.object is not None and cand.object.label == "أقمار صناعية"


def test_event_date_comes_from_the_content_not_the_frame() -> None:
    cand = one("وقال أردوغان، الاثنين، إن الوفد سيصل إلى القاهرة في أبريل المقبل.")
    assert cand.event_date == dt.date(2024, 4, 1)


def test_second_article_has_no_publication_date() -> None:
    body = "وقال أردوغان إن الوفد وصل أمس إلى القاهرة لإجراء محادثات مطولة مع المسؤولين المصريين."
    text = f"{body}\n{body}\n{body}\nالمصدر: وكالات\nإقرأ أيضاً:\nعنوان\n{body}\n{body}"
    found = extract(text)
    assert [c.event_date for c in found] == [PUBLISHED - dt.timedelta(days=1)] * 3 + [None] * 2


def test_no_candidates_inside_furniture() -> None:
    text = ("وقال أردوغان إن تركيا تدعم الحوار بين جميع الأطراف في المنطقة ولن تتراجع عن ذلك أبدا، "
            "مؤكدا أن الحل سياسي.\nمقالات مشابهة\n  • قال أردوغان إن تركيا تدعم الحوار")
    found = extract(text)
    assert all(c.end <= text.index("مقالات") for c in found)


def test_empty_text_gives_nothing() -> None:
    assert extract("") == [] and extract("   \n\n") == []


def test_english_text_is_refused() -> None:
    with pytest.raises(UnsupportedLanguageError):
        extract_claims("The minister said that the talks would resume on Monday.", None, lexicon())


def _generated(size: int) -> str:
    rnd = random.Random(3)
    people = ["المتحدث باسم الحكومة", "مسؤول أمني", "رئيس الوزراء", "مصدر دبلوماسي"]
    lines = ["وتشهد المنطقة توترا متزايدا منذ أشهر، في ظل أزمة اقتصادية خانقة.",
             "وارتفعت أسعار الوقود خلال الربع الأخير من العام.",
             "ويعيش في المدينة نحو {n} ألف نسمة بحسب آخر تعداد.",
             "وقال {p} إن الحكومة ستعلن خطة جديدة في {n} أبريل المقبل."]
    out: list[str] = []
    total = 0
    while total < size:
        line = rnd.choice(lines).format(n=rnd.randint(1, 28), p=rnd.choice(people))
        out.append(line)
        total += len(line) + 1
    return "\n".join(out)


@pytest.mark.slow
def test_five_megabytes_complete() -> None:
    text = _generated(5_000_000)
    found = extract_claims(text, PUBLISHED, lexicon())
    assert len(found) > 1000
