"""The extraction pipeline: article text → candidate claims.

Steps: segment away page furniture (:mod:`.furniture`); split body segments into sentences;
normalise each sentence with an offset map; find reporting cues and cut coordinated
reporting clauses into units (:mod:`.attribution`, :mod:`.frames`); resolve claimant and
relays to lexicon entities (:mod:`.resolve`), carrying the previous speaker on
continuations; read modality, event date and a triple from the reported content. Offsets
always index the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .attribution import Frame, find_cues, split_units
from .candidates import Agent, Candidate, EntityMention
from .cues import PROMISE_VERBS, SAME_SOURCE
from .dates import event_date
from .entities import Lexicon, Mention, default_path
from .frames import analyse_unit
from .furniture import body_segments
from .modality import classify
from .normalize import normalize, normalize_text, tokens
from .resolve import QUOTE_CHARS, Sentence, anaphor_head, hinted, rank, resolve, slot, stems, surface
from .sentences import sentences
from .triples import AGENT_TYPES, Triple, read_triple

# Complementizers carrying a pronoun subject: "إنه سيزور" — he (the speaker or the object).
_PRONOUN_CLAUSE = frozenset(["انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم", "فانه", "فانها"])
_IMPERSONAL = frozenset(["تم", "تمت", "يتم", "سيتم", "هناك", "لا", "ليس", "ليست", "من", "قد"])
_REFERENT = frozenset({"person", "country", "organisation", "place"})
_ALSO = frozenset({"كما", "وكما"})
_MAX_HEADLINE_SPEAKER = 4
_HISTORY = 30  # sources remembered for definite references


class UnsupportedLanguageError(ValueError):
    """The text is not Arabic."""


@lru_cache(maxsize=4)
def _load_lexicon(path: str | None) -> Lexicon:
    return Lexicon.load(path)


def default_lexicon() -> Lexicon:
    """The lexicon at :func:`sanad.ingest.entities.default_path` (cached), or an empty one."""
    found = default_path()
    return _load_lexicon(str(found) if found else None)


def is_arabic(text: str, threshold: float = 0.3) -> bool:
    """Whether at least ``threshold`` of the letters (in the first 20k chars) are Arabic."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return True
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return arabic / len(letters) >= threshold


@dataclass
class Context:
    """Per-article state: the date context and the last explicit speaker."""

    published: date | None
    speaker: Agent | None = None
    via: list[Agent] = field(default_factory=list)
    history: list[tuple[set[str], Agent]] = field(default_factory=list)
    open_quote: bool = False
    last_end: int = -1
    previous_claim: bool = False  # the sentence just before gave a candidate

    def remember(self, label: str, agent: Agent) -> None:
        """Keep a source for later definite references ("الصحيفة")."""
        self.history.append((stems(label), agent))
        del self.history[:-_HISTORY]

    def refer(self, label: str) -> Agent | None:
        """The latest source whose label holds the head of ``label``."""
        head = anaphor_head(label)
        for words, agent in reversed(self.history):
            if head and head in words and normalize_text(agent.label) != normalize_text(label):
                return agent
        return None


def extract_claims(text: str, published: date | None = None,
                   lexicon: Lexicon | None = None) -> list[Candidate]:
    """Candidate claims of ``text`` (an article as a string), in text order.

    ``published`` anchors relative dates in the main article; a second article glued
    under it has its own (unknown) date context. Raises :class:`UnsupportedLanguageError`
    for text that is not Arabic.
    """
    if not is_arabic(text):
        raise UnsupportedLanguageError("unsupported language: the text is not Arabic")
    lex = lexicon if lexicon is not None else default_lexicon()
    out: list[Candidate] = []
    contexts: dict[int, Context] = {}
    for seg in body_segments(text):
        ctx = contexts.setdefault(seg.index, Context(published if seg.index == 0 else None))
        for a, b in sentences(text, seg.start, seg.end):
            norm = normalize(text[a:b], base=a)
            sent = Sentence(text, norm, [], lex)
            found = _sentence_claims(sent, ctx)
            out.extend(found)
            ctx.open_quote = bool(found) and _unclosed(found[-1].text)
            ctx.last_end = found[-1].end if found else ctx.last_end
            ctx.previous_claim = bool(found)
    return out


