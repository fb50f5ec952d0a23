"""Ingesting the bundled corpus into a store through the SHACL gate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sanad.graph.batch import Batch
from sanad.graph.gate import WriteGate
from sanad.graph.store import Store
from sanad.ontology import S

from .cluster_batch import recluster
from .corpus import load_corpus
from .corpus_batches import corpus_batches
from .extraction_batch import stale_candidate_graphs
from .search_index import SearchIndex

__all__ = ["IngestSummary", "ingest_corpus"]


@dataclass
class IngestSummary:
    """What one ingest wrote."""

    articles: int
    claims: int
    appearances: int
    reviews: int
    entities: int
    candidates: int
    clusters: int
    batches: int
    triples: int


def ingest_corpus(
    store: Store, root: Path, on_written: Callable[[Batch], None] | None = None, extract: bool = True
) -> IngestSummary:
    """(Re)build the corpus's graphs in ``store``; idempotent, all-or-nothing on bad data.

    Every batch is validated before anything is written; then each batch is written in its
    own transaction (``on_written`` is called after each). With ``extract``, each article's
    candidate claims are extracted and stored (unreviewed) beside the hand-checked ones.
    Finally the claims of the whole store are clustered again and the text index caught up.
    """
    corpus = load_corpus(root)
    batches = list(corpus_batches(corpus, extract_at=dt.datetime.now(dt.UTC) if extract else None))
    article_batches = (b for b in batches if b.label.startswith("article "))
    for aid, batch in zip(corpus.articles, article_batches, strict=True):
        for name in stale_candidate_graphs(store, aid):
            batch.graph(name)  # an empty graph in a batch drops the old one
    WriteGate(store).submit_all(batches, on_written)
    clusters = recluster(store)
    SearchIndex(store).refresh()
    return IngestSummary(
        articles=len(corpus.articles),
        claims=len(corpus.claims),
        appearances=sum(len(c.appearances) for c in corpus.claims),
        reviews=sum(len(c.reviews) for c in corpus.claims),
        entities=len(corpus.entities),
        candidates=sum(1 for b in batches for _ in b.union().subjects(S.reviewStatus, S.Unreviewed)),
        clusters=clusters,
        batches=len(batches),
        triples=sum(len(b) for b in batches),
    )
