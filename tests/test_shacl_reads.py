"""The predicates a shapes graph can read (what the compiled check's context may be cut to)."""

from __future__ import annotations

from rdflib import Graph

from sanad.graph.shacl_reads import read_predicates
from sanad.graph.validation import Validator

HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _shapes(body: str) -> Graph:
    return Graph().parse(data=HEAD + body, format="turtle")


def test_paths_of_every_kind_are_read() -> None:
    shapes = _shapes("""ex:S a sh:NodeShape ; sh:targetClass ex:C ;
      sh:property [ sh:path ex:a ] , [ sh:path ( ex:b ex:c ) ] , [ sh:path [ sh:inversePath ex:d ] ] ,
        [ sh:path [ sh:alternativePath ( ex:e [ sh:zeroOrMorePath ex:f ] ) ] ] .""")
    found = read_predicates(shapes)
    assert found is not None
    assert {f"http://ex.org/{x}" for x in "abcdef"} <= found
    assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" in found


def _sparql(select: str) -> Graph:
    return _shapes(f"""ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:prefixes ex:decl ;
      sh:select \"\"\"{select}\"\"\" ] .
    ex:decl sh:declare [ sh:prefix "ex" ; sh:namespace "http://ex.org/"^^xsd:anyURI ] .""")


def test_a_sparql_constraint_adds_its_triple_patterns_predicates() -> None:
    found = read_predicates(_sparql("SELECT $this WHERE { $this ex:p ?x . ?x ex:q/ex:r ?y }"))
    assert found is not None and {"http://ex.org/p", "http://ex.org/q", "http://ex.org/r"} <= found


def test_a_variable_predicate_means_everything_may_be_read() -> None:
    assert read_predicates(_sparql("SELECT $this WHERE { $this ?any ?x }")) is None


def test_an_unknown_path_kind_means_everything() -> None:
    assert read_predicates(_shapes("ex:S sh:property [ sh:path [ ex:strange ex:a ] ] .")) is None


def test_sanads_shapes_read_a_bounded_set_including_the_quote_check() -> None:
    found = read_predicates(Validator.default().shapes)
    assert found is not None
    for needed in ("http://www.w3.org/ns/oa#hasSource", "http://schema.org/text",
                   "http://www.w3.org/ns/oa#start", "http://schema.org/author"):
        assert needed in found
    assert not any(p.startswith("https://w3id.org/sanad/relation/") for p in found)
