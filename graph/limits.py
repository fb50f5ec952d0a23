"""Query limits in the store layer: a time limit, a row cap, and a bound on running queries.

pyoxigraph cannot cancel a query once it runs, so a time limit cannot stop the work; it can
only stop the *waiting*. :class:`LimitedStore` wraps any :class:`~sanad.graph.store.Store`:

* every read query runs in a pool of ``slots`` threads of its own (pyoxigraph releases the
  GIL while it evaluates, so the event loop and the other requests keep going);
* the caller waits at most ``time_limit`` seconds, then gets :class:`QueryTimeout` (HTTP 503
  with the error shape). The query is *abandoned*: its thread finishes it in the background
  (a streaming result stops at the row cap), still holding its slot;
* a query that finds every slot taken waits for one until its own time limit, then gets
  :class:`StoreBusy` (503). So abandoned queries can never pile up beyond ``slots`` threads,
  no request waits longer than the time limit, and the server always answers.

Why not a subprocess per query, which could be killed? The embedded store is a RocksDB folder
that only one process may open (and an in-memory store cannot be shared at all); a process per
query would also cost far more than the 3–40 ms lookups it guards. The pool gives the same
guarantee that matters — no hung worker, a bounded amount of abandoned work — at no cost to
normal queries.

Federated ``SERVICE`` calls and ``LOAD`` are refused: they would let a request make this
server fetch arbitrary URLs.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, TypeVar

from rdflib import URIRef

from .batch import Batch, Quad
from .errors import QueryError, QueryTimeout, StoreBusy
from .results import QueryResult
from .sparql_lexer import tokens
from .store import DEFAULT_ROW_LIMIT, Store

__all__ = ["LimitedStore", "QueryLimits"]

T = TypeVar("T")


@dataclass(frozen=True)
class QueryLimits:
    """How long a read query may take, how many rows it returns, how many may run at once."""

    time_limit: float = 10.0
    row_limit: int = DEFAULT_ROW_LIMIT
    slots: int = 4


class LimitedStore:
    """A :class:`Store` whose read queries obey :class:`QueryLimits`; writes pass through."""

    def __init__(self, store: Store, limits: QueryLimits | None = None) -> None:
        self.inner = store
        self.limits = limits or QueryLimits()
        self._pool = ThreadPoolExecutor(self.limits.slots, thread_name_prefix="sanad-query")
        self._slots = threading.BoundedSemaphore(self.limits.slots)
        self._lock = threading.Lock()
        self._running = 0
        self._abandoned = 0

    def query(self, sparql: str, *, row_limit: int | None = None) -> QueryResult:
        """Run ``sparql`` within the limits; ``row_limit`` defaults to the configured cap."""
        refuse_remote_calls(sparql)
        limit = self.limits.time_limit
        deadline = time.monotonic() + limit
        if not self._slots.acquire(timeout=limit):
            raise self._busy()
        future = self._submit(lambda: self._run(sparql, row_limit or self.limits.row_limit))
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            self._abandon(future)
            raise self._timed_out() from None

    async def answer(self, sparql: str, shape: Callable[[QueryResult], T], *,
                     row_limit: int | None = None) -> T:
        """``shape(result)`` of ``sparql``, awaited from an event loop within the same limits.

        The query and ``shape`` (e.g. serializing the result) run together on one pool thread,
        so a request costs one hand-off between threads, not three; the loop never blocks.
        """
        refuse_remote_calls(sparql)
        rows = row_limit or self.limits.row_limit
        return await self.run(lambda store: shape(store.query(sparql, row_limit=rows)))

    async def run(self, work: Callable[[Store], T]) -> T:
        """``work(store)`` — every read of one request — in one slot, under one time limit.

        ``work`` reads the store behind the limits directly (its queries need no slot each);
        past the time limit the caller gets :class:`QueryTimeout` and ``work`` is abandoned.
        """
        limit = self.limits.time_limit
        deadline = time.monotonic() + limit
        if not self._slots.acquire(blocking=False) and not await asyncio.to_thread(
                self._slots.acquire, timeout=limit):
            raise self._busy()
        future = self._submit(lambda: self._counted(work))
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)),
                                          max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            self._abandon(future)
            raise self._timed_out() from None

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        """Start ``work`` on the pool in the slot the caller holds (released when it ends)."""
        try:
            future = self._pool.submit(work)
        except RuntimeError as exc:  # the pool was shut down: the server is stopping
            self._slots.release()
            raise StoreBusy("the server is shutting down") from exc
        future.add_done_callback(self._finished)
        return future

    def _busy(self) -> StoreBusy:
        return StoreBusy(f"all {self.limits.slots} query slots are taken by queries that ran past "
                         f"the time limit of {self.limits.time_limit:g} s; try again later")

    def _timed_out(self) -> QueryTimeout:
        return QueryTimeout(f"the query ran past the time limit of {self.limits.time_limit:g} s and "
                            "was abandoned; make it more selective (VALUES, LIMIT) or ask for fewer rows")

    def _abandon(self, future: Future[T]) -> None:
        with self._lock:
            self._abandoned += 1
        future.add_done_callback(self._forget)

    def _run(self, sparql: str, row_limit: int) -> QueryResult:
        return self._counted(lambda store: store.query(sparql, row_limit=row_limit))

    def _counted(self, work: Callable[[Store], T]) -> T:
        with self._lock:
            self._running += 1
        try:
            return work(self.inner)
        finally:
            with self._lock:
                self._running -= 1

    def _finished(self, _: Future[Any]) -> None:
        self._slots.release()

    def _forget(self, _: Future[Any]) -> None:
        with self._lock:
            self._abandoned -= 1

    def stats(self) -> dict[str, int]:
        """Queries running now, and how many of them were abandoned at the time limit."""
        with self._lock:
            return {"running": self._running, "abandoned": self._abandoned,
                    "slots": self.limits.slots}

    def update(self, sparql_update: str, context: str = "SPARQL update") -> None:
        """Run a SPARQL update (no time limit: a write is never abandoned half-way)."""
        for token in tokens(sparql_update):
            if token.top and token.is_keyword("LOAD"):
                raise QueryError("LOAD is disabled on this server (it would fetch a URL)")
        self.inner.update(sparql_update, context)

    def write(self, batch: Batch) -> None:
        self.inner.write(batch)

    def drop_graphs(self, names: list[URIRef]) -> None:
        self.inner.drop_graphs(names)

    def graph_names(self) -> set[URIRef]:
        return self.inner.graph_names()

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        return self.inner.quads(graph)

    def __len__(self) -> int:
        return len(self.inner)

    def close(self) -> None:
        """Stop taking queries; abandoned ones are left to finish on their own threads."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def refuse_remote_calls(sparql: str) -> None:
    """Raise :class:`QueryError` for a federated ``SERVICE`` call."""
    # the substring test is a cheap pre-filter; the tokens tell a keyword from a name or string
    if "service" in sparql.lower() and any(t.is_keyword("SERVICE") for t in tokens(sparql)):
        raise QueryError("SERVICE (federated query) is disabled on this server")
