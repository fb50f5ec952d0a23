"""The measured scenarios, run in one process on one synthetic corpus; results as a dict/JSON.

Order: generate → bulk load (pyoxigraph) → text index → in-process lookups → gated ingest →
extraction → HTTP (`sanad serve`) → peers (rdflib in memory, rdflib-endpoint over HTTP) →
Virtuoso (when installed). Each step is bounded in time; a skipped step says why.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import shutil
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from sanad.graph import (
    OxigraphStore,
    SanadError,
    SelectResult,
    SparqlEndpoint,
    SparqlStore,
    Store,
    WriteGate,
)
from sanad.scripts import virtuoso as vt

from . import api_lookups
from .bulk import bulk_load
from .dataset import build
from .http_routes import route_paths
from .lookups import Lookups, contains_query
from .measure import cpu_probe, disk_size, http_load, latencies, peak_rss_mib, process_rss_mib
from .servers import peer_available, serve_peer, serve_sanad
from .synthetic import CLAIMS_PER_GROUP, group_batch, pool

__all__ = ["Options", "run"]

KINDS = ("entity", "claimant", "detail", "text")
MISSING_WORD = "زنجبيلستان"  # in no synthetic claim


class Options:
    """What to run: sizes of samples and budgets, and which peers."""

    def __init__(self, *, samples: int = 300, peers: bool = True, http: bool = True,
                 virtuoso: bool = True, rdflib_max_claims: int = 100_000,
                 virtuoso_max_claims: int = 100_000, budget_s: float = 60.0) -> None:
        self.samples, self.peers, self.http, self.virtuoso = samples, peers, http, virtuoso
        self.rdflib_max_claims, self.virtuoso_max_claims = rdflib_max_claims, virtuoso_max_claims
        self.budget_s = budget_s


def run(claims: int, workdir: Path, options: Options | None = None) -> dict[str, Any]:
    """Every scenario at ``claims`` claims, with data and stores under ``workdir``."""
    options = options or Options()
    workdir.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    data = build(claims, workdir / "data")
    results: dict[str, Any] = {
        "claims": data.groups * CLAIMS_PER_GROUP, "quads": data.quads,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "pyoxigraph": ox.__version__, "cpu_probe_s_at_start": cpu_probe()},
        "generate_s": round(time.perf_counter() - began, 1),
        "lookup_source": "sanad.queries (resolve_query + claim_page, claim_detail), as GET /claims "
                         "serves a page; raw SPARQL pages (sanad.bench.lookups) as a reference",
    }
    store_dir = workdir / f"store-{claims}"
    results["bulk_load"] = _bulk_load(data.path, store_dir, data.quads)
    results["disk_mib"] = {"oxigraph": round(disk_size(store_dir) / 2**20, 1),
                           "nquads": round(disk_size(data.path) / 2**20, 1)}
    lookups = Lookups(pool(data.seed), data.groups, data.seed)
    samples = lookups.samples(options.samples)
    store = OxigraphStore(store_dir)
    results["text_index"] = {
        "kind": "in-graph search keys (idx:key, and idx:keyTier: each key with the claim's tier), "
                "written with the claims",
        "key_triples": _count(store, "<https://w3id.org/sanad/index#key>"),
        "tier_key_triples": _count(store, "<https://w3id.org/sanad/index#keyTier>")}
    api_samples = api_lookups.samples(pool(data.seed), claims, data.seed, options.samples)
    results["lookups"] = {"oxigraph": api_lookups.measure(store, api_samples, options.budget_s)}
    results["lookups"]["oxigraph_sparql_reference"] = _lookups(store, samples, options.budget_s)
    scans = samples["text_words"][: 3 if claims <= 100_000 else 1]
    results["lookups"]["oxigraph"]["text_contains_scan"] = latencies(
        lambda w: store.query(contains_query(w.split()[0])), scans, warmup=0, budget_s=options.budget_s)
    # a word no claim holds: the scan cannot stop after 20 hits and reads every text
    results["lookups"]["oxigraph"]["text_contains_miss"] = latencies(
        lambda w: store.query(contains_query(w)), [MISSING_WORD] * len(scans), warmup=0,
        budget_s=options.budget_s)
    results["gated_ingest"] = _gated(store, data.groups, data.seed, options.budget_s)
    results["extraction"] = _extraction(options.budget_s / 3)
    store.close()
    gc.collect()
    results["memory"] = {"bench_process_peak_rss_mib": peak_rss_mib()}
    _partial(results, workdir)
    if options.http:
        try:
            results["http"] = _http_sanad(store_dir, workdir, samples, api_samples, options)
        except RuntimeError as exc:  # the server did not start: say so, keep the rest
            results["http"] = {"sanad": {"failed": str(exc)}}
        _partial(results, workdir)
    if options.peers:
        _peers(results, data.path, claims, samples, workdir, options)
        _partial(results, workdir)
    if options.virtuoso:
        try:
            results["virtuoso"] = _virtuoso(data.path, claims, workdir, samples, options)
        except (vt.VirtuosoError, SanadError) as exc:
            results["virtuoso"] = {"failed": str(exc)[:500]}
    results["ratios"] = _ratios(results)
    results["machine"]["cpu_probe_s_at_end"] = cpu_probe()
    results["total_s"] = round(time.perf_counter() - began, 1)
    return results


def _partial(results: dict[str, Any], workdir: Path) -> None:
    """What is measured so far, in case a later step fails or the run is stopped."""
    (workdir / f"partial-{results['claims']}.json").write_text(json.dumps(results, indent=1))


def _bulk_load(data: Path, store_dir: Path, quads: int) -> dict[str, Any]:
    """The headline load (two parsing threads, IRIs validated); below 1M, the variants too."""
    out: dict[str, Any] = {}
    if quads < 20_000_000:
        variants = {"1_thread": (1, False), "2_threads_lenient": (2, True)}
        out["variants"] = {name: bulk_load(data, store_dir, quads, threads=threads, lenient=lenient)
                           for name, (threads, lenient) in variants.items()}
    out.update(bulk_load(data, store_dir, quads, threads=2, lenient=False))
    return out


def _lookups(store: Store, samples: dict[str, list[str]], budget: float) -> dict[str, Any]:
    """The hand-written SPARQL pages (no total, no summaries): a floor, and what peers run."""
    return {kind: latencies(lambda q: store.query(q), samples[kind], budget_s=budget)
            for kind in ("entity", "claimant", "detail")}


def _gated(store: Store, groups: int, seed: int, budget: float) -> dict[str, Any]:
    """New claims through the SHACL gate on top of the corpus already in ``store``.

    The bulk path (how ingest writes): 84 groups (1,008 claims) per gate
    call, validated as one unit and written by ``submit_all``; timed as validation alone
    (``check_all``) and as validation plus writes. Then single groups (4 articles, 12 claims)
    through ``submit``, one gate call each. Building the batches is not timed.
    """
    p, gate, bulk_groups = pool(seed), WriteGate(store), 84
    batches = [group_batch(n, p, seed) for n in range(groups, groups + bulk_groups)]
    claims = len(batches) * CLAIMS_PER_GROUP
    began = time.perf_counter()
    checked = gate.check_all(batches)
    check_s = time.perf_counter() - began
    began = time.perf_counter()
    gate.submit_all(batches)
    submit_s = time.perf_counter() - began
    single, single_s, number = 0, 0.0, groups + bulk_groups
    while single_s < budget / 6 and single < 50 * CLAIMS_PER_GROUP:
        batch = group_batch(number, p, seed)
        began = time.perf_counter()
        gate.submit(batch)
        single_s += time.perf_counter() - began
        single, number = single + CLAIMS_PER_GROUP, number + 1
    return {"claims": claims, "claims_per_call": claims, "conforms": checked.conforms,
            "compiled_check": gate.compiled is not None,
            "check_s": round(check_s, 2), "check_claims_per_s": round(claims / check_s, 1),
            "seconds": round(submit_s, 2), "claims_per_s": round(claims / submit_s, 1),
            "single_group": {"claims": single, "seconds": round(single_s, 2),
                             "claims_per_s": round(single / single_s, 1)}}


def _extraction(budget: float) -> dict[str, Any]:
    try:
        from sanad.ingest.extract import extract_claims
    except ImportError:
        return {"skipped": "sanad.ingest.extract does not exist"}
    articles = sorted(Path("corpus/articles").glob("*.txt"))
    if not articles:
        return {"skipped": "no corpus/articles/*.txt in the working directory"}
    texts = [a.read_text(encoding="utf-8") for a in articles]
    done, began = 0, time.perf_counter()
    while time.perf_counter() - began < budget and done < 500:
        extract_claims(texts[done % len(texts)])
        done += 1
    seconds = time.perf_counter() - began
    return {"articles": done, "articles_per_s": round(done / seconds, 1),
            "mean_chars": round(sum(map(len, texts)) / len(texts))}


def _paths(prefix: str, queries: list[str]) -> list[str]:
    return [f"{prefix}?{urllib.parse.urlencode({'query': q})}" for q in queries]


def _http_sanad(store_dir: Path, workdir: Path, samples: dict[str, list[str]],
                api_samples: dict[str, list[Any]], options: Options) -> dict[str, Any]:
    """The entity lookup as SPARQL at /sparql, and each lookup through the API's own routes."""
    out: dict[str, Any] = {}
    with serve_sanad(store_dir, workdir / "serve.log") as served:
        load = http_load(served.url, _paths(served.query_path, samples["entity"]),
                         budget_s=options.budget_s / 2)
        load["route"] = "GET /sparql (entity lookup, 20 rows), 1 uvicorn worker"
        out["sanad"] = load
        for kind, paths in route_paths(api_samples).items():
            route = http_load(served.url, paths, budget_s=options.budget_s / 3, accept="application/json")
            route["route"] = f"{paths[0].split('?')[0]} ({kind} lookup, a page of 20), 1 uvicorn worker"
            out[f"sanad_route_{kind}"] = route
        out["sanad_claims_route"] = out["sanad_route_entity"]  # the name earlier reports used
        out["sanad"].update(process_rss_mib(served.process.pid))
        out["sanad"]["startup_s"] = served.startup_s
    return out


