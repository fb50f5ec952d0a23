"""Subject–relation–object triples read from a claim's content, when the vocabulary fits.

A relation is recognised by an Arabic cue word (verb or verbal noun, any prefix) and,
for the supply family, by the kind of thing supplied (weapons, technology, troops,
workers). Subject: the nearest agent mention before the cue (else the first after it);
object: the first other agent after the cue. ``helpBuild`` takes the thing built
("في بناء أقمار صناعية") as its object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import Mention

RELATION_BASE = "https://w3id.org/sanad/relation/"
RELATIONS = ("meet", "visit", "supplyWeaponsTo", "supplyTo", "helpBuild", "provideTechnologyTo",
             "holdJointExercisesWith", "sendTroopsTo", "sendWorkersTo", "sanction",
             "discussWith", "support", "cooperateWith", "violate", "invade", "warn", "deny")
AGENT_TYPES = frozenset({"person", "country", "organisation", "agency", "outlet", "place",
                         "unnamed_source"})

_P = r"(?<![\w])[وفبل]?(?:س)?"  # conjunction, preposition, future prefix
_W = r"[\w]*"
_SUPPLY = _P + r"(?:[يتن]?زود|تزويد|امداد|[يتن]?مد(?:ون)?|مد|ارسال|[يتن]?رسل|بيع|[يتن]?بيع|تسليم" \
               r"|شحن)" + _W
_SUPPLY_ONLY = _P + r"(?:[يتن]?زود|تزويد|امداد|[يتن]مد(?:ون)?|تسليم|شحن)" + _W
_WEAPONS = r"(?:اسلح|سلاح|ذخير|ذخاير|قذايف|صواريخ|صاروخ|مدفعي|دبابات|مسيرات|طايرات مسيره)"
_TECH = r"(?:تكنولوجي|تقني|خبر|معرف)"
_TROOPS = r"(?:جنود|جندي|قوات|عسكريين|مقاتلين)"
_WORKERS = r"(?:عمال|عامل|خبراء|مهندسين)"
_BUILD = re.compile(_P + r"(?:[يتن]?ساعد|مساعد)" + _W + r"(?:\s+\S+){0,3}?\s+(?:في|علي)\s+"
                    r"(?:بناء|تطوير|انتاج|صنع|تصنيع|اطلاق)\s+")

_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("sendTroopsTo", re.compile(_P + r"(?:ارسال|[يتن]?رسل|نشر|[يتن]?نشر)" + _W + r"(?:\s+\S+){0,3}?\s+"
                                + _TROOPS)),
    ("sendWorkersTo", re.compile(_P + r"(?:ارسال|[يتن]?رسل)" + _W + r"(?:\s+\S+){0,2}?\s+"
                                 + _WORKERS)),
    ("supplyWeaponsTo", re.compile(_SUPPLY + r"(?:\s+\S+){0,4}?\s+\S*" + _WEAPONS)),
    ("provideTechnologyTo", re.compile(_SUPPLY + r"(?:\s+\S+){0,4}?\s+\S*" + _TECH)),
    ("helpBuild", _BUILD),
    ("holdJointExercisesWith", re.compile(_P + r"(?:ال)?(?:تدريبات|مناورات|تمارين)\s+(?:\S+\s+)?"
                                          r"(?:ال)?(?:مشترك|بحري|عسكري)")),
    ("violate", re.compile(_P + r"(?:ال)?(?:انتهاك|[يتن]?نتهك|خرق|[يتن]?خرق)" + _W)),
    ("invade", re.compile(_P + r"(?:ال)?(?:غزو|غزت|[يتن]?غزو|اجتياح|اجتاح)" + _W)),
    ("sanction", re.compile(_P + r"(?:فرض|[يتن]?فرض)\s+(?:ال)?عقوبات")),
    ("warn", re.compile(_P + r"(?:ال)?(?:حذر|[يتن]?حذر|تحذير)" + _W)),
    ("deny", re.compile(_P + r"(?:نفي|نفت|[يتن]نفي)(?![\w])")),
    ("meet", re.compile(_P + r"(?:ال)?(?:التقي|[يتن]?لتقي|لقاء|اجتمع|[يتن]?جتمع|اجتماع|استقبل"
                        r"|[يتن]?ستقبل|قمه)" + _W)),
    ("visit", re.compile(_P + r"(?:ال)?(?:زار|[يتن]زور|زياره|سفر|[يتن]?سافر|توجه|[يتن]توجه|وصل|"
                         r"[يتن]صل)" + _W)),
    ("supplyTo", re.compile(_SUPPLY_ONLY)),
    ("discussWith", re.compile(_P + r"(?:ال)?(?:ناقش|[يتن]ناقش|مناقشه|بحث|[يتن]بحث|تباحث)" + _W)),
    ("cooperateWith", re.compile(_P + r"(?:ال)?(?:تعاون|[يتن]تعاون)" + _W)),
    ("support", re.compile(_P + r"(?:ال)?(?:دعم|[يتن]دعم|تاييد|[يتن]يد)(?![\w])" + _W)),
]


@dataclass(frozen=True)
class Triple:
    """Subject and object are mentions, or a (start, end) span for an unlinked thing."""

    subject: Mention | tuple[int, int]
    predicate: str
    object: Mention | tuple[int, int]

    @property
    def iri(self) -> str:
        """The relation's IRI."""
        return RELATION_BASE + self.predicate


