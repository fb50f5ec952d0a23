"""LimitedStore: a time limit that never hangs the caller, and a bound on abandoned queries."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
from rdflib import URIRef

from sanad.graph import (
    Batch,
    LimitedStore,
    OxigraphStore,
    QueryError,
    QueryLimits,
    QueryResult,
    QueryTimeout,
    SelectResult,
    StoreBusy,
)


class BlockingStore(OxigraphStore):
    """An in-memory store whose queries wait for ``release`` (a query the store cannot stop)."""

    def __init__(self) -> None:
        super().__init__(None)
        self.release = threading.Event()

    def query(self, sparql: str, *, row_limit: int = 10_000) -> QueryResult:
        if "slow" in sparql:
            self.release.wait(timeout=30)
        return super().query(sparql, row_limit=row_limit)


@pytest.fixture
def blocking() -> Iterator[tuple[BlockingStore, LimitedStore]]:
    inner = BlockingStore()
    limited = LimitedStore(inner, QueryLimits(time_limit=0.3, row_limit=3, slots=2))
    yield inner, limited
    inner.release.set()
    limited.close()


def test_a_query_past_the_time_limit_is_abandoned_not_waited_for(
        blocking: tuple[BlockingStore, LimitedStore]) -> None:
    _inner, limited = blocking
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.3 s"):
        limited.query("ASK { ?slow ?p ?o }")
    assert time.monotonic() - started < 1.0
    assert limited.stats() == {"running": 1, "abandoned": 1, "slots": 2}
    assert limited.query("ASK { ?s ?p ?o }").value is False  # type: ignore[union-attr]


def test_abandoned_queries_are_bounded_and_slots_come_back(
        blocking: tuple[BlockingStore, LimitedStore]) -> None:
    inner, limited = blocking
    for _ in range(2):
        with pytest.raises(QueryTimeout):
            limited.query("ASK { ?slow ?p ?o }")
    started = time.monotonic()
    with pytest.raises(StoreBusy, match="all 2 query slots"):
        limited.query("ASK { ?s ?p ?o }")
    assert time.monotonic() - started < 1.0
    inner.release.set()
    deadline = time.monotonic() + 5
    while limited.stats()["running"] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert limited.stats()["abandoned"] == 0
    assert limited.query("ASK { ?s ?p ?o }").value is False  # type: ignore[union-attr]


def test_row_cap_sets_truncated(blocking: tuple[BlockingStore, LimitedStore]) -> None:
    _inner, limited = blocking
    name = URIRef("http://ex.org/g")
    limited.write(Batch.of("five", [(URIRef(f"http://ex.org/{i}"), URIRef("http://ex.org/p"),
                                     URIRef("http://ex.org/o"), name) for i in range(5)]))
    result = limited.query("SELECT ?s WHERE { ?s ?p ?o }")
    assert isinstance(result, SelectResult) and len(result.rows) == 3 and result.truncated
    assert not limited.query("SELECT ?s WHERE { ?s ?p ?o }", row_limit=10).truncated


def test_service_and_load_are_refused(blocking: tuple[BlockingStore, LimitedStore]) -> None:
    _, limited = blocking
    with pytest.raises(QueryError, match="SERVICE"):
        limited.query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="LOAD"):
        limited.update("LOAD <http://127.0.0.1:9/data.ttl>")


def test_awaited_answers_obey_the_same_limits(blocking: tuple[BlockingStore, LimitedStore]) -> None:
    inner, limited = blocking

    async def scenario() -> None:
        assert await limited.answer("ASK { ?s ?p ?o }", lambda r: r.value) is False  # type: ignore[union-attr]
        for _ in range(2):
            with pytest.raises(QueryTimeout, match=r"time limit of 0\.3 s"):
                await limited.answer("ASK { ?slow ?p ?o }", repr)
        assert limited.stats() == {"running": 2, "abandoned": 2, "slots": 2}
        with pytest.raises(StoreBusy, match="all 2 query slots"):
            await limited.answer("ASK { ?s ?p ?o }", repr)
        with pytest.raises(QueryError, match="SERVICE"):
            await limited.answer("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", repr)

    started = time.monotonic()
    asyncio.run(scenario())
    assert time.monotonic() - started < 2.5
    inner.release.set()
    deadline = time.monotonic() + 5
    while limited.stats()["running"] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert limited.stats()["abandoned"] == 0


def test_the_shaping_step_runs_on_the_query_thread_and_its_errors_reach_the_caller(
        blocking: tuple[BlockingStore, LimitedStore]) -> None:
    _inner, limited = blocking

    def fails(_: QueryResult) -> None:
        raise ValueError(f"shaped on {threading.current_thread().name}")

    with pytest.raises(ValueError, match="shaped on sanad-query"):
        asyncio.run(limited.answer("ASK { ?s ?p ?o }", fails))
    assert limited.stats()["running"] == 0


def test_a_requests_reads_share_one_slot_and_one_time_limit(
        blocking: tuple[BlockingStore, LimitedStore]) -> None:
    inner, limited = blocking

    def three_reads(store: object) -> list[bool]:
        assert store is inner  # the work reads the store behind the limits directly
        assert limited.stats()["running"] == 1
        return [inner.query("ASK { ?s ?p ?o }").value for _ in range(3)]  # type: ignore[union-attr]

    assert asyncio.run(limited.run(three_reads)) == [False, False, False]
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.3 s"):
        asyncio.run(limited.run(lambda store: [inner.query("ASK { ?s ?p ?o }"),
                                               inner.query("ASK { ?slow ?p ?o }")]))
    assert time.monotonic() - started < 1.0
    assert limited.stats()["abandoned"] == 1
