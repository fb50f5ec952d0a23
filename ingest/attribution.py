"""Attribution cues and claim units in one normalised sentence.

Reporting cues are verbs (قال، أكد، نفى… with feminine, plural and present forms, after و/ف),
circumstantial participles (مضيفاً، قائلةً) and prepositional phrases (نقلاً عن، وفق، بحسب،
حسبما…). A sentence with several coordinated reporting clauses ("…، بينما رأت باريس") is cut
into units, one claim each; :func:`sanad.ingest.frames.analyse_unit` then reads each unit's
frame (claimant, relays, content). Spans are character offsets into the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .cues import COMPLEMENTIZERS, NEGATIVE_VERBS, PARTICIPLES, PREP_CUES, VERB_FORMS, WEAK_VERBS

Span = tuple[int, int]
Tok = tuple[str, int, int]

NEW_CLAUSE = frozenset(["بينما", "فيما", "حيث", "اذ", "ثم", "كما"])
_QUOTE_RE = re.compile(r'"[^"]*"?')
_MIN_TAIL_TOKENS = 4


@dataclass(frozen=True)
class Cue:
    """A reporting cue: tokens [first, last] inclusive; ``conj`` is a stripped و/ف or ''."""

    first: int
    last: int
    kind: str  # verb | relay | source
    lemma: str
    conj: str = ""

    @property
    def participle(self) -> bool:
        """Whether the cue is a participle (مضيفاً): it continues the previous speaker."""
        return self.kind == "participle"


@dataclass
class Frame:
    """Attribution of one claim unit (normalised offsets)."""

    unit: Span
    content: Span
    lemma: str
    claimant: Span | None = None
    via: list[Span] = field(default_factory=list)
    appositives: list[Span] = field(default_factory=list)
    continuation: bool = False
    inherit_via: bool = False  # "ونقلت عن X": the relay is the previous speaker
    hint: Span | None = None  # where to look for the speaker of "فأجاب" / "قائلاً"

    @property
    def negative(self) -> bool:
        """Whether the reporting verb itself denies (نفى، استبعد)."""
        return self.lemma in NEGATIVE_VERBS


def quote_regions(norm: str) -> list[Span]:
    """Spans of text between straight quotes (typographic ones are folded to ")."""
    return [m.span() for m in _QUOTE_RE.finditer(norm)]


@lru_cache(maxsize=256)
def regions(norm: str) -> tuple[Span, ...]:
    """Cached :func:`quote_regions`."""
    return tuple(quote_regions(norm))


def strip_conj(tok: str) -> tuple[str, str]:
    """A reporting-verb token without its conjunction, and the conjunction."""
    if len(tok) > 3 and tok[0] in "وف" and tok[1:] in VERB_FORMS:
        return tok[1:], tok[0]
    return tok, ""


def gap(norm: str, toks: list[Tok], k: int) -> str:
    """Text between token ``k - 1`` and token ``k``."""
    if k >= len(toks):
        return norm[toks[-1][2]:] if toks else norm
    return norm[toks[k - 1][2]:toks[k][1]] if k > 0 else norm[:toks[0][1]]


_PREP_INDEX: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _seq, _kind in sorted(PREP_CUES.items(), key=lambda item: -len(item[0])):
    _PREP_INDEX.setdefault(_seq[0], []).append((_seq, _kind))


def prep_at(toks: list[Tok], k: int) -> tuple[int, str] | None:
    """Length and kind of a prepositional cue starting at token ``k``."""
    first = toks[k][0]
    for head in (first, first[1:]) if first[:1] in "وف" else (first,):
        for seq, kind in _PREP_INDEX.get(head, ()):
            if all(k + j < len(toks) and toks[k + j][0] == seq[j] for j in range(1, len(seq))):
                return len(seq), kind
    return None


def _has_clause_after(norm: str, toks: list[Tok], k: int) -> bool:
    """A complementizer, colon or quote within the next few tokens (for weak verbs)."""
    if ":" in gap(norm, toks, k + 1)[:3]:
        return True
    for j in range(k + 1, min(len(toks), k + 16)):
        between = gap(norm, toks, j)
        if ":" in between or '"' in between or toks[j][0] in COMPLEMENTIZERS or toks[j][0] == "عن":
            return True
        if "." in between:
            return False
    return False


_CUE_WORDS = frozenset(
    {*VERB_FORMS, *("و" + f for f in VERB_FORMS), *("ف" + f for f in VERB_FORMS),
     *(seq[0] for seq in PREP_CUES), *("و" + seq[0] for seq in PREP_CUES)}
)


def find_cues(norm: str, toks: list[Tok]) -> list[Cue]:
    """Reporting cues outside quotations, in order."""
    if _CUE_WORDS.isdisjoint(t[0] for t in toks):
        return []
    quotes = regions(norm)
    cues: list[Cue] = []
    k = 0
    while k < len(toks):
        if any(a < toks[k][1] < b for a, b in quotes):
            k += 1
            continue
        prep = prep_at(toks, k)
        if prep:
            last = nxt = k + prep[0] - 1
            nxt += 1
            if nxt < len(toks) and toks[nxt][0] == "ما":
                nxt += 1
            if nxt < len(toks) and strip_conj(toks[nxt][0])[0] in VERB_FORMS:
                last = nxt  # وفق ما ذكرت / حسبما أعلن: the verb belongs to the cue
            cues.append(Cue(k, last, prep[1], prep[1]))
            k = last + 1
            continue
        form, conj = strip_conj(toks[k][0])
        lemma = VERB_FORMS.get(form)
        if lemma and (lemma not in WEAK_VERBS or _has_clause_after(norm, toks, k)):
            kind = "participle" if form in PARTICIPLES else "verb"
            cues.append(Cue(k, k, kind, lemma, conj))
        k += 1
    return cues


def _comma_before(norm: str, toks: list[Tok], k: int) -> bool:
    return k > 0 and any(c in gap(norm, toks, k) for c in "،,")


def _starts_unit(norm: str, toks: list[Tok], cue: Cue, open_group: bool) -> bool:
    """Whether ``cue`` opens a new claim unit after an earlier cue of the sentence."""
    if not open_group:
        return False
    after_clause_word = cue.first > 0 and toks[cue.first - 1][0] in NEW_CLAUSE
    if cue.kind in ("verb", "participle"):
        return bool(cue.conj) or after_clause_word or cue.participle
    # "…، وبحسب X، تهدف…": a prepositional cue opening its own clause
    return toks[cue.first][0][:1] == "و" and _comma_before(norm, toks, cue.first) \
        and _tail_after_np(norm, toks, cue)


def _tail_after_np(norm: str, toks: list[Tok], cue: Cue) -> bool:
    for j in range(cue.last + 1, len(toks)):
        if any(c in gap(norm, toks, j) for c in "،,:"):
            return len(toks) - j >= _MIN_TAIL_TOKENS
    return False


def split_units(norm: str, toks: list[Tok], cues: list[Cue]) -> list[tuple[Span, list[Cue]]]:
    """Cut the sentence before each cue that opens a coordinated reporting clause."""
    starts = [0]
    groups: list[list[Cue]] = [[]]
    for cue in cues:
        clause_word = cue.first > 0 and toks[cue.first - 1][0] in NEW_CLAUSE
        if _starts_unit(norm, toks, cue, bool(groups[-1])):
            starts.append(toks[cue.first - 1][1] if clause_word else toks[cue.first][1])
            groups.append([])
        elif not groups[-1] and cue.kind == "verb" and clause_word \
                and _comma_before(norm, toks, cue.first - 1):
            starts[-1] = toks[cue.first - 1][1]  # "…، حيث أعلن X أن": the claim starts here
        elif not groups[-1] and cue.kind != "verb" and cue.kind != "participle" \
                and _starts_unit(norm, toks, cue, True):
            starts[-1] = toks[cue.first][1]
        groups[-1].append(cue)
    ends = [*starts[1:], len(norm)]
    return [((a, b), g) for a, b, g in zip(starts, ends, groups, strict=True) if g]
