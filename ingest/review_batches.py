"""RDF for reviews written through the API, and for reviewers it has not met before.

A review has the shape of the hand-checked ones (:func:`sanad.ingest.rdf_claims.add_review`):
``schema:ClaimReview`` in its own graph ``id:review-{cid}-{n}``, a ``schema:Rating`` with the
verdict on sanad's scale and ``schema:alternateName`` holding the rating as the publisher worded
it. ``n`` follows the claim's existing reviews, so a new review never replaces an old one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from sanad.graph import Batch, SelectResult, Store
from sanad.ontology import ID, SCHEMA, S, sparql_prefixes

from .ids import claim_iri, review_iri
from .vocabulary import Verdict

__all__ = ["NewReview", "new_agent_batch", "next_review_number", "review_batch"]


@dataclass(frozen=True)
class NewReview:
    """A review to write: every reference already resolved to an IRI."""

    verdict: Verdict
    reviewer: URIRef
    date: str
    body: str | None = None
    body_language: str | None = None
    evidence: tuple[URIRef, ...] = ()
    original_rating: str | None = None
    rating_language: str | None = None
    url: str | None = None


def next_review_number(store: Store, cid: str) -> int:
    """One more than the highest review number the claim has (1 for its first review)."""
    result = store.query(sparql_prefixes() + f"""SELECT ?r WHERE {{
        ?r schema:itemReviewed {claim_iri(cid).n3()} }}""", row_limit=1_000_000)
    assert isinstance(result, SelectResult)
    prefix = f"{ID}review-{cid}-"
    numbers = [int(str(r)[len(prefix):]) for r in result.values("r")
               if str(r).startswith(prefix) and str(r)[len(prefix):].isdigit()]
    return max(numbers, default=0) + 1


def review_batch(cid: str, number: int, review: NewReview) -> Batch:
    """The review graph ``id:review-{cid}-{number}``."""
    node = review_iri(cid, number)
    rating = URIRef(f"{node}-rating")
    batch = Batch(f"review {number} of claim {cid}")
    g = batch.graph(node)
    g.add((node, RDF.type, SCHEMA.ClaimReview))
    g.add((node, SCHEMA.itemReviewed, claim_iri(cid)))
    g.add((node, SCHEMA.reviewRating, rating))
    g.add((node, SCHEMA.author, review.reviewer))
    datatype = XSD.dateTime if "T" in review.date else XSD.date
    g.add((node, SCHEMA.datePublished, Literal(review.date, datatype=datatype)))
    if review.body:
        g.add((node, SCHEMA.reviewBody, Literal(review.body, lang=review.body_language)))
    if review.url:
        g.add((node, SCHEMA.url, URIRef(review.url)))
    for item in review.evidence:
        g.add((node, S.evidence, item))
    g.add((rating, RDF.type, SCHEMA.Rating))
    g.add((rating, S.verdict, review.verdict.iri))
    g.add((rating, SCHEMA.ratingValue, Literal(review.verdict.rating_value)))
    g.add((rating, SCHEMA.bestRating, Literal(5)))
    g.add((rating, SCHEMA.worstRating, Literal(1)))
    words = review.original_rating or review.verdict.label_en
    language = review.rating_language if review.original_rating else "en"
    g.add((rating, SCHEMA.alternateName, Literal(words, lang=language)))
    return batch


def new_agent_batch(name: str, kind: str, url: str | None = None) -> tuple[URIRef, Batch]:
    """A reviewer or publisher not in the store: ``id:entity-{slug}`` in a graph of its own name
    (so that writing it never touches the corpus's entities graph)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    if not slug or not re.search(r"[a-z]", slug):
        slug = "agent-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    node = ID[f"entity-{slug}"]
    batch = Batch(f"agent {name}")
    g = batch.graph(node)
    g.add((node, RDF.type, SCHEMA.Person if kind == "person" else SCHEMA.Organization))
    g.add((node, RDF.type, PROV.Agent))
    g.add((node, RDF.type, S.UnlinkedEntity))
    g.add((node, SCHEMA.identifier, Literal(slug)))
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in name)
    g.add((node, RDFS.label, Literal(name, lang="ar" if arabic else "en")))
    if url:
        g.add((node, SCHEMA.url, URIRef(url)))
    return node, batch
