"""Limits on a live server: a slow query answers 503 at the time limit without hanging the
server, a big result is cut at the row cap and says so."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .utils.api import error_detail
from .utils.server import LiveServer, start_server

SLOW = """SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . FILTER (STR(?c) < STR(?f)) }"""


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory: pytest.TempPathFactory,
                   corpus_store_path: Path) -> Iterator[LiveServer]:
    copy = tmp_path_factory.mktemp("served-limited") / "store"
    shutil.copytree(corpus_store_path, copy)
    server = start_server(copy, extra_env={"SANAD_QUERY_TIME_LIMIT": "1", "SANAD_QUERY_SLOTS": "2",
                                           "SANAD_ROW_LIMIT": "5"})
    yield server
    server.stop()


def test_a_slow_query_is_cut_at_the_time_limit_and_the_server_keeps_answering(
        limited_server: LiveServer) -> None:
    started = time.monotonic()
    response = httpx.get(f"{limited_server.url}/sparql", params={"query": SLOW}, timeout=30)
    assert "time limit of 1 s" in error_detail(response, 503)
    assert time.monotonic() - started < 5
    health = httpx.get(f"{limited_server.url}/health", timeout=5)  # not stuck behind it
    assert health.status_code == 200
    quick = httpx.get(f"{limited_server.url}/claims", params={"limit": 1}, timeout=30)
    assert quick.status_code in (200, 503)  # a free slot answers; a full set of slots says busy
    if quick.status_code == 503:
        assert "slots" in error_detail(quick, 503) or "time limit" in quick.text


def test_a_big_result_is_cut_at_the_row_cap_and_flagged(limited_server: LiveServer) -> None:
    deadline = time.monotonic() + 60  # wait for the abandoned slow query to give its slot back
    while time.monotonic() < deadline:
        response = httpx.get(f"{limited_server.url}/sparql",
                             params={"query": "SELECT ?s WHERE { ?s ?p ?o }"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
        if response.status_code != 503:
            break
        time.sleep(0.5)
    assert response.status_code == 200, response.text
    assert response.headers["x-sanad-truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == 5
