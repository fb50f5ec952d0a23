"""Grouping claims that state the same thing in different articles.

Claims are compared only when they share an entity or a relation (blocking keeps this near
linear on news, where each claim names a handful of entities). Two claims from different
articles whose similarity (:func:`sanad.ingest.similarity.claim_similarity`) says they are the
same claim are joined; clusters are the connected groups. Each member is typed against the
cluster's first appearance: same wording, paraphrase or same event, and whether the claimant
differs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from .similarity import claim_similarity

__all__ = ["ClaimDigest", "Cluster", "Membership", "cluster_claims"]


@dataclass(frozen=True)
class ClaimDigest:
    """What clustering needs to know of one claim."""

    iri: str
    text: str
    entities: frozenset[str]
    predicate: str | None
    claimant: str
    articles: frozenset[str]
    first_appearance: str
    first_date: dt.date | None


@dataclass(frozen=True)
class Membership:
    claim: ClaimDigest
    kind: str
    score: float
    same_claimant: bool


@dataclass
class Cluster:
    first: ClaimDigest
    members: list[Membership] = field(default_factory=list)


def cluster_claims(claims: list[ClaimDigest]) -> list[Cluster]:
    """Clusters of two or more claims, each with its earliest claim first."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(claims):
        a, b = claims[i], claims[j]
        if a.articles & b.articles:
            continue  # one article does not repeat itself as another source
        _, kind = claim_similarity(a.text, b.text, a.entities, b.entities, a.predicate, b.predicate)
        if kind != "unrelated":
            parent[root(i)] = root(j)
    groups: dict[int, list[ClaimDigest]] = defaultdict(list)
    for index, claim in enumerate(claims):
        groups[root(index)].append(claim)
    return [_typed(group) for group in groups.values() if len(group) > 1]


def _candidate_pairs(claims: list[ClaimDigest]) -> set[tuple[int, int]]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        for key in claim.entities | ({claim.predicate} if claim.predicate else set()):
            by_key[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for indexes in by_key.values():
        pairs.update(combinations(sorted(set(indexes)), 2))
    return pairs


def _typed(group: list[ClaimDigest]) -> Cluster:
    ordered = sorted(group, key=lambda c: (c.first_date or dt.date.max, c.iri))
    cluster = Cluster(ordered[0])
    for position, claim in enumerate(ordered[1:], start=1):
        # typed against the closest earlier member: a chain of paraphrases stays a paraphrase
        score, kind, nearest = max(
            (*claim_similarity(e.text, claim.text, e.entities, claim.entities, e.predicate,
                               claim.predicate), e)
            for e in ordered[:position]
        )
        if kind == "unrelated":
            kind = "same_event"  # joined through other members, not by its own wording
        cluster.members.append(Membership(claim, kind, score, claim.claimant == nearest.claimant))
    return cluster
