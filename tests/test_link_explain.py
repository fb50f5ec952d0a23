"""Why the linker linked each name (confidence + reason), and what stays unlinked."""

from __future__ import annotations

from typing import Any

from sanad.ingest.entities import Lexicon
from sanad.ingest.link_explain import explain

RECORDS: list[dict[str, Any]] = [
    {"key": "shoigu", "qid": "Q32024", "type": "person", "label_ar": "سيرغي شويغو",
     "aliases_ar": ["شويغو", "وزير الدفاع الروسي"]},
    {"key": "kim-jong-un", "qid": "Q56226", "type": "person", "label_ar": "كيم جونغ أون",
     "aliases_ar": ["كيم", "الزعيم"]},
    {"key": "kim-jong-il", "qid": "Q5765", "type": "person", "label_ar": "كيم جونغ إيل",
     "aliases_ar": ["الزعيم"]},
    {"key": "russia", "qid": "Q159", "type": "country", "label_ar": "روسيا"},
    {"key": "lavrov", "qid": None, "type": "person", "label_ar": "سيرغي لافروف"},
]
NAMES = {r["key"]: (r["label_ar"], r.get("aliases_ar", [])) for r in RECORDS}
LEX = Lexicon.from_records(RECORDS)


def _decisions(text: str) -> dict[str, tuple[str | None, float, str]]:
    found = explain(text, LEX, NAMES)
    assert all(text[d.start:d.end] == d.text for d in found)
    return {d.text: (d.qid, d.confidence, d.reason) for d in found}


def test_reasons_and_confidence() -> None:
    got = _decisions("قال وزير الدفاع الروسي إن سيرغي شويغو وشويجو زار روسيا والتقى الزعيم الروسي")
    assert got["وزير الدفاع الروسي"] == ("Q32024", 0.8, "title in context")
    assert got["سيرغي شويغو"] == ("Q32024", 1.0, "exact label")
    assert got["شويجو"] == ("Q32024", 0.9, "normalised alias")  # ج for غ, and the proclitic و
    assert got["روسيا"] == ("Q159", 1.0, "exact label")
    assert got["الروسي"] == ("Q159", 0.6, "demonym")


def test_ambiguous_and_unknown_names_stay_unlinked() -> None:
    got = _decisions("وصل الزعيم ثم تحدث سيرغي لافروف")
    assert got["الزعيم"] == (None, 0.0, "ambiguous")
    assert got["سيرغي لافروف"] == (None, 0.0, "unlinked entity")


def test_a_short_name_followed_by_another_full_name_is_not_linked() -> None:
    lex = Lexicon.from_records([RECORDS[1]])
    found = explain("زار كيم جونغ إيل موسكو", lex, NAMES)
    assert [(d.text, d.qid, d.reason) for d in found] == [("كيم جونغ إيل", None, "different continuation")]
