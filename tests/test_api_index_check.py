"""SANAD_INDEX_CHECK: `sanad serve` re-indexes changed claims at start-up, or trusts the index.

A claim whose index graph was dropped behind the API's back (as a raw update might) is found
by text again after a checked start; an unchecked start serves the index as it is, until
`sanad index` repairs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from rdflib import URIRef

from sanad.graph import OxigraphStore, SelectResult
from sanad.ingest.search_index import index_graph

from .utils.cli import run_sanad
from .utils.server import start_server

_A_CLAIM = """SELECT ?c ?t WHERE { ?c a <http://schema.org/Claim> ; <http://schema.org/text> ?t
  FILTER (lang(?t) = "ar") } ORDER BY ?c LIMIT 1"""


def _unindex_one_claim(store_path: Path) -> tuple[str, str]:
    """Drop the index graph of one claim; its IRI and Arabic text."""
    store = OxigraphStore(store_path)
    try:
        result = store.query(_A_CLAIM)
        assert isinstance(result, SelectResult)
        claim, text = (str(v) for v in (result.rows[0]["c"], result.rows[0]["t"]))
        store.update(f"DROP GRAPH {index_graph(URIRef(claim)).n3()}")
    finally:
        store.close()
    return claim, text


def _found(url: str, claim: str, text: str) -> bool:
    response = httpx.get(f"{url}/claims", params={"q": text, "limit": 50}, timeout=60)
    assert response.status_code == 200, response.text
    return any(claim.endswith(c["id"]) for c in response.json()["claims"])


@pytest.fixture
def unindexed(corpus_store_path: Path, tmp_path: Path) -> tuple[Path, str, str]:
    copy = tmp_path / "store"
    shutil.copytree(corpus_store_path, copy)
    return copy, *_unindex_one_claim(copy)


@pytest.mark.parametrize("check", [True, False])
def test_start_up_check_re_indexes_or_trusts(unindexed: tuple[Path, str, str], check: bool) -> None:
    store, claim, text = unindexed
    server = start_server(store, extra_env={"SANAD_INDEX_CHECK": str(check).lower()})
    try:
        assert _found(server.url, claim, text) is check
    finally:
        server.stop()


def test_sanad_index_repairs_what_an_unchecked_server_trusts(unindexed: tuple[Path, str, str]) -> None:
    store, claim, text = unindexed
    done = run_sanad("index", store=store)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("re-indexed 1 claims in ")
    again = run_sanad("index", store=store)
    assert again.stdout.startswith("re-indexed 0 claims in "), again.stdout
    server = start_server(store, extra_env={"SANAD_INDEX_CHECK": "false"})
    try:
        assert _found(server.url, claim, text)
    finally:
        server.stop()


def test_a_bad_index_check_value_exits_2_before_opening_the_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    done = subprocess.run(
        [sys.executable, "-m", "sanad.api.cli", "serve", "--port", "1"], capture_output=True, text=True,
        env={**os.environ, "SANAD_STORE": str(store), "SANAD_INDEX_CHECK": "sometimes"}, timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "bad setting" in done.stderr and "index_check" in done.stderr
    assert not store.exists()

