"""Arabic normalisation that keeps a map back to the original text.

Normalisation folds the letter variants that spelling and transliteration leave in news
text (hamza and madda forms of alef, taa marbuta, alef maqsura, Persian kaf and yeh,
Arabic-Indic digits, typographic quotes) and drops diacritics and tatweel. Every
normalised character remembers the index of the character it came from, so spans found
in normalised text map back to the original with :meth:`Normalized.span`.

The *key* form (:func:`fold_key`) goes further, for lookups only: it also folds the letters
that render a foreign hard *g* (ج غ ق گ) so that جونج/جونغ or شويجو/شويغو meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# One-to-one folds, applied with str.translate.
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ڪ": "ك", "ە": "ه", "ۀ": "ه",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"',
    "٫": ".", "٬": ",",
}
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})
_TABLE = str.maketrans(_FOLD)

# Characters dropped entirely: harakat, Quranic marks, superscript alef, tatweel, bidi marks.
_DROP_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]")

# Key-only folds: letters used for a foreign /g/ (and Persian gaf, veh, peh, tcheh).
_KEY_TABLE = str.maketrans({"غ": "ج", "ق": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب", "چ": "ج"})

TOKEN_RE = re.compile(r"[^\W_]+")  # letters and digits; Arabic punctuation is not \w


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original index."""

    text: str
    offsets: list[int]
    original_length: int

    def orig(self, i: int) -> int:
        """Original index of normalised position ``i`` (``len`` maps past the end)."""
        if i >= len(self.offsets):
            return self.original_length
        return self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span (end exclusive) to an original span (end exclusive)."""
        if end <= start:
            o = self.orig(start)
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str, base: int = 0) -> Normalized:
    """Normalise ``text``; offsets are ``base`` + index into ``text``."""
    folded = text.translate(_TABLE)
    if not _DROP_RE.search(folded):
        return Normalized(folded, list(range(base, base + len(text))), base + len(text))
    kept: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(folded):
        if _DROP_RE.match(ch):
            continue
        kept.append(ch)
        offsets.append(base + i)
    return Normalized("".join(kept), offsets, base + len(text))


def normalize_text(text: str) -> str:
    """Normalised string without the offset map."""
    return _DROP_RE.sub("", text.translate(_TABLE))


def fold_key(token: str) -> str:
    """Lookup key of an already normalised token (transliteration folds applied)."""
    return token.translate(_KEY_TABLE)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` as (token, start, end)."""
    return list(_tokens(text))


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text))
