"""The SPARQL-server backend beyond the shared store suite: Virtuoso's quirks, errors, settings.

The shared suite (test_store.py and every test using ``store``/``corpus_store``/``live_server``)
already runs on Virtuoso through the parametrized fixtures; this file holds what only a remote
server has.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from SPARQLWrapper import SPARQLExceptions

from sanad.api.settings import Settings
from sanad.graph import (
    Batch,
    OxigraphStore,
    QueryError,
    QuerySyntaxError,
    SanadError,
    SelectResult,
    SparqlEndpoint,
    SparqlStore,
    StoreError,
    open_store,
)
from sanad.graph.sparql_store import query_form, sparql_errors
from sanad.scripts.virtuoso import Virtuoso

from .utils.backends import emptied

EX = "http://example.org/"
G = URIRef(EX + "g")


def _one(graph: URIRef, value: Literal) -> Batch:
    batch = Batch("one")
    batch.graph(graph).add((URIRef(EX + "s"), URIRef(EX + "p"), value))
    return batch


@pytest.fixture
def remote(virtuoso: Virtuoso) -> SparqlStore:
    return emptied(virtuoso)


def test_a_10kb_arabic_article_with_quotes_and_newlines_round_trips(remote: SparqlStore) -> None:
    text = ('قال المتحدث: "لن نتراجع"، وأضاف \'سنرد\'.\r\n' + "سطر\tجديد \\ و\"\"\" اقتباس\n") * 160
    assert len(text.encode("utf-8")) > 10_000
    remote.write(_one(G, Literal(text)))
    assert [str(o) for _, _, o, _ in remote.quads(G)] == [text]
    found = remote.query(f'SELECT ?o WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}')
    assert isinstance(found, SelectResult) and str(found.rows[0]["o"]) == text


@pytest.mark.parametrize("value", [
    Literal("2023-09-13", datatype=XSD.date),
    Literal("2023-09-13T10:00:00Z", datatype=XSD.dateTime),
    Literal(True),
    Literal("12", datatype=XSD.nonNegativeInteger),
    Literal("0.75", datatype=XSD.decimal),
    Literal("روسيا", lang="ar"),
])
def test_typed_literals_come_back_equal(remote: SparqlStore, value: Literal) -> None:
    remote.write(_one(G, value))
    assert [o for _, _, o, _ in remote.quads(G)] == [value]


def test_a_write_the_server_refuses_part_way_leaves_the_graph_as_it_was(remote: SparqlStore) -> None:
    remote.write(_one(G, Literal("kept")))
    bad = _one(G, Literal("abc", datatype=XSD.integer))  # Virtuoso fails converting it
    with pytest.raises(QueryError):
        remote.write(bad)
    assert [str(o) for _, _, o, _ in remote.quads(G)] == ["kept"]


def test_result_cut_by_the_server_is_reported_as_truncated(virtuoso: Virtuoso) -> None:
    store = emptied(virtuoso)
    batch = Batch("many")
    for i in range(12):
        batch.graph(G).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(i)))
    store.write(batch)
    capped = SparqlStore(SparqlEndpoint(**{**vars(store.endpoint), "result_cap": 12}))
    result = capped.query("SELECT ?o WHERE { ?s ?p ?o }", row_limit=100)
    assert isinstance(result, SelectResult) and result.truncated
    cut = store.query("SELECT ?o WHERE { ?s ?p ?o }", row_limit=5)
    assert isinstance(cut, SelectResult) and len(cut.rows) == 5 and cut.truncated


def test_system_graphs_are_hidden(remote: SparqlStore) -> None:
    assert remote.graph_names() == set() and len(remote) == 0


def test_wrong_password_and_no_server_are_store_errors(virtuoso: Virtuoso) -> None:
    good = emptied(virtuoso).endpoint
    wrong = SparqlStore(SparqlEndpoint(**{**vars(good), "password": "wrong"}))
    with pytest.raises(StoreError):
        wrong.write(_one(G, Literal("x")))
    gone = SparqlStore(SparqlEndpoint("http://127.0.0.1:9/sparql", "http://127.0.0.1:9/sparql"))
    with pytest.raises(StoreError):
        gone.query("ASK {}")


def test_bad_query_is_a_syntax_error(remote: SparqlStore) -> None:
    with pytest.raises(QuerySyntaxError):
        remote.query("SELEKT nothing")


@pytest.mark.parametrize(("query", "form"), [
    ("SELECT * {}", "SELECT"),
    ("# a comment\nPREFIX x: <http://x/#>\nBASE <http://b/>\nconstruct WHERE {}", "CONSTRUCT"),
    ("ASK {}", "ASK"),
    ("DESCRIBE <http://x/>", "DESCRIBE"),
    ("SELEKT nothing", "SELECT"),
])
def test_query_form(query: str, form: str) -> None:
    assert query_form(query) == form


def _exception_classes(base: type) -> list[type]:
    found = [base]
    for sub in base.__subclasses__():
        found += _exception_classes(sub)
    return found


@pytest.mark.parametrize("cls", _exception_classes(SPARQLExceptions.SPARQLWrapperException))
def test_every_sparqlwrapper_error_becomes_a_sanad_error(cls: type[Exception]) -> None:
    with pytest.raises(SanadError) as caught, sparql_errors("testing", "http://127.0.0.1:1/"):
        raise cls(b"Response:\nsome failure")
    assert isinstance(caught.value.__cause__, cls)


def test_settings_choose_the_backend(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANAD_SPARQL_QUERY_URL", "http://127.0.0.1:1/sparql")
    monkeypatch.setenv("SANAD_SPARQL_UPDATE_URL", "http://127.0.0.1:1/sparql-auth")
    monkeypatch.setenv("SANAD_SPARQL_PASSWORD", "pw")
    settings = Settings()
    endpoint = settings.sparql_endpoint()
    assert endpoint is not None and endpoint.password == "pw"
    assert isinstance(open_store(settings.store, endpoint), SparqlStore)
    monkeypatch.delenv("SANAD_SPARQL_UPDATE_URL")
    with pytest.raises(ValidationError):
        Settings()


def test_without_sparql_urls_the_store_is_embedded(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    settings = Settings(store=tmp_path / "store")
    opened = open_store(settings.store, settings.sparql_endpoint())
    assert isinstance(opened, OxigraphStore)
    opened.close()


def test_write_many_sends_several_batches_as_one_request(remote: SparqlStore) -> None:
    second = URIRef(EX + "g2")
    remote.write(_one(second, Literal("old")))
    big = Batch("big")
    for i in range(3_000):  # past the ~1,000 triples Virtuoso takes without the pragma
        big.graph(G).add((URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(i)))
    remote.write_many([big, _one(second, Literal("new"))])
    assert len(remote) == 3_001
    assert [str(o) for _, _, o, _ in remote.quads(second)] == ["new"]
