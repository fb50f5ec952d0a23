"""SPARQL text for SHACL building blocks: terms, property paths, datatype checks.

Helpers of :mod:`sanad.graph.shacl_compile`. Everything here is conservative: where pyshacl
(with rdflib's literal parsing) and SPARQL could disagree, the SPARQL test is the stricter one.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from .terms import string_text

__all__ = ["UnsupportedShape", "datatype_ok", "items", "path_text", "term_text"]

_SUPPORTED = {XSD.string, RDF.langString, XSD.integer, XSD.nonNegativeInteger, XSD.decimal,
              XSD.boolean, XSD.date, XSD.dateTime}


class UnsupportedShape(ValueError):
    """The shapes use a SHACL feature the compiled validator does not implement."""


def term_text(term: Node) -> str:
    """A constant term in SPARQL syntax (blank nodes cannot be constants)."""
    if isinstance(term, URIRef):
        return f"<{_iri(term)}>"
    if isinstance(term, Literal):
        lexical = string_text(str(term))
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{lexical}^^<{_iri(term.datatype)}>"
        return lexical
    raise UnsupportedShape(f"cannot use {term!r} as a constant")


def _iri(term: URIRef) -> str:
    text = str(term)
    if any(c in text for c in '<>"{}|^`\\ \n'):
        raise UnsupportedShape(f"IRI not usable in SPARQL: {text!r}")
    return text


def items(shapes: Graph, head: Node) -> list[Node]:
    """The members of an RDF list in the shapes graph."""
    if head != RDF.nil and shapes.value(head, RDF.first) is None:
        raise UnsupportedShape(f"expected an RDF list at {head}")
    return list(Collection(shapes, head))


def path_text(shapes: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return term_text(path)
    if not isinstance(path, BNode):
        raise UnsupportedShape(f"not a property path: {path!r}")
    if shapes.value(path, RDF.first) is not None:
        return "(" + "/".join(path_text(shapes, p) for p in items(shapes, path)) + ")"
    unary: dict[Node, str] = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+",
             SH.zeroOrOnePath: "?"}
    props = set(shapes.predicates(path, None))
    if len(props) != 1:
        raise UnsupportedShape(f"property path with {sorted(map(str, props))}")
    (kind,) = props
    inner = shapes.value(path, kind)
    assert inner is not None
    if kind == SH.alternativePath:
        return "(" + "|".join(path_text(shapes, p) for p in items(shapes, inner)) + ")"
    if kind == SH.inversePath:
        return f"^({path_text(shapes, inner)})"
    if kind in unary:
        return f"({path_text(shapes, inner)}){unary[kind]}"
    raise UnsupportedShape(f"property path {kind}")


def datatype_ok(value: str, datatype: Node) -> str:
    """True when ``value`` is a literal of ``datatype``.

    Ill-formed literals need no test here: :func:`sanad.graph.shacl_literals.checked` gives
    them another datatype before they are loaded (pyoxigraph would rewrite their lexical form).
    """
    if not isinstance(datatype, URIRef) or datatype not in _SUPPORTED:
        raise UnsupportedShape(f"sh:datatype {datatype} (no well-formedness rule for it)")
    if datatype == RDF.langString:
        return f'(isLiteral({value}) && LANG({value}) != "")'
    return f"(isLiteral({value}) && sameTerm(DATATYPE({value}), {term_text(datatype)}))"
