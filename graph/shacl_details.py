"""Checks for the nested results pyshacl reports under ``sh:detail``.

When a value node fails a shape reached by ``sh:node``, pyshacl reports, besides the result
about the focus node, the value node's own results (focus: the value node) as details, and
:class:`~sanad.graph.validation.ValidationReport` counts them like any other. So the
compiled check flags (value node, that shape) too, down every chain of ``sh:node``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib.namespace import SH
from rdflib.term import Node

from .shacl_sparql import UnsupportedShape, path_text

if TYPE_CHECKING:
    from .shacl_compile import Check, ShapeCompiler

__all__ = ["detail_checks"]


def detail_checks(compiler: ShapeCompiler, shape: Node, focus: str, pattern: str) -> list[Check]:
    """Checks flagging value nodes that fail a shape ``shape`` reaches through ``sh:node``.

    ``pattern`` binds ``focus`` to the nodes validated against ``shape``.
    """
    from .shacl_compile import Check

    g, found = compiler.g, []
    if len(compiler.stack) > 16:
        raise UnsupportedShape(f"sh:node chain too deep at {shape}")
    steps: list[tuple[Node, str, str]] = []  # (shape reached, pattern binding value, value)
    if g.value(shape, SH.path) is None:
        steps += [(node, pattern, focus) for node in g.objects(shape, SH.node)]
        properties = list(g.objects(shape, SH.property))
    else:
        properties = [shape]
    for prop in properties:
        nodes = list(g.objects(prop, SH.node))
        if nodes:
            value = compiler.fresh()
            path = g.value(prop, SH.path)
            if path is None:
                raise UnsupportedShape(f"{prop}: sh:property without sh:path")
            reach = f"{pattern} . {focus} {path_text(g, path)} {value}"
            steps += [(node, reach, value) for node in nodes]
    for node, reach, value in sorted(steps, key=lambda s: str(s[0])):
        test = compiler.conforms(node, value)
        query = f"SELECT DISTINCT ({value} AS ?this) WHERE {{ {reach} FILTER (!{test}) }}"
        found.append(Check(node, node, query))
        compiler.stack.append(node)
        try:
            found += detail_checks(compiler, node, value, reach)
        finally:
            compiler.stack.pop()
    return found
