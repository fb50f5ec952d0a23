"""Finding claims: filters, a stable order, one page, and a total that is cheap to know.

Three ways to a page, each reading about as much as the page needs rather than every match:
newest/oldest by entity, claimant, date window or nothing walk date buckets
(:mod:`.claim_walk`); text relevance takes the rarest words first (:mod:`.text_rank`); the rest
(a source, a cluster, ``sort=id``, text in date order) is one plain query ordered by the
integers in the index graphs. Every order ends in a fixed per-claim number, so pages are
stable. The total is exact up to :data:`COUNT_CAP`; above it, a labelled lower bound.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from rdflib import URIRef

from sanad.graph import SelectResult, Store
from sanad.ontology import sparql_prefixes

from .claim_filters import ClaimFilter, filter_patterns
from .claim_walk import Walk, walk_for
from .terms import string
from .text_rank import key_weights, top_scored

__all__ = ["COUNT_CAP", "MAX_LIMIT", "ClaimPage", "Sort", "find_claims", "key_weights"]

Sort = Literal["relevance", "newest", "oldest", "id"]
MAX_LIMIT = 100
_PREFIXES = sparql_prefixes() + "PREFIX idx: <https://w3id.org/sanad/index#>\n"
COUNT_CAP = 1000
_ORDER = {  # ?tie, ?rank: integers per claim (cheap to compare, unlike IRIs); see ingest/
    "relevance": "?tie",
    "newest": "DESC(?rank)",
    "oldest": "?rank",
    "id": "?c",
}


@dataclass
class ClaimPage:
    """One page of claim IRIs in order, the total over all pages, and text scores.

    ``total`` is exact when ``total_exact``; otherwise counting stopped at :data:`COUNT_CAP`
    and ``total`` is a lower bound (at least that many match). ``more``: claims follow.
    """

    total: int
    offset: int
    limit: int
    claims: list[URIRef] = field(default_factory=list)
    scores: dict[URIRef, float] = field(default_factory=dict)
    total_exact: bool = True
    more: bool = False


def find_claims(store: Store, f: ClaimFilter, *, limit: int = 20, offset: int = 0,
                sort: Sort | None = None) -> ClaimPage:
    """The claims matching ``f``: page ``[offset, offset + limit)`` and the total."""
    limit = max(1, min(limit, MAX_LIMIT))
    page = ClaimPage(total=0, offset=offset, limit=limit)
    if f.matches_nothing():
        return page
    weights = key_weights(store, f.keys)
    if f.keys and not weights:
        return page
    sort = sort or ("relevance" if weights else "newest")
    walk = walk_for(f, sort == "newest") if sort in ("newest", "oldest") else None
    if walk is not None:
        return _walked(store, walk, page)
    need = offset + limit + 1  # one more than the page: whether another page follows
    if sort == "relevance" and weights:
        return _relevant(store, f, weights, page)
    core = _core(f, weights)
    score = "?score0" if weights else "0"
    rows = _select(store, _PREFIXES + f"""SELECT ?c ({score} AS ?score) WHERE {{ {core}
        OPTIONAL {{ ?c idx:order ?tie }} OPTIONAL {{ ?c idx:rank ?rank }}
        }} ORDER BY {_ORDER[sort]} LIMIT {need}""")
    _filled(page, rows.rows[offset:], weights)
    complete = len(rows.rows) < need
    return _counted(store, page, complete, len(rows.rows), lambda: _capped_count(store, core))


def _relevant(store: Store, f: ClaimFilter, weights: dict[str, float],
              page: ClaimPage) -> ClaimPage:
    patterns = "\n".join(filter_patterns(f))
    rows, complete = top_scored(store, weights, patterns, page.offset + page.limit + 1)
    for claim, score in rows[page.offset:page.offset + page.limit]:
        page.claims.append(claim)
        page.scores[claim] = round(score, 4)
    keys = " ".join(map(string, weights))
    return _counted(store, page, complete, len(rows),
                    lambda: _capped_count(store, f"VALUES ?k {{ {keys} }} ?c idx:key ?k . {patterns}"))


def _walked(store: Store, walk: Walk, page: ClaimPage) -> ClaimPage:
    years = walk.nonempty(store)
    found, complete = walk.claims(store, page.offset + page.limit + 1, years)
    page.claims = found[page.offset:page.offset + page.limit]

    def count() -> int:
        keys, prop = walk.count_keys(years)
        return _capped_count(store, f"VALUES ?k {{ {' '.join(map(string, keys))} }} "
                                    f"?c {prop} ?k . {walk.extra}")
    return _counted(store, page, complete, len(found), count)


def _counted(store: Store, page: ClaimPage, complete: bool, seen: int,
             count: Callable[[], int]) -> ClaimPage:
    """Set ``total`` and ``more``: exact when every match was seen or counted under the cap."""
    page.more = seen > page.offset + len(page.claims)
    if complete:
        page.total = seen
        return page
    counted = count()
    page.total_exact = counted <= COUNT_CAP
    page.total = counted if page.total_exact else max(
        counted, page.offset + len(page.claims) + int(page.more))
    return page


def _capped_count(store: Store, patterns: str) -> int:
    """How many distinct ``?c`` match, counting up to one past :data:`COUNT_CAP`."""
    result = _select(store, _PREFIXES + f"""SELECT (COUNT(*) AS ?n) WHERE {{
        SELECT DISTINCT ?c WHERE {{ {patterns} }} LIMIT {COUNT_CAP + 1} }}""")
    return int(result.rows[0]["n"]) if result.rows else 0


def _filled(page: ClaimPage, rows: list[dict[str, Any]], weights: dict[str, float]) -> None:
    for row in rows[:page.limit]:
        claim = URIRef(row["c"])
        page.claims.append(claim)
        if weights:
            page.scores[claim] = round(float(row["score"]), 4)


def _core(f: ClaimFilter, weights: dict[str, float]) -> str:
    """Patterns binding each matching claim ``?c`` once (and ``?score0`` with text)."""
    groups = []
    if weights:
        values = " ".join(f"({string(k)} {w})" for k, w in weights.items())
        groups.append(f"{{ SELECT ?c (SUM(?w) AS ?score0) WHERE {{ VALUES (?k ?w) {{ {values} }} "
                      "?c idx:key ?k } GROUP BY ?c }")
    patterns = filter_patterns(f)
    if patterns or not weights:
        body = "\n".join(patterns)
        groups.append(f"{{ SELECT DISTINCT ?c WHERE {{ ?c a schema:Claim . {body} }} }}")
    return "\n".join(groups)


def _select(store: Store, sparql: str) -> SelectResult:
    result = store.query(sparql)
    assert isinstance(result, SelectResult)
    return result
