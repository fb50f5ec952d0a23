"""A small SPARQL lexer: enough structure to find keywords outside strings, IRIs and comments.

It does not parse SPARQL (the store does that and reports syntax errors); it only tells a
keyword such as ``FROM`` or ``WHERE`` apart from the same letters inside a string, an IRI, a
comment or a prefixed name, and tracks the nesting of ``{…}`` and ``(…)``. The dataset
rewrites in :mod:`sanad.graph.sparql_dataset` are built on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Token", "tokens"]

_PATTERNS = [
    ("space", r"\s+"),
    ("comment", r"#[^\n\r]*"),
    ("iri", r"<[^<>\"{}|^`\\\x00-\x20]*>"),
    ("string", r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
               r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''),
    ("var", r"[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+"),
    # prefixed names, keywords and the ``a`` shorthand: letters, digits, _ - . and one colon
    ("word", r"[^\W\d][\w.\-]*(?::[\w.\-:%\\]*)?|:[\w.\-:%\\]*"),
    ("number", r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"),
    ("punct", r"."),
]
_LEXER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS), re.DOTALL)


@dataclass(frozen=True)
class Token:
    """One significant token: its kind, text, position, and the nesting it sits at."""

    kind: str
    text: str
    start: int
    end: int
    braces: int
    parens: int

    def is_keyword(self, *words: str) -> bool:
        """True for a bare word equal (case-insensitively) to one of ``words``."""
        return self.kind == "word" and self.text.upper() in words

    @property
    def top(self) -> bool:
        """Outside every ``{…}`` and ``(…)``."""
        return self.braces == 0 and self.parens == 0


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of ``text`` (no spaces, no comments), with their nesting depth.

    The depth is the one *before* the token: an opening brace is at the outer depth, its
    closing brace at the outer depth too.
    """
    braces = parens = 0
    for match in _LEXER.finditer(text):
        kind = match.lastgroup or "punct"
        if kind in ("space", "comment"):
            continue
        value = match.group()
        if value in ("}", ")"):
            braces -= value == "}"
            parens -= value == ")"
        yield Token(kind, value, match.start(), match.end(), max(braces, 0), max(parens, 0))
        if value in ("{", "("):
            braces += value == "{"
            parens += value == "("
