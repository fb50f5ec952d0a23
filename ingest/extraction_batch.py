"""Extraction into the graph: one article's candidates as unreviewed claims, in its batch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rdflib import URIRef

from sanad import ingest
from sanad.graph import Batch, SelectResult, Store
from sanad.ontology import ID, S, sparql_prefixes

from .corpus import HandClaim
from .extract import extract_claims
from .ids import article_iri, assertion_graph, candidate_claim_id, claim_iri
from .rdf_candidates import add_candidate, add_extraction, overlaps_hand_checked

__all__ = ["ExtractionOutcome", "add_extraction_to_batch", "extraction_iri", "stale_candidate_graphs"]


@dataclass
class ExtractionOutcome:
    """What extraction found in one article."""

    stored: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)


def extraction_iri(aid: str) -> URIRef:
    """One extraction activity per article and extractor version: re-running replaces it."""
    return ID[f"extraction-{aid}-{ingest.__version__.replace('+', '-')}"]


def add_extraction_to_batch(
    batch: Batch, aid: str, text: str, published: dt.date | None,
    hand_checked: list[HandClaim], at: dt.datetime,
) -> ExtractionOutcome:
    """Extract ``text``'s candidates into ``batch``; those matching a hand-checked claim are
    linked to it (``s:matchedClaim`` on the activity) instead of stored again."""
    activity = extraction_iri(aid)
    activity_graph = batch.graph(activity)
    add_extraction(activity_graph, activity, article_iri(aid), at)
    outcome = ExtractionOutcome()
    for candidate in extract_claims(text, published):
        matched = overlaps_hand_checked(candidate, aid, hand_checked)
        if matched is not None:
            activity_graph.add((activity, S.matchedClaim, claim_iri(matched)))
            outcome.matched.append(matched)
            continue
        cid = candidate_claim_id(aid, candidate.start, candidate.end)
        claim_graph, assertion = batch.graph(claim_iri(cid)), batch.graph(assertion_graph(cid))
        add_candidate(claim_graph, assertion, aid, candidate, activity)
        outcome.stored.append(cid)
    return outcome


def stale_candidate_graphs(store: Store, aid: str) -> list[URIRef]:
    """Graphs of candidates an earlier extraction stored for article ``aid``."""
    result = store.query(sparql_prefixes() + f"""
        SELECT DISTINCT ?claim ?assertion WHERE {{
          ?claim prov:wasGeneratedBy ?run ; s:reviewStatus s:Unreviewed .
          ?run a s:Extraction ; prov:used {article_iri(aid).n3()} .
          OPTIONAL {{ ?claim s:assertion ?assertion }}
        }}""", row_limit=1_000_000)
    assert isinstance(result, SelectResult)
    names = {URIRef(r["claim"]) for r in result.rows}
    names |= {URIRef(r["assertion"]) for r in result.rows if "assertion" in r}
    return sorted(names)
