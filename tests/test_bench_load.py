"""The benchmark's HTTP load generators against a real `sanad serve` on 127.0.0.1 (no timing asserted)."""

from __future__ import annotations

import urllib.parse

import pytest

from sanad.bench.measure import python_load
from sanad.bench.wrk import wrk_available, wrk_load

from .utils.server import LiveServer

QUERY = "SELECT ?s WHERE { ?s a <http://schema.org/Claim> } LIMIT 3"


def _paths() -> list[str]:
    return [f"/sparql?{urllib.parse.urlencode({'query': QUERY})}", "/health"]


def test_wrk_counts_requests_and_reports_percentiles(empty_server: LiveServer) -> None:
    if not wrk_available():
        pytest.skip("wrk is not installed: apt-get install wrk (`.ci/run` does)")
    result = wrk_load(empty_server.url, _paths(), seconds=1, connections=2)
    assert result["n"] > 0 and result["errors"] == 0
    assert 0 < result["median_ms"] <= result["p95_ms"] <= result["p99_ms"] <= result["max_ms"]


def test_wrk_counts_failed_requests_as_errors(empty_server: LiveServer) -> None:
    if not wrk_available():
        pytest.skip("wrk is not installed: apt-get install wrk (`.ci/run` does)")
    result = wrk_load(empty_server.url, ["/sparql?query=NOT+SPARQL"], seconds=1, connections=1)
    assert result["n"] > 0 and result["errors"] == result["n"]


def test_python_load_is_bounded_by_its_request_count(empty_server: LiveServer) -> None:
    result = python_load(empty_server.url, _paths(), concurrency=2, requests=40, budget_s=30,
                         accept="application/sparql-results+json")
    assert result["n"] == 40 and result["errors"] == 0


def test_load_is_for_loopback_only() -> None:
    with pytest.raises(ValueError, match="loopback"):
        wrk_load("http://example.org", ["/"], seconds=1)
