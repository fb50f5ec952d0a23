"""Search keys: Arabic spelling variants meet, English is case-folded, stop words drop out."""

from __future__ import annotations

import pytest

from sanad.ingest.search_keys import search_keys


@pytest.mark.parametrize(("one", "other"), [
    ("أعلن الرئيس", "اعلن الرئيس"),            # hamza on alef
    ("إطلاق صاروخ", "اطلاق صاروخ"),            # hamza below
    ("القمّة الروسيّة", "القمه الروسية"),        # shadda, taa marbuta
    ("مُضَلِّل", "مضلل"),                         # diacritics
    ("كيم جونغ أون", "كيم جونج اون"),           # foreign /g/ spellings
    ("والصين", "الصين"),                         # clitic waw + article
    ("Russia's PLAN", "russia's plan"),
])
def test_variants_give_the_same_keys(one: str, other: str) -> None:
    assert search_keys(one) == search_keys(other)


def test_stop_words_and_punctuation_give_no_keys() -> None:
    assert search_keys("في من على إلى ، . ؟ the of and") == []
    assert search_keys("روسيا في الصين") == ["روسيا", "صين"]
