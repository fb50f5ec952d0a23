"""Everything the store says about a few claims, fetched in four selective queries.

A response is built in Python from these graphs (the claims' own graphs, their assertion
triples, their reviews, and the labels and metadata of every agent, entity and article they
point at) rather than from one wide SELECT with many OPTIONALs, whose rows multiply.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from sanad.graph import GraphResult, SelectResult, Store
from sanad.ontology import OA, SCHEMA, S, sparql_prefixes

from .terms import iris

__all__ = ["Snapshot", "load_snapshot"]

_CONTEXT_PROPERTIES = ("rdfs:label", "rdf:type", "schema:publisher", "schema:datePublished",
                       "schema:headline", "schema:url", "schema:identifier", "schema:inLanguage")
_ROWS = 200_000


@dataclass
class Snapshot:
    """The claims' graphs, assertion triples, reviews, and context (labels, article data)."""

    claims: Graph = field(default_factory=Graph)
    assertions: dict[URIRef, list[tuple[Node, Node, Node]]] = field(
        default_factory=dict)
    reviews: Graph = field(default_factory=Graph)
    context: Graph = field(default_factory=Graph)


def load_snapshot(store: Store, claims: list[URIRef]) -> Snapshot:
    """Fetch what :mod:`sanad.queries.claim_view` needs to describe ``claims``."""
    snap = Snapshot()
    if not claims:
        return snap
    values = iris(claims)
    snap.claims = _construct(store, f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
        VALUES ?c {{ {values} }} GRAPH ?c {{ ?s ?p ?o }} }}""")
    rows = store.query(sparql_prefixes() + f"""SELECT ?c ?s ?p ?o WHERE {{
        VALUES ?c {{ {values} }} GRAPH ?c {{ ?c s:assertion ?g }} GRAPH ?g {{ ?s ?p ?o }} }}""",
                       row_limit=_ROWS)
    assert isinstance(rows, SelectResult)
    for row in rows.rows:
        snap.assertions.setdefault(URIRef(row["c"]), []).append((row["s"], row["p"], row["o"]))
    snap.reviews = _construct(store, sparql_prefixes() + f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
        VALUES ?c {{ {values} }} GRAPH ?rg {{ ?r schema:itemReviewed ?c . ?s ?p ?o }} }}""")
    wanted = _referenced(snap)
    snap.context = _context(store, wanted)
    publishers = {o for o in snap.context.objects(None, SCHEMA.publisher) if isinstance(o, URIRef)}
    snap.context += _context(store, publishers - wanted)
    return snap


def _referenced(snap: Snapshot) -> set[URIRef]:
    found: set[Node] = set()
    for prop in (SCHEMA.author, SCHEMA.mentions, RDF.first, OA.hasSource):
        found.update(snap.claims.objects(None, prop))
    for triples in snap.assertions.values():
        for s, p, o in triples:
            found.update((s, p, o))
    for prop in (SCHEMA.author, S.evidence):
        found.update(snap.reviews.objects(None, prop))
    for version in snap.claims.subjects(RDF.type, RDF.Statement):
        found.update(snap.claims.objects(version, None))
    return {term for term in found if isinstance(term, URIRef)}


def _context(store: Store, nodes: Iterable[URIRef]) -> Graph:
    nodes = sorted(nodes)
    if not nodes:
        return Graph()
    # one VALUES block: with two, pyoxigraph joins their product with a scan of ?x ?p ?o
    return _construct(store, sparql_prefixes() + f"""CONSTRUCT {{ ?x ?p ?o }} WHERE {{
        VALUES ?x {{ {iris(nodes)} }} ?x ?p ?o
        FILTER (?p IN ({", ".join(_CONTEXT_PROPERTIES)})) }}""")


def _construct(store: Store, sparql: str) -> Graph:
    result = store.query(sparql, row_limit=_ROWS)
    assert isinstance(result, GraphResult)
    return result.graph
