"""RDF for hand-checked claims (claim graph + assertion graph) and their reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, RDF, XSD

from sanad.ontology import OA, SCHEMA, VERDICT, S

from .corpus import Appearance, HandClaim, Review
from .ids import appearance_iri, article_iri, assertion_graph, claim_iri, relation_iri, review_iri
from .vocabulary import verdicts

__all__ = ["MODALITY_IRIS", "add_appearance", "add_claim", "add_review"]

MODALITY_IRIS = {
    "asserted": S.Asserted,
    "predicted": S.Predicted,
    "possible": S.Possible,
    "denied": S.Denied,
    "question": S.Question,
}
AgentOf = Callable[[str], URIRef]


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def add_claim(
    claim_graph: Graph,
    assertion: Graph,
    claim: HandClaim,
    agent_of: AgentOf,
    first: Appearance,
    activity: URIRef,
) -> URIRef:
    """The claim node with its appearances in ``claim_graph``; its triple in ``assertion``."""
    node = claim_iri(claim.id)
    g = claim_graph
    g.add((node, RDF.type, SCHEMA.Claim))
    g.add((node, SCHEMA.identifier, Literal(claim.id)))
    g.add((node, SCHEMA.text, Literal(claim.text_ar, lang="ar")))
    if claim.text_en:
        g.add((node, SCHEMA.text, Literal(claim.text_en, lang="en")))
    g.add((node, SCHEMA.author, agent_of(claim.claimant)))
    # An unknown modality maps to an IRI outside the closed list; the shapes then reject it.
    g.add((node, S.modality, MODALITY_IRIS.get(claim.modality, S[claim.modality])))
    g.add((node, S.reviewStatus, S.Accepted))
    g.add((node, PROV.wasGeneratedBy, activity))
    for prop, value in (
        (SCHEMA.dateCreated, claim.date_said),
        (S.eventDate, claim.event_date),
        (S.eventEndDate, claim.event_end_date),
    ):
        if value is not None:
            g.add((node, prop, _date(value)))
    for key in claim.mentions:
        g.add((node, SCHEMA.mentions, agent_of(key)))
    for appearance in claim.appearances:
        app = add_appearance(g, claim.id, appearance, agent_of, activity)
        g.add((node, SCHEMA.appearance, app))
        if appearance is first:
            g.add((node, SCHEMA.firstAppearance, app))
    if claim.triple is not None:
        subject, predicate, obj = claim.triple
        graph_name = assertion_graph(claim.id)
        g.add((node, S.assertion, graph_name))
        assertion.add((agent_of(subject), relation_iri(predicate), agent_of(obj)))
    return node


def add_appearance(
    g: Graph, cid: str, appearance: Appearance, agent_of: AgentOf, activity: URIRef
) -> URIRef:
    """One article's carrying of the claim: source, position and quote selectors, relay chain."""
    node = appearance_iri(cid, appearance.article, appearance.start)
    position, quote = URIRef(f"{node}-position"), URIRef(f"{node}-quote")
    g.add((node, RDF.type, S.Appearance))
    g.add((node, OA.hasSource, article_iri(appearance.article)))
    g.add((node, OA.hasSelector, position))
    g.add((node, OA.hasSelector, quote))
    g.add((node, PROV.wasGeneratedBy, activity))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(appearance.start, datatype=XSD.nonNegativeInteger)))
    g.add((position, OA.end, Literal(appearance.end, datatype=XSD.nonNegativeInteger)))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(appearance.quote)))
    if appearance.date_reported is not None:
        g.add((node, SCHEMA.datePublished, _date(appearance.date_reported)))
    if appearance.via:
        head = URIRef(f"{node}-chain")
        g.add((node, S.relayedBy, head))
        Collection(g, head, [agent_of(key) for key in appearance.via])
        _name_list_nodes(g, head)
    return node


def _name_list_nodes(g: Graph, head: URIRef) -> None:
    """Give the list cells after ``head`` IRIs (``head-1``, ``head-2``…) instead of blank nodes."""
    cell, index = head, 0
    while True:
        rest = g.value(cell, RDF.rest)
        if rest is None or rest == RDF.nil:
            return
        index += 1
        named = URIRef(f"{head}-{index}")
        for p, o in list(g.predicate_objects(rest)):
            g.remove((rest, p, o))
            g.add((named, p, o))
        g.set((cell, RDF.rest, named))
        cell = named


def add_review(
    g: Graph, claim: HandClaim, index: int, review: Review, agent_of: AgentOf,
    activity: URIRef, evidence_of: Callable[[str], URIRef],
) -> URIRef:
    """One ``schema:ClaimReview`` with its rating on the verdict scale."""
    node = review_iri(claim.id, index)
    rating = URIRef(f"{node}-rating")
    verdict = verdicts().get(review.verdict)
    g.add((node, RDF.type, SCHEMA.ClaimReview))
    g.add((node, SCHEMA.itemReviewed, claim_iri(claim.id)))
    g.add((node, SCHEMA.reviewRating, rating))
    g.add((node, SCHEMA.author, agent_of(review.reviewer)))
    g.add((node, SCHEMA.datePublished, _date(review.date)))
    g.add((node, PROV.wasGeneratedBy, activity))
    if review.body:
        g.add((node, SCHEMA.reviewBody, Literal(review.body, lang="en")))
    for item in review.evidence:
        g.add((node, S.evidence, evidence_of(item)))
    g.add((rating, RDF.type, SCHEMA.Rating))
    # An unknown verdict keeps its own IRI so that the shapes reject it with their message.
    g.add((rating, S.verdict, verdict.iri if verdict else VERDICT[review.verdict]))
    if verdict is not None:
        g.add((rating, SCHEMA.ratingValue, Literal(verdict.rating_value)))
        g.add((rating, SCHEMA.alternateName, Literal(verdict.label_en, lang="en")))
    g.add((rating, SCHEMA.bestRating, Literal(5)))
    g.add((rating, SCHEMA.worstRating, Literal(1)))
    return node

