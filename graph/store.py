"""The ``Store`` seam: what the rest of sanad may ask of a triple store.

Two backends implement it: :class:`~sanad.graph.oxigraph_store.OxigraphStore` (embedded, on
disk) and a remote SPARQL 1.1 server. Nothing outside ``graph/`` knows which one runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from rdflib import URIRef

from .batch import Batch, Quad
from .results import QueryResult

__all__ = ["DEFAULT_ROW_LIMIT", "Store"]

DEFAULT_ROW_LIMIT = 10_000


@runtime_checkable
class Store(Protocol):
    """A quad store with SPARQL queries, atomic batch writes and dumps."""

    def query(self, sparql: str, *, row_limit: int = DEFAULT_ROW_LIMIT) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all named graphs.

        At most ``row_limit`` rows (or triples) are returned; the result says when it was cut.
        """
        ...

    def update(self, sparql_update: str, context: str = "SPARQL update") -> None:
        """Run one SPARQL 1.1 Update request as one unit (no SHACL gate: trusted callers only)."""
        ...

    def write(self, batch: Batch) -> None:
        """Replace each named graph of ``batch`` with its content, all in one transaction."""
        ...

    def drop_graphs(self, names: list[URIRef]) -> None:
        """Remove the given named graphs, all in one transaction."""
        ...

    def graph_names(self) -> set[URIRef]:
        """Names of the non-empty named graphs."""
        ...

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Every quad, or those of one named graph."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def close(self) -> None:
        """Release the store (files, locks, connections)."""
        ...
