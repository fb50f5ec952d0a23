"""Values from requests made safe for SPARQL text: checked identifiers and escaped literals.

No request value is ever pasted into a query as it came. An identifier is checked against
its pattern and becomes an IRI in sanad's namespace (or Wikidata's); free text becomes an
escaped literal (rdflib's ``n3()``) or, for search, search keys (letters and digits only).
The store's ``substitutions=`` are not used: pyoxigraph ignores them inside ``UNION``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from rdflib import URIRef
from rdflib.term import Node

from sanad.graph.errors import InputError
from sanad.graph.terms import string_text
from sanad.ontology import ID, WD

__all__ = [
    "QID",
    "SLUG",
    "article_ref",
    "claim_ref",
    "entity_ref",
    "iris",
    "local_id",
    "qid_of",
    "string",
]

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,199}$")
QID = re.compile(r"^Q[1-9][0-9]{0,11}$")


def claim_ref(cid: str) -> URIRef:
    """``id:claim-{cid}`` for a well-formed claim id."""
    if not SLUG.match(cid):
        raise InputError(f"{cid!r} is not a claim id (lowercase letters, digits and hyphens)")
    return ID[f"claim-{cid}"]


def article_ref(aid: str) -> URIRef:
    """``id:article-{aid}`` for a well-formed article id."""
    if not SLUG.match(aid):
        raise InputError(f"{aid!r} is not an article id (lowercase letters, digits and hyphens)")
    return ID[f"article-{aid}"]


def entity_ref(value: str) -> URIRef:
    """An entity or agent: a QID (``Q7747``) → Wikidata IRI; a key (``putin``) → ``id:entity-…``;
    a full IRI in either namespace as it is."""
    if QID.match(value):
        return WD[value]
    if SLUG.match(value):
        return ID[value if value.startswith("entity-") else f"entity-{value}"]
    for namespace in (str(WD), str(ID)):
        rest = value[len(namespace):] if value.startswith(namespace) else None
        if rest and (QID.match(rest) or SLUG.match(rest)):
            return URIRef(value)
    raise InputError(f"{value!r} is neither a Wikidata QID (Q…) nor an entity key")


def qid_of(iri: URIRef | str) -> str | None:
    """``Q7747`` for ``wd:Q7747``; None for a local IRI."""
    text = str(iri)
    return text[len(str(WD)):] if text.startswith(str(WD)) else None


def local_id(iri: Node | str, prefix: str) -> str | None:
    """``abc`` for ``id:{prefix}abc`` (e.g. prefix ``claim-``); None otherwise."""
    text, head = str(iri), f"{ID}{prefix}"
    return text[len(head):] if text.startswith(head) else None


def iris(values: Iterable[URIRef]) -> str:
    """IRIs for a ``VALUES`` block (each one came from the checked constructors above)."""
    return " ".join(URIRef(v).n3() for v in values)


def string(value: str | dt.date) -> str:
    """An escaped plain literal (a date as its ISO text)."""
    return string_text(value.isoformat() if isinstance(value, dt.date) else value)