def _unclosed(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”") \
        or text.count("«") > text.count("»")


def _no_cue_frame(sent: Sentence, ctx: Context, toks: list[tuple[str, int, int]]) -> Frame | None:
    """A claim without a reporting cue: a quote continuing the claim just before, "كما …" in
    its paragraph, the rest of an unclosed quote, or a headline-style "X: …"."""
    norm = sent.norm.text
    whole = (0, len(norm))
    same_paragraph = ctx.last_end >= 0 and "\n" not in sent.text[ctx.last_end:sent.norm.orig(0)]
    quoted = norm.lstrip()[:1] in QUOTE_CHARS
    if ctx.speaker is not None and (ctx.open_quote or (ctx.previous_claim and (
            quoted or (same_paragraph and toks[0][0] in _ALSO)))):
        return Frame(unit=whole, content=whole, lemma="", continuation=True)
    colon = norm.find(":")
    if colon > 0 and len(tokens(norm[:colon])) <= _MAX_HEADLINE_SPEAKER:
        named = [m for m in sent.mentions if m.end <= colon and m.entry is not None
                 and (rank(m) <= 1 or m.entry.type in ("country", "place"))]
        if named:
            return Frame(unit=whole, content=(colon + 1, len(norm)), lemma="",
                         claimant=(0, colon))
    return None


def _sentence_claims(sent: Sentence, ctx: Context) -> list[Candidate]:
    norm = sent.norm.text
    toks = tokens(norm)
    if not toks:
        return []
    cues = find_cues(norm, toks)
    if cues or ctx.speaker is not None or ":" in norm:
        sent.mentions = sent.lexicon.link(norm)  # linking only where a claim can be
    frames: list[Frame] = []
    if cues:
        frames = [analyse_unit(norm, toks, unit, unit_cues)
                  for unit, unit_cues in split_units(norm, toks, cues)]
    elif (frame := _no_cue_frame(sent, ctx, toks)) is not None:
        frames = [frame]
    result = []
    for frame in frames:
        cand = _candidate(sent, frame, ctx)
        if cand is not None:
            result.append(cand)
    return result


def _speaker(sent: Sentence, frame: Frame, ctx: Context) -> tuple[Agent, list[Agent],
                                                                   Mention | None] | None:
    """Claimant, relays and the claimant's mention; updates the context."""
    norm = sent.norm.text
    if frame.claimant is not None and normalize_text(
            norm[frame.claimant[0]:frame.claimant[1]]).strip() in SAME_SOURCE:
        if ctx.via or ctx.speaker:  # "وفق المصدر نفسه": the last source
            return (ctx.via[0] if ctx.via else ctx.speaker), [], None  # type: ignore[return-value]
        return None
    if frame.claimant is not None:
        claimant, mention = resolve(sent, frame.claimant, frame.appositives)
        if claimant.qid is None and mention is None:
            claimant = ctx.refer(claimant.label) or claimant
        via = []
        for span in frame.via:
            agent, vm = resolve(sent, span, [])
            via.append(ctx.refer(agent.label) or agent if vm is None else agent)
            ctx.remember(surface(sent, *span), via[-1])
        if frame.inherit_via and ctx.speaker is not None:
            via.append(ctx.speaker)
        ctx.remember(surface(sent, *frame.claimant), claimant)
        ctx.speaker, ctx.via = claimant, via
        return claimant, via, mention
    if frame.hint is not None and (found := hinted(sent, frame.hint)) is not None:
        ctx.speaker = found[0]
        return found[0], list(ctx.via), found[1]
    if ctx.speaker is not None:
        return ctx.speaker, list(ctx.via), None
    return None


def _candidate(sent: Sentence, frame: Frame, ctx: Context) -> Candidate | None:
    who = _speaker(sent, frame, ctx)
    if who is None:
        return None
    claimant, via, claimant_mention = who
    norm = sent.norm.text
    c0, c1 = frame.content
    content = norm[c0:c1]
    unit_mentions = [m for m in sent.mentions if frame.unit[0] <= m.start < frame.unit[1]]
    names = frozenset(t for m in sent.mentions for t in norm[m.start:m.end].split())
    triple = _triple(sent, frame, unit_mentions, claimant_mention)
    start, end = _trimmed(sent, frame.unit)
    return Candidate(
        text=sent.text[start:end], start=start, end=end, claimant=claimant, via=via,
        subject=slot(sent, triple.subject, state=True) if triple else None,
        predicate=triple.iri if triple else None,
        object=slot(sent, triple.object, state=True) if triple else None,
        modality=classify(content, frame.negative, names, frame.lemma in PROMISE_VERBS),
        event_date=event_date(content, ctx.published),
        entities=_entities(sent, frame, unit_mentions),
    )


def _triple(sent: Sentence, frame: Frame, mentions: list[Mention],
            claimant: Mention | None) -> Triple | None:
    c0, c1 = frame.content
    content = sent.norm.text[c0:c1]
    inside = [Mention(m.start - c0, m.end - c0, m.entry) for m in mentions if c0 <= m.start < c1]
    outside = [m for m in mentions if m.start < c0 and m is not claimant
               and (m.entry is None or m.entry.type in AGENT_TYPES)]
    outside = [m for m in outside if not _in_spans(m, [frame.claimant, *frame.via])]
    words = [t for t, _, _ in tokens(content)[:2]]
    default: Mention | tuple[int, int] | None = None
    if len(words) == 2 and words[0] in _PRONOUN_CLAUSE and words[1] not in _IMPERSONAL:
        referent = outside[-1] if outside else claimant
        if referent is not None and referent.entry is not None and referent.entry.type in _REFERENT:
            default = _shift(referent, -c0)
    found = read_triple(content, inside, default)
    if found is not None:
        return Triple(_shift(found.subject, c0), found.predicate, _shift(found.object, c0))
    if frame.lemma in ("حذر", "نفي") and claimant is not None and outside:
        return Triple(claimant, "warn" if frame.lemma == "حذر" else "deny", outside[-1])
    return None


def _in_spans(m: Mention, spans: list[tuple[int, int] | None]) -> bool:
    return any(s is not None and s[0] <= m.start < s[1] for s in spans)


def _shift(arg: Mention | tuple[int, int], by: int) -> Mention | tuple[int, int]:
    if isinstance(arg, Mention):
        return Mention(arg.start + by, arg.end + by, arg.entry)
    return arg[0] + by, arg[1] + by


def _entities(sent: Sentence, frame: Frame, mentions: list[Mention]) -> list[EntityMention]:
    out = []
    for m in mentions:
        a, b = sent.norm.span(m.start, m.end)
        label = m.entry.label_ar if m.entry else surface(sent, m.start, m.end)
        out.append(EntityMention(label, m.entry.qid if m.entry else None, a, b))
    covered = [(e.start, e.end) for e in out]
    for span in [s for s in (frame.claimant, *frame.via) if s is not None]:
        a, b = sent.norm.span(*span)
        if not any(x < b and a < y for x, y in covered):
            out.append(EntityMention(surface(sent, *span), None, a, b))
    return sorted(out, key=lambda e: (e.start, e.end))


def _trimmed(sent: Sentence, unit: tuple[int, int]) -> tuple[int, int]:
    a, b = sent.norm.span(*unit)
    text = sent.text
    while a < b and (text[a].isspace() or text[a] in "،,"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "،,"):
        b -= 1
    return a, b


def extract_file(path: str | Path, published: date | None = None,
                 lexicon: Lexicon | None = None) -> list[Candidate]:
    """Read ``path`` as strict UTF-8 and extract (raises UnicodeDecodeError on bad bytes)."""
    raw = Path(path).read_bytes()
    return extract_claims(raw.decode("utf-8"), published, lexicon)
