"""Clusters in the graph: read every claim's digest, cluster, and replace the cluster graphs."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from sanad.graph import Batch, SelectResult, Store, WriteGate
from sanad.ontology import ID, SCHEMA, S, sparql_prefixes

from .clustering import ClaimDigest, Cluster, cluster_claims

__all__ = ["KIND_IRIS", "cluster_batch", "recluster"]

KIND_IRIS = {"same_wording": S.SameWording, "paraphrase": S.Paraphrase, "same_event": S.SameEvent}

_DIGESTS = """
SELECT ?claim ?quote ?claimant ?first ?firstDate
       (GROUP_CONCAT(DISTINCT STR(?entity); SEPARATOR=" ") AS ?entities)
       (GROUP_CONCAT(DISTINCT STR(?article); SEPARATOR=" ") AS ?articles)
       (SAMPLE(?predicate) AS ?relation)
WHERE {
  ?claim a schema:Claim ; schema:author ?claimant ; schema:firstAppearance ?first ;
         schema:appearance/oa:hasSource ?article .
  FILTER NOT EXISTS { ?claim s:reviewStatus s:Rejected }
  ?first oa:hasSource ?firstArticle ; oa:hasSelector/oa:exact ?quote .
  OPTIONAL { ?first schema:datePublished ?appDate }
  OPTIONAL { ?firstArticle schema:datePublished ?articleDate }
  BIND (COALESCE(?appDate, ?articleDate) AS ?firstDate)
  OPTIONAL { ?claim schema:mentions ?entity }
  OPTIONAL { ?claim s:assertion ?g . GRAPH ?g { ?s ?predicate ?o } }
}
GROUP BY ?claim ?quote ?claimant ?first ?firstDate
"""


def _digests(store: Store) -> list[ClaimDigest]:
    result = store.query(sparql_prefixes() + _DIGESTS, row_limit=10_000_000)
    assert isinstance(result, SelectResult)
    digests = []
    for row in result.rows:
        date = row.get("firstDate")
        digests.append(ClaimDigest(
            iri=str(row["claim"]), text=str(row["quote"]),
            entities=frozenset(str(row.get("entities", "")).split()),
            predicate=str(row["relation"]) if "relation" in row else None,
            claimant=str(row["claimant"]), articles=frozenset(str(row["articles"]).split()),
            first_appearance=str(row["first"]),
            first_date=dt.date.fromisoformat(str(date)[:10]) if date is not None else None,
        ))
    return digests


def cluster_iri(cluster: Cluster) -> URIRef:
    return ID[f"cluster-{hashlib.sha256(cluster.first.iri.encode()).hexdigest()[:16]}"]


def cluster_batch(store: Store) -> Batch:
    """A batch that replaces every cluster graph with the current clustering."""
    batch = Batch("claim clusters")
    for old in _cluster_graphs(store):
        batch.graph(old)  # dropped unless written again below
    for cluster in cluster_claims(_digests(store)):
        node = cluster_iri(cluster)
        g = batch.graph(node)
        g.add((node, RDF.type, S.ClaimCluster))
        g.add((node, S.member, URIRef(cluster.first.iri)))
        g.add((node, SCHEMA.firstAppearance, URIRef(cluster.first.first_appearance)))
        for index, member in enumerate(cluster.members, start=1):
            link = URIRef(f"{node}-m{index}")
            g.add((node, S.member, URIRef(member.claim.iri)))
            g.add((node, S.membership, link))
            g.add((link, RDF.type, S.ClusterMembership))
            g.add((link, S.memberClaim, URIRef(member.claim.iri)))
            g.add((link, S.similarityKind, KIND_IRIS[member.kind]))
            g.add((link, S.score, Literal(Decimal(str(member.score)), datatype=XSD.decimal)))
            g.add((link, S.sameClaimant, Literal(member.same_claimant)))
    return batch


def _cluster_graphs(store: Store) -> list[URIRef]:
    result = store.query(sparql_prefixes() + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?c a s:ClaimCluster } }")
    assert isinstance(result, SelectResult)
    return [URIRef(g) for g in result.values("g")]


def recluster(store: Store) -> int:
    """Recompute the clusters of every claim in the store; returns how many there are."""
    batch = cluster_batch(store)
    WriteGate(store).submit(batch)
    return sum(1 for g in batch.graphs.values() if len(g))
