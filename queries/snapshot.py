"""Everything the store says about a few claims, fetched in a few selective queries.

A response is built in Python from these triples (the claims' own graphs, their assertion
triples, their reviews, and the labels and metadata of every agent, entity and article they
point at) rather than from one wide SELECT with many OPTIONALs, whose rows multiply. A list of
summaries asks for less (``brief``): the claims' own properties, their first appearance's
dates, reviews, and the labels of claimants and reviewers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from sanad.graph import SelectResult, Store
from sanad.ontology import OA, SCHEMA, S, sparql_prefixes

from .terms import iris
from .triples import Triples

__all__ = ["Snapshot", "load_snapshot"]

_CONTEXT_PROPERTIES = ("rdfs:label", "rdf:type", "schema:publisher", "schema:datePublished",
                       "schema:headline", "schema:url", "schema:identifier", "schema:inLanguage")
_ROWS = 200_000
_BRIEF_PROPERTIES = ("rdf:type", "schema:text", "schema:author", "s:modality", "s:reviewStatus",
                     "schema:dateCreated", "s:eventDate", "s:eventEndDate", "schema:appearance",
                     "schema:firstAppearance", "s:confidence")


@dataclass
class Snapshot:
    """The claims' graphs, assertion triples, reviews, and context (labels, article data)."""

    claims: Triples = field(default_factory=Triples)
    assertions: dict[URIRef, list[tuple[Node, Node, Node]]] = field(
        default_factory=dict)
    reviews: Triples = field(default_factory=Triples)
    context: Triples = field(default_factory=Triples)


def load_snapshot(store: Store, claims: list[URIRef], brief: bool = False) -> Snapshot:
    """Fetch what :mod:`sanad.queries.claim_view` needs to describe ``claims`` (``brief``: as
    summaries only)."""
    snap = Snapshot()
    if not claims:
        return snap
    values = iris(claims)
    if brief:
        snap.claims = _triples(store, sparql_prefixes() + f"""SELECT ?s ?p ?o WHERE {{
            VALUES ?c {{ {values} }} GRAPH ?c {{
              {{ ?c ?p ?o FILTER (?p IN ({", ".join(_BRIEF_PROPERTIES)})) BIND (?c AS ?s) }}
              UNION {{ ?c schema:firstAppearance ?s . ?s ?p ?o
                       FILTER (?p IN (schema:datePublished, oa:hasSource)) }} }} }}""")
    else:
        snap.claims = _triples(store, f"""SELECT ?s ?p ?o WHERE {{
            VALUES ?c {{ {values} }} GRAPH ?c {{ ?s ?p ?o }} }}""")
        rows = _select(store, sparql_prefixes() + f"""SELECT ?c ?s ?p ?o WHERE {{
            VALUES ?c {{ {values} }} GRAPH ?c {{ ?c s:assertion ?g }} GRAPH ?g {{ ?s ?p ?o }} }}""")
        for row in rows.rows:
            snap.assertions.setdefault(URIRef(row["c"]), []).append((row["s"], row["p"], row["o"]))
    snap.reviews = _triples(store, sparql_prefixes() + f"""SELECT ?s ?p ?o WHERE {{
        VALUES ?c {{ {values} }} GRAPH ?rg {{ ?r schema:itemReviewed ?c . ?s ?p ?o }} }}""")
    wanted = _referenced(snap, brief)
    snap.context = _context(store, wanted)
    if brief:  # no article publishers in a summary
        return snap
    publishers = {o for o in snap.context.objects(None, SCHEMA.publisher) if isinstance(o, URIRef)}
    snap.context += _context(store, publishers - wanted)
    return snap


def _referenced(snap: Snapshot, brief: bool) -> set[URIRef]:
    found: set[Node] = set()
    props = (SCHEMA.author, OA.hasSource) if brief else (
        SCHEMA.author, SCHEMA.mentions, RDF.first, OA.hasSource)
    for prop in props:
        found.update(snap.claims.objects(None, prop))
    for triples in snap.assertions.values():
        for s, p, o in triples:
            found.update((s, p, o))
    for prop in (SCHEMA.author, S.evidence):
        found.update(snap.reviews.objects(None, prop))
    for version in snap.claims.subjects(RDF.type, RDF.Statement):
        found.update(snap.claims.objects(version, None))
    return {term for term in found if isinstance(term, URIRef)}


def _context(store: Store, nodes: Iterable[URIRef]) -> Triples:
    nodes = sorted(nodes)
    if not nodes:
        return Triples()
    # one lookup per property: a popular entity is the subject of thousands of assertion
    # triples, which "?s ?p ?o FILTER (?p IN …)" would all read (a second VALUES block for ?p
    # is joined as a product with a scan of ?s ?p ?o)
    branches = " UNION ".join(f"{{ ?s {p} ?o BIND ({p} AS ?p) }}" for p in _CONTEXT_PROPERTIES)
    return _triples(store, sparql_prefixes() + f"""SELECT ?s ?p ?o WHERE {{
        VALUES ?s {{ {iris(nodes)} }} {branches} }}""")


def _triples(store: Store, sparql: str) -> Triples:
    return Triples((r["s"], r["p"], r["o"]) for r in _select(store, sparql).rows)


def _select(store: Store, sparql: str) -> SelectResult:
    result = store.query(sparql, row_limit=_ROWS)
    assert isinstance(result, SelectResult)
    return result
