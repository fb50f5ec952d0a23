"""The queries of docs/wikidata.md run as printed (endpoint URL swapped for the fixture's):
federated ones with `sanad query` on the embedded store, the local-copy join over HTTP /sparql
after `sanad wikidata refresh`; /sparql refuses SERVICE."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sanad.graph import OxigraphStore
from sanad.ingest.wikidata_client import DEFAULT_URL, WikidataClient
from sanad.ingest.wikidata_refresh import refresh

from .utils.cli import run_sanad
from .utils.server import LiveServer, start_server
from .utils.wikidata_endpoint import Endpoint, wikidata_endpoint

DOC = Path(__file__).parent.parent / "docs" / "wikidata.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
FEDERATED = [q for q in QUERIES if "SERVICE" in q]
LOCAL = [q for q in QUERIES if "SERVICE" not in q]
KURSK = "https://w3id.org/sanad/id/claim-shoigu-nk-to-send-builders-and-deminers-to-kursk"
VLADIVOSTOK = "https://w3id.org/sanad/id/claim-kim-continues-visit-sunday-vladivostok"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    with wikidata_endpoint() as served:
        yield served


@pytest.fixture(scope="module")
def refreshed_store(tmp_path_factory: pytest.TempPathFactory, corpus_store_path: Path,
                    endpoint: Endpoint) -> Path:
    copy = tmp_path_factory.mktemp("wikidata-docs") / "store"
    shutil.copytree(corpus_store_path, copy)
    opened = OxigraphStore(copy)
    refresh(opened, WikidataClient(endpoint.url, timeout=5))
    opened.close()
    return copy


@pytest.fixture(scope="module")
def server(refreshed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    copy = tmp_path_factory.mktemp("wikidata-docs-served") / "store"
    shutil.copytree(refreshed_store, copy)  # the server locks its folder
    served = start_server(copy)
    yield served
    served.stop()


def _rows(answer: dict[str, object]) -> set[tuple[str, ...]]:
    bindings = answer["results"]["bindings"]  # type: ignore[index]
    return {tuple(b[v]["value"] for v in answer["head"]["vars"]) for b in bindings}  # type: ignore[index]


def test_the_doc_has_the_queries() -> None:
    assert len(FEDERATED) == 3 and len(LOCAL) == 1
    assert all(f"SERVICE <{DEFAULT_URL}>" in q for q in FEDERATED)


def _federated(query: str, store: Path, endpoint: Endpoint) -> set[tuple[str, ...]]:
    done = run_sanad("query", "--format", "json", query.replace(DEFAULT_URL, endpoint.url), store=store)
    assert done.returncode == 0, done.stderr
    return _rows(json.loads(done.stdout))


def test_claims_about_places_in_primorsky_krai(refreshed_store: Path, endpoint: Endpoint) -> None:
    assert _federated(FEDERATED[0], refreshed_store, endpoint) == {(VLADIVOSTOK,)}


def test_claims_about_places_in_russia(refreshed_store: Path, endpoint: Endpoint) -> None:
    found = _federated(FEDERATED[1], refreshed_store, endpoint)
    assert (KURSK, "http://www.wikidata.org/entity/Q3178") in found
    assert (VLADIVOSTOK, "http://www.wikidata.org/entity/Q4341") in found


def test_claims_by_russias_head_of_state(refreshed_store: Path, endpoint: Endpoint) -> None:
    found = _federated(FEDERATED[2], refreshed_store, endpoint)
    check = run_sanad("query", "--format", "json",
                      "SELECT DISTINCT ?claim WHERE { ?claim a <http://schema.org/Claim> ; "
                      "<http://schema.org/author> <http://www.wikidata.org/entity/Q7747> }",
                      store=refreshed_store)
    assert found and found == _rows(json.loads(check.stdout))


def test_the_local_copy_join_works_over_http(server: LiveServer, refreshed_store: Path,
                                             endpoint: Endpoint) -> None:
    response = httpx.post(f"{server.url}/sparql", data={"query": LOCAL[0]},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    local = _rows(response.json())
    assert (KURSK, "http://www.wikidata.org/entity/Q3178", "Kursk Oblast") in local
    federated = _federated(FEDERATED[1], refreshed_store, endpoint)
    assert {(c, p) for c, p, _ in local} == federated


def test_http_sparql_refuses_service(server: LiveServer, endpoint: Endpoint) -> None:
    response = httpx.post(f"{server.url}/sparql",
                          data={"query": FEDERATED[0].replace(DEFAULT_URL, endpoint.url)}, timeout=30)
    assert response.status_code == 400 and "SERVICE" in response.json()["error"]["detail"]
    assert endpoint.hits >= 1  # the fixture was reached by sanad query, never by the server
