"""SPARQL 1.1 Query Results TSV (rdflib has no serializer for it): terms in Turtle syntax."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from sanad.graph import SelectResult

__all__ = ["select_tsv"]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def select_tsv(result: SelectResult) -> bytes:
    """A header of ``?var`` names, then one line per row (an unbound value is empty)."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join(_term(row.get(v)) for v in result.variables))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return str(term)