def _peers(results: dict[str, Any], data: Path, claims: int, samples: dict[str, list[str]],
           workdir: Path, options: Options) -> None:
    if claims > options.rdflib_max_claims:
        results["lookups"]["rdflib"] = {"skipped": f"rdflib in memory is not run above "
                                                   f"{options.rdflib_max_claims} claims"}
        return
    results["lookups"]["rdflib"] = _rdflib(data, samples, options.budget_s / 4)
    gc.collect()
    if not options.http:
        return
    if not peer_available():
        results["http"]["rdflib_endpoint"] = {"skipped": "rdflib-endpoint is not installed (pip install "
                                                         "'sanad[bench]')"}
        return
    with serve_peer(data, workdir / "peer.log") as served:
        load = http_load(served.url, _paths(served.query_path, samples["entity"]),
                         requests=300, budget_s=options.budget_s / 2)
        load.update(process_rss_mib(served.process.pid))
        load["startup_s"] = served.startup_s
        results["http"]["rdflib_endpoint"] = load


def _rdflib(data: Path, samples: dict[str, list[str]], budget: float) -> dict[str, Any]:
    from rdflib import Dataset

    began = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(data), format="nquads")
    out: dict[str, Any] = {"load_s": round(time.perf_counter() - began, 1)}
    for kind in ("entity", "claimant", "detail"):
        out[kind] = latencies(lambda q: list(dataset.query(q)), samples[kind][:50], budget_s=budget)
    out["text_contains_scan"] = latencies(
        lambda w: list(dataset.query(contains_query(w.split()[0]))), samples["text_words"][:3],
        warmup=0, budget_s=budget)
    return out


