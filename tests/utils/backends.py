"""The two store backends the suite runs on: embedded pyoxigraph, and Virtuoso over SPARQL 1.1.

The Virtuoso instances are the tests' own (``sanad.scripts.virtuoso``): a temporary folder,
127.0.0.1, free ports; never a configured server.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sanad.graph import Batch, OxigraphStore, SparqlEndpoint, SparqlStore
from sanad.scripts.virtuoso import HOW_TO_INSTALL, Virtuoso, available, start

__all__ = ["BACKENDS", "SKIP_VIRTUOSO", "emptied", "load_copy", "start_virtuoso"]

BACKENDS = ["oxigraph", "virtuoso"]
SKIP_VIRTUOSO = (
    "Virtuoso backend tests skipped: Virtuoso is not installed. To run them: "
    f"{HOW_TO_INSTALL}, then `make test` (the tests start and stop their own instance)"
)


def start_virtuoso(folder: Path) -> Virtuoso:
    """A fresh private instance, or a skip saying how to get one."""
    if not available():
        pytest.skip(SKIP_VIRTUOSO)
    return start(folder, memory_mb=256)


def emptied(instance: Virtuoso) -> SparqlStore:
    """A store on ``instance`` with every sanad-visible graph dropped (the instance is ours)."""
    env = instance.env()
    store = SparqlStore(SparqlEndpoint(
        env["SANAD_SPARQL_QUERY_URL"], env["SANAD_SPARQL_UPDATE_URL"], instance.user,
        instance.password, "digest", 60.0, instance.result_cap, "virtuoso",
    ))
    names = sorted(store.graph_names())
    for start_at in range(0, len(names), 500):
        store.drop_graphs(names[start_at:start_at + 500])
    return store


def load_copy(source: Path, tmp_path: Path, target: SparqlStore) -> None:
    """Copy every quad of the embedded store folder ``source`` into ``target`` (one request)."""
    copy = tmp_path / "source-copy"
    shutil.copytree(source, copy)
    opened = OxigraphStore(copy)
    batch = Batch.of("corpus copy", opened.quads())
    opened.close()
    target.write(batch)
