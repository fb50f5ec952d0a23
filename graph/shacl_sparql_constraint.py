"""SHACL-SPARQL constraints (``sh:sparql`` with ``sh:select``) as set-at-a-time queries.

pyshacl pre-binds ``$this`` to one focus node per call; here the SELECT runs once with
``?this`` unbound (``$this`` and ``?this`` are the same SPARQL variable) and is joined with
the shape's targets. That equals pre-binding only for queries without MINUS, VALUES,
SERVICE, subqueries or a BIND of ``$this``; anything of that kind is refused.

The two engines also differ where an expression raises an error (rdflib orders a language-
tagged "267"@ar above 556; pyoxigraph calls it an error). So every FILTER is rewritten to
keep a row when its expression fails: an error counts as a violation, which is only stricter
(EXISTS is refused, so no FILTER sits in a negated position).
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from .shacl_sparql import UnsupportedShape

__all__ = ["declared_prefixes", "sparql_check"]

_REFUSED = re.compile(
    r"\b(MINUS|SERVICE|VALUES|EXISTS)\b|\$(PATH|currentShape|shapesGraph)\b|AS\s+[?$]this\b",
    re.IGNORECASE)
_IRI = re.compile(r'<[^<>"{}|^`\\\s]*>')
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_KNOWN = {SH.select, SH.prefixes, SH.message, SH.deactivated, SH.severity}


def sparql_check(shapes: Graph, constraint: Node, target: str) -> str:
    """``SELECT DISTINCT ?this`` over the targets for which ``constraint``'s query has rows."""
    for p in set(shapes.predicates(constraint, None)):
        if str(p).startswith(str(SH)) and p not in _KNOWN:
            raise UnsupportedShape(f"SPARQL constraint {constraint}: {p}")
    if any(d != Literal(False) for d in shapes.objects(constraint, SH.deactivated)):
        raise UnsupportedShape(f"SPARQL constraint {constraint}: sh:deactivated")
    if any(s != SH.Violation for s in shapes.objects(constraint, SH.severity)):
        raise UnsupportedShape(f"SPARQL constraint {constraint}: sh:severity")
    selects = list(shapes.objects(constraint, SH.select))
    if len(selects) != 1:
        raise UnsupportedShape(f"SPARQL constraint {constraint}: needs exactly one sh:select")
    text = str(selects[0])
    if _REFUSED.search(text) or len(_SELECT.findall(text)) != 1:
        raise UnsupportedShape(f"SPARQL constraint {constraint}: query form not compiled")
    if not re.search(r"[?$]this\b", text):
        raise UnsupportedShape(f"SPARQL constraint {constraint}: no $this")
    prologue = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in declared_prefixes(shapes, constraint))
    return f"{prologue}\nSELECT DISTINCT ?this WHERE {{ {{ {errors_kept(text)} }} {target} }}"


def errors_kept(query: str) -> str:
    """``query`` with each ``FILTER (e)`` turned into ``FILTER (COALESCE((e), true))``."""
    out, i = [], 0
    while (match := _next_filter(query, i)) is not None:
        start, open_at = match
        close = _closing(query, open_at)
        out.append(query[i:start])
        out.append(f"FILTER (COALESCE(({query[open_at + 1:close]}), true))")
        i = close + 1
    out.append(query[i:])
    return "".join(out)


def _next_filter(query: str, i: int) -> tuple[int, int] | None:
    """(start of the next FILTER keyword outside strings, index of its opening parenthesis)."""
    while i < len(query):
        if query[i] in "\"'":
            i = _string_end(query, i)
            continue
        if (iri := _IRI.match(query, i)) is not None:
            i = iri.end()
            continue
        if query[i] == "#":  # a comment, to the end of the line
            line_end = query.find("\n", i)
            i = len(query) if line_end < 0 else line_end
            continue
        if query[i:i + 6].upper() == "FILTER" and (i == 0 or not query[i - 1].isalnum()):
            j = i + 6
            while j < len(query) and query[j].isspace():
                j += 1
            if j >= len(query) or query[j] != "(":
                raise UnsupportedShape("FILTER without parentheses in a SPARQL constraint")
            return i, j
        i += 1
    return None


def _closing(query: str, open_at: int) -> int:
    depth, i = 0, open_at
    while i < len(query):
        if query[i] in "\"'":
            i = _string_end(query, i)
            continue
        depth += {"(": 1, ")": -1}.get(query[i], 0)
        if depth == 0:
            return i
        i += 1
    raise UnsupportedShape("unbalanced parentheses in a SPARQL constraint")


def _string_end(query: str, i: int) -> int:
    """The index just after the string literal starting at ``i``."""
    quote = query[i] * 3 if query[i:i + 3] == query[i] * 3 else query[i]
    j = i + len(quote)
    while j < len(query):
        if query[j] == "\\":
            j += 2
            continue
        if query.startswith(quote, j):
            return j + len(quote)
        j += 1
    raise UnsupportedShape("unterminated string in a SPARQL constraint")


def declared_prefixes(shapes: Graph, constraint: Node) -> list[tuple[str, str]]:
    """The prefixes ``constraint`` declares through ``sh:prefixes`` / ``sh:declare``."""
    found: dict[str, str] = {}
    for owner in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is None or namespace is None:
                raise UnsupportedShape(f"incomplete sh:declare on {owner}")
            if found.get(str(prefix), str(namespace)) != str(namespace):
                raise UnsupportedShape(f"prefix {prefix} declared twice on {owner}")
            found[str(prefix)] = str(namespace)
    return sorted(found.items())
