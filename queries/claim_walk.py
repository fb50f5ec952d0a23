"""Newest (or oldest) claims of an entity, a claimant or the whole store, bucket by bucket.

The index graphs hold date-bucket keys per claim (see :mod:`sanad.ingest.index_facts`): one
year key and one day key per facet (entity, claimant, or every claim). A page is found by
walking the facet's non-empty years from the newest; a small year (at most :data:`SMALL`
claims) is read and sorted whole, a large one day by day, a few days at a time. Each step is a
lookup of exact literals in the store's object index, so the cost follows the page, not the
number of matches: the most popular entity holds 40 % of a million claims, and its newest 20
are in its last day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import URIRef

from sanad.graph import SelectResult, Store
from sanad.ingest.index_facts import (
    FIRST_YEAR,
    LAST_YEAR,
    UNDATED,
    day_key,
    facet,
    year_key,
)
from sanad.ontology import sparql_prefixes

from .claim_filters import ClaimFilter, filter_patterns
from .terms import string

__all__ = ["SMALL", "Walk", "walk_for"]

SMALL = 500  # a year bucket up to this size is read and sorted in one query
_PREFIXES = sparql_prefixes() + "PREFIX idx: <https://w3id.org/sanad/index#>\n"
_FACETS = {"claimant": ("idx:byYear", "idx:byDay"), "entity": ("idx:aboutYear", "idx:aboutDay"),
           "all": ("idx:year", "idx:day")}


@dataclass(frozen=True)
class Walk:
    """The buckets of one facet and the patterns every claim found must also match."""

    year_prop: str
    day_prop: str
    names: tuple[str | None, ...]
    extra: str
    newest: bool
    window: tuple[dt.date | None, dt.date | None] = (None, None)

    def nonempty(self, store: Store) -> list[str]:
        """The year buckets holding at least one claim of the facet, in walking order.

        One ``EXISTS`` probe per key. ``?k`` is bound through ``BIND``: Virtuoso 7 answers
        ``FILTER EXISTS`` on a variable bound by a ``VALUES`` of several strings wrongly (with
        nothing at all).
        """
        keys = {k: b for b in self.buckets() for k in self._year_keys(b)}
        found = _select(store, f"""SELECT ?k WHERE {{
            VALUES ?v {{ {" ".join(map(string, keys))} }} BIND (STR(?v) AS ?k)
            FILTER EXISTS {{ ?c {self.year_prop} ?k }} }}""").values("k")
        held = {keys[str(k)] for k in found if str(k) in keys}
        return [b for b in self.buckets() if b in held]

    def claims(self, store: Store, need: int, years: list[str]) -> tuple[list[URIRef], bool]:
        """The first ``need`` claims in order (of the non-empty ``years``), and whether that
        is all of them."""
        found: list[URIRef] = []
        for keys, prop in self._steps(store, years):
            found += _fetch(store, self, keys, prop, need - len(found))
            if len(found) >= need:
                return found[:need], False
        return found, True

    def count_keys(self, years: list[str]) -> tuple[list[str], str]:
        """Keys covering every match (fewest rows to count): the window's days, or the years."""
        low, high = self.window
        if low and high and (high - low).days <= 400:
            days = [low + dt.timedelta(days=i) for i in range((high - low).days + 1)]
            return [day_key(n, d) for d in days for n in self.names], self.day_prop
        return [k for b in years for k in self._year_keys(b)], self.year_prop

    def _year_keys(self, bucket: str) -> list[str]:
        return [year_key(n, bucket) for n in self.names]

    def _steps(self, store: Store, years: list[str]) -> Iterator[tuple[list[str], str]]:
        for bucket in years:
            keys = self._year_keys(bucket)
            if not bucket.isdigit() or _size(store, keys, self.year_prop) <= SMALL:
                yield keys, self.year_prop
                continue
            for days in _day_windows(self, int(bucket)):
                yield [day_key(n, d) for d in days for n in self.names], self.day_prop

    def buckets(self) -> list[str]:
        """Year buckets that may hold matches, in walking order."""
        low, high = self.window
        first = low.year if low else FIRST_YEAR - 1
        last = high.year if high else LAST_YEAR + 1
        years = [str(y) for y in range(max(first, FIRST_YEAR), min(last, LAST_YEAR) + 1)]
        order = ([f"<{FIRST_YEAR}"] if first < FIRST_YEAR else []) + years + (
            [f">{LAST_YEAR}"] if last > LAST_YEAR else [])
        if not self.window[0] and not self.window[1]:
            order = [UNDATED, *order]  # no date sorts first in "oldest", last in "newest"
        return order[::-1] if self.newest else order


def walk_for(f: ClaimFilter, newest: bool) -> Walk | None:
    """The walk that answers ``f`` in date order, or None when a plain query is better
    (text search, or a small set such as one article's or one cluster's claims)."""
    if f.keys or f.sources or f.cluster is not None:
        return None
    if f.claimants:
        kind, iris, rest = "claimant", f.claimants, dataclasses.replace(f, claimants=None)
    elif f.entities:
        kind, iris, rest = "entity", f.entities, dataclasses.replace(f, entities=None)
    else:
        kind, iris, rest = "all", None, f
    names: tuple[str | None, ...] = tuple(facet(i) for i in iris) if iris else (None,)
    said = f.date_field == "said"
    return Walk(*_FACETS[kind], names=names, extra="\n".join(filter_patterns(rest)), newest=newest,
                window=(f.date_from, f.date_to) if said else (None, None))


def _size(store: Store, keys: list[str], prop: str) -> int:
    result = _select(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT ?c WHERE {{
        VALUES ?k {{ {" ".join(map(string, keys))} }} ?c {prop} ?k }} LIMIT {SMALL + 1} }}""")
    return int(result.rows[0]["n"])


def _day_windows(walk: Walk, year: int) -> Iterator[list[dt.date]]:
    """The days of ``year`` (inside the window), in walking order, 1, 2, 4, … at a time."""
    low, high = walk.window
    first = max(dt.date(year, 1, 1), low or dt.date.min)
    last = min(dt.date(year, 12, 31), high or dt.date.max)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    if walk.newest:
        days.reverse()
    size = 1
    while days:
        yield days[:size]
        days, size = days[size:], min(size * 2, 64)


def _fetch(store: Store, walk: Walk, keys: list[str], prop: str, need: int) -> list[URIRef]:
    """The first ``need`` claims of these buckets that match the other filters, in order."""
    order = "DESC(?r)" if walk.newest else "?r"
    result = _select(store, f"""SELECT DISTINCT ?c ?r WHERE {{
        VALUES ?k {{ {" ".join(map(string, keys))} }} ?c {prop} ?k ; idx:rank ?r .
        {walk.extra} }} ORDER BY {order} LIMIT {need}""")
    return [URIRef(c) for c in result.values("c")]


def _select(store: Store, sparql: str) -> SelectResult:
    result = store.query(_PREFIXES + sparql)
    assert isinstance(result, SelectResult)
    return result
