"""Articles that nobody has hand-checked: text in, article + extracted candidates out, as one batch."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sanad.graph import Batch, InputError, Store, WriteGate

from .cluster_batch import recluster
from .corpus import ArticleMeta, FieldKnowledge, read_article_text
from .extraction_batch import ExtractionOutcome, add_extraction_to_batch, stale_candidate_graphs
from .ids import article_graph
from .rdf_sources import add_article
from .search_index import SearchIndex

__all__ = [
    "ArticleInput", "IngestedArticle", "article_batch", "article_files", "article_id_of",
    "ingest_article_files",
]


@dataclass(frozen=True)
class ArticleInput:
    """A raw article and what its submitter says about it; unknown stays None."""

    text: str
    published: dt.date | None = None
    headline: str | None = None
    url: str | None = None
    language: str = "ar"
    submitted_by: str = "the person who submitted the article"


@dataclass(frozen=True)
class IngestedArticle:
    article_id: str
    outcome: ExtractionOutcome


def article_id_of(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_batch(
    article: ArticleInput, at: dt.datetime, store: Store | None = None
) -> tuple[Batch, IngestedArticle]:
    """The article's graph and its candidates' graphs; with ``store``, stale candidates are dropped."""
    if not article.text.strip():
        raise InputError("the article is empty")
    aid = article_id_of(article.text)
    date = FieldKnowledge(
        article.published,
        "reviewer_inference" if article.published else "unknown",
        f"given by {article.submitted_by}" if article.published else "no date was given",
    )
    meta = ArticleMeta(
        id=aid, path=Path("-"), sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        language=article.language, headline=article.headline, url=article.url,
        publisher=FieldKnowledge(None, "unknown", "no publisher was given"), date_published=date,
    )
    batch = Batch(f"article {aid}")
    add_article(batch.graph(article_graph(aid)), meta, article.text, meta.sha256, None)
    outcome = add_extraction_to_batch(batch, aid, article.text, article.published, [], at)
    if store is not None:
        for name in stale_candidate_graphs(store, aid):
            batch.graph(name)  # an empty graph in a batch drops the old one
    return batch, IngestedArticle(aid, outcome)


def ingest_article_files(
    store: Store, paths: list[Path], published: dt.date | None = None
) -> list[IngestedArticle]:
    """Read, extract, validate and write each file (all are read and checked before any write),
    then cluster the store's claims again and bring the text index up to date."""
    at = dt.datetime.now(dt.UTC)
    texts = [read_article_text(path) for path in paths]
    built = [article_batch(ArticleInput(text, published), at, store) for text in texts]
    WriteGate(store).submit_all([batch for batch, _ in built])
    recluster(store)
    SearchIndex(store).refresh()
    return [result for _, result in built]


def article_files(target: Path) -> list[Path]:
    """``target`` itself, or the ``*.txt`` files of a folder, sorted."""
    if target.is_dir():
        found = sorted(target.glob("*.txt"))
        if not found:
            raise InputError(f"{target}: no .txt article in this folder")
        return found
    if not target.exists():
        raise InputError(f"{target}: no such file")
    return [target]
