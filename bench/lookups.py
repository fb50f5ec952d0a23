"""Reference lookups as raw SPARQL any store (or peer) can run, and their parameters.

The headline figures come from the API's own code (:mod:`sanad.bench.api_lookups`, through
:mod:`sanad.queries`); these hand-written pages (20 rows, no total, no claim summaries) are
what rdflib, rdflib-endpoint and Virtuoso are compared on, and a floor for the API's figures:
claims by entity, by claimant in a 90-day window, a claim's detail (its graph and its assertion
graph), and the index-free ``CONTAINS`` scan the in-graph search keys replace.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sanad.ingest.ids import assertion_graph, claim_iri

from .synthetic import CLAIMS_PER_GROUP, DAYS, START, Pool, _claim_sentence

__all__ = ["Lookups", "claimant_query", "contains_query", "detail_query", "entity_query"]

PAGE = 20
_PREFIXES = "PREFIX schema: <http://schema.org/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"


def entity_query(entity: str) -> str:
    return (_PREFIXES + f"SELECT ?claim ?text WHERE {{ ?claim schema:mentions <{entity}> ; "
            f'schema:text ?text . FILTER (lang(?text) = "ar") }} LIMIT {PAGE}')


def claimant_query(claimant: str, start: dt.date, end: dt.date) -> str:
    return (_PREFIXES + f"SELECT ?claim ?date WHERE {{ ?claim schema:author <{claimant}> ; "
            f'schema:dateCreated ?date . FILTER (?date >= "{start}"^^xsd:date && '
            f'?date < "{end}"^^xsd:date) }} LIMIT {PAGE}')


def detail_query(cid: str) -> str:
    return (f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ <{claim_iri(cid)}> <{assertion_graph(cid)}> }} "
            "GRAPH ?g { ?s ?p ?o } }")


def contains_query(words: str) -> str:
    """The index-free way: scan every claim text (the baseline the index is measured against)."""
    return (_PREFIXES + f'SELECT ?claim ?text WHERE {{ ?claim a schema:Claim ; schema:text ?text . '
            f'FILTER (CONTAINS(?text, "{words}")) }} LIMIT {PAGE}')


@dataclass
class Lookups:
    """Random but reproducible parameters for each lookup kind, drawn as traffic would be."""

    pool: Pool
    groups: int
    seed: int

    def samples(self, count: int) -> dict[str, list[str]]:
        """``count`` queries of each kind (SPARQL text; for ``text_words``, the words)."""
        rng = random.Random(self.seed + 99)
        entity = [self._entity(rng) for _ in range(count)]
        claimant = []
        for _ in range(count):
            start = START + dt.timedelta(days=rng.randrange(DAYS))
            claimant.append(claimant_query(self._entity(rng), start, start + dt.timedelta(days=90)))
        detail = [detail_query(f"s{self.seed}g{rng.randrange(self.groups)}c{rng.randrange(CLAIMS_PER_GROUP)}")
                  for _ in range(count)]
        words = [" ".join(_claim_sentence(rng, self.pool)[0].split()[1:4]) for _ in range(count)]
        return {"entity": [entity_query(e) for e in entity], "claimant": claimant,
                "detail": detail, "text_words": words,
                "entity_qid": [e.rsplit("/", 1)[-1] for e in entity]}

    def _entity(self, rng: random.Random) -> str:
        chosen = rng.choices(self.pool.entities, weights=self.pool.weights, k=1)[0]
        return str(self.pool.iri(chosen.key))
