"""The bundled corpus as write batches: vocabulary, context, one per article, one per review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rdflib import URIRef

from sanad.graph.batch import Batch
from sanad.graph.errors import InputError

from .corpus import Appearance, Corpus, HandClaim, read_article_text, sha256_of
from .extraction_batch import add_extraction_to_batch
from .ids import (
    ENTITIES_GRAPH,
    VOCABULARY_GRAPH,
    agent_iri,
    article_graph,
    article_iri,
    assertion_graph,
    claim_iri,
    review_iri,
)
from .rdf_claims import add_claim, add_review
from .rdf_sources import add_article, add_entity, add_handcheck, handcheck_iri
from .vocabulary import ontology_graph

__all__ = ["corpus_batches"]


def corpus_batches(corpus: Corpus, extract_at: dt.datetime | None = None) -> Iterator[Batch]:
    """Batches in write order: each one's context is in the store or in an earlier batch.

    A claim is written with the article that completes it (the last of its articles in
    manifest order), so that every article it points at is already there. With
    ``extract_at``, each article's batch also holds its extracted candidates (those that
    match a hand-checked claim are linked to it, not stored twice).
    """
    _check_references(corpus)
    yield _vocabulary_batch()
    yield _context_batch(corpus)
    order = list(corpus.articles)
    last_article = {c.id: max(order.index(a.article) for a in c.appearances) for c in corpus.claims}
    for position, aid in enumerate(order):
        batch = Batch(f"article {aid}")
        text = _add_article(batch, corpus, aid)
        if extract_at is not None:
            published = corpus.articles[aid].date_published.value
            add_extraction_to_batch(batch, aid, text, published, corpus.claims, extract_at)
        for claim in corpus.claims:
            if last_article[claim.id] == position:
                _add_claim(batch, corpus, claim)
        yield batch
    for claim in corpus.claims:
        for index, review in enumerate(claim.reviews, start=1):
            batch = Batch(f"review {index} of claim {claim.id}")
            add_review(
                batch.graph(review_iri(claim.id, index)), claim, index, review,
                lambda key: _agent(corpus, key), handcheck_iri(review.reviewer, review.date),
                lambda item: _evidence(corpus, item),
            )
            yield batch


def _vocabulary_batch() -> Batch:
    batch = Batch("vocabulary")
    graph = batch.graph(VOCABULARY_GRAPH)
    graph += ontology_graph()
    return batch


def _context_batch(corpus: Corpus) -> Batch:
    batch = Batch("entities and activities")
    entities = batch.graph(ENTITIES_GRAPH)
    for entity in corpus.entities.values():
        add_entity(entities, entity)
    checks = {(c.checked_by, c.checked_on) for c in corpus.claims}
    checks |= {(r.reviewer, r.date) for c in corpus.claims for r in c.reviews}
    for checker, day in sorted(checks):
        # each activity in a graph of its own name, so that later activities never rewrite it
        add_handcheck(batch.graph(handcheck_iri(checker, day)), _agent(corpus, checker), checker, day)
    return batch


def _add_article(batch: Batch, corpus: Corpus, aid: str) -> str:
    meta = corpus.articles[aid]
    text = read_article_text(meta.path)
    digest = sha256_of(meta.path)
    if digest != meta.sha256:
        raise InputError(f"{meta.path}: sha256 is {digest}, the manifest says {meta.sha256}")
    publisher = _agent(corpus, meta.publisher.value) if meta.publisher.value else None
    add_article(batch.graph(article_graph(aid)), meta, text, digest, publisher)
    return text


def _add_claim(batch: Batch, corpus: Corpus, claim: HandClaim) -> None:
    add_claim(
        batch.graph(claim_iri(claim.id)),
        batch.graph(assertion_graph(claim.id)),
        claim,
        lambda key: _agent(corpus, key),
        _first_appearance(corpus, claim),
        handcheck_iri(claim.checked_by, claim.checked_on),
    )


def _first_appearance(corpus: Corpus, claim: HandClaim) -> Appearance:
    """The earliest appearance by report date (article date when unstated); ties keep file order."""

    def when(app: Appearance) -> dt.date:
        published = corpus.articles[app.article].date_published.value
        return app.date_reported or published or dt.date.max

    return min(claim.appearances, key=when)


def _agent(corpus: Corpus, key: str) -> URIRef:
    entity = corpus.entities.get(key)
    if entity is None:
        raise InputError(f"entity key {key!r} is not in entities.yaml")
    return agent_iri(entity.key, entity.qid)


def _evidence(corpus: Corpus, item: str) -> URIRef:
    """An evidence reference: an article id, a claim id, or a URL."""
    if item in corpus.articles:
        return article_iri(item)
    if any(c.id == item for c in corpus.claims):
        return claim_iri(item)
    if item.startswith(("http://", "https://")):
        return URIRef(item)
    raise InputError(f"evidence {item!r} is neither an article id, a claim id nor a URL")


def _check_references(corpus: Corpus) -> None:
    """Fail early, naming the claim, when a claim names an article the manifest lacks."""
    for claim in corpus.claims:
        if not claim.appearances:
            raise InputError(f"{claim.source_file}: claim {claim.id!r} has no appearance")
        for app in claim.appearances:
            if app.article not in corpus.articles:
                raise InputError(
                    f"{claim.source_file}: claim {claim.id!r} points at article "
                    f"{app.article!r}, which is not in the manifest"
                )

