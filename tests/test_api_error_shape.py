"""One JSON error shape on every route: each route of the OpenAPI description is made to fail."""

from __future__ import annotations

import re

import httpx
import pytest

from .utils.api import error_detail
from .utils.server import LiveServer

BAD_PATH_VALUE = "BAD ID!"


def _paths(server: LiveServer) -> dict[str, dict[str, object]]:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    paths: dict[str, dict[str, object]] = spec["paths"]
    return paths


def test_every_route_answers_a_wrong_method_in_the_shape(write_server: LiveServer) -> None:
    paths = _paths(write_server)
    assert len(paths) >= 10
    for path in paths:
        url = write_server.url + re.sub(r"\{[^}]+\}", "x", path)
        detail = error_detail(httpx.request("PATCH", url), 405)
        assert "PATCH is not allowed" in detail


def test_every_operation_fails_in_the_shape(write_server: LiveServer) -> None:
    """Bad path values, no query, no token: whatever fails, fails in the one shape."""
    failures = 0
    for path, operations in _paths(write_server).items():
        url = write_server.url + re.sub(r"\{[^}]+\}", BAD_PATH_VALUE, path)
        for method in operations:
            response = httpx.request(method.upper(), url, params={"limit": "-1", "offset": "x"},
                                     headers={"Accept": "application/json"})
            if response.status_code >= 400:
                error_detail(response, response.status_code)
                failures += 1
    assert failures >= 12


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/no-such-route", 404),
    ("GET", "/sparql", 400),
    ("GET", "/update", 405),
    ("POST", "/update", 401),
    ("GET", "/rdf-graph-store", 400),
    ("GET", "/claims/no-such-claim", 404),
    ("GET", "/claims?limit=1000", 422),
    ("GET", "/sources/nope", 404),
])
def test_named_failures(write_server: LiveServer, method: str, path: str, status: int) -> None:
    error_detail(httpx.request(method, write_server.url + path), status)
