"""The frame of one claim unit: claimant phrase, relay chain and reported content.

Verb cues: the subject follows the verb (VSO: "قال وزير الدفاع X إن") or precedes it in
"أما X، فيقول" / "كان X قد قال"; "نقلت وكالة X عن Y" and "قالت X نقلاً عن Y" make Y the
claimant and X the nearest relay; "وفق Y" / "لوكالة Y" add relays. No subject means
continuation of the previous speaker. Prepositional cues ("وفق Y") name the claimant; the
content is the rest of the unit. Offsets are into the normalised sentence.
"""

from __future__ import annotations

from .attribution import Cue, Frame, Span, Tok, gap, prep_at, regions
from .cues import (
    ADDRESSEE_HEADS,
    COMPLEMENTIZERS,
    FILLERS,
    PREPOSITIONS,
    SIDE_WORDS,
    SPEECH_EVENTS,
    TIME_WORDS,
)

_MAX_FRAME_TOKENS = 30
_MAX_QUOTED_NAME = 4
_MAX_APPOSITIVES = 2
_NESTED_SAY = frozenset(["قوله", "قولها", "قولهم", "قولهما"])
# Nouns that take a quoted name: صحيفة "…"، وكالة "…"، مؤسسة "…".
NAME_HEADS = ADDRESSEE_HEADS | frozenset(
    [
        "مؤسسه", "شركه", "مركز", "معهد", "منظمه", "حركه", "حزب", "جماعه", "مجله", "برنامج",
        "قاعده", "مشروع", "منتدي", "جامعه", "موقع", "انباء", "الانباء", "للانباء",
    ]
)
_LEADS = frozenset(["اما", "واما", "وكان", "كان", "وكانت", "كانت"])


def _bare(word: str) -> str:
    for clitic in ("لل", "ل", "ب", "و"):
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic):]
    return word


def quote_at(norm: str, toks: list[Tok], k: int) -> str:
    """Quotation opening in the gap before token ``k``: "long" (a statement), "short" (a
    quoted name of a few words) or "" (none, or a closing quote)."""
    a = toks[k - 1][2] if k else 0
    b = toks[k][1] if k < len(toks) else len(norm)
    for qa, qb in regions(norm):
        if a <= qa < b:
            inner = norm[qa + 1:qb - 1] if qb - qa > 1 else ""
            short = len(inner.split()) <= _MAX_QUOTED_NAME and not any(p in inner for p in ".،,:؟!")
            return "short" if short else "long"
    return ""


def _addressee(toks: list[Tok], k: int) -> bool:
    word = toks[k][0]
    return word == "ل" or (word.startswith("ل") and _bare(word) in ADDRESSEE_HEADS)


def _clause_now(norm: str, toks: list[Tok], k: int) -> bool:
    word = toks[k][0]
    nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
    return (":" in gap(norm, toks, k) or word in COMPLEMENTIZERS or quote_at(norm, toks, k) == "long"
            or (word in ("الي", "علي", "من") and nxt in COMPLEMENTIZERS))


def _np_stop(norm: str, toks: list[Tok], k: int, start: int, end: int) -> bool:
    word = toks[k][0]
    nxt = toks[k + 1][0] if k + 1 < end else ""
    if word in COMPLEMENTIZERS or word in TIME_WORDS or word in _NESTED_SAY or word == "عن":
        return True
    if (word == "في" and nxt in SPEECH_EVENTS) or (word == "من" and nxt in SIDE_WORDS):
        return True
    if k == start:
        return False
    between = gap(norm, toks, k)
    quote = quote_at(norm, toks, k)
    return (any(c in between for c in "،,:.؟()-–") or _addressee(toks, k) or bool(prep_at(toks, k))
            or (word in ("الي", "علي", "من") and nxt in COMPLEMENTIZERS)
            or quote == "long" or (quote == "short" and not _name_head(toks[k - 1][0])))


def _name_head(word: str) -> bool:
    return word in NAME_HEADS or _bare(word) in NAME_HEADS


def noun_phrase(norm: str, toks: list[Tok], k: int, end: int) -> tuple[Span | None, int]:
    """A noun phrase from token ``k`` to a comma, colon, complementizer, time word,
    speech-event phrase, addressee or cue. Returns its span (or None) and the next index."""
    start = k
    while k < end and k - start < _MAX_FRAME_TOKENS and not _np_stop(norm, toks, k, start, end):
        k += 1
    if k == start:
        return None, k
    return (toks[start][1], toks[k - 1][2]), k


def _content_start(norm: str, toks: list[Tok], k: int, end: int) -> int | None:
    """Char offset where the reported content begins, scanning from token ``k``."""
    if k >= end:
        between = gap(norm, toks, end)
        return toks[end - 1][2] + between.index(":") + 1 if ":" in between else None
    for j in range(k, min(end, k + _MAX_FRAME_TOKENS)):
        between = gap(norm, toks, j)
        if ":" in between:
            return (toks[j - 1][2] if j else 0) + between.index(":") + 1
        if quote_at(norm, toks, j) == "long":
            return (toks[j - 1][2] if j else 0) + between.index('"')
        if toks[j][0] in COMPLEMENTIZERS:
            return toks[j][1]
    return None


