"""Event dates in Arabic news text, resolved against the publication date.

:func:`event_date` returns the date of the first date expression of a (normalised) text:
"10 سبتمبر 2023", ranges "من 10 إلى 13 سبتمبر" (the start), "سبتمبر الجاري", "يوليو الماضي",
"في يوليو" (the first of the month), "عام 2019" / "العام الماضي" (1 January), weekday names
("الاثنين" → the most recent Monday on or before publication; "الأربعاء الماضي" strictly
before), "أمس", "أول أمس", "اليوم", "غداً", "الشهر الماضي", and numeric dates (via dateparser).
Without a publication date, expressions that need one give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import dateparser

MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "اذار": 3, "ابريل": 4,
    "افريل": 4, "نيسان": 4, "مايو": 5, "ايار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويليه": 7, "اغسطس": 8, "اوت": 8, "سبتمبر": 9,
    "ايلول": 9, "اكتوبر": 10, "تشرين الاول": 10, "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الاول": 12,
}
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
            "الاحد": 6}

_M = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?:\s*/\s*(?:" + \
     "|".join(sorted(MONTHS, key=len, reverse=True)) + "|اب))?"
_B = r"(?<![\w])"
_E = r"(?![\w])"
_Y = r"((?:19|20)\d\d)"
_YEAR = r"(?:\s+(?:من\s+)?(?:عام|سنه|العام)?\s*" + _Y + ")?"
_PAST = ("الماضي", "المنصرم", "الفايت", "السابق")
_NEXT = ("المقبل", "القادم")

Resolver = Callable[[re.Match[str], date | None], date | None]


def _month_day(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_month(m: re.Match[str], pub: date | None) -> date | None:
    year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
    return _month_day(year, MONTHS[m.group(2)], int(m.group(1)))


def _month_rel(m: re.Match[str], pub: date | None) -> date | None:
    if pub is None:
        return None
    month, rel = MONTHS[m.group(1)], m.group(2)
    year = pub.year
    if rel in _PAST and month >= pub.month:
        year -= 1
    elif rel in _NEXT and month <= pub.month:
        year += 1
    return date(year, month, 1)


def _month_year(m: re.Match[str], pub: date | None) -> date | None:
    return date(int(m.group(2)), MONTHS[m.group(1)], 1)


def _bare_month(m: re.Match[str], pub: date | None) -> date | None:
    return date(pub.year, MONTHS[m.group(1)], 1) if pub else None


def _year(m: re.Match[str], pub: date | None) -> date | None:
    return date(int(m.group(1)), 1, 1)


def _relative_year(m: re.Match[str], pub: date | None) -> date | None:
    if pub is None:
        return None
    shift = -1 if m.group(1) in _PAST else 1 if m.group(1) in _NEXT else 0
    return date(pub.year + shift, 1, 1)


def _relative_month(m: re.Match[str], pub: date | None) -> date | None:
    if pub is None:
        return None
    shift = -1 if m.group(1) in _PAST else 1 if m.group(1) in _NEXT else 0
    index = pub.year * 12 + pub.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def _relative_day(m: re.Match[str], pub: date | None) -> date | None:
    shifts = {"اول امس": -2, "امس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "بعد غد": 2}
    return pub + timedelta(days=shifts[m.group(1)]) if pub else None


def _weekday(m: re.Match[str], pub: date | None) -> date | None:
    if pub is None:
        return None
    target, rel = WEEKDAYS[m.group(1)], m.group(2)
    back = (pub.weekday() - target) % 7
    if rel in _NEXT:
        return pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
    if rel in _PAST and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _numeric(m: re.Match[str], pub: date | None) -> date | None:
    parsed = dateparser.parse(m.group(0), settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True})
    return parsed.date() if parsed else None


_PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(_B + r"(\d{1,2})\s*(?:الي|حتي|و|-|–)\s*\d{1,2}\s+" + _M + _YEAR + _E), _day_month),
    (re.compile(_B + r"(\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?" + _M + _YEAR + _E), _day_month),
    (re.compile(_B + r"(?:شهر\s+)?" + _M + r"\s+(الجاري|الحالي|" + "|".join(_PAST + _NEXT)
                + ")" + _E), _month_rel),
    (re.compile(_B + _M + r"\s+(?:من\s+)?(?:عام\s+|سنه\s+)?" + _Y + _E), _month_year),
    (re.compile(_B + r"(?:في|خلال|منذ|نهايه|اواخر|اوايل|مطلع|منتصف|بدايه|حتي)\s+(?:شهر\s+)?" + _M
                + _E), _bare_month),
    (re.compile(_B + r"(?:عام|العام|سنه|في|عامي)\s+" + _Y + _E), _year),
    (re.compile(_B + r"(?:العام|السنه)\s+(الجاري|الحالي|" + "|".join(_PAST + _NEXT) + ")" + _E),
     _relative_year),
    (re.compile(_B + r"(?:هذا|هذه)\s+(?:العام|السنه)" + _E), lambda m, p: _year_of(p)),
    (re.compile(_B + r"(?:ال)?شهر\s+(الجاري|الحالي|" + "|".join(_PAST + _NEXT) + ")" + _E),
     _relative_month),
    (re.compile(_B + r"هذا\s+الشهر" + _E), lambda m, p: date(p.year, p.month, 1) if p else None),
    (re.compile(_B + r"(اول امس|امس|البارحه|اليوم|غدا|بعد غد)" + _E), _relative_day),
    (re.compile(_B + r"(?:يوم\s+)?(" + "|".join(WEEKDAYS) + r")(?:\s+(" + "|".join(_PAST + _NEXT)
                + "))?" + _E), _weekday),
    (re.compile(r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})(?!\d)"), _numeric),
]


# Cheap test before the full patterns: a digit or a date word.
_ANY_DATE = re.compile(r"\d|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + "|"
                       + "|".join(WEEKDAYS) + r"|امس|اليوم|غدا|البارحه|غد|العام|السنه|الشهر|عام")


def _year_of(pub: date | None) -> date | None:
    return date(pub.year, 1, 1) if pub else None


def find_dates(text: str, published: date | None) -> list[tuple[int, int, date]]:
    """All resolvable date expressions in normalised ``text``: (start, end, date), in order;
    an expression overlapping one found by an earlier (more specific) pattern is skipped."""
    if not _ANY_DATE.search(text):
        return []
    found: list[tuple[int, int, date]] = []
    for pattern, resolve in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b, _ in found):
                continue
            value = resolve(m, published)
            if value is not None:
                found.append((m.start(), m.end(), value))
    return sorted(found)


def event_date(text: str, published: date | None) -> date | None:
    """The first resolvable date expression of normalised ``text``, or None."""
    found = find_dates(text, published)
    return found[0][2] if found else None
