"""The measured lookups, as SPARQL any store (or peer) can run, and the Arabic text index.

No lookup module existed in ``graph/`` or ``api/`` when this was written, so these are the
SPARQL queries such a module would send: one page (20 rows) of claims by entity, by claimant in
a 90-day window, by Arabic words, and one claim's detail (its graph and its assertion graph).

Arabic text: a ``CONTAINS`` scan reads every claim text (0.9 s at 100k claims, 12 s at 1M), so
words are looked up in an inverted index instead: SQLite FTS5 (in the standard library) over
the claim texts after ingest's Arabic normalisation (alef/hamza forms, taa marbuta, alef
maqsura, diacritics and tatweel folded), built from the store in one pass and kept beside it.
FTS5 answers a conjunction of words from its posting lists in well under a millisecond and
stays on disk (no RAM cost); the claim IRIs it returns are then fetched from the store.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sanad.graph.results import SelectResult
from sanad.graph.store import Store
from sanad.ingest.ids import assertion_graph, claim_iri
from sanad.ingest.normalize import TOKEN_RE, normalize_text

from .synthetic import CLAIMS_PER_GROUP, DAYS, START, Pool, _claim_sentence

__all__ = ["Lookups", "TextIndex", "claimant_query", "contains_query", "detail_query", "entity_query"]

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


def texts_query(claims: list[str]) -> str:
    values = " ".join(f"<{c}>" for c in claims)
    return (_PREFIXES + f"SELECT ?claim ?text WHERE {{ VALUES ?claim {{ {values} }} "
            '?claim schema:text ?text . FILTER (lang(?text) = "ar") }')


def contains_query(words: str) -> str:
    """The index-free way: scan every claim text (the baseline the index is measured against)."""
    return (_PREFIXES + f'SELECT ?claim ?text WHERE {{ ?claim a schema:Claim ; schema:text ?text . '
            f'FILTER (CONTAINS(?text, "{words}")) }} LIMIT {PAGE}')


class TextIndex:
    """Claim IRIs by normalised Arabic words (SQLite FTS5)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False)

    @classmethod
    def build(cls, store: Store, path: Path) -> TextIndex:
        """Index the Arabic text of every claim in ``store`` (replaces ``path``)."""
        path.unlink(missing_ok=True)
        index = cls(path)
        result = index_source(store)
        with index._db:
            index._db.execute("CREATE VIRTUAL TABLE claims USING fts5(iri UNINDEXED, words, "
                              "tokenize = 'unicode61 remove_diacritics 0', detail = none)")
            index._db.executemany(
                "INSERT INTO claims (iri, words) VALUES (?, ?)",
                ((str(row["claim"]), " ".join(_words(str(row["text"])))) for row in result.rows),
            )
        return index

    def search(self, words: str, limit: int = PAGE) -> list[str]:
        """Claims whose text holds every word (after normalisation), first ``limit``."""
        terms = _words(words)
        if not terms:
            return []
        match = " AND ".join(f'"{t}"' for t in terms)
        rows = self._db.execute("SELECT iri FROM claims WHERE claims MATCH ? LIMIT ?", (match, limit))
        return [iri for (iri,) in rows]

    def close(self) -> None:
        self._db.close()


def index_source(store: Store) -> SelectResult:
    result = store.query(
        _PREFIXES + 'SELECT ?claim ?text WHERE { ?claim a schema:Claim ; schema:text ?text . '
        'FILTER (lang(?text) = "ar") }', row_limit=10**9,
    )
    assert isinstance(result, SelectResult)
    return result


def _words(text: str) -> list[str]:
    return TOKEN_RE.findall(normalize_text(text))


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
