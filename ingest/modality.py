"""Modality of a reported content: asserted, predicted, possible, denied or question.

Cues, on normalised text, in order of precedence:

* question: ends with ؟ (or ?) or starts with هل;
* denied: a denying reporting verb (نفى), or negation: لم، لن، ليس، لا توجد، لا + imperfect;
* possible: قد + imperfect verb, من المحتمل، من الممكن، من المرجح، على الأرجح، يرجح، ربما،
  يمكن أن، محتمل;
* predicted: the future prefix سـ on an imperfect verb (سيزور، ستكون، سيتم), سوف، يعتزم،
  من المقرر، من المتوقع، يتوقع، ينوي، يخطط;
* asserted otherwise.

Negation counts only in the first statement, before a contrast ("غير أن", "لكن"); "لا يزال"
(still) is no negation; a negated certainty ("ليست مؤكدة") and "لم لا" (why not) are
possible. Between possible and predicted, the cue that comes first wins
("سيسافر، على الأرجح بالقطار" is predicted).
"""

from __future__ import annotations

import itertools
import re

from .normalize import tokens

MODALITIES = ("asserted", "predicted", "possible", "denied", "question")

_NEGATIONS = frozenset(["لم", "لن", "ليس", "ليست", "ليسوا", "لسنا", "لست"])
_NEG_PHRASES = re.compile(r"(^|\s)لا\s+(توجد|يوجد|وجود|صحه|نيه|خطط)(\s|$)|غير صحيح|عار عن الصحه")
_NEG_ANY = re.compile(r"(^|\s)لا\s+\S+\s+(اي|ايه)(\s|$)")
_POSSIBLE = re.compile(
    r"من المحتمل|من الممكن|من المرجح|علي الارجح|في الارجح|(^|\s)[يت]?رجح(\s|$)|(^|\s)يرجح|"
    r"(^|\s)ربما(\s|$)|(^|\s)[يت]مكن\s+(ان|ل)|(^|\s)احتمال|(^|\s)لا يستبعد"
)
_PREDICTED = re.compile(
    r"(^|\s)[وف]?سوف(\s|$)|(^|\s)[وف]?[يتن]عتزم|من المقرر|من المتوقع|(^|\s)[وف]?[يتن]توقع|"
    r"(^|\s)[وف]?[يتن]نوي(\s|$)|(^|\s)[وف]?[يتن]خطط|(^|\s)[وف]?سيتم(\s|$)|(^|\s)المزمع"
)
# Words that begin like a future verb but are nouns or names.
_NOT_FUTURE = frozenset(
    [
        "سيول", "ستار", "سنوي", "سيدي", "ستين", "ستون", "سيرك", "سياق", "سيرا", "سنين", "سياسي",
        "سيناريو", "سيبيريا", "ستالين", "ستوكهولم", "سنغافوره", "سنتيمتر", "ستوديو", "سيرجي",
        "سيرغي", "سيمون", "سيجار", "سيارات", "سنويا", "سيناتور", "سيناء", "سيدني", "سيليكون",
        "سيبراني", "ستراتيجي", "سيريلانكا", "سيكولوجي", "سينمائي", "سنتات", "سيوف",
    ]
)


def is_future_verb(token: str) -> bool:
    """سـ + imperfect prefix (ي ت ن) + at least two more letters, not a known noun."""
    word = token[1:] if token[:1] in "وف" and len(token) > 4 else token
    if len(word) < 4 or word[0] != "س" or word[1] not in "يتن" or word in _NOT_FUTURE:
        return False
    return not (word.endswith("ه") or word.endswith("ات") or word.endswith("يه"))


_CONTRAST = re.compile(r"\s(?:غير ان|غير انه|غير انها|لكن|ولكن|لكنه|لكنها|ولكنها|الا ان|بل)\s")
_WHY_NOT = re.compile(r"(^|\s)(لم|لماذا)\s+لا(\s|[؟?،,]|$)")
_NEG_IMPERFECT = re.compile(r"(^|\s)لا\s+[يتن]\S{2,}")
_UNCONFIRMED = re.compile(r"(^|\s)(ليس|ليست|لم|غير)\s+(\S+\s+)?(مؤكد|موكد|مؤكده|موكده|يتاكد|تتاكد|يتم تاكيد)")


_SENTENCE_END = re.compile(r"[.؟?:!]")
_STILL = re.compile(r"(^|\s)(لا|ما)\s+(يزال|تزال|زال|زالت|يزالون|تزالان|يزالان)")


def main_part(text: str) -> str:
    """The first statement, before any contrast ("غير أن", "لكن") or sentence end: a
    negation after it does not recast the claim."""
    for pattern in (_CONTRAST, _SENTENCE_END):
        m = pattern.search(text)
        if m and m.start() > 0:
            text = text[:m.start()]
    return text


def _first(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    return m.start() if m else None


def _future_at(text: str, names: frozenset[str]) -> int | None:
    for word, start, _ in tokens(text):
        if word not in names and is_future_verb(word):
            return start
    return None


def _qad_at(text: str) -> int | None:
    toks = tokens(text)
    for (a, start, _), (b, _, _) in itertools.pairwise(toks):
        if a in ("قد", "وقد", "فقد") and len(b) >= 3 and b[0] in "يتن":
            return start
    return None


def _denied(text: str, negative_verb: bool) -> bool:
    if re.search(r"\sبل\s", text):  # "لا X بل Y": a correction, not a denial
        return negative_verb
    main = _STILL.sub(" ", _WHY_NOT.sub(" ", main_part(text)))
    words = {t for t, _, _ in tokens(main)}
    return negative_verb or bool(words & _NEGATIONS) or bool(_NEG_PHRASES.search(main)) \
        or bool(_NEG_ANY.search(main)) or bool(_NEG_IMPERFECT.search(main))


def classify(content: str, negative_verb: bool = False, names: frozenset[str] = frozenset(),
             promise: bool = False) -> str:
    """Modality of normalised ``content``; ``names`` are tokens never read as verbs and
    ``promise`` says the reporting verb commits to the future (تعهد)."""
    text = content.strip().strip('"').strip()
    words = [t for t, _, _ in tokens(text)]
    if text.rstrip(' ".)').endswith(("؟", "?")) or (words and words[0] in ("هل", "وهل")):
        return "question"
    if _UNCONFIRMED.search(main_part(text)) or _WHY_NOT.search(main_part(text)):
        return "possible"  # "ليست مؤكدة" (not confirmed), "لم لا" (why not)
    if _denied(text, negative_verb):
        return "denied"
    possible = [p for p in (_first(_POSSIBLE, text), _qad_at(text)) if p is not None]
    predicted = [p for p in (_first(_PREDICTED, text), _future_at(text, names)) if p is not None]
    if possible and (not predicted or min(possible) <= min(predicted)):
        return "possible"
    if predicted or promise:
        return "predicted"
    return "asserted"
