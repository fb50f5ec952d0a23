"""The protocol's dataset parameters applied to query and update text (token-based rewrites)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from sanad.graph import InputError, QueryDataset, with_dataset, with_using
from sanad.graph.sparql_dataset import declares_dataset

D = QueryDataset(("http://ex.org/d",), ("http://ex.org/n",))
CLAUSES = "FROM <http://ex.org/d> FROM NAMED <http://ex.org/n>"


@pytest.mark.parametrize(("query", "expected"), [
    ("ASK {}", f"ASK  {CLAUSES} {{}}"),
    ("SELECT ?s FROM <http://old> FROM NAMED <http://old2> WHERE { ?s ?p ?o }",
     f"SELECT ?s  {CLAUSES}  WHERE {{ ?s ?p ?o }}"),
    ("CONSTRUCT { <s> <p> 1 } WHERE {}", f"CONSTRUCT {{ <s> <p> 1 }}  {CLAUSES} WHERE {{}}"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", f"CONSTRUCT  {CLAUSES} WHERE {{ ?s ?p ?o }}"),
    ("DESCRIBE <http://example.org/>", f"DESCRIBE <http://example.org/>  {CLAUSES} "),
    ("SELECT (EXISTS { ?a ?b ?c } AS ?x) { }", f"SELECT (EXISTS {{ ?a ?b ?c }} AS ?x)  {CLAUSES} {{ }}"),
])
def test_query_dataset_replaces_the_query_own(query: str, expected: str) -> None:
    rewritten = with_dataset(query, D)
    assert rewritten.split() == expected.split()
    ox.Store().query(rewritten, base_iri="http://ex.org/")  # still valid SPARQL


def test_keywords_inside_strings_iris_and_comments_are_left_alone() -> None:
    query = 'SELECT * { ?s <http://ex.org/FROM> "FROM WHERE {" } # FROM <x>'
    assert not declares_dataset(query)
    assert with_dataset(query, D).startswith(f"SELECT *  {CLAUSES} {{")
    assert declares_dataset("select * from <http://x> {}")
    assert not declares_dataset("SELECT ?from { ?from ex:from ?o }")


def test_update_gets_using_on_each_pattern_operation() -> None:
    update = ("PREFIX dc: <http://purl.org/dc/terms/>\nCLEAR ALL ;\n"
              "INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } } ;\n"
              "INSERT { GRAPH <http://x> { ?s a dc:B } } WHERE { ?s a <http://D> } ;\n"
              "DELETE WHERE { GRAPH <http://g> { ?s ?p ?o } }")
    rewritten = with_using(update, D)
    using = "USING <http://ex.org/d> USING NAMED <http://ex.org/n>"
    assert f"INSERT {{ GRAPH <http://x> {{ ?s a dc:B }} }} {using} WHERE" in rewritten
    assert f"DELETE {{ GRAPH <http://g> {{ ?s ?p ?o }} }} {using} WHERE {{ GRAPH" in rewritten
    assert "INSERT DATA { GRAPH <http://g>" in rewritten
    ox.Store().update(rewritten)  # valid SPARQL Update


@pytest.mark.parametrize("update", [
    "WITH <http://x> DELETE { ?a ?b ?c } WHERE { ?a ?b ?c }",
    "DELETE { ?a ?b ?c } USING <http://y> WHERE { ?a ?b ?c }",
])
def test_update_naming_its_own_dataset_conflicts_with_the_protocol(update: str) -> None:
    with pytest.raises(InputError, match="USING or WITH"):
        with_using(update, D)


def test_empty_dataset_changes_nothing_and_graph_iris_are_checked() -> None:
    assert with_dataset("ASK {}", QueryDataset()) == "ASK {}"
    assert with_using("CLEAR ALL", QueryDataset()) == "CLEAR ALL"
    with pytest.raises(InputError, match="absolute IRI"):
        QueryDataset(("not an iri> } DROP ALL #",))
