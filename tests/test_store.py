"""The embedded store: atomic batch writes, queries, row limits, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from sanad.graph import AskResult, Batch, GraphResult, OxigraphStore, QuerySyntaxError, SelectResult

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def _batch(label: str, graph: URIRef, *values: str) -> Batch:
    batch = Batch(label)
    for value in values:
        batch.graph(graph).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(value)))
    return batch


def test_write_replaces_the_batch_graphs_whole(store: OxigraphStore) -> None:
    store.write(_batch("one", G1, "a", "b"))
    store.write(_batch("two", G2, "c"))
    store.write(_batch("again", G1, "z"))
    assert sorted(str(o) for _, _, o, g in store.quads() if g == G1) == ["z"]
    assert len(store) == 2


def test_writing_the_same_batch_twice_changes_nothing(store: OxigraphStore) -> None:
    batch = _batch("one", G1, "a", "b")
    store.write(batch)
    before = set(store.quads())
    store.write(batch)
    assert set(store.quads()) == before


def test_literals_with_quotes_newlines_and_arabic_survive(store: OxigraphStore) -> None:
    tricky = 'قال "كيم":\nسنقف\\ مع روسيا """ \r end'
    store.write(_batch("tricky", G1, tricky))
    assert [str(o) for _, _, o, _ in store.quads(G1)] == [tricky]


def test_query_forms(store: OxigraphStore) -> None:
    store.write(_batch("one", G1, "a", "b"))
    select = store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert isinstance(select, SelectResult)
    assert [str(v) for v in select.values("o")] == ["a", "b"]
    ask = store.query("ASK { GRAPH ?g { ?s ?p 'a' } }")
    assert isinstance(ask, AskResult) and ask.value
    construct = store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(construct, GraphResult) and len(construct.graph) == 2


def test_row_limit_cuts_and_says_so(store: OxigraphStore) -> None:
    store.write(_batch("many", G1, *[str(i) for i in range(10)]))
    cut = store.query("SELECT ?o WHERE { ?s ?p ?o }", row_limit=3)
    assert isinstance(cut, SelectResult) and len(cut.rows) == 3 and cut.truncated
    whole = store.query("SELECT ?o WHERE { ?s ?p ?o }", row_limit=10)
    assert isinstance(whole, SelectResult) and len(whole.rows) == 10 and not whole.truncated


def test_bad_query_is_a_syntax_error(store: OxigraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        store.query("SELEKT nothing")


def test_failed_write_leaves_the_store_as_it_was(store: OxigraphStore) -> None:
    store.write(_batch("one", G1, "a"))
    before = set(store.quads())
    bad = _batch("bad", G1, "replacement")
    bad.graph(URIRef("http://example.org/has space"))  # an IRI no SPARQL parser accepts
    bad.graph(URIRef("http://example.org/has space")).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(1)))
    with pytest.raises(Exception):  # noqa: B017 - any error: the point is what stays
        store.write(bad)
    assert set(store.quads()) == before


def test_a_failed_write_of_new_graphs_adds_none_of_them(store: OxigraphStore) -> None:
    store.write(_batch("one", G1, "a"))
    before = set(store.quads())
    bad = _batch("new", G2, "fine")
    bad.graph(URIRef("http://example.org/has space")).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(1)))
    with pytest.raises(Exception):  # noqa: B017 - any error: the point is what stays
        store.write(bad)
    assert set(store.quads()) == before
    assert G2 not in store.graph_names()


def test_new_graphs_then_a_replacement_of_one_of_them(store: OxigraphStore) -> None:
    first = _batch("new", G1, "a", "b")
    first.graph(G2).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal("c")))
    store.write(first)  # neither graph exists yet
    mixed = _batch("mixed", G1, "z")  # G1 exists: replaced whole, with the new G3
    mixed.graph(URIRef(EX + "g3")).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal("d")))
    store.write(mixed)
    assert sorted((str(g), str(o)) for _, _, o, g in store.quads()) == [
        (str(G1), "z"), (str(G2), "c"), (EX + "g3", "d")]


def test_store_persists_across_reopen(tmp_path: Path) -> None:
    first = OxigraphStore(tmp_path / "nested" / "store")
    first.write(_batch("one", G1, "a"))
    first.close()
    second = OxigraphStore(tmp_path / "nested" / "store")
    assert len(second) == 1 and second.graph_names() == {G1}
    second.drop_graphs([G1])
    assert len(second) == 0
    second.close()


def test_cached_quad_conversion_equals_the_checked_one() -> None:
    from rdflib import BNode
    from rdflib.namespace import XSD

    from sanad.graph.terms import to_ox_quad, to_ox_quads

    quads = [(URIRef(EX + "s"), URIRef(EX + "p"), o, G1) for o in (
        URIRef(EX + "o"), Literal("نص", lang="ar"), Literal("2023-09-13", datatype=XSD.date), Literal("x"))]
    quads.append((BNode("b1"), URIRef(EX + "p"), URIRef(EX + "s"), G2))
    assert to_ox_quads(quads) == [to_ox_quad(*q) for q in quads]
    with pytest.raises(TypeError, match="not a valid triple"):
        to_ox_quads([(Literal("subject"), URIRef(EX + "p"), URIRef(EX + "o"), G1)])


def test_a_light_batch_holds_and_writes_the_same_quads(store: OxigraphStore) -> None:
    heavy, light = _batch("heavy", G1, "a", "b"), Batch("light", light=True)
    for s, p, o, _ in heavy.quads():
        light.graph(G1).add((s, p, o))
    assert sorted(light.quads()) == sorted(heavy.quads())
    store.write(light)
    assert sorted(store.quads()) == sorted(heavy.quads())
