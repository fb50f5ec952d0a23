"""Text relevance over the in-graph search keys, without scoring every claim that holds a word.

Weights: each key found in a claim adds ``1 / log2(2 + n)``, ``n`` the number of claims
holding the key, counted up to :data:`DF_CAP` (a word in more claims than that weighs the
same as one in exactly that many: counting a word of half the corpus would cost more than the
whole lookup, and the weights of such words differ by a few percent).

Top claims: when at least a page of claims holds every key, they are the page (nothing scores
higher), in ``idx:order``. They are read tier by tier (``idx:keyTier``: the rarest key joined to
the top bits of ``idx:order``), a growing run of tiers per query, so a page of claims holding
only common words costs a few small reads instead of sorting every claim that holds them.
Otherwise (MaxScore) keys are taken rarest first; the claims holding any of the first ``i``
keys are scored on every key, and if the last of the page scores more than the remaining keys
could give a claim holding none of the first ``i`` (their summed weights), the page is final.
Rare words thus decide after reading only their own postings; a query of common words only
reads the postings of its words, and its cost grows with them.
"""

from __future__ import annotations

import math

from rdflib import URIRef

from sanad.graph import SelectResult, Store
from sanad.ingest.index_facts import TIERS, tier_key
from sanad.ontology import sparql_prefixes

from .terms import string

__all__ = ["DF_CAP", "key_weights", "top_scored"]

DF_CAP = 10_000
_PREFIXES = sparql_prefixes() + "PREFIX idx: <https://w3id.org/sanad/index#>\n"


def key_weights(store: Store, keys: tuple[str, ...]) -> dict[str, float]:
    """The weight of each search key that some claim holds (absent keys are left out)."""
    if not keys:
        return {}
    branches = " UNION ".join(
        f"{{ SELECT ?k ?c WHERE {{ VALUES ?k {{ {string(k)} }} ?c idx:key ?k }} LIMIT {DF_CAP} }}"
        for k in dict.fromkeys(keys))
    result = _select(store, f"SELECT ?k (COUNT(?c) AS ?n) WHERE {{ {branches} }} GROUP BY ?k")
    return {str(r["k"]): round(1 / math.log2(2 + int(r["n"])), 6) for r in result.rows
            if int(r["n"]) > 0}


def top_scored(store: Store, weights: dict[str, float], patterns: str,
               need: int) -> tuple[list[tuple[URIRef, float]], bool]:
    """The first ``need`` claims by score (then ``idx:order``) that also match ``patterns``,
    and whether they are all the claims holding any key."""
    keys = sorted(weights, key=lambda k: (-weights[k], k))
    full = _holding_every_key(store, keys, patterns, need)
    top = round(sum(weights.values()), 6)
    if len(full) == need or len(keys) == 1:  # claims holding every key score highest
        return [(c, top) for c in full], len(full) < need
    every = " ".join(f"({string(k)} {weights[k]})" for k in keys)
    for i in range(1, len(keys) + 1):
        bound = sum(weights[k] for k in keys[i:])
        result = _select(store, f"""SELECT ?c (SUM(?w) AS ?score) WHERE {{
            {{ SELECT DISTINCT ?c WHERE {{ VALUES ?k0 {{ {" ".join(map(string, keys[:i]))} }}
               ?c idx:key ?k0 }} }}
            {patterns}
            VALUES (?k ?w) {{ {every} }} ?c idx:key ?k ; idx:order ?tie
        }} GROUP BY ?c ?tie ORDER BY DESC(?score) ?tie LIMIT {need}""")
        rows = [(URIRef(r["c"]), float(r["score"])) for r in result.rows]
        if i == len(keys):
            return rows, len(rows) < need
        if len(rows) == need and rows[-1][1] > bound + 1e-9:
            return rows, False
    return [], True


def _holding_every_key(store: Store, keys: list[str], patterns: str, need: int) -> list[URIRef]:
    """Up to ``need`` claims holding every key, in ``idx:order``: the rarest key's tiers in runs
    of 1, 2, 4… tiers (each run's claims all come before the next run's)."""
    checks = " ".join(f"?c idx:key {string(k)} ." for k in keys[1:])
    found: list[URIRef] = []
    start, width = 0, 1
    while start < TIERS and len(found) < need:
        tiers = " ".join(string(tier_key(keys[0], t)) for t in range(start, min(TIERS, start + width)))
        found += [URIRef(c) for c in _select(store, f"""SELECT ?c WHERE {{
            VALUES ?kt {{ {tiers} }} ?c idx:keyTier ?kt . {checks} ?c idx:order ?tie . {patterns}
        }} ORDER BY ?tie LIMIT {need - len(found)}""").values("c")]
        start, width = start + width, width * 2
    return found


def _select(store: Store, sparql: str) -> SelectResult:
    result = store.query(_PREFIXES + sparql)
    assert isinstance(result, SelectResult)
    return result
