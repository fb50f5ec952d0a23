"""Correcting a claim without losing its past: the id stays, the earlier version stays queryable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from sanad.graph import Batch, NotFound, Store
from sanad.ontology import SCHEMA, S

from .ids import assertion_graph, claim_iri
from .rdf_claims import MODALITY_IRIS
from .rdf_sources import add_handcheck, handcheck_iri

__all__ = ["Correction", "correction_batch", "status_batch"]


@dataclass(frozen=True)
class Correction:
    """New values for a claim's corrected fields (None keeps the current value)."""

    text_ar: str | None = None
    modality: str | None = None
    triple: tuple[URIRef, URIRef, URIRef] | None = None


def correction_batch(
    store: Store, cid: str, correction: Correction, reviewer: URIRef, reviewer_key: str,
    at: dt.datetime,
) -> Batch:
    """The claim's graphs rewritten with ``correction``, the old values kept as a version.

    The new version keeps the claim IRI; the old one becomes ``id:claim-{cid}-v{n}``, linked by
    ``s:previousVersion`` and invalidated by the correcting hand-check.
    """
    node = claim_iri(cid)
    activity = handcheck_iri(reviewer_key, at.date())
    batch = Batch(f"correction of claim {cid}")
    claim = batch.graph(node)
    claim += _graph_of(store, node, f"claim {cid!r}")
    version = _freeze(store, claim, node, cid, activity, at)
    claim.add((node, S.previousVersion, version))
    claim.set((node, S.reviewStatus, S.Corrected))
    if correction.text_ar is not None:
        for old in [o for o in claim.objects(node, SCHEMA.text) if _lang(o) == "ar"]:
            claim.remove((node, SCHEMA.text, old))
        claim.add((node, SCHEMA.text, Literal(correction.text_ar, lang="ar")))
    if correction.modality is not None:
        claim.set((node, S.modality, MODALITY_IRIS.get(correction.modality, S[correction.modality])))
    if correction.triple is not None:
        batch.graph(assertion_graph(cid)).add(correction.triple)
        claim.set((node, S.assertion, assertion_graph(cid)))
    checks = batch.graph(activity)
    checks += _activity_now(store, activity)
    add_handcheck(checks, reviewer, reviewer_key, at.date())
    checks.add((activity, PROV.used, node))
    return batch


def _freeze(
    store: Store, claim: Graph, node: URIRef, cid: str, activity: URIRef, at: dt.datetime
) -> URIRef:
    """Copy the fields a correction may change into a new ``s:ClaimVersion`` node."""
    number = 1 + len(list(claim.objects(node, S.previousVersion)))
    version = URIRef(f"{node}-v{number}")
    claim.add((version, RDF.type, S.ClaimVersion))
    claim.add((version, PROV.invalidatedAtTime, Literal(at.isoformat(), datatype=XSD.dateTime)))
    claim.add((version, PROV.wasInvalidatedBy, activity))
    for prop in (SCHEMA.text, S.modality):
        for value in claim.objects(node, prop):
            claim.add((version, prop, value))
    for s, p, o, _ in store.quads(assertion_graph(cid)):
        statement = URIRef(f"{version}-triple")
        claim.add((version, S.assertionTriple, statement))
        claim.add((statement, RDF.type, RDF.Statement))
        claim.add((statement, RDF.subject, s))
        claim.add((statement, RDF.predicate, p))
        claim.add((statement, RDF.object, o))
    return version


def _lang(term: object) -> str | None:
    return term.language if isinstance(term, Literal) else None


def status_batch(
    store: Store, cid: str, status: URIRef, reviewer: URIRef, reviewer_key: str, at: dt.datetime
) -> Batch:
    """The claim's graph with a new ``s:reviewStatus`` (accepted or rejected by a hand-check).

    The hand-check activity records who decided and on which claim (``prov:used``).
    """
    node = claim_iri(cid)
    activity = handcheck_iri(reviewer_key, at.date())
    batch = Batch(f"hand-check of claim {cid}")
    claim = batch.graph(node)
    claim += _graph_of(store, node, f"claim {cid!r}")
    claim.set((node, S.reviewStatus, status))
    checks = batch.graph(activity)
    checks += _activity_now(store, activity)
    add_handcheck(checks, reviewer, reviewer_key, at.date())
    checks.add((activity, PROV.used, node))
    return batch


def _graph_of(store: Store, claim: URIRef, name: str) -> Graph:
    """The claim's own graph as the store holds it; ``NotFound`` if there is no such claim."""
    graph = Graph()
    for s, p, o, _ in store.quads(claim):
        graph.add((s, p, o))
    if (claim, RDF.type, SCHEMA.Claim) not in graph:
        raise NotFound(f"{name} is not in the store")
    return graph


def _activity_now(store: Store, activity: URIRef) -> Graph:
    """What the activity's graph already holds (earlier claims checked the same day)."""
    graph = Graph()
    for s, p, o, _ in store.quads(activity):
        graph.add((s, p, o))
    return graph
