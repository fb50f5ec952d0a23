"""One writer per store: every application write is serialised, gated and indexed here.

The embedded store allows one process, and a review's number is the count of the claim's
reviews plus one, so two writers must never interleave "read what is there" and "write what
follows". :class:`Writer` holds one lock for that; a write goes: lock → build batches from
what the store holds now → SHACL gate (all or nothing) → store → search index. Twenty
parallel requests therefore give twenty reviews numbered 1…20, none lost, none twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from rdflib import URIRef

from sanad.graph.batch import Batch
from sanad.graph.gate import WriteGate
from sanad.graph.store import Store
from sanad.graph.validation import ValidationReport

from .search_index import SearchIndex

__all__ = ["Writer"]


class Writer:
    """Serialises writes to ``store`` and keeps its search index current."""

    def __init__(self, store: Store, index: SearchIndex | None = None,
                 gate: WriteGate | None = None) -> None:
        self.store = store
        self.index = index or SearchIndex(store)
        self.gate = gate or WriteGate(store)
        self._lock = threading.RLock()

    @contextmanager
    def exclusive(self) -> Iterator[Store]:
        """Hold the write lock: nothing else writes until the block ends."""
        with self._lock:
            yield self.store

    def submit(self, batches: list[Batch], claims: Iterable[URIRef] = ()) -> ValidationReport:
        """Validate ``batches`` together, write them, then index ``claims``.

        Raises :class:`~sanad.graph.errors.ValidationFailed` with nothing written.
        """
        with self._lock:
            report = self.gate.submit_all(batches)
            self.index.index_claims(claims)
            return report

    def build_and_submit(
        self, build: Callable[[Store], tuple[list[Batch], list[URIRef]]]
    ) -> tuple[list[Batch], ValidationReport]:
        """``build(store)`` under the lock (it may read the store), then :meth:`submit`."""
        with self._lock:
            batches, claims = build(self.store)
            return batches, self.submit(batches, claims)

    def raw_update(self, sparql_update: str) -> None:
        """A trusted SPARQL update (no gate); the index is refreshed before the next search."""
        with self._lock:
            try:
                self.store.update(sparql_update)
            finally:
                self.index.mark_stale()

    def raw_write(self, batch: Batch, validate: bool = True) -> None:
        """Replace ``batch``'s graphs (through the gate unless told otherwise)."""
        with self._lock:
            try:
                if validate:
                    self.gate.submit(batch)
                else:
                    self.store.write(batch)
            finally:
                self.index.mark_stale()

    def drop(self, names: list[URIRef]) -> None:
        with self._lock:
            try:
                self.store.drop_graphs(names)
            finally:
                self.index.mark_stale()
