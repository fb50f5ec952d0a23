"""Term conversion between pyoxigraph and rdflib, and string literals written into queries."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from sanad.graph import terms
from sanad.graph.terms import from_ox, string_text, to_ox

AWKWARD = ['a"b', "back\\slash", "line\nbreak", "cr\rtab\t", "روس|3a", "' } ; DROP ALL", ""]


@pytest.mark.parametrize("value", AWKWARD)
def test_a_string_literal_reads_back_as_the_same_value(value: str) -> None:
    store = ox.Store()
    [row] = list(store.query(f"SELECT ?x WHERE {{ BIND ({string_text(value)} AS ?x) }}"))
    assert row["x"] == ox.Literal(value)


@pytest.mark.parametrize("term", [
    URIRef("https://w3id.org/sanad/id/claim-abc"), BNode("b1"), Literal("نص", lang="ar"),
    Literal("2023-09-13", datatype=XSD.date), Literal("007", datatype=XSD.integer), Literal("x")])
def test_round_trip_and_repeated_conversions(term: URIRef | BNode | Literal) -> None:
    first, again = from_ox(to_ox(term)), from_ox(to_ox(term))
    assert first == term and again == term and type(first) is type(term)
    if isinstance(term, Literal):
        assert (first.language, first.datatype, str(first)) == (term.language, term.datatype, str(term))


def test_the_conversion_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terms, "_CONVERTED", {})
    monkeypatch.setattr(terms, "_CONVERTED_MAX", 10)
    converted = [from_ox(ox.Literal(str(i), datatype=ox.NamedNode(str(XSD.integer)))) for i in range(25)]
    assert [int(t) for t in converted] == list(range(25))
    assert len(terms._CONVERTED) <= 10


def test_a_term_of_another_kind_is_refused() -> None:
    with pytest.raises(TypeError):
        from_ox(ox.DefaultGraph())
