"""Results as JSON files, a plain-text table, and a plot of latency against corpus size."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["plot", "table", "write_json"]


def write_json(results: dict[str, Any], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{results['claims']}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _ms(entry: dict[str, Any] | None) -> str:
    if not entry or "median_ms" not in entry:
        return "—"
    return f"{entry['median_ms']:.2f} / {entry['p95_ms']:.2f}"


def table(runs: list[dict[str, Any]]) -> str:
    """A Markdown table, one column per corpus size."""
    header = "| measure | " + " | ".join(f"{r['claims']:,} claims" for r in runs) + " |"
    lines = [header, "|---" * (len(runs) + 1) + "|"]

    def row(name: str, cell: Any) -> None:
        lines.append(f"| {name} | " + " | ".join(str(cell(r)) for r in runs) + " |")

    def get(r: dict[str, Any], *keys: str) -> Any:
        for key in keys:
            r = r.get(key, {}) if isinstance(r, dict) else {}
        return r if r != {} else "—"

    row("quads", lambda r: f"{r['quads']:,}")
    row("bulk load, triples/s (pyoxigraph, 2 parsing threads)",
        lambda r: f"{r['bulk_load']['triples_per_s']:,}")
    row("bulk load, triples/s: 1 thread / 2 threads lenient",
        lambda r: f"{get(r, 'bulk_load', 'variants', '1_thread', 'triples_per_s')} / "
                  f"{get(r, 'bulk_load', 'variants', '2_threads_lenient', 'triples_per_s')}")
    row("on disk, MiB (pyoxigraph)", lambda r: r["disk_mib"]["oxigraph"])
    for kind, label in (("entity", "entity"), ("claimant", "claimant + 90-day window"),
                        ("text", "Arabic words (in-graph keys, ranked)"), ("detail", "claim detail")):
        row(f"{label}, median / p95 ms (API page, in-process)",
            lambda r, k=kind: _ms(r["lookups"]["oxigraph"][k]))
    for kind in ("entity", "claimant", "text"):
        row(f"{kind}, search alone (the 20 IRIs in order, with total), median / p95 ms",
            lambda r, k=kind: _ms(r["lookups"]["oxigraph"].get(f"{k}_search_only")))
    for kind in ("entity", "claimant", "detail"):
        row(f"{kind}, raw SPARQL page (reference), median / p95 ms",
            lambda r, k=kind: _ms(r["lookups"].get("oxigraph_sparql_reference", {}).get(k)))
    row("Arabic CONTAINS scan, median ms (no index; first query word)",
        lambda r: get(r, "lookups", "oxigraph", "text_contains_scan", "median_ms"))
    row("Arabic CONTAINS scan of a word in no claim, median ms",
        lambda r: get(r, "lookups", "oxigraph", "text_contains_miss", "median_ms"))
    row("rdflib in memory: entity, median / p95 ms",
        lambda r: _ms(r["lookups"].get("rdflib", {}).get("entity")))
    row("Virtuoso over HTTP: entity, median / p95 ms", lambda r: _ms(r.get("virtuoso", {}).get("entity")))
    row("Virtuoso bulk load, triples/s", lambda r: get(r, "virtuoso", "bulk_load", "triples_per_s"))
    row("HTTP /sparql entity: req/s, p99 ms (sanad)",
        lambda r: f"{get(r, 'http', 'sanad', 'requests_per_s')}, {get(r, 'http', 'sanad', 'p99_ms')}")
    for kind in ("entity", "claimant", "text", "detail"):
        key = f"sanad_route_{kind}"
        row(f"HTTP API route, {kind}: req/s, p99 ms (sanad)",
            lambda r, k=key: f"{get(r, 'http', k, 'requests_per_s')}, {get(r, 'http', k, 'p99_ms')}")
    row("HTTP entity: req/s, p99 ms (rdflib-endpoint)",
        lambda r: f"{get(r, 'http', 'rdflib_endpoint', 'requests_per_s')}, "
                  f"{get(r, 'http', 'rdflib_endpoint', 'p99_ms')}")
    row("sanad over rdflib-endpoint, HTTP req/s ratio",
        lambda r: get(r, "ratios", "http_entity_rps_sanad_over_rdflib_endpoint"))
    row("gated ingest, claims/s (bulk submit_all, check + write)",
        lambda r: get(r, "gated_ingest", "claims_per_s"))
    row("gated ingest, claims/s (SHACL check alone / one 12-claim group)",
        lambda r: f"{get(r, 'gated_ingest', 'check_claims_per_s')} / "
                  f"{get(r, 'gated_ingest', 'single_group', 'claims_per_s')}")
    row("extraction, articles/s", lambda r: get(r, "extraction", "articles_per_s"))
    row("serving RSS, MiB (sanad serve, peak)", lambda r: get(r, "http", "sanad", "peak_rss_mib"))
    return "\n".join(lines)


def plot(runs: list[dict[str, Any]], path: Path) -> Path:
    """p95 latency of each in-process lookup against corpus size (log–log)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = sorted(runs, key=lambda r: r["claims"])
    sizes = [r["claims"] for r in runs]
    figure, axes = plt.subplots(figsize=(7, 4.2))
    for kind, label in (("entity", "entity"), ("claimant", "claimant + window"),
                        ("text", "Arabic words (index)"), ("detail", "claim detail")):
        axes.plot(sizes, [r["lookups"]["oxigraph"][kind]["p95_ms"] for r in runs], marker="o", label=label)
    scans = [(r["claims"], r["lookups"]["oxigraph"].get("text_contains_miss", {}).get("median_ms"))
             for r in runs]
    if any(v for _, v in scans):  # the full scan the index replaces (a word in no claim)
        axes.plot([n for n, v in scans if v], [v for _, v in scans if v], marker="x",
                  linestyle="--", label="Arabic CONTAINS full scan (median)")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("claims in the store")
    axes.set_ylabel("p95 latency, ms (in-process, pyoxigraph)")
    axes.set_title("sanad lookups against corpus size (2 cores)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
