"""The text index: search keys stored in the graph, one small named graph per claim.

Why in the store, and why as one triple per key: a ``CONTAINS`` scan over Arabic text takes
0.9 s at 100k claims and 12 s at 1M (docs/performance.md), and cannot fold spelling
variants. Keys stored as ``<claim> idx:key "روس"`` are found through the store's own
object index in milliseconds, rank by how many and how rare the matching keys are (see
``sanad.queries.claim_filters``), survive restarts, and work the same on the remote backend.
An in-memory index would have to be rebuilt on every start and kept per worker.

The index is *derived* data, outside the data model: graphs ``idx-graph:claim-{cid}`` hold a
claim's keys, the exact texts they came from (``idx:source``), an integer tie-break for
stable ordering (``idx:order``) and each key again with the claim's tier
(``idx:keyTier "روس|3a"``: the top bits of ``idx:order``, so that claims holding common words
are read in order a tier at a time), and ``idx-graph:labels``
holds the keys of every agent's labels (``idx:labelKey``, from ``idx:labelSource``; for
``claimant=Putin`` / ``claimant=بوتين``). It is
written straight to the store (no SHACL gate: it is not claim data and is rebuilt from the
claims at will). :meth:`SearchIndex.refresh` finds claims whose texts changed since they were
indexed — after ``sanad ingest``, an import, or a raw SPARQL update — and re-indexes them.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Identifier, Node

from sanad.graph.batch import Batch
from sanad.graph.results import GraphResult, SelectResult
from sanad.graph.store import Store
from sanad.ontology import sparql_prefixes

from .ids import VOCABULARY_GRAPH
from .index_facts import ClaimFacts, claim_facts, day_key, facet, rank, tier, tier_key, year_bucket, year_key
from .search_keys import search_keys

__all__ = ["IDX", "IDX_GRAPH", "LABELS_GRAPH", "SearchIndex", "add_claim_keys", "add_label_keys",
           "agents_labelled", "index_graph", "order_key"]

IDX = Namespace("https://w3id.org/sanad/index#")
IDX_GRAPH = Namespace("https://w3id.org/sanad/index/")
LABELS_GRAPH = IDX_GRAPH["labels"]
_CHUNK = 500
_BIG = 100_000_000
_LOCAL = re.compile(r"^https://w3id\.org/sanad/id/(claim-[a-z0-9][a-z0-9-]*)$")

_STALE_CLAIMS = sparql_prefixes() + """PREFIX idx: <https://w3id.org/sanad/index#>
SELECT DISTINCT ?c WHERE {
  { ?c a schema:Claim ; schema:text ?t . FILTER NOT EXISTS { ?c idx:source ?t } }
  UNION
  { ?c idx:source ?t . FILTER NOT EXISTS { ?c a schema:Claim ; schema:text ?t } }
  UNION
  { ?c idx:source ?t . FILTER NOT EXISTS { ?c idx:order ?n ; idx:rank ?r } }
  UNION
  { ?c idx:order ?n . FILTER NOT EXISTS { ?c idx:keyTier ?kt } FILTER EXISTS { ?c idx:key ?k } }
  UNION
  { ?c idx:order ?n ; schema:author ?e . FILTER NOT EXISTS { ?c idx:claimant ?e } }
  UNION
  { ?c idx:claimant ?e . FILTER NOT EXISTS { ?c schema:author ?e } }
  UNION
  { ?c idx:order ?n ; schema:mentions ?e . FILTER (isIRI(?e)) FILTER NOT EXISTS { ?c idx:about ?e } }
  UNION
  { ?c idx:order ?n ; s:assertion ?g . GRAPH ?g { ?x ?p ?y } VALUES ?side { 1 2 }
    BIND (IF(?side = 1, ?x, ?y) AS ?e) FILTER (isIRI(?e)) FILTER NOT EXISTS { ?c idx:about ?e } }
  UNION
  { ?c idx:order ?n ; schema:dateCreated ?ds .
    FILTER NOT EXISTS { ?c idx:day ?d FILTER (?d >= SUBSTR(STR(?ds), 1, 10)) } }
  UNION
  { ?c idx:day ?d ; schema:dateCreated ?any .
    FILTER NOT EXISTS { ?c schema:dateCreated ?ds FILTER (SUBSTR(STR(?ds), 1, 10) = ?d) } }
}"""
# An entity the index files a claim under that the claim no longer names, in two steps: the
# pairs its author and mentions do not explain (few: triple entities are mentioned too), then
# those its assertion graph does not either. One query with all four tests took minutes at 100k
# claims (the assertion test scanned every quad of a popular entity for each pair).
_UNEXPLAINED_ABOUT = sparql_prefixes() + """PREFIX idx: <https://w3id.org/sanad/index#>
SELECT ?c ?e WHERE { ?c idx:about ?e .
  FILTER NOT EXISTS { ?c schema:author ?e } FILTER NOT EXISTS { ?c schema:mentions ?e } }"""
_NOT_ASSERTED = sparql_prefixes() + """SELECT DISTINCT ?c WHERE {{ VALUES (?c ?e) {{ {pairs} }}
  FILTER NOT EXISTS {{ ?c s:assertion ?g . GRAPH ?g {{ ?x ?p ?y }} FILTER (?x = ?e || ?y = ?e) }} }}"""
_FACTS = sparql_prefixes() + """CONSTRUCT {{ ?c ?p ?o . ?fa schema:datePublished ?fad .
  ?fa oa:hasSource ?art . ?art schema:datePublished ?ad }} WHERE {{
  VALUES ?c {{ {claims} }} ?c a schema:Claim .
  {{ ?c ?p ?o FILTER (?p IN (schema:text, schema:author, schema:mentions, schema:dateCreated,
                           schema:firstAppearance)) }}
  UNION {{ ?c schema:firstAppearance ?fa . ?fa schema:datePublished ?fad }}
  UNION {{ ?c schema:firstAppearance ?fa . ?fa oa:hasSource ?art . ?art schema:datePublished ?ad }}
}}"""
_ASSERTED = sparql_prefixes() + """SELECT ?c ?s ?p ?o WHERE {{
  VALUES ?c {{ {claims} }} ?c s:assertion ?g . GRAPH ?g {{ ?s ?p ?o }} }}"""
_LABELS = sparql_prefixes() + """SELECT ?a ?l WHERE {{
  GRAPH ?g {{ ?a rdfs:label|skos:altLabel ?l }}
  FILTER (?g != {vocabulary} && !STRSTARTS(STR(?g), "{index}"))
}}"""
_INDEXED_LABELS = """SELECT ?a ?l WHERE {{ GRAPH {labels} {{ ?a <{source}> ?l }} }}"""


def order_key(claim: URIRef) -> int:
    """A stable tie-break for ordering claims: 60 bits of the SHA-256 of the IRI.

    Comparing integers is cheap in the store; comparing IRIs means decoding each from the
    dictionary (ordering 3,000 matches by IRI took 0.5 s, by this key 0.02 s).
    """
    return int(hashlib.sha256(str(claim).encode()).hexdigest()[:15], 16)


def index_graph(claim: URIRef) -> URIRef:
    """The index graph of one claim: ``…/index/claim-{cid}`` (a hash for a foreign IRI)."""
    local = _LOCAL.match(str(claim))
    name = local.group(1) if local else "h" + hashlib.sha256(str(claim).encode()).hexdigest()[:24]
    return IDX_GRAPH[name]


def add_claim_keys(batch: Batch, claim: URIRef, facts: ClaimFacts) -> None:
    """Put the index graph of ``claim`` for its ``facts`` into ``batch`` (replacing the old one).

    A claim with no text gets an empty graph (dropped when written): it is not indexed.
    """
    graph = batch.graph(index_graph(claim))
    if not facts.texts:
        return
    order = order_key(claim)
    graph.add((claim, IDX.order, Literal(order)))
    graph.add((claim, IDX.rank, Literal(rank(facts.day, order))))
    for text in facts.texts:
        graph.add((claim, IDX.source, text))
        for key in search_keys(str(text)):
            graph.add((claim, IDX.key, Literal(key)))
            graph.add((claim, IDX.keyTier, Literal(tier_key(key, tier(order)))))
    _add_buckets(graph, claim, facts)


def _add_buckets(graph: Graph, claim: URIRef, facts: ClaimFacts) -> None:
    """Date-bucket keys for every claim, per entity and per claimant (see index_facts)."""
    year = year_bucket(facts.day)
    graph.add((claim, IDX.year, Literal(year)))
    if facts.day is not None:
        graph.add((claim, IDX.day, Literal(day_key(None, facts.day))))
    for iris, source, by_year, by_day in (
            (facts.entities, IDX.about, IDX.aboutYear, IDX.aboutDay),
            (facts.claimants, IDX.claimant, IDX.byYear, IDX.byDay)):
        for iri in iris:
            graph.add((claim, source, iri))
            graph.add((claim, by_year, Literal(year_key(facet(iri), year))))
            if facts.day is not None:
                graph.add((claim, by_day, Literal(day_key(facet(iri), facts.day))))


def add_label_keys(batch: Batch, labels: Iterable[tuple[URIRef, Identifier]]) -> None:
    """Put the label index graph for these ``(agent, label)`` pairs into ``batch``."""
    graph = batch.graph(LABELS_GRAPH)
    for agent, label in labels:
        graph.add((agent, IDX.labelSource, label))
        for key in search_keys(str(label)):
            graph.add((agent, IDX.labelKey, Literal(key)))


class SearchIndex:
    """Keeps the index graphs in step with the claims of ``store``.

    Writers call :meth:`index_claims` for the claims they wrote; anything written behind the
    API's back is caught by :meth:`refresh` (run at start-up, and before the next search after
    :meth:`mark_stale`).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._stale = True
        self._lock = threading.RLock()

    def mark_stale(self) -> None:
        """Something may have changed claims or labels outside :meth:`index_claims`."""
        self._stale = True

    @property
    def stale(self) -> bool:
        """Whether something may have changed claims or labels since the last refresh."""
        return self._stale

    def trust(self) -> None:
        """Take the index as current without checking (``SANAD_INDEX_CHECK=false``)."""
        self._stale = False

    def ensure_fresh(self) -> None:
        """Refresh if anything may be stale (cheap when nothing is)."""
        if self._stale:
            self.refresh()

    def refresh(self) -> int:
        """Re-index every claim whose texts differ from what was indexed; rebuild label keys.

        Returns the number of claims re-indexed.
        """
        with self._lock:
            found = _select(self.store, _STALE_CLAIMS).values("c") + self._dropped_entities()
            stale = list(dict.fromkeys(found))
            self.index_claims([c for c in stale if isinstance(c, URIRef)])
            self._refresh_labels()
            self._stale = False
            return len(stale)

    def _dropped_entities(self) -> list[Identifier]:
        """Claims filed under an entity they no longer name anywhere."""
        pairs = [(r["c"], r["e"]) for r in _select(self.store, _UNEXPLAINED_ABOUT).rows]
        stale: list[Identifier] = []
        for start in range(0, len(pairs), _CHUNK):
            values = " ".join(f"({c.n3()} {e.n3()})" for c, e in pairs[start:start + _CHUNK])
            stale += _select(self.store, _NOT_ASSERTED.format(pairs=values)).values("c")
        return stale

    def index_claims(self, claims: Iterable[URIRef]) -> None:
        """(Re)write the index graphs of ``claims`` from their current texts."""
        todo = sorted(set(claims))
        with self._lock:
            for start in range(0, len(todo), _CHUNK):
                self._index_chunk(todo[start:start + _CHUNK])

    def _index_chunk(self, claims: list[URIRef]) -> None:
        values = " ".join(c.n3() for c in claims)
        found = self.store.query(_FACTS.format(claims=values), row_limit=_BIG)
        assert isinstance(found, GraphResult)
        asserted: dict[URIRef, list[tuple[Node, Node, Node]]] = {c: [] for c in claims}
        for row in _select(self.store, _ASSERTED.format(claims=values)).rows:
            asserted[URIRef(row["c"])].append((row["s"], row["p"], row["o"]))
        batch = Batch(f"search index of {len(claims)} claims")
        for claim in claims:  # an empty graph when the claim is gone or has no text: dropped
            add_claim_keys(batch, claim, claim_facts(found.graph, claim, asserted[claim]))
        self.store.write(batch)

    def _refresh_labels(self) -> None:
        current = {(URIRef(r["a"]), r["l"]) for r in _select(self.store, _LABELS.format(
            vocabulary=VOCABULARY_GRAPH.n3(), index=str(IDX_GRAPH))).rows
            if isinstance(r["a"], URIRef)}
        indexed = {(URIRef(r["a"]), r["l"]) for r in _select(self.store, _INDEXED_LABELS.format(
            labels=LABELS_GRAPH.n3(), source=IDX.labelSource)).rows}
        if current == indexed:
            return
        batch = Batch("search index of labels")
        add_label_keys(batch, current)
        self.store.write(batch)


def _select(store: Store, sparql: str) -> SelectResult:
    result = store.query(sparql, row_limit=_BIG)
    assert isinstance(result, SelectResult)
    return result


_BY_LABEL = """SELECT ?a WHERE {{
  {{ SELECT ?a (COUNT(DISTINCT ?k) AS ?n) WHERE {{
       VALUES ?k {{ {keys} }} ?a <https://w3id.org/sanad/index#labelKey> ?k }} GROUP BY ?a }}
  FILTER (?n = {count})
}} ORDER BY ?a LIMIT {most}"""


def agents_labelled(store: Store, text: str, most: int = 200) -> list[URIRef]:
    """Agents whose labels (any language, aliases too) hold every search key of ``text``."""
    keys = search_keys(text)
    if not keys:
        return []
    result = _select(store, _BY_LABEL.format(
        keys=" ".join(Literal(k).n3() for k in keys), count=len(keys), most=most))
    return [a for a in result.values("a") if isinstance(a, URIRef)]
