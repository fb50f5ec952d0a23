"""Helpers for the differential tests: the compiled SHACL check against pyshacl.

Both sides are reduced to a set of (focus node, node shape) pairs: pyshacl's results mapped
from their source shape to the node shape that owns it, the compiled check's flags as they are.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from sanad.graph.shacl_fast import CompiledValidator, Flag
from sanad.graph.terms import to_ox
from sanad.graph.validation import ValidationReport, Validator

Pairs = set[Flag]


def pyshacl_pairs(report: ValidationReport, shapes: Graph) -> Pairs:
    """(focus, owning node shape) of each violation pyshacl reports."""
    pairs: Pairs = set()
    for result in report.results:
        if result.severity != "Violation":
            continue
        shape = URIRef(result.shape)
        owners = set(shapes.subjects(SH.property, shape)) | set(shapes.subjects(SH.sparql, shape))
        for owner in owners or {shape}:
            pairs.add((result.focus, str(owner)))
    return pairs


def compiled_pairs(compiled: CompiledValidator, data: Graph) -> Pairs:
    """The compiled check's flags on an rdflib graph."""
    return compiled.validate(ox.Triple(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]
                             for s, p, o in data)


def both(validator: Validator, compiled: CompiledValidator, data: Graph) -> tuple[Pairs, Pairs]:
    """(pyshacl's pairs, compiled pairs) for ``data``."""
    return pyshacl_pairs(validator.validate(data), validator.shapes), compiled_pairs(compiled, data)


# --------------------------------------------------------------------------------------
#  Mutations: each takes a graph and a seeded Random, changes one thing, says what
# --------------------------------------------------------------------------------------

_DATATYPES = [XSD.string, XSD.integer, XSD.nonNegativeInteger, XSD.decimal, XSD.date,
              XSD.dateTime, XSD.boolean, XSD.double, None]
_LANGS = ["ar", "en", "fr", "AR", "ar-EG", "en-x-gloss"]
_LEXICAL = ["", " ", "2023-13-45", "2023-02-30", "2023-09-13", "2023-09-13Z", "-2023-09-13",
            "2023-09-13T10:00:00", "2023-09-13T24:00:00", "2023-09-13 10:00:00", "20230913",
            "0", "-1", "1.5", "1e5", "+7", "abc", "true", "ي", "184", "0123456789abcdef",
            "http://www.wikidata.org/entity/Q0123"]
_IRIS = ["http://www.wikidata.org/entity/Q0123", "https://wikidata.org/wiki/Q5",
         "http://www.wikidata.org/entity/Q42", "https://w3id.org/sanad/id/entity-x",
         "https://w3id.org/sanad/id/a/b", "https://w3id.org/sanad/relation/helpBuild",
         "https://w3id.org/sanad/ontology#Asserted"]
Mutation = Callable[[Graph, random.Random], str]


def _pick(graph: Graph, rng: random.Random, test: Callable[[Node], bool] = lambda o: True
          ) -> tuple[Node, Node, Node] | None:
    candidates = sorted((t for t in graph if test(t[2])), key=lambda t: tuple(map(str, t)))
    return rng.choice(candidates) if candidates else None


def delete_triple(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng)
    if triple is None:
        return "empty graph"
    graph.remove(triple)
    return f"deleted {triple}"


def retype_literal(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng, lambda o: isinstance(o, Literal))
    if triple is None:
        return "no literal"
    s, p, o = triple
    datatype = rng.choice(_DATATYPES)
    graph.remove(triple)
    graph.add((s, p, Literal(str(o), datatype=datatype)))
    return f"{p} datatype -> {datatype}"


def relang_literal(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng, lambda o: isinstance(o, Literal))
    if triple is None:
        return "no literal"
    s, p, o = triple
    lang = rng.choice([*_LANGS, None])
    graph.remove(triple)
    graph.add((s, p, Literal(str(o), lang=lang)))
    return f"{p} lang -> {lang}"


def relex_literal(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng, lambda o: isinstance(o, Literal))
    if triple is None:
        return "no literal"
    s, p, o = triple
    assert isinstance(o, Literal)
    lexical = rng.choice(_LEXICAL)
    graph.remove(triple)
    graph.add((s, p, Literal(lexical, datatype=o.datatype, lang=o.language)))
    return f"{p} lexical -> {lexical!r}"


def iri_to_literal(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng, lambda o: isinstance(o, URIRef))
    if triple is None:
        return "no IRI object"
    s, p, o = triple
    graph.remove(triple)
    graph.add((s, p, Literal(str(o))))
    return f"{p} {o} -> literal"


def iri_to_blank(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng, lambda o: isinstance(o, URIRef))
    if triple is None:
        return "no IRI object"
    s, p, o = triple
    blank = BNode()
    for p2, o2 in list(graph.predicate_objects(o)):
        graph.add((blank, p2, o2))
    graph.remove(triple)
    graph.add((s, p, blank))
    return f"{p} {o} -> blank node"


def swap_object(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng)
    other = _pick(graph, rng)
    if triple is None or other is None:
        return "empty graph"
    s, p, o = triple
    graph.remove(triple)
    graph.add((s, p, other[2]))
    return f"{p} {o} -> {other[2]}"


def add_value(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng)
    other = _pick(graph, rng)
    if triple is None or other is None:
        return "empty graph"
    graph.add((triple[0], triple[1], other[2]))
    return f"added {triple[1]} {other[2]}"


def odd_iri(graph: Graph, rng: random.Random) -> str:
    triple = _pick(graph, rng, lambda o: isinstance(o, URIRef))
    if triple is None:
        return "no IRI object"
    s, p, o = triple
    new = URIRef(rng.choice(_IRIS))
    graph.remove(triple)
    graph.add((s, p, new))
    return f"{p} {o} -> {new}"


def retype_node(graph: Graph, rng: random.Random) -> str:
    typed = _pick(graph, rng, lambda o: True)
    classes = sorted(set(graph.objects(None, RDF.type)), key=str)
    if typed is None or not classes:
        return "no types"
    node = typed[0]
    graph.add((node, RDF.type, rng.choice(classes)))
    if rng.random() < 0.5:
        for cls in list(graph.objects(node, RDF.type))[:1]:
            graph.remove((node, RDF.type, cls))
    return f"retyped {node}"


MUTATIONS: list[Mutation] = [delete_triple, retype_literal, relang_literal, relex_literal,
                             iri_to_literal, iri_to_blank, swap_object, add_value, odd_iri,
                             retype_node]


def mutate(graph: Graph, rng: random.Random, steps: int = 1) -> tuple[Graph, list[str]]:
    """A mutated copy of ``graph`` and what was done to it."""
    copy = Graph()
    copy += graph
    done = [rng.choice(MUTATIONS)(copy, rng) for _ in range(steps)]
    return copy, done
