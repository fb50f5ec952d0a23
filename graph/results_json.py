"""SPARQL 1.1 Query Results JSON, written straight from result rows (no rdflib ``Result``).

rdflib's serializer builds a ``Result`` and walks it term by term; for the small pages a
lookup returns, that cost more than the query. These writers emit the same document from
rdflib terms or from pyoxigraph terms: ``uri``, ``bnode`` and ``literal`` bindings,
``xml:lang`` on language-tagged strings, ``datatype`` on typed literals (a plain string,
``xsd:string`` in the store, gets none).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

__all__ = ["ask_json", "ox_term_json", "rdflib_term_json", "select_json"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Binding = dict[str, str]


def select_json(variables: list[str], rows: Iterable[Mapping[str, Binding]]) -> bytes:
    """The document for ``variables`` and rows already turned into bindings."""
    document = {"head": {"vars": variables}, "results": {"bindings": list(rows)}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def ask_json(value: bool) -> bytes:
    """The document answering an ASK query."""
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")


def rdflib_term_json(term: Identifier) -> Binding:
    """One binding from an rdflib term."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            return {"type": "literal", "value": str(term), "xml:lang": term.language}
        if term.datatype is not None:
            return {"type": "literal", "value": str(term), "datatype": str(term.datatype)}
        return {"type": "literal", "value": str(term)}
    raise TypeError(f"not an RDF term: {term!r}")


def ox_term_json(term: object) -> Binding:
    """One binding from a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _LANG_STRING):
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype}
    raise TypeError(f"not an RDF term: {term!r}")
