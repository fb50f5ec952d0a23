"""Sentence spans of a body segment, in original offsets.

Lines are paragraphs; inside a line a sentence ends at . ! ? ؟ followed by a space, a
closing quote or the end of the line, unless inside a quotation (a quote keeps its
sentences together) or part of an ellipsis (".."). A sentence longer than
:data:`MAX_SENTENCE` is cut at its next end mark even inside a quotation, so one unclosed
quote cannot turn a large text into one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_SENTENCE = 1500
# An end mark (not part of "..", not a decimal point) and any closing quotes after it.
_END_RE = re.compile(r'(?<![.\d])[.!?؟](?![.\d])["”»]*(?=\s|$)|(?<=\d)\.(?=\s|$)')
_QUOTE_RE = re.compile(r'["“”«»]')
_LEAD = " \t\r.،,-–—•·"


def _inside_quote(line: str, pos: int) -> bool:
    opened = False
    for m in _QUOTE_RE.finditer(line, 0, pos):
        ch = m.group()
        opened = (not opened) if ch == '"' else ch in "“«"
    return opened


def _line_sentences(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    line = text[a:b]
    start = 0
    for m in _END_RE.finditer(line):
        end = m.end()
        if _inside_quote(line[start:], m.start() - start) and end - start <= MAX_SENTENCE:
            continue
        yield a + start, a + end
        start = end
    if start < len(line):
        yield a + start, b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _LEAD:
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Non-empty, trimmed sentence spans of ``text[start:end]``."""
    stop = len(text) if end is None else end
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        for a, b in _line_sentences(text, pos, line_end):
            a, b = _trim(text, a, b)
            if b > a:
                yield a, b
        pos = line_end + 1
