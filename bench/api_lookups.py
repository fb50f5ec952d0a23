"""The fact-checking lookups timed through the API's own code, in-process.

Each lookup is what ``GET /claims`` (or ``GET /claims/{id}``) does for one request, minus
HTTP: :func:`sanad.queries.resolve_query` (names → IRIs, words → search keys), then
:func:`sanad.queries.claim_page` (the page of 20 claims in order, the total, and the claim
summaries the route returns). Parameters are drawn the way traffic would be: entities and
claimants with the corpus's own Zipf weights, a 90-day window at a random day, three words of
a synthetic claim sentence, a random claim for the detail view.

``python -m sanad.bench.api_lookups STORE --claims N`` prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sanad.graph import OxigraphStore, Store
from sanad.queries import ClaimQuery, claim_detail, claim_page, find_claims, resolve_query

from .measure import cpu_probe, latencies
from .synthetic import CLAIMS_PER_GROUP, DAYS, START, Pool, _claim_sentence, groups_for, pool

__all__ = ["KINDS", "measure", "samples"]

KINDS = ("entity", "claimant", "text", "detail")
PAGE = 20
WINDOW_DAYS = 90


def samples(p: Pool, claims: int, seed: int, count: int) -> dict[str, list[Any]]:
    """``count`` lookups of each kind: :class:`ClaimQuery` objects, or claim ids for detail."""
    rng = random.Random(seed + 99)

    def qid() -> str:
        return rng.choices(p.entities, weights=p.weights, k=1)[0].qid or ""

    groups = groups_for(claims)
    out: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for _ in range(count):
        out["entity"].append(ClaimQuery(entities=(qid(),)))
        start = START + dt.timedelta(days=rng.randrange(DAYS))
        out["claimant"].append(ClaimQuery(claimant=qid(), date_from=start,
                                          date_to=start + dt.timedelta(days=WINDOW_DAYS - 1)))
        words = " ".join(_claim_sentence(rng, p)[0].split()[1:4])
        out["text"].append(ClaimQuery(q=words))
        out["detail"].append(f"s{seed}g{rng.randrange(groups)}c{rng.randrange(CLAIMS_PER_GROUP)}")
    return out


def _page(store: Store) -> Callable[[ClaimQuery], object]:
    return lambda q: claim_page(store, resolve_query(store, q), limit=PAGE)


def _find(store: Store) -> Callable[[ClaimQuery], object]:
    return lambda q: find_claims(store, resolve_query(store, q), limit=PAGE)


def measure(store: Store, lookups: dict[str, list[Any]], budget_s: float = 60.0) -> dict[str, Any]:
    """Median / p95 / p99 per kind: the whole page (as served) and the search alone."""
    out: dict[str, Any] = {}
    for kind in ("entity", "claimant", "text"):
        out[kind] = latencies(_page(store), lookups[kind], budget_s=budget_s)
        out[f"{kind}_search_only"] = latencies(_find(store), lookups[kind], budget_s=budget_s)
    out["detail"] = latencies(lambda cid: claim_detail(store, cid), lookups["detail"],
                              budget_s=budget_s)
    pages = [claim_page(store, resolve_query(store, q), limit=PAGE) for q in lookups["entity"][:50]]
    out["entity"]["mean_total"] = round(sum(p["total"] for p in pages) / max(1, len(pages)), 1)
    out["entity"]["share_total_exact"] = round(
        sum(1 for p in pages if p.get("total_exact", True)) / max(1, len(pages)), 2)
    return out


def _table(results: dict[str, Any]) -> str:
    lines = [f"| lookup (in-process, {results['claims']:,} claims) | median ms | p95 ms | p99 ms | n |",
             "|---|---|---|---|---|"]
    for name, row in results["lookups"].items():
        lines.append(f"| {name} | {row.get('median_ms', '—')} | {row.get('p95_ms', '—')} | "
                     f"{row.get('p99_ms', '—')} | {row.get('n', 0)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="an on-disk pyoxigraph store of a synthetic corpus")
    parser.add_argument("--claims", type=int, required=True, help="the corpus size it was built for")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per lookup kind")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    store = OxigraphStore(args.store)
    try:
        began = time.perf_counter()
        results: dict[str, Any] = {"claims": args.claims, "store": str(args.store),
                                   "cpu_probe_s_at_start": cpu_probe(),
                                   "code_path": "sanad.queries.resolve_query + claim_page / claim_detail"}
        results["lookups"] = measure(store, samples(pool(args.seed), args.claims, args.seed,
                                                    args.samples), args.budget)
        results["cpu_probe_s_at_end"] = cpu_probe()
        results["seconds"] = round(time.perf_counter() - began, 1)
    finally:
        store.close()
    print(_table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
