"""A killed ingest leaves every article whole or absent, and a re-run completes the store."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from sanad.graph import OxigraphStore
from sanad.ingest.corpus import load_corpus
from sanad.ingest.corpus_batches import corpus_batches

ARTICLES = 300


def _synthetic_corpus(root: Path) -> None:
    """Many small articles without reported speech (no claims), enough that writing takes a while."""
    seed = "هطلت أمطار غزيرة على المدينة صباح اليوم وانخفضت درجات الحرارة.\n" * 40
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    entries = []
    for i in range(ARTICLES):
        text = f"خبر رقم {i}\n{seed}"
        path = root / "articles" / f"{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        entries.append({
            "id": f"{i:016x}", "file": f"articles/{i:04d}.txt", "language": "ar",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "headline": None, "url": None,
            "publisher": {"entity": None, "known_by": "unknown", "evidence": "synthetic test article"},
            "date_published": {"value": None, "known_by": "unknown", "evidence": "synthetic"},
        })
    (root / "manifest.yaml").write_text(yaml.safe_dump({"articles": entries}, allow_unicode=True), "utf-8")
    (root / "entities.yaml").write_text("entities: []\n", encoding="utf-8")


def _graphs_by_batch(root: Path) -> dict[str, dict[str, int]]:
    expected = {}
    for batch in corpus_batches(load_corpus(root)):
        expected[batch.label] = {str(name): len(g) for name, g in batch.graphs.items() if len(g)}
    return expected


def _graph_sizes(store_path: Path) -> dict[str, int]:
    store = OxigraphStore(store_path)
    sizes: dict[str, int] = {}
    for _, _, _, g in store.quads():
        sizes[str(g)] = sizes.get(str(g), 0) + 1
    store.close()
    return sizes


def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    root, store_path = tmp_path / "corpus", tmp_path / "store"
    _synthetic_corpus(root)
    env = {**os.environ, "SANAD_STORE": str(store_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "sanad.api.cli", "ingest", str(root)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("wrote article"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    expected = _graphs_by_batch(root)
    sizes = _graph_sizes(store_path)
    articles = {label: graphs for label, graphs in expected.items() if label.startswith("article")}
    whole = [label for label, graphs in articles.items()
             if all(sizes.get(name) == n for name, n in graphs.items())]
    absent = [label for label, graphs in articles.items() if not any(name in sizes for name in graphs)]
    assert len(whole) + len(absent) == ARTICLES, "an article was written in part"
    assert 0 < len(whole) < ARTICLES, "the kill did not land half-way; make the corpus bigger"

    rerun = subprocess.run([sys.executable, "-m", "sanad.api.cli", "ingest", str(root)],
                           env=env, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    sizes = _graph_sizes(store_path)
    for graphs in expected.values():
        for name, n in graphs.items():
            assert sizes.get(name) == n
