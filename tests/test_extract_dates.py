"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from sanad.ingest.dates import event_date
from sanad.ingest.normalize import normalize_text

PUB = dt.date(2024, 3, 6)  # Wednesday


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل الاثنين", dt.date(2024, 3, 4)),
    ("وصل الأربعاء", dt.date(2024, 3, 6)),          # on the publication day
    ("وصل الأربعاء الماضي", dt.date(2024, 2, 28)),
    ("يصل الخميس المقبل", dt.date(2024, 3, 7)),
    ("وصل أمس", dt.date(2024, 3, 5)),
    ("وصل أول أمس", dt.date(2024, 3, 4)),
    ("يصل اليوم", PUB),
    ("يصل غداً", dt.date(2024, 3, 7)),
    ("في مارس الجاري", dt.date(2024, 3, 1)),
    ("في يوليو الماضي", dt.date(2023, 7, 1)),
    ("في فبراير الماضي", dt.date(2024, 2, 1)),
    ("في أبريل المقبل", dt.date(2024, 4, 1)),
    ("في حزيران", dt.date(2024, 6, 1)),
    ("العام الماضي", dt.date(2023, 1, 1)),
    ("الشهر الماضي", dt.date(2024, 2, 1)),
    ("من 10 إلى 13 أيلول", dt.date(2024, 9, 10)),
    ("في الفترة من 11 إلى 13 يوليو/ تموز", dt.date(2024, 7, 11)),
    ("في 5 يناير 2021", dt.date(2021, 1, 5)),
    ("في عام 2019", dt.date(2019, 1, 1)),
    ("بتاريخ 15/09/2023", dt.date(2023, 9, 15)),
    ("وتحدث عن الاقتصاد", None),
])
def test_dates(text: str, expected: dt.date | None) -> None:
    assert event_date(normalize_text(text), PUB) == expected


@pytest.mark.parametrize("text", ["وصل الاثنين", "وصل أمس", "في مارس الجاري", "العام الماضي"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert event_date(normalize_text(text), None) is None


def test_absolute_dates_need_none() -> None:
    assert event_date(normalize_text("في 5 يناير 2021"), None) == dt.date(2021, 1, 5)
