"""The SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graph-store, and protocol details of /sparql."""

from __future__ import annotations

import httpx

from .utils.api import AUTH, error_detail, quads_of
from .utils.server import LiveServer

GRAPH = "http://example.org/graph-store-test"
TURTLE = {**AUTH, "Content-Type": "text/turtle"}


def test_put_get_post_delete_a_graph(write_server: LiveServer) -> None:
    url, params = f"{write_server.url}/rdf-graph-store", {"graph": GRAPH}
    created = httpx.put(url, params=params, headers=TURTLE,
                        content='<http://example.org/a> <http://example.org/p> "one" .')
    assert created.status_code == 201, created.text
    merged = httpx.post(url, params=params, headers={**AUTH, "Content-Type": "application/n-triples"},
                        content='<http://example.org/b> <http://example.org/p> "two" .\n')
    assert merged.status_code == 204, merged.text
    read = httpx.get(url, params=params, headers={"Accept": "application/n-triples"})
    assert read.status_code == 200 and read.headers["content-type"].startswith("application/n-triples")
    assert sorted(read.text.strip().splitlines()) == [
        '<http://example.org/a> <http://example.org/p> "one" .',
        '<http://example.org/b> <http://example.org/p> "two" .']
    assert httpx.head(url, params=params).status_code == 200
    replaced = httpx.put(url, params=params, headers=TURTLE,
                         content='<http://example.org/c> <http://example.org/p> "three" .')
    assert replaced.status_code == 204
    assert '"three"' in httpx.get(url, params=params, headers={"Accept": "text/turtle"}).text
    assert httpx.delete(url, params=params, headers=AUTH).status_code == 204
    error_detail(httpx.get(url, params=params), 404)
    error_detail(httpx.delete(url, params=params, headers=AUTH), 404)


def test_graph_store_refusals_change_nothing(write_server: LiveServer) -> None:
    url = f"{write_server.url}/rdf-graph-store"
    before = quads_of(write_server.url)
    assert "named graph" in error_detail(httpx.put(url, params={"default": ""}, headers=TURTLE,
                                                   content="<a:b> <a:c> <a:d> ."), 400)
    assert "exactly one" in error_detail(httpx.get(url), 400)
    assert "absolute IRI" in error_detail(httpx.get(url, params={"graph": "not an iri"}), 400)
    error_detail(httpx.put(url, params={"graph": GRAPH}, headers=TURTLE, content="<<<"), 400)
    error_detail(httpx.put(url, params={"graph": GRAPH}, content="{}",
                           headers={**AUTH, "Content-Type": "application/ld+json"}), 415)
    error_detail(httpx.put(url, params={"graph": GRAPH}, headers={"Content-Type": "text/turtle"},
                           content="<a:b> <a:c> <a:d> ."), 401)
    assert quads_of(write_server.url) == before


def test_default_graph_reads_the_union(live_server: LiveServer) -> None:
    response = httpx.get(f"{live_server.url}/rdf-graph-store", params={"default": ""},
                         headers={"Accept": "application/n-triples"}, timeout=60)
    assert response.status_code == 200 and "http://schema.org/Claim" in response.text


def test_protocol_dataset_parameters_narrow_the_default_graph(live_server: LiveServer) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    entities = "https://w3id.org/sanad/id/graph-entities"

    def count(**params: str) -> int:
        response = httpx.get(f"{live_server.url}/sparql", params={"query": query, **params},
                             headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    everything, only_entities = count(), count(**{"default-graph-uri": entities})
    assert 0 < only_entities < everything
    assert count(**{"named-graph-uri": entities}) == 0  # named graphs only: empty default graph


def test_malformed_protocol_requests_name_the_problem(live_server: LiveServer) -> None:
    url = f"{live_server.url}/sparql"
    assert "UTF-8" in error_detail(httpx.post(url, content="ASK {}".encode("utf-16"), headers={
        "Content-Type": "application/sparql-query; charset=UTF-16"}), 415)
    assert "/update" in error_detail(httpx.post(url, content="CLEAR ALL", headers={
        "Content-Type": "application/sparql-update"}), 415)
    assert "/update" in error_detail(httpx.get(url, params={"update": "CLEAR ALL"}), 400)
    assert "SERVICE" in error_detail(httpx.get(url, params={
        "query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}), 400)
