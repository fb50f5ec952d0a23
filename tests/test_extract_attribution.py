"""Attribution cues as rules: each verb form, nested relays, continuation, prepositional cues."""

from __future__ import annotations

import pytest

from .extract_helpers import extract, one


@pytest.mark.parametrize("verb", [
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أوضح", "ذكرت", "أفادت", "صرح",
    "يقول", "تقول", "يؤكد", "تؤكد",
])
def test_reporting_verbs(verb: str) -> None:
    cand = one(f"{verb} الرئيس أردوغان إن تركيا ستفتح معبرا جديدا مع مصر.")
    assert cand.claimant.qid == "Q39259"


def test_ashara_ila_anna() -> None:
    cand = one("وأشار الرئيس أردوغان إلى أن تركيا ستفتح معبرا جديدا.")
    assert cand.claimant.qid == "Q39259"


def test_plural_verb_and_anonymous_source_keeps_its_label() -> None:
    cand = one("وقال مسؤولون أتراك وأوروبيون إن المفاوضات توقفت.")
    assert (cand.claimant.label, cand.claimant.qid) == ("مسؤولون أتراك وأوروبيون", None)


def test_nested_relay_with_qawluhu() -> None:
    cand = one('ونقلت وكالة "رويترز" عن أردوغان قوله إن القمة ستعقد في القاهرة.')
    assert cand.claimant.qid == "Q39259"
    assert [v.qid for v in cand.via] == ["Q1000005"]


def test_naqlan_an_makes_the_verb_subject_a_relay() -> None:
    cand = one('ذكرت صحيفة "نيويورك تايمز"، نقلاً عن مصادر مطلعة، أن إيران ترفض العرض.')
    assert cand.claimant.label == "مصادر مطلعة" and cand.claimant.qid is None
    assert [v.qid for v in cand.via] == ["Q9684"]


def test_addressee_outlet_is_a_relay() -> None:
    cand = one("وقال مسؤول تركي لوكالة رويترز إن الاتفاق بات قريبا.")
    assert cand.claimant.label == "مسؤول تركي"
    assert [v.qid for v in cand.via] == ["Q1000005"]


@pytest.mark.parametrize("cue", ["وفق", "بحسب", "حسب", "وفقاً لـ", "نقلاً عن"])
def test_prepositional_cue_after_the_content(cue: str) -> None:
    cand = one(f"وارتفعت الصادرات المصرية إلى تركيا بنسبة كبيرة، {cue} رويترز.")
    assert cand.claimant.qid == "Q1000005"


def test_prepositional_cue_before_the_content() -> None:
    cand = one("ووفقاً للمسؤولين، فإن الوفد سيصل إلى القاهرة غدا.")
    assert cand.claimant.label == "المسؤولين"


def test_hasabama_with_its_verb() -> None:
    cand = one("وستعقد القمة في أنقرة، حسبما أعلن الكرملين.")
    assert cand.claimant.label == "الكرملين"


@pytest.mark.parametrize("lead", ["وأضاف", "وتابع:", "وأوضح", "من جهته، أكد"])
def test_continuation_carries_the_previous_speaker(lead: str) -> None:
    first, second = extract(f"قال أردوغان إن تركيا تدعم الحوار. {lead} أن الحل سياسي.")
    assert second.claimant == first.claimant


def test_participle_continues_the_speaker() -> None:
    first, second = extract("وقال الرئيس أردوغان إن بلاده تدعم الحوار، مضيفا أن الحل سياسي.")
    assert first.claimant.qid == second.claimant.qid == "Q39259"


def test_direct_quote_after_colon() -> None:
    cand = one('وقال أردوغان: "لن نتراجع عن موقفنا".')
    assert cand.claimant.qid == "Q39259" and cand.modality == "denied"


def test_quote_paragraph_continues_the_speaker() -> None:
    found = extract('وقال أردوغان إن الحوار ضروري.\n"الباب مفتوح أمام الجميع".')
    assert len(found) == 2 and found[1].claimant.qid == "Q39259"


def test_coordinated_reporting_clauses_are_two_claims() -> None:
    first, second = extract("واعتبرت القاهرة أن القرار خاطئ، بينما رأت أنقرة أنه ضروري.")
    assert first.claimant.label != second.claimant.label


def test_pre_verbal_subject_with_kana_qad() -> None:
    cand = one("وكان الكرملين قد حذر تركيا من أنها ستدفع الثمن.")
    assert cand.claimant.label == "الكرملين"


def test_sentence_without_a_cue_is_not_a_claim() -> None:
    assert extract("وتشهد المنطقة موجة حر شديدة منذ أيام.") == []


def test_capital_speaking_stands_for_its_state() -> None:
    cand = one("وقالت القاهرة إن المعبر سيفتح غدا.")
    assert cand.claimant.qid == "Q79"
