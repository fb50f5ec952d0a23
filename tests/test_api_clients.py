"""Real SPARQL clients, unchanged, against `sanad serve`: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

from .utils.server import LiveServer

PREFIX = "PREFIX schema: <http://schema.org/> PREFIX wd: <http://www.wikidata.org/entity/> "
SELECT = PREFIX + "SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:author wd:Q7747 ; schema:text ?t }"
ASK = PREFIX + "ASK { ?c a schema:Claim ; schema:author wd:Q7747 }"
CONSTRUCT = PREFIX + "CONSTRUCT { ?c schema:author wd:Q7747 } WHERE { ?c schema:author wd:Q7747 }"
DESCRIBE = "DESCRIBE <http://www.wikidata.org/entity/Q7747>"
EXPECTED_MEDIA = {TURTLE: "text/turtle", N3: "text/turtle", RDFXML: "application/rdf+xml",
                  XML: "application/rdf+xml", JSONLD: "application/ld+json"}
RDFLIB_FORMAT = {"text/turtle": "turtle", "application/rdf+xml": "xml"}
METHODS = [("GET", GET, URLENCODED), ("POST form", POST, URLENCODED), ("POST direct", POST, POSTDIRECTLY)]


def _client(server: LiveServer, query: str, fmt: str, method: tuple[str, str, str]) -> Any:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method[1])
    client.setRequestMethod(method[2])
    return client.query()


@pytest.mark.parametrize("method", METHODS, ids=[m[0] for m in METHODS])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(live_server: LiveServer, fmt: str, method: tuple[str, str, str]) -> None:
    answer = _client(live_server, SELECT, fmt, method)
    converted = answer.convert()
    if fmt == JSON:
        rows = converted["results"]["bindings"]
        texts = {r["t"]["value"] for r in rows}
    elif fmt == XML:
        texts = {n.firstChild.data for n in converted.getElementsByTagName("literal")}
    else:
        delimiter = "," if fmt == CSV else "\t"
        lines = list(csv.reader(io.StringIO(converted.decode("utf-8")), delimiter=delimiter))
        assert lines[0][0].lstrip("?") == "c"
        texts = {line[1] for line in lines[1:]}
    assert any("روسيا" in t or "Russia" in t for t in texts), texts


@pytest.mark.parametrize("method", METHODS, ids=[m[0] for m in METHODS])
@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(live_server: LiveServer, fmt: str, method: tuple[str, str, str]) -> None:
    converted = _client(live_server, ASK, fmt, method).convert()
    value = converted["boolean"] if fmt == JSON else \
        converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    assert value is True


@pytest.mark.parametrize("method", METHODS, ids=[m[0] for m in METHODS])
@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, XML, JSONLD])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_sparqlwrapper_graphs(live_server: LiveServer, query: str, fmt: str,
                              method: tuple[str, str, str]) -> None:
    answer = _client(live_server, query, fmt, method)
    # the body as SPARQLWrapper received it (its convert() builds a deprecated ConjunctiveGraph)
    media = answer.info()["content-type"].split(";")[0]
    assert media == EXPECTED_MEDIA[fmt]
    body = answer.response.read()
    if media == "application/ld+json":  # rdflib's JSON-LD parser warns (deprecated internals)
        assert "http://www.wikidata.org/entity/Q7747" in json.dumps(json.loads(body))
        return
    graph = Graph().parse(data=body, format=RDFLIB_FORMAT[media])
    assert len(graph) > 0
    assert (None, None, URIRef("http://www.wikidata.org/entity/Q7747")) in graph or \
        (URIRef("http://www.wikidata.org/entity/Q7747"), None, None) in graph


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore(live_server: LiveServer, method: str) -> None:
    graph = Graph(store=SPARQLStore(f"{live_server.url}/sparql", method=method))
    rows = list(graph.query(SELECT))
    assert rows and all(str(row[0]).startswith("https://w3id.org/sanad/id/claim-") for row in rows)
    assert bool(graph.query(ASK))
    built = graph.query(CONSTRUCT).graph
    assert built is not None and len(built) == len({row[0] for row in rows})
    author = URIRef("http://schema.org/author")
    assert len(list(graph.triples((None, author, URIRef("http://www.wikidata.org/entity/Q7747"))))) \
        == len(built)


def test_json_results_are_the_w3c_shape(live_server: LiveServer) -> None:
    converted = _client(live_server, SELECT, JSON, METHODS[0]).convert()
    assert converted["head"]["vars"] == ["c", "t"]
    assert json.dumps(converted)  # plain JSON
