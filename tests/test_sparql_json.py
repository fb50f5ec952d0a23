"""SPARQL JSON written straight from rows equals rdflib's serializer, from either kind of term."""

from __future__ import annotations

import json

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Variable

from sanad.graph import AskResult, Batch, OxigraphStore, SelectResult

ROWS = [
    {"s": URIRef("http://ex.org/ü?q=1"), "o": Literal("روسيا ستساعد \"كوريا\"\n", lang="ar")},
    {"s": BNode("b0"), "o": Literal("2023-09-13", datatype=XSD.date)},
    {"s": URIRef("http://ex.org/2"), "o": Literal("plain")},
    {"s": URIRef("http://ex.org/3"), "o": Literal("typed", datatype=XSD.string)},
    {"s": URIRef("http://ex.org/4")},  # ?o unbound
    {"o": Literal("12", datatype=XSD.nonNegativeInteger)},
]


def _rdflib_json(variables: list[str], rows: list[dict]) -> dict:
    result = Result("SELECT")
    result.vars = [Variable(v) for v in variables]
    result.bindings = [{Variable(k): v for k, v in row.items()} for row in rows]
    return json.loads(result.serialize(format="json"))


def test_rows_of_rdflib_terms_match_rdflib_term_for_term() -> None:
    ours = json.loads(SelectResult(["s", "o"], ROWS).sparql_json())
    theirs = _rdflib_json(["s", "o"], ROWS)
    assert ours["head"] == theirs["head"] == {"vars": ["s", "o"]}
    assert ours["results"]["bindings"] == theirs["results"]["bindings"]


def test_the_embedded_store_writes_the_same_document_without_rdflib_terms() -> None:
    store = OxigraphStore(None)
    graph = URIRef("http://ex.org/g")
    store.write(Batch.of("terms", [(URIRef(f"http://ex.org/s{i}"), URIRef("http://ex.org/p"), o, graph)
                                   for i, o in enumerate(r["o"] for r in ROWS if "o" in r)]))
    query = "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://ex.org/q> ?none } } ORDER BY ?s"
    result = store.query(query)
    assert isinstance(result, SelectResult)
    direct = json.loads(result.sparql_json())  # from pyoxigraph terms: rows not built yet
    assert len(direct["results"]["bindings"]) == 5
    assert direct["results"]["bindings"][0]["o"] == {
        "type": "literal", "value": "روسيا ستساعد \"كوريا\"\n", "xml:lang": "ar"}
    assert all("none" not in b for b in direct["results"]["bindings"])
    rows = [dict(r) for r in result.rows]  # now as rdflib terms
    plain = json.loads(SelectResult(result.variables, rows).sparql_json())
    assert direct == plain
    assert result == SelectResult(result.variables, rows)


def test_arabic_is_written_as_utf8_not_escaped() -> None:
    assert "روسيا".encode() in SelectResult(["o"], [ROWS[0]]).sparql_json()


def test_ask_answers() -> None:
    assert json.loads(AskResult(True).sparql_json()) == {"head": {}, "boolean": True}
    assert json.loads(AskResult(False).sparql_json())["boolean"] is False
