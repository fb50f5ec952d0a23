"""Conversion between pyoxigraph terms and rdflib terms."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier, Node

__all__ = ["from_ox", "to_ox", "to_ox_quad"]

_XSD_STRING = str(XSD.string)


def from_ox(term: object) -> Identifier:
    """An rdflib term equal to the given pyoxigraph term (plain strings stay plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def to_ox_quad(s: Node, p: Node, o: Node, g: Node | None = None) -> ox.Quad:
    """A pyoxigraph quad (in the default graph when ``g`` is None)."""
    subject, predicate, obj = to_ox(s), to_ox(p), to_ox(o)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not a valid triple: {s} {p} {o}")
    graph = to_ox(g) if g is not None else None
    if isinstance(graph, ox.Literal):
        raise TypeError(f"a literal cannot name a graph: {g}")
    return ox.Quad(subject, predicate, obj, graph)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A pyoxigraph term equal to the given rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")
