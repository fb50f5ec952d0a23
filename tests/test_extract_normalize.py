"""Arabic normalisation keeps a map back to the original text."""

from __future__ import annotations

import pytest

from sanad.ingest.normalize import fold_key, normalize, normalize_text, tokens


@pytest.mark.parametrize(("raw", "expected"), [
    ("أحمد إبراهيم آمال", "احمد ابراهيم امال"),      # hamza and madda forms of alef
    ("مدرسة", "مدرسه"),                              # taa marbuta
    ("مستشفى", "مستشفي"),                            # alef maqsura
    ("مُحَمَّدٌ", "محمد"),                                # diacritics
    ("جـــديد", "جديد"),                              # tatweel
    ("کتاب یوم", "كتاب يوم"),                         # Persian kaf and yeh
    ("مسؤول رئيس", "مسوول رييس"),                     # hamza on waw and yeh
    ("٢٠٢٣", "2023"),                                 # Arabic-Indic digits
    ("«نعم» “لا”", '"نعم" "لا"'),                     # quotes
])
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_offsets_map_back_to_the_original() -> None:
    raw = "قالَ الوزيـــرُ: «نعم»"
    norm = normalize(raw, base=100)
    start = norm.text.index("الوزير")
    a, b = norm.span(start, start + len("الوزير"))
    assert raw[a - 100:b - 100] == "الوزيـــرُ"[:-1]
    assert len(norm.offsets) == len(norm.text)


@pytest.mark.parametrize(("a", "b"), [("جونج", "جونغ"), ("شويجو", "شويغو"), ("بيونج", "بيونغ")])
def test_transliteration_folds_meet(a: str, b: str) -> None:
    assert fold_key(normalize_text(a)) == fold_key(normalize_text(b))


def test_tokens_exclude_arabic_punctuation() -> None:
    assert [t for t, _, _ in tokens("نعم، لا؛ ربما؟")] == ["نعم", "لا", "ربما"]