def strip_l(norm: str, span: Span, single: bool = True) -> Span:
    """Drop a leading لل (ل + ال) or, if ``single``, a leading ل from a phrase."""
    a, b = span
    if norm.startswith("لل", a) and b - a > 4:
        return a + 2, b
    if single and norm[a:a + 1] == "ل" and not norm.startswith("لا", a) and b - a > 3:
        return a + 1, b
    return span


def _relay_addressee(norm: str, span: Span) -> bool:
    """"قال لوكالة X" / "قال لـ"نيويورك تايمز"" name a relay; "للصحفيين" does not."""
    a, b = span
    words = norm[a:b].split()
    head = _bare(words[0]) if words else ""
    return head in ADDRESSEE_HEADS - {"صحفيين", "الصحفيين", "مراسل"} or '"' in norm[max(0, a - 2):a]


def subject_before(norm: str, toks: list[Tok], u0: int, cue: Cue) -> tuple[Span | None, bool]:
    """Subject before the verb: "أما X، فيقول" / "كان X قد قال" (strong: a noun phrase after
    the verb is then its object) or a short "X تعتقد أن" (weak)."""
    first = cue.first
    while u0 < first and toks[u0][0] in ("بينما", "فيما", "حيث", "اذ", "ثم", "كما"):
        u0 += 1
    if first <= u0:
        return None, False
    words = [t[0] for t in toks[u0:first]]
    lead = 1 if words[0] in _LEADS else 0
    stop = first - 1 if words[-1] == "قد" and lead else first
    if lead and stop > u0 + lead:
        return (toks[u0 + lead][1], toks[stop - 1][2]), True
    if len(words) <= 3 and not any(c in norm[toks[u0][1]:toks[first][1]] for c in "،,:\""):
        head = toks[u0][1] + (1 if words[0][:1] == "و" and len(words[0]) > 3 else 0)
        return (head, toks[first - 1][2]), False
    return None, False


def analyse_unit(norm: str, toks: list[Tok], unit: Span, cues: list[Cue]) -> Frame:
    """The attribution frame of one unit (``toks`` are the tokens of the whole sentence)."""
    bound = [i for i, t in enumerate(toks) if unit[0] <= t[1] < unit[1]]
    u0, u1 = bound[0], bound[-1] + 1
    cue = cues[0]
    frame = Frame(unit=unit, content=unit, lemma=cue.lemma)
    if cue.kind in ("verb", "participle"):
        _verb_frame(norm, toks, u0, u1, cue, frame)
        if frame.continuation and (cue.participle or cue.conj == "ف"):
            frame.hint = (0, toks[cue.first][1])
    else:
        _prep_frame(norm, toks, u0, u1, cue, frame)
    return frame


def _verb_frame(norm: str, toks: list[Tok], u0: int, end: int, cue: Cue, frame: Frame) -> None:
    k = cue.last + 1
    while k < end and toks[k][0] in FILLERS:
        k += 1
    subject, strong = subject_before(norm, toks, u0, cue)
    if k < end and not _clause_now(norm, toks, k) and not _addressee(toks, k) \
            and toks[k][0] not in PREPOSITIONS:
        after, k = noun_phrase(norm, toks, k, end)
        subject = subject if strong else after
    frame.inherit_via = frame.lemma == "نقل" and subject is None
    via: list[Span] = []
    while k < end and k - cue.last <= _MAX_FRAME_TOKENS and not _clause_now(norm, toks, k):
        prep = prep_at(toks, k)
        if (toks[k][0] == "عن" and frame.lemma == "نقل") or (prep and prep[1] == "relay"):
            inner, k = noun_phrase(norm, toks, k + (prep[0] if prep else 1), end)
            if subject:
                via.insert(0, subject)
            subject = inner
            frame.appositives.clear()  # they described the relay
        elif prep:
            inner, k = noun_phrase(norm, toks, k + prep[0], end)
            if inner:
                via.append(strip_l(norm, inner))
        elif _addressee(toks, k):
            inner, k = noun_phrase(norm, toks, k + 1 if toks[k][0] == "ل" else k, end)
            if inner and _relay_addressee(norm, inner):
                via.append(strip_l(norm, inner))
        elif toks[k][0] in PREPOSITIONS or toks[k][0] in TIME_WORDS or toks[k][0] in FILLERS:
            k += 1
        else:
            inner, k = noun_phrase(norm, toks, k, end)
            if inner is None:
                k += 1
            elif len(frame.appositives) < _MAX_APPOSITIVES and not via:
                frame.appositives.append(inner)
    start = _content_start(norm, toks, cue.last + 1, end)
    frame.content = (start, frame.unit[1]) if start is not None else frame.unit
    if subject is None:
        subject = subject_before(norm, toks, u0, cue)[0]
    frame.claimant, frame.via = subject, via
    frame.continuation = subject is None


def _prep_frame(norm: str, toks: list[Tok], u0: int, end: int, cue: Cue, frame: Frame) -> None:
    source, k = noun_phrase(norm, toks, cue.last + 1, end)
    word = toks[cue.first][0]
    takes_l = (word[1:] if word.startswith("وو") or word.startswith("وط") else word) in (
        "وفقا", "طبقا", "استنادا")
    frame.claimant = strip_l(norm, source, takes_l) if source else None
    frame.continuation = source is None
    if cue.first <= u0 + 1:
        start = _content_start(norm, toks, k, end) if k < end else None
        if start is None:
            start = toks[k][1] if k < end else frame.unit[1]
        frame.content = (start, frame.unit[1])
    else:
        frame.content = (frame.unit[0], toks[cue.first][1])
