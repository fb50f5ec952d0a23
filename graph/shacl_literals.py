"""Literals as the compiled SHACL check must see them: ill-formed ones visibly so.

pyoxigraph stores a well-formed typed literal in canonical form ("+5" becomes "5", "24:00:00"
the next day) while pyshacl judges the lexical form as written, with rdflib's parsers. So
before loading, a literal whose lexical form pyshacl might reject gets the datatype
``urn:sanad:ill-typed:<datatype>``: it then fails sh:datatype and every comparison, as it does
in pyshacl. The lexical patterns are narrower than XSD's where rdflib is narrower.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["ILL_TYPED", "checked"]

ILL_TYPED = "urn:sanad:ill-typed:"
_YEAR = r"([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_ZONE = r"(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])?"
_DAY = rf"{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_LEXICAL = {
    str(XSD.integer): r"[+-]?[0-9]+",
    str(XSD.nonNegativeInteger): r"\+?[0-9]+",
    str(XSD.decimal): r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)",
    str(XSD.boolean): r"true|false|1|0",
    str(XSD.date): rf"{_DAY}{_ZONE}",
    str(XSD.dateTime): rf"{_DAY}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{{1,6}})?{_ZONE}",
}
_PATTERNS = {dt: re.compile(p) for dt, p in _LEXICAL.items()}
_PLAIN = {str(XSD.string), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def checked(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """``term``, or for a literal pyshacl may find ill-formed, the same text marked ill-typed."""
    if not isinstance(term, ox.Literal) or term.language:
        return term
    datatype = term.datatype.value
    if datatype in _PLAIN or _well_formed(term.value, datatype):
        return term
    return ox.Literal(term.value, datatype=ox.NamedNode(ILL_TYPED + datatype))


@lru_cache(maxsize=65_536)
def _well_formed(lexical: str, datatype: str) -> bool:
    pattern = _PATTERNS.get(datatype)
    if pattern is None or not pattern.fullmatch(lexical):
        return False  # unknown datatypes count as ill-formed: only stricter
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Literal(lexical, datatype=URIRef(datatype)).ill_typed is not True
