"""The lexicon linker: variants, affixes, demonyms, unknown and ambiguous names."""

from __future__ import annotations

import pytest

from sanad.ingest.entities import Lexicon, demonyms, name_key
from sanad.ingest.normalize import normalize_text

from .extract_helpers import lexicon


def _links(text: str, lex: Lexicon | None = None) -> list[tuple[str, str | None]]:
    norm = normalize_text(text)
    return [(norm[m.start:m.end], m.entry.qid if m.entry else None)
            for m in (lex or lexicon()).link(norm)]


@pytest.mark.parametrize(("text", "qid"), [
    ("وصل كيم جونغ أون", "Q56226"),
    ("وصل كيم جونج أون", "Q56226"),
    ("زار بيونغ يانغ", "Q18808"),
    ("زار بيونج يانج", "Q18808"),
    ("وزار الرئيس أردوغان", "Q39259"),
    ("ولتركيا موقف", "Q43"),          # و + ل
    ("بالقاهرة", "Q85"),               # بال
    ("للقاهرة", "Q85"),                # لل = ل + ال
    ("والصين", "Q148"),                # وال
    ("لمصر", "Q79"),                   # ل
    ("فإيران", "Q794"),                # ف, hamza form
])
def test_names_link_through_variants_and_affixes(text: str, qid: str) -> None:
    assert qid in [q for _, q in _links(text)]


@pytest.mark.parametrize(("text", "qid"), [
    ("الجيش الروسي", "Q159"),
    ("القوات التركية", "Q43"),
    ("المسؤولون الإيرانيون", "Q794"),
    ("الصحافة الفرنسية", "Q142"),
    ("الزعيم الكوري الشمالي", "Q423"),
])
def test_demonyms_link_to_their_country(text: str, qid: str) -> None:
    found = (normalize_text(text), lexicon().link(normalize_text(text)))
    linked = [m for m in found[1] if m.entry and m.entry.qid == qid]
    assert linked and all(m.adjective for m in linked)


def test_demonym_forms_from_a_label() -> None:
    assert "روسي" in demonyms("روسيا") and "صيني" in demonyms("الصين")
    assert "كوري شمالي" in demonyms("كوريا الشمالية")


def test_longest_match_wins() -> None:
    assert _links("قال فلاديمير بوتين") == [("فلاديمير بوتين", "Q7747")]


def test_unknown_name_is_not_guessed() -> None:
    assert _links("قال عبد الرحمن الشمري") == []


def test_another_person_sharing_a_short_alias_stays_unlinked() -> None:
    # "كيم" is an alias of Kim Jong Un; "كيم جونغ إيل" is someone else.
    assert _links("والد كيم، كيم جونغ إيل") == [("كيم", "Q56226"), ("كيم جونغ ايل", None)]


def test_ambiguous_key_links_to_nothing() -> None:
    lex = Lexicon.from_records([
        {"key": "a", "qid": "Q1", "type": "person", "label_ar": "محمد علي"},
        {"key": "b", "qid": "Q2", "type": "person", "label_ar": "محمد علي"},
    ])
    assert _links("قال محمد علي", lex) == [("محمد علي", None)]


def test_null_qid_stays_null() -> None:
    assert ("الاناضول", None) in _links("وكالة الأناضول") or ("وكاله الاناضول", None) in \
        _links("وكالة الأناضول")


def test_name_key_drops_article_and_folds() -> None:
    assert name_key("الكرملين") == name_key("كرملين")
    assert name_key("سيرغي شويغو") == name_key("سيرجي شويجو")
