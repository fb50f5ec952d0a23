"""Helpers for tests of the HTTP API: the test token, the error shape, store snapshots."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["AUTH", "TOKEN", "WRITE_ENV", "error_detail", "quads_of"]

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
WRITE_ENV = {"SANAD_TOKEN": TOKEN, "SANAD_ROW_LIMIT": "200000"}
_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def error_detail(response: httpx.Response, status: int) -> str:
    """Check ``response`` is the one error shape with ``status``; return its detail."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert error["status"] == status and error["title"] and error["detail"], error
    return str(error["detail"])


def quads_of(url: str) -> set[tuple[str, ...]]:
    """Every quad the server at ``url`` holds (through its SPARQL endpoint)."""
    response = httpx.post(f"{url}/sparql", data={"query": _ALL_QUADS},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert response.status_code == 200, response.text
    assert response.headers.get("x-sanad-truncated") is None, "raise SANAD_ROW_LIMIT for this test"
    rows: list[dict[str, Any]] = response.json()["results"]["bindings"]
    return {tuple(_term(row[v]) for v in ("s", "p", "o", "g")) for row in rows}


def _term(value: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(value.items()))
