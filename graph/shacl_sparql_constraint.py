"""SHACL-SPARQL constraints (``sh:sparql`` with ``sh:select``) as set-at-a-time queries.

pyshacl pre-binds ``$this`` to one focus node per call; here the SELECT runs once with
``?this`` unbound (``$this`` and ``?this`` are the same SPARQL variable) and is joined with
the shape's targets. That equals pre-binding only for queries without MINUS, VALUES,
SERVICE, subqueries or a BIND of ``$this``; anything of that kind is refused.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from .shacl_sparql import UnsupportedShape

__all__ = ["sparql_check"]

_REFUSED = re.compile(r"\b(MINUS|SERVICE|VALUES)\b|\$(PATH|currentShape|shapesGraph)\b|AS\s+[?$]this\b",
                      re.IGNORECASE)
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
    prologue = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in _prefixes(shapes, constraint))
    return f"{prologue}\nSELECT DISTINCT ?this WHERE {{ {{ {text} }} {target} }}"


def _prefixes(shapes: Graph, constraint: Node) -> list[tuple[str, str]]:
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
