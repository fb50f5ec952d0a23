"""From noun phrases and mentions to agents ({label, qid}).

* a claimant phrase names its best mention: a person (the last one: names follow titles,
  "المرشح … في إدارة ترامب ماركو روبيو"), else an outlet/agency/organisation, else a mention
  at the head of the phrase; otherwise the phrase itself stays, unlinked ("مسؤولون أميركيون");
* a capital speaking stands for its state (:mod:`.metonymy`);
* a short definite phrase repeating the head of an earlier source ("الصحيفة",
  "المسؤولين") refers back to that source.
"""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import Agent
from .entities import Lexicon, Mention
from .normalize import Normalized, normalize_text, tokens

# Preference by entity type (lower wins); other types count only at the phrase head.
CLAIMANT_RANK = {"person": 0, "outlet": 1, "agency": 1, "organisation": 1, "unnamed_source": 2}
QUOTE_CHARS = '"“”«»'
_ENDINGS = ("ون", "ين", "ات", "ه", "ي")
_MAX_ANAPHOR_WORDS = 3


@dataclass
class Sentence:
    """One sentence: the article text, its normalised form and its mentions."""

    text: str
    norm: Normalized
    mentions: list[Mention]
    lexicon: Lexicon


def surface(sent: Sentence, start: int, end: int) -> str:
    """Original text of a normalised span, as a clean label (no quotes, single spaces)."""
    a, b = sent.norm.span(start, end)
    raw = sent.text[a:b]
    if a >= 2 and sent.text[a - 2:a] == "لل" and not raw.startswith("ال"):
        raw = "ال" + raw  # "للمسؤولين" → "المسؤولين"
    for ch in QUOTE_CHARS:
        raw = raw.replace(ch, "")
    return " ".join(raw.split()).strip("،, -–")


def slot(sent: Sentence, arg: Mention | tuple[int, int], state: bool = False) -> Agent:
    """The agent of a mention (its lexicon label and QID) or of an unlinked span;
    ``state`` maps a capital to its country."""
    if isinstance(arg, Mention):
        if arg.entry is not None:
            entry = sent.lexicon.state_of(arg.entry) if state else arg.entry
            return Agent(entry.label_ar, entry.qid)
        return Agent(surface(sent, arg.start, arg.end), None)
    return Agent(surface(sent, *arg), None)


def rank(m: Mention) -> int:
    """Claimant preference of a mention's type."""
    return CLAIMANT_RANK.get(m.entry.type, 3) if m.entry else 2


def resolve(sent: Sentence, span: tuple[int, int],
            appositives: list[tuple[int, int]]) -> tuple[Agent, Mention | None]:
    """The agent a noun phrase names (also looking in appositives: "الوزير، سيرجي شويجو،")."""
    a, b = span
    inside = [m for m in sent.mentions if a <= m.start < b and not m.adjective]
    extra = [] if any(rank(m) <= 1 for m in inside) else [
        m for m in sent.mentions if any(x <= m.start < y for x, y in appositives)
        and m.entry is not None and rank(m) <= 1]
    ranked = sorted((m for m in inside + extra if rank(m) <= 1 or m.start <= a),
                    key=lambda m: (rank(m), -m.start if rank(m) == 0 else m.start))
    if ranked:
        return slot(sent, ranked[0], state=True), ranked[0]
    return Agent(surface(sent, a, b), None), None


def hinted(sent: Sentence, hint: tuple[int, int]) -> tuple[Agent, Mention] | None:
    """The first person or organisation named earlier in the sentence ("وسئل X … فأجاب")."""
    found = [m for m in sent.mentions if hint[0] <= m.start < hint[1] and m.entry is not None
             and rank(m) <= 1]
    return (slot(sent, found[0]), found[0]) if found else None


def stems(label: str) -> set[str]:
    """Head-word stems of a label, for matching a later definite reference."""
    out = set()
    for tok, _, _ in tokens(normalize_text(label)):
        word = tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        out.add(word)
    return out


def anaphor_head(label: str) -> str | None:
    """The head stem of a short definite phrase ("الصحيفة الأميركية" → صحيف), else None."""
    words = normalize_text(label).split()
    if not words or len(words) > _MAX_ANAPHOR_WORDS or not words[0].startswith("ال"):
        return None
    head = stems(words[0])
    return next(iter(head)) if head else None
