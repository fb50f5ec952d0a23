"""A new article through the API: text + metadata → extraction → SHACL gate → store.

The article is ``id:article-{aid}`` with ``aid`` the first 16 hex digits of the SHA-256 of its
text, so sending the same text again re-runs extraction over the same article (its earlier
candidates are replaced, nothing is duplicated). Metadata given by the sender is recorded with
``s:knownBy s:ReviewerInference`` and says so; missing metadata stays unknown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from sanad.graph import AskResult, Batch, InputError, Store

from .corpus import ArticleMeta, FieldKnowledge
from .extract import UnsupportedLanguageError
from .extraction_batch import add_extraction_to_batch, stale_candidate_graphs
from .ids import article_graph, article_iri, claim_iri
from .rdf_sources import add_article
from .review_writes import resolve_reviewer
from .writes import Writer

__all__ = ["ArticleOutcome", "NewArticle", "add_new_article"]

_GIVEN = "given by the sender of POST /articles"


@dataclass(frozen=True)
class NewArticle:
    """An article as it is sent: its text and what the sender knows about it."""

    text: str
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    headline: str | None = None
    language: str = "ar"


@dataclass
class ArticleOutcome:
    aid: str
    created: bool
    claims: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)


def add_new_article(writer: Writer, article: NewArticle) -> ArticleOutcome:
    """Store the article and its extracted candidate claims, all or nothing.

    Raises ``InputError`` for text that cannot be read as an Arabic article and
    ``ValidationFailed`` (nothing stored) when the shapes reject the result.
    """
    if not article.text.strip():
        raise InputError("the article text is empty")
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    aid = digest[:16]
    with writer.exclusive() as store:
        created = not _exists(store, article_iri(aid))
        publisher: URIRef | None = None
        batches: list[Batch] = []
        if article.publisher:
            publisher, batches = resolve_reviewer(store, article.publisher, "organization")
        batch = Batch(f"article {aid} (POST /articles)")
        add_article(batch.graph(article_graph(aid)), _meta(aid, digest, article), article.text,
                    digest, publisher)
        for stale in stale_candidate_graphs(store, aid):
            batch.graph(stale)  # an empty graph in a batch is dropped when it is written
        try:
            found = add_extraction_to_batch(batch, aid, article.text, article.published, [],
                                            dt.datetime.now(dt.UTC).replace(microsecond=0))
        except UnsupportedLanguageError as exc:
            raise InputError(f"cannot extract claims: {exc}") from exc
        writer.submit([*batches, batch], claims=[claim_iri(c) for c in found.stored])
        return ArticleOutcome(aid, created, found.stored, found.matched)


def _meta(aid: str, digest: str, article: NewArticle) -> ArticleMeta:
    def known(value: object) -> FieldKnowledge:
        if value is None:
            return FieldKnowledge(None, "unknown", "not given by the sender of POST /articles")
        return FieldKnowledge(value, "reviewer_inference", _GIVEN)

    return ArticleMeta(
        id=aid, path=Path(f"{aid}.txt"), sha256=digest, language=article.language,
        headline=article.headline, url=article.url, publisher=known(article.publisher),
        date_published=known(article.published), notes="",
    )


def _exists(store: Store, node: URIRef) -> bool:
    answer = store.query(f"ASK {{ GRAPH {node.n3()} {{ ?s ?p ?o }} }}")
    return isinstance(answer, AskResult) and answer.value
