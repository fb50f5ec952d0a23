"""Ingesting the bundled corpus into a store through the SHACL gate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sanad.graph.batch import Batch
from sanad.graph.gate import WriteGate
from sanad.graph.store import Store

from .corpus import load_corpus
from .corpus_batches import corpus_batches

__all__ = ["IngestSummary", "ingest_corpus"]


@dataclass
class IngestSummary:
    """What one ingest wrote."""

    articles: int
    claims: int
    appearances: int
    reviews: int
    entities: int
    batches: int
    triples: int


def ingest_corpus(
    store: Store, root: Path, on_written: Callable[[Batch], None] | None = None
) -> IngestSummary:
    """(Re)build the corpus's graphs in ``store``; idempotent, all-or-nothing on bad data.

    Every batch is validated before anything is written; then each batch is written in its
    own transaction (``on_written`` is called after each).
    """
    corpus = load_corpus(root)
    batches = list(corpus_batches(corpus))
    WriteGate(store).submit_all(batches, on_written)
    return IngestSummary(
        articles=len(corpus.articles),
        claims=len(corpus.claims),
        appearances=sum(len(c.appearances) for c in corpus.claims),
        reviews=sum(len(c.reviews) for c in corpus.claims),
        entities=len(corpus.entities),
        batches=len(batches),
        triples=sum(len(b) for b in batches),
    )
