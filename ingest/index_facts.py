"""What a claim's index graph is derived from, and the date-bucket keys derived from it.

Lookups by entity or claimant ask for the newest (or oldest) claims first, and a popular
entity holds a large share of all claims (40 % of them at 1M synthetic claims). Sorting all of
an entity's claims for a page of 20 cannot be fast, so each claim's index graph also holds
its day (``idx:day``, the date it was said, else first reported), a sortable integer
(``idx:rank``: the day, then a fixed per-claim number) and *bucket keys*: literals joining a
facet and a period — ``"Q159|2023"`` and ``"Q159|2023-09-13"`` for an entity (``idx:aboutYear``,
``idx:aboutDay``), the same for a claimant (``idx:byYear``, ``idx:byDay``), and the year alone
for every claim (``idx:year``; ``idx:day`` is the day key). A lookup then walks the buckets
from the newest, each one a lookup in the store's object index, and sorts only the claims of
the bucket it is in (see :mod:`sanad.queries.claim_walk`). ``idx:about`` and ``idx:claimant``
copy the entity and claimant IRIs the keys came from, so that a stale index can be detected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Identifier, Node

from sanad.ontology import OA, SCHEMA, WD

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "TIERS",
    "UNDATED",
    "ClaimFacts",
    "claim_facts",
    "day_key",
    "facet",
    "rank",
    "tier",
    "tier_key",
    "year_bucket",
    "year_key",
]

FIRST_YEAR, LAST_YEAR = 1900, 2100  # years outside fall into the buckets "<1900" and ">2100"
UNDATED = "-"  # the year bucket of a claim with no date (it has no day key)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TIE_BITS = 40
_ORDER_BITS = 60  # idx:order: 60 bits of a hash (sanad.ingest.search_index.order_key)
_TIER_BITS = 8
TIERS = 1 << _TIER_BITS


@dataclass(frozen=True)
class ClaimFacts:
    """The inputs of a claim's index graph."""

    texts: tuple[Identifier, ...] = ()
    day: dt.date | None = None
    claimants: tuple[URIRef, ...] = ()
    entities: tuple[URIRef, ...] = ()  # claimant, mentions, the assertion's subject and object


def claim_facts(graph: Graph, claim: URIRef,
                asserted: Iterable[tuple[Node, Node, Node]] = ()) -> ClaimFacts:
    """The facts of ``claim`` from ``graph`` (its claim graph, with the dates of its first
    appearance and that appearance's article) and its assertion triples."""
    claimants = _iris(graph.objects(claim, SCHEMA.author))
    entities = [*claimants, *_iris(graph.objects(claim, SCHEMA.mentions))]
    for s, _, o in asserted:
        entities += _iris((s, o))
    return ClaimFacts(
        texts=tuple(sorted((t for t in graph.objects(claim, SCHEMA.text) if isinstance(t, Identifier)),
                           key=lambda t: (str(t), t.n3()))),
        day=_when(graph, claim), claimants=tuple(sorted(set(claimants))),
        entities=tuple(sorted(set(entities))))


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    return [n for n in nodes if isinstance(n, URIRef)]


def _when(graph: Graph, claim: URIRef) -> dt.date | None:
    """The date said, else the first appearance's date, else its article's (as ``GET /claims``
    sorts); the latest when there are several."""
    for dates in (graph.objects(claim, SCHEMA.dateCreated), _first_reported(graph, claim)):
        days = sorted(d for d in map(_day, dates) if d is not None)
        if days:
            return days[-1]
    return None


def _first_reported(graph: Graph, claim: URIRef) -> list[Node]:
    found: list[Node] = []
    for app in graph.objects(claim, SCHEMA.firstAppearance):
        found += graph.objects(app, SCHEMA.datePublished)
    if not found:
        for app in graph.objects(claim, SCHEMA.firstAppearance):
            for article in graph.objects(app, OA.hasSource):
                found += graph.objects(article, SCHEMA.datePublished)
    return found


def _day(term: Node) -> dt.date | None:
    match = _DAY.match(str(term))
    try:
        return dt.date.fromisoformat(match.group(0)) if match else None
    except ValueError:
        return None


def facet(iri: URIRef) -> str:
    """The short name of an entity in bucket keys: the QID for Wikidata, else the IRI."""
    text = str(iri)
    return text[len(str(WD)):] if text.startswith(str(WD)) else text


def year_bucket(day: dt.date | None) -> str:
    """``2023``, ``<1900``, ``>2100``, or :data:`UNDATED`."""
    if day is None:
        return UNDATED
    if day.year < FIRST_YEAR:
        return f"<{FIRST_YEAR}"
    return f">{LAST_YEAR}" if day.year > LAST_YEAR else str(day.year)


def year_key(name: str | None, bucket: str) -> str:
    """The year key of a facet (``None``: every claim)."""
    return bucket if name is None else f"{name}|{bucket}"


def day_key(name: str | None, day: dt.date) -> str:
    """The day key of a facet (``None``: every claim)."""
    return day.isoformat() if name is None else f"{name}|{day.isoformat()}"


def rank(day: dt.date | None, order: int) -> int:
    """An integer that sorts claims by day, then by their fixed number (no day: before all)."""
    return (day.toordinal() if day else 0) << _TIE_BITS | order >> (_ORDER_BITS - _TIE_BITS)


def tier(order: int) -> int:
    """The tier of a claim: the top bits of its ``idx:order`` (``0`` to ``TIERS - 1``)."""
    return order >> (_ORDER_BITS - _TIER_BITS)


def tier_key(key: str, claim_tier: int) -> str:
    """A search key joined to a tier: ``"روس|3a"`` (``idx:keyTier``).

    Claims holding a key, read tier by tier from ``00``, come in ``idx:order`` without sorting
    them all: a page of claims holding a common word is found in its first tiers.
    """
    return f"{key}|{claim_tier:02x}"