def _virtuoso(data: Path, claims: int, workdir: Path, samples: dict[str, list[str]],
              options: Options) -> dict[str, Any]:
    if not vt.available():
        return {"skipped": f"Virtuoso is not installed ({vt.HOW_TO_INSTALL})"}
    if claims > options.virtuoso_max_claims:
        return {"skipped": f"Virtuoso is run up to {options.virtuoso_max_claims} claims"}
    folder = (workdir / f"virtuoso-{claims}").resolve()
    shutil.rmtree(folder, ignore_errors=True)
    instance = vt.start(folder, memory_mb=2048)
    try:
        shutil.copy(data, folder / "load.nq")
        began = time.perf_counter()
        instance.isql(f"ld_dir('{folder}', 'load.nq', 'urn:sanad:unused');\nrdf_loader_run();\ncheckpoint;",
                      timeout=3600)
        seconds = time.perf_counter() - began
        (folder / "load.nq").unlink()
        env = instance.env()
        store = SparqlStore(SparqlEndpoint(env["SANAD_SPARQL_QUERY_URL"], env["SANAD_SPARQL_UPDATE_URL"],
                                           instance.user, instance.password, "digest", 60.0,
                                           instance.result_cap, "virtuoso"))
        out: dict[str, Any] = {"bulk_load": {"seconds": round(seconds, 2),
                                             "triples_per_s": round(_count(store) / seconds),
                                             "how": "ld_dir + rdf_loader_run (isql)"}}
        for kind in ("entity", "claimant", "detail"):
            out[kind] = latencies(lambda q: store.query(q), samples[kind][:200],
                                  budget_s=options.budget_s / 4)
        out["text_contains_scan"] = latencies(
            lambda w: store.query(contains_query(w.split()[0])), samples["text_words"][:3], warmup=0,
            budget_s=options.budget_s / 4)
        out.update(process_rss_mib(instance.pid))
        out["disk_mib"] = round(disk_size(folder) / 2**20, 1)
        return out
    finally:
        instance.stop()


def _count(store: Store, predicate: str | None = None) -> int:
    pattern = f"?s {predicate} ?o" if predicate else "?s ?p ?o"
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {pattern} }} }}")
    assert isinstance(result, SelectResult)
    return int(result.rows[0]["n"])


def _ratios(results: dict[str, Any]) -> dict[str, float]:
    ratios: dict[str, float] = {}
    ox_lookups = results["lookups"]["oxigraph_sparql_reference"]  # the same SPARQL as the peers
    for peer in ("rdflib", "virtuoso"):
        other = results["lookups"].get(peer) if peer == "rdflib" else results.get("virtuoso")
        for kind in ("entity", "claimant", "detail"):
            if other and kind in other and ox_lookups[kind].get("median_ms"):
                ratios[f"{peer}_{kind}_median_over_oxigraph"] = round(
                    other[kind]["median_ms"] / ox_lookups[kind]["median_ms"], 1)
    http = results.get("http", {})
    if "requests_per_s" in http.get("rdflib_endpoint", {}) and "requests_per_s" in http.get("sanad", {}):
        ratios["http_entity_rps_sanad_over_rdflib_endpoint"] = round(
            http["sanad"]["requests_per_s"] / max(0.1, http["rdflib_endpoint"]["requests_per_s"]), 1)
    return ratios
