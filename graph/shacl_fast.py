"""The compiled SHACL pre-check: run the compiled queries on an in-memory pyoxigraph store."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph

from .shacl_compile import Check, UnsupportedShape, compile_shapes
from .shacl_literals import checked
from .shacl_reads import read_predicates
from .validation import Validator

__all__ = ["CompiledValidator", "Flag", "compiled_for", "data_store"]

log = logging.getLogger(__name__)

Flag = tuple[str, str]
"""A suspected violation: (focus node as text, IRI of the node shape it fails)."""


class CompiledValidator:
    """Finds the focus nodes that violate a shapes graph, set-at-a-time, with pyoxigraph."""

    def __init__(self, checks: list[Check], predicates: frozenset[str] | None = None) -> None:
        self.checks = checks
        self.predicates = predicates  # the only predicates the checks read (None: unknown)

    @classmethod
    def from_shapes(cls, shapes: Graph) -> CompiledValidator:
        """Compile ``shapes``; raise :class:`UnsupportedShape` if any feature is not compiled."""
        return cls(compile_shapes(shapes), read_predicates(shapes))

    def flags(self, data: ox.Store) -> set[Flag]:
        """Every (focus node, node shape) pair that violates a check on ``data``'s default graph."""
        found: set[Flag] = set()
        for check in self.checks:
            solutions = data.query(check.query)
            assert isinstance(solutions, ox.QuerySolutions)
            shape = str(check.node_shape)
            for row in solutions:
                focus = row["this"]
                if focus is not None:
                    found.add((focus.value, shape))
        return found

    def validate(self, triples: Iterable[ox.Triple]) -> set[Flag]:
        """:meth:`flags` of a data graph given as triples."""
        return self.flags(data_store(triples))


def data_store(triples: Iterable[ox.Triple]) -> ox.Store:
    """An in-memory store whose default graph holds ``triples``."""
    store = ox.Store()
    literal = ox.Literal
    store.bulk_extend([
        ox.Quad(t.subject, t.predicate, checked(t.object) if type(t.object) is literal else t.object)  # type: ignore[arg-type]
        for t in triples])
    return store


@lru_cache(maxsize=8)
def compiled_for(validator: Validator) -> CompiledValidator | None:
    """The compiled form of ``validator``'s shapes (once per validator), or None if refused."""
    try:
        return CompiledValidator.from_shapes(validator.shapes)
    except UnsupportedShape as exc:
        log.warning("SHACL shapes not compiled, pyshacl validates every write: %s", exc)
        return None