def _agents(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions
            if not m.adjective and (m.entry is None or m.entry.type in AGENT_TYPES)]


def _same(a: Mention, b: Mention) -> bool:
    if a.entry is not None and b.entry is not None:
        return a.entry.key == b.entry.key
    return (a.start, a.end) == (b.start, b.end)


def _same_arg(a: Mention, b: Mention | tuple[int, int]) -> bool:
    return _same(a, b) if isinstance(b, Mention) else (a.start, a.end) == b


def _thing_after(text: str, pos: int) -> tuple[int, int] | None:
    m = re.match(r"[^\s،,.:؛\"()]+(?:\s+(?!(?:في|من|مع|الي|علي|عن|ب|و)\s)[^\s،,.:؛\"()]+){0,2}",
                 text[pos:])
    return (pos + m.start(), pos + m.end()) if m else None


def read_triple(text: str, mentions: list[Mention],
                default_subject: Mention | tuple[int, int] | None = None) -> Triple | None:
    """First relation of the vocabulary readable in normalised ``text`` with its arguments.

    ``default_subject`` stands for a subject carried by a pronoun ("إنه سيزور…")."""
    agents = _agents(mentions)
    if not agents:
        return None
    hits = []
    for name, pattern in _CUES:
        m = pattern.search(text)
        if m and not any(a.start <= m.start() < a.end for a in mentions):
            hits.append((name, m))
    for name, m in hits:
        triple = _arguments(text, name, m, agents, default_subject)
        if triple:
            return triple
    return None


def _arguments(text: str, name: str, m: re.Match[str], agents: list[Mention],
               default: Mention | tuple[int, int] | None) -> Triple | None:
    space = text.find(" ", m.start())
    cue_end = len(text) if space < 0 else space  # the cue word itself; the rest may hold args
    before = [a for a in agents if a.end <= m.start()]
    after = [a for a in agents if a.start >= cue_end]
    subject: Mention | tuple[int, int] | None = before[-1] if before else default
    if name == "helpBuild":
        subject = subject or (after[0] if after else None)
        thing = _thing_after(text, m.end())
        return Triple(subject, name, thing) if subject and thing else None
    if subject is None:
        subject = after.pop(0) if after else None
    if subject is None:
        return None
    obj = next((a for a in after if a.start >= m.start() and not _same_arg(a, subject)), None)
    if obj is None:
        return None
    return Triple(subject, name, obj)
