"""Search keys: the words of a text reduced so that spelling variants meet.

Arabic news spells one word many ways: with or without hamza and madda on alef (أ إ آ ا),
taa marbuta or haa (ة ه), alef maqsura or yaa (ى ي), diacritics and tatweel, the foreign /g/
as غ ج or ق, and with clitics glued on (و ب ل ك ف, the article ال). A key is a word after
:mod:`sanad.ingest.normalize` (letter folds, no diacritics), the transliteration folds of
:func:`~sanad.ingest.normalize.fold_key`, and a light stemmer (Larkey's *light10* prefixes and
suffixes): روسيّة / الروسية / روسي all give ``روس``; أعلن and اعلن give ``اعلن``. English words
are lower-cased. Stop words (very common function words) give no key.

The same function runs on stored texts (when the index is written) and on the words of a
search, so both sides always agree.
"""

from __future__ import annotations

from .normalize import fold_key, normalize_text, tokens

__all__ = ["search_keys"]

_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
# In normalised form (alef, yaa and taa marbuta folded).
_STOP_AR = frozenset((
    "في", "من", "الي", "علي", "عن", "ان", "او", "ما", "لا", "لم", "لن", "قد", "هذا", "هذه",
    "ذلك", "تلك", "التي", "الذي", "الذين", "كان", "كانت", "كما", "مع", "بين", "ثم", "حتي",
    "اذا", "عند", "كل", "بعد", "قبل", "هو", "هي", "هم", "انه", "انها", "وقد", "وان", "وفي",
    "ومن", "به", "بها", "له", "لها", "منذ", "عبر", "خلال",
))
_STOP_EN = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "and", "or", "but",
    "is", "are", "was", "were", "be", "been", "will", "would", "it", "its", "that", "this",
    "these", "those", "with", "as", "not", "no", "he", "she", "they", "his", "her", "their",
    "has", "have", "had",
))


def search_keys(text: str) -> list[str]:
    """The distinct search keys of ``text``, in order of first occurrence."""
    found: dict[str, None] = {}
    for token, _, _ in tokens(normalize_text(text).lower()):
        if token in _STOP_AR or token in _STOP_EN:
            continue
        key = _stem(fold_key(token)) if _is_arabic(token) else token
        if len(key) >= 2:
            found.setdefault(key, None)
    return list(found)


def _is_arabic(token: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in token)


def _stem(word: str) -> str:
    """Light10: one leading waw, one article-like prefix, one suffix, keeping ≥ 2 letters."""
    if len(word) > 3 and word.startswith("و"):
        word = word[1:]
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
            break
    return word
