"""The embedded backend: pyoxigraph on disk (RocksDB), one process at a time."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from .batch import Batch, Quad
from .errors import StoreError, translate
from .ox_results import OxSelectResult
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .sparql_dataset import declares_dataset
from .store import DEFAULT_ROW_LIMIT
from .terms import from_ox, to_ox_quads
from .update_text import drop_graphs_update, replace_graphs_update

__all__ = ["OxigraphStore"]


class OxigraphStore:
    """A :class:`~sanad.graph.store.Store` kept in a directory by pyoxigraph.

    ``path=None`` gives an in-memory store (tests and benchmarks only).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is None:
            self._store = ox.Store()
            return
        path.mkdir(parents=True, exist_ok=True)
        try:
            self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {path}: {exc} "
                "(is another sanad process, such as the server, using it?)"
            ) from exc

    def query(self, sparql: str, *, row_limit: int = DEFAULT_ROW_LIMIT) -> QueryResult:
        with translate("SPARQL query"):
            # the union flag would override a FROM clause of the query's own
            answer = self._store.query(sparql, use_default_graph_as_union=not declares_dataset(sparql))
            if isinstance(answer, ox.QueryBoolean):
                return AskResult(bool(answer))
            if isinstance(answer, ox.QuerySolutions):
                return _select(answer, row_limit)
            return _triples(answer, row_limit)

    def raw_query(self, sparql: str) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """The query over the union of the named graphs, answered in pyoxigraph terms.

        For in-process callers that keep pyoxigraph terms (the write gate's compiled check);
        no row limit, no rdflib conversion.
        """
        with translate("SPARQL query"):
            return self._store.query(sparql, use_default_graph_as_union=True)

    def write(self, batch: Batch) -> None:
        """Replace the batch's graphs in one transaction.

        New graphs (the common case: a first ingest) are added with ``extend``, one
        transaction without SPARQL text to build and parse; a batch that replaces an existing
        graph sends the drop-and-insert update instead. Writes are serialised by the caller
        (one writer per store), so no graph can appear between the check and the write.
        """
        if not batch.graphs:
            return
        with translate(f"writing {batch.label}"):
            if any(self._store.contains_named_graph(ox.NamedNode(str(g))) for g in batch.graphs):
                self._store.update(replace_graphs_update(batch))
            else:
                self._store.extend(to_ox_quads(batch.quads()))

    def update(self, sparql_update: str, context: str = "SPARQL update") -> None:
        with translate(context):
            self._store.update(sparql_update)

    def drop_graphs(self, names: list[URIRef]) -> None:
        if names:
            with translate("dropping graphs"):
                self._store.update(drop_graphs_update(names))

    def graph_names(self) -> set[URIRef]:
        return {URIRef(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)}

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        graph_name = ox.NamedNode(str(graph)) if graph is not None else None
        for q in self._store.quads_for_pattern(None, None, None, graph_name):
            if isinstance(q.graph_name, ox.NamedNode):
                yield (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),
                       URIRef(q.graph_name.value))

    def dump(self, rdf_format: ox.RdfFormat) -> bytes:
        """The whole dataset serialized by pyoxigraph (TriG or N-Quads)."""
        with translate("exporting"):
            return bytes(self._store.dump(format=rdf_format) or b"")

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if self.path is not None:
            self._store.flush()
        del self._store


def _select(solutions: ox.QuerySolutions, row_limit: int) -> SelectResult:
    names = [v.value for v in solutions.variables]
    kept = list(islice(solutions, row_limit + 1))
    truncated = len(kept) > row_limit
    return OxSelectResult(names, kept[:row_limit], truncated)


def _triples(triples: ox.QueryTriples, row_limit: int) -> GraphResult:
    graph = Graph()
    truncated = False
    for count, t in enumerate(triples):
        if count == row_limit:
            truncated = True
            break
        graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return GraphResult(graph, truncated)
