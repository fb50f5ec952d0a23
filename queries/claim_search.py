"""Finding claims: filters, text relevance, a stable order, a page and the total.

Text relevance: each search key found in a claim's index adds a weight that falls with the
number of claims holding that key (``1 / log2(2 + n)``), so rare words count more than common
ones and a claim matching more words ranks higher. Ties break by a fixed per-claim number
(``idx:order``), so the order — and therefore every page — is stable (the other orders:
newest or oldest by date said or first reported, then that number; or claim IRI alone).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from rdflib import URIRef

from sanad.graph import SelectResult, Store
from sanad.ontology import sparql_prefixes

from .claim_filters import ClaimFilter, filter_patterns
from .terms import string

__all__ = ["MAX_LIMIT", "ClaimPage", "Sort", "find_claims", "key_weights"]

Sort = Literal["relevance", "newest", "oldest", "id"]
MAX_LIMIT = 100
_PREFIXES = sparql_prefixes() + "PREFIX idx: <https://w3id.org/sanad/index#>\n"
_ORDER = {  # ?tie: an integer per claim (cheap to compare, unlike IRIs); see ingest/search_index
    "relevance": "?tie",
    "newest": "DESC(?when) ?tie",
    "oldest": "?when ?tie",
    "id": "?c",
}


@dataclass
class ClaimPage:
    """One page of claim IRIs in order, the total over all pages, and text scores."""

    total: int
    offset: int
    limit: int
    claims: list[URIRef] = field(default_factory=list)
    scores: dict[URIRef, float] = field(default_factory=dict)


def key_weights(store: Store, keys: tuple[str, ...]) -> dict[str, float]:
    """The weight of each search key that some claim holds (absent keys are left out)."""
    if not keys:
        return {}
    result = _select(store, _PREFIXES + f"""SELECT ?k (COUNT(?c) AS ?n) WHERE {{
        VALUES ?k {{ {" ".join(string(k) for k in keys)} }} ?c idx:key ?k }} GROUP BY ?k""")
    return {str(r["k"]): round(1 / math.log2(2 + int(r["n"])), 6) for r in result.rows
            if int(r["n"]) > 0}


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
    core = _core(f, weights)
    count = _select(store, _PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {core} }}")
    page.total = int(count.rows[0]["n"]) if count.rows else 0
    if page.total == 0 or offset >= page.total:
        return page
    sort = sort or ("relevance" if weights else "newest")
    if sort == "relevance" and weights:  # the scores alone order the page: no dates to fetch
        rows = _select(store, _PREFIXES + f"""SELECT ?c (?score0 AS ?score) WHERE {{ {core}
            OPTIONAL {{ ?c idx:order ?tie }} }} ORDER BY DESC(?score0) ?tie LIMIT {limit} OFFSET {offset}""")
        return _filled(page, rows, weights)
    order = _ORDER[sort].replace("DESC(?score) ", "")
    score = "?score0" if weights else "0"
    rows = _select(store, _PREFIXES + f"""SELECT ?c (MAX({score}) AS ?score) (MAX(?when0) AS ?when)
        (MAX(?tie0) AS ?tie) WHERE {{ {core}
          OPTIONAL {{ ?c idx:order ?tie0 }}
          OPTIONAL {{ ?c schema:dateCreated ?ds }}
          OPTIONAL {{ ?c schema:firstAppearance ?fa .
                     OPTIONAL {{ ?fa schema:datePublished ?fad }}
                     OPTIONAL {{ ?fa oa:hasSource ?fart . ?fart schema:datePublished ?fd }} }}
          BIND (COALESCE(STR(?ds), STR(?fad), STR(?fd), "") AS ?when0)
        }} GROUP BY ?c ORDER BY {order} LIMIT {limit} OFFSET {offset}""")
    return _filled(page, rows, weights)


def _filled(page: ClaimPage, rows: SelectResult, weights: dict[str, float]) -> ClaimPage:
    for row in rows.rows:
        claim = URIRef(row["c"])
        page.claims.append(claim)
        if weights:
            page.scores[claim] = round(float(row["score"]), 4)
    return page


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
