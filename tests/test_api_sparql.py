"""`sanad serve` on 127.0.0.1: /health and the read-only /sparql endpoint over the corpus."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from .utils.server import LiveServer

COUNT = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <http://schema.org/Claim> }"
SATELLITES = """PREFIX wd: <http://www.wikidata.org/entity/>
SELECT ?g ?p ?o WHERE { GRAPH ?g { wd:Q159 ?p ?o } }"""


def _error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status and body["title"] and body["detail"]
    return str(body["detail"])


def test_health(live_server: LiveServer) -> None:
    assert httpx.get(f"{live_server.url}/health").json() == {"status": "ok"}  # no scan
    answer = httpx.get(f"{live_server.url}/health?sizes=true").json()
    assert answer["status"] == "ok" and answer["quads"] > 1000


def test_get_select_as_json(live_server: LiveServer) -> None:
    response = httpx.get(f"{live_server.url}/sparql", params={"query": COUNT},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) >= 40


def test_satellites_triple_over_http(live_server: LiveServer) -> None:
    response = httpx.post(f"{live_server.url}/sparql", data={"query": SATELLITES},
                          headers={"Accept": "text/csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert any(r["p"].endswith("/relation/helpBuild") for r in rows)


@pytest.mark.parametrize(
    ("accept", "media"),
    [("application/sparql-results+xml", "application/sparql-results+xml"),
     ("text/tab-separated-values", "text/tab-separated-values"),
     ("*/*", "application/sparql-results+json")],
)
def test_result_negotiation(live_server: LiveServer, accept: str, media: str) -> None:
    response = httpx.post(f"{live_server.url}/sparql", content=COUNT,
                          headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)


def test_construct_as_turtle(live_server: LiveServer) -> None:
    query = "CONSTRUCT { ?c a ?t } WHERE { ?c a ?t } LIMIT 5"
    response = httpx.get(f"{live_server.url}/sparql", params={"query": query},
                         headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")


def test_malformed_requests_get_4xx_with_the_error_shape(live_server: LiveServer) -> None:
    url = f"{live_server.url}/sparql"
    assert "SPARQL" in _error(httpx.get(url, params={"query": "SELEKT"}), 400)
    assert "exactly one query" in _error(httpx.get(url), 400)
    assert "more than one" in _error(httpx.get(f"{url}?query=ASK%7B%7D&query=ASK%7B%7D"), 400)
    assert "read-only" in _error(httpx.post(url, data={"update": "CLEAR ALL"}), 400)
    assert "application/sparql-query" in _error(
        httpx.post(url, content=COUNT, headers={"Content-Type": "text/plain"}), 415)
    assert "cannot serve" in _error(httpx.get(url, params={"query": COUNT},
                                              headers={"Accept": "image/png"}), 406)
    assert _error(httpx.get(f"{live_server.url}/no-such-route"), 404)


def test_update_text_sent_as_a_query_is_refused_and_changes_nothing(live_server: LiveServer) -> None:
    before = httpx.get(f"{live_server.url}/health?sizes=true").json()["quads"]
    response = httpx.post(f"{live_server.url}/sparql", content="CLEAR ALL",
                          headers={"Content-Type": "application/sparql-query"})
    _error(response, 400)
    assert httpx.get(f"{live_server.url}/health?sizes=true").json()["quads"] == before
