"""A 10k-claim smoke run of the benchmark scenarios: it completes and writes the expected keys.

Benchmarks are not tests: no timing is asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanad.bench.report import table, write_json
from sanad.bench.scenarios import Options, run

from .utils.paths import ROOT


@pytest.mark.slow
def test_10k_scenario_writes_the_expected_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # extraction reads corpus/articles
    options = Options(samples=20, peers=False, virtuoso=False, http=True, budget_s=6)
    results = run(10_000, tmp_path / "work", options)
    written = json.loads(write_json(results, tmp_path / "results").read_text(encoding="utf-8"))
    assert written["claims"] >= 10_000
    for key in ("quads", "bulk_load", "disk_mib", "text_index", "lookups", "gated_ingest",
                "extraction", "memory", "http", "ratios", "machine"):
        assert key in written, key
    for kind in ("entity", "claimant", "detail", "text", "text_contains_scan", "text_contains_miss",
                 "entity_search_only", "claimant_search_only", "text_search_only"):
        assert {"median_ms", "p95_ms", "p99_ms", "n"} <= set(written["lookups"]["oxigraph"][kind])
    for kind in ("entity", "claimant", "detail"):
        assert "median_ms" in written["lookups"]["oxigraph_sparql_reference"][kind]
    assert written["text_index"]["key_triples"] > 0
    assert {"requests_per_s", "p99_ms", "errors"} <= set(written["http"]["sanad"])
    assert written["http"]["sanad"]["errors"] == 0
    assert "entity" in table([written])
