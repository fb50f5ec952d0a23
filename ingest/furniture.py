"""Page furniture and segmentation, by line, without touching the text.

Web pages pasted as text carry more than the article: "read also" boxes and bulleted
headline lists, tag lines, share and comment widgets, source footers, tracking tokens,
and sometimes a second article glued under the first. :func:`segment` labels every line
with a kind (the kinds of ``docs/corpus.md``) and returns spans of the original text, so
extraction can skip furniture while keeping offsets into the original.

A body line that follows an end-of-article marker (source footer, tags, widget) starts a
``second_article`` segment with its own date context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .normalize import normalize_text

BODY_KINDS = ("body", "second_article")
FURNITURE_KINDS = ("related_headlines", "tags", "widget", "source_footer", "tracking")

_RELATED_RE = re.compile(
    r"^(ا?اقرا|اقرئي|طالع|شاهد)\s+(ايضا|كذلك)|^(مقالات|اخبار|مواضيع|موضوعات|قصص)\s+"
    r"(مشابهه|ذات صله|متعلقه|مقترحه|قد تهمك)|^(اخبار|مقالات)\s+اخري|^اقرا المزيد|^المزيد من"
)
_TAGS_RE = re.compile(r"^(كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|الوسوم|وسوم|"
                      r"تاجات|الموضوعات المرتبطه|مواضيع)\s*[:|-]?")
_FOOTER_RE = re.compile(r"^(المصدر|مصدر الخبر|المصادر)\s*([:|/-]|$)|^(وكالات|المصدر)\s*$")
_WIDGET_RE = re.compile(
    r"شارك|مشاركه|تعليق|التعليقات|اترك|اضف|طباعه|ارسل لصديق|تابعونا|تابعنا|فيسبوك|فيس بوك|"
    r"تويتر|واتساب|تلجرام|تيليجرام|انستجرام|لينكد|نسخ الرابط|حفظ|اشترك|النشره البريديه"
)
_BULLET_RE = re.compile(r"^\s*[•·▪●◦‣∙*\-–—]\s*\S")
_BASE64_RE = re.compile(r"(?<![\w/+])[A-Za-z0-9+/]{16,}={0,2}(?![\w/+])")
_END_PUNCT = tuple(".!؟?:\"”»)")
_MAX_WIDGET_WORDS = 8
_MAX_HEADLINE_WORDS = 25
_MAX_TRACKING_LINE_WORDS = 12
_MIN_ARTICLE_WORDS = 40  # an end marker counts only after this much body text


@dataclass(frozen=True)
class Segment:
    """A span of the original text; ``index`` numbers the articles (0 = main, -1 = furniture)."""

    kind: str
    start: int
    end: int
    index: int = 0


@dataclass
class _Line:
    start: int
    end: int
    raw: str
    norm: str
    kind: str = ""
    article: int = -1


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for piece in text.split("\n"):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        yield _Line(pos + lead, pos + lead + len(stripped), stripped, normalize_text(stripped))
        pos += len(piece) + 1


def is_tracking_token(token: str) -> bool:
    """A base64-like token: long, Latin letters mixed with case changes or digits."""
    if not _BASE64_RE.fullmatch(token):
        return False
    has_lower = any(c.islower() for c in token)
    has_upper = any(c.isupper() for c in token)
    has_digit = any(c.isdigit() for c in token)
    return (has_lower and has_upper) or (has_digit and (has_lower or has_upper)) or "=" in token


def tracking_spans(text: str) -> list[tuple[int, int]]:
    """Spans of base64-like tracking tokens anywhere in ``text``."""
    return [m.span() for m in _BASE64_RE.finditer(text) if is_tracking_token(m.group())]


def _words(norm: str) -> int:
    return len(norm.split())


def _is_headline_like(line: _Line) -> bool:
    return 0 < _words(line.norm) <= _MAX_HEADLINE_WORDS and not line.raw.endswith(".")


def _marker_kind(line: _Line) -> str:
    """Kind of a line recognisable on its own, or '' for body text."""
    norm = line.norm
    if tracking_spans(line.raw) and _words(norm) <= _MAX_TRACKING_LINE_WORDS:
        return "tracking"
    if _RELATED_RE.match(norm) and _words(norm) <= 5:
        return "related_headlines"
    if _TAGS_RE.match(norm) and (":" in norm[:25] or _words(norm) <= 3):
        return "tags"
    if _FOOTER_RE.match(norm) and _words(norm) <= 10:
        return "source_footer"
    if _BULLET_RE.match(line.raw):
        return "related_headlines"
    if _words(norm) <= _MAX_WIDGET_WORDS and _WIDGET_RE.search(norm):
        return "widget"
    return ""


def _label(lines: list[_Line]) -> None:
    ended = False
    pending_related = False
    article = 0
    body_words = 0
    for i, line in enumerate(lines):
        if not line.raw:
            continue
        kind = _marker_kind(line)
        if kind:
            line.kind = kind
            pending_related = kind == "related_headlines" and not _BULLET_RE.match(line.raw)
            if kind in ("tags", "source_footer", "widget"):
                ended = ended or body_words >= _MIN_ARTICLE_WORDS
            continue
        if pending_related and _is_headline_like(line):
            pending_related = False
            if not (ended and _body_follows(lines, i)):
                line.kind = "related_headlines"
                continue
        pending_related = False
        if ended:
            article, ended, body_words = article + 1, False, 0
        body_words += _words(line.norm)
        line.kind = "second_article" if article else "body"
        line.article = article


def _body_follows(lines: list[_Line], i: int) -> bool:
    """Whether the next non-empty line after ``i`` is article body (a long paragraph)."""
    for line in lines[i + 1:]:
        if line.raw:
            return not _marker_kind(line) and _words(line.norm) > _MAX_HEADLINE_WORDS // 2
    return False


def segment(text: str) -> list[Segment]:
    """Label ``text`` line by line; consecutive lines of one kind form one segment."""
    lines = list(_lines(text))
    _label(lines)
    segments: list[Segment] = []
    for line in lines:
        if not line.raw:
            continue
        last = segments[-1] if segments else None
        if last and last.kind == line.kind and last.index == line.article:
            segments[-1] = Segment(last.kind, last.start, line.end, last.index)
        else:
            segments.append(Segment(line.kind, line.start, line.end, line.article))
    return _split_tracking(text, segments)


def _split_tracking(text: str, segments: list[Segment]) -> list[Segment]:
    """Cut tracking tokens found inside body lines out as their own segments."""
    out: list[Segment] = []
    for seg in segments:
        if seg.kind not in BODY_KINDS:
            out.append(seg)
            continue
        pos = seg.start
        for start, end in tracking_spans(text[seg.start:seg.end]):
            a, b = seg.start + start, seg.start + end
            if a > pos:
                out.append(Segment(seg.kind, pos, a, seg.index))
            out.append(Segment("tracking", a, b, -1))
            pos = b
        if pos < seg.end:
            out.append(Segment(seg.kind, pos, seg.end, seg.index))
    return out


def body_segments(text: str) -> list[Segment]:
    """Only the segments that carry article text."""
    return [s for s in segment(text) if s.kind in BODY_KINDS]
