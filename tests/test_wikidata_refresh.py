"""`sanad wikidata refresh` and `export`, and `sanad entities`, on the corpus store, with the
Wikidata-shaped fixture served on 127.0.0.1; a failed refresh leaves the store unchanged."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import PROV, SKOS, XSD

from sanad.graph import ReconciliationError, SelectResult, Store
from sanad.ingest.quickstatements import quickstatements, reviewed_statements
from sanad.ingest.wikidata_client import WikidataClient
from sanad.ingest.wikidata_refresh import WIKIDATA_GRAPH, describe, linked_qids, refresh
from sanad.ontology import WD

from .utils.paths import CORPUS
from .utils.wikidata_endpoint import closed_port_url, wikidata_endpoint

NOW = dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.UTC)


def _snapshot(store: Store) -> tuple[int, set[str]]:
    return len(store), {str(g) for g in store.graph_names()}


def test_refresh_copies_labels_and_facts_with_the_retrieval_date(corpus_store: Store) -> None:
    qids = linked_qids(corpus_store)
    assert {"Q7747", "Q159", "Q4341"} <= set(qids)
    with wikidata_endpoint() as endpoint:
        report = refresh(corpus_store, WikidataClient(endpoint.url, timeout=5), now=NOW)
    assert report.entities == len(qids) and report.found == 9 and "Q22686" in report.missing
    quads = set(corpus_store.quads(WIKIDATA_GRAPH))
    stamp = Literal("2026-11-22T02:00:00Z", datatype=XSD.dateTime)
    assert (WIKIDATA_GRAPH, PROV.generatedAtTime, stamp, WIKIDATA_GRAPH) in quads
    assert (WD.Q7747, SKOS.prefLabel, Literal("فلاديمير بوتين", lang="ar"), WIKIDATA_GRAPH) in quads
    krai = describe(corpus_store, "Q4341")
    assert krai["labels"] == {"ar": "إقليم بريمورسكي", "en": "Primorsky Krai"}
    assert krai["properties"] == {"P17": ["Q159"], "P131": ["Q159"]}
    assert describe(corpus_store, "Q5")["labels"] == {"en": "human"}  # a value's label, too
    assert describe(corpus_store, "Q7747")["properties"]["P31"] == ["Q5"]


def test_refresh_twice_replaces_the_copy(corpus_store: Store) -> None:
    with wikidata_endpoint() as endpoint:
        refresh(corpus_store, WikidataClient(endpoint.url, timeout=5), now=NOW)
        before = len(corpus_store)
        refresh(corpus_store, WikidataClient(endpoint.url, timeout=5),
                now=NOW + dt.timedelta(days=1))
    assert len(corpus_store) == before
    result = corpus_store.query(
        f"SELECT ?t WHERE {{ GRAPH {WIKIDATA_GRAPH.n3()} {{ ?g <{PROV.generatedAtTime}> ?t }} }}")
    assert isinstance(result, SelectResult)
    assert [r["t"].toPython() for r in result.rows] == [NOW + dt.timedelta(days=1)]


def test_a_failed_refresh_leaves_the_store_unchanged(corpus_store: Store) -> None:
    with wikidata_endpoint() as endpoint:
        refresh(corpus_store, WikidataClient(endpoint.url, timeout=5), now=NOW)
    before = _snapshot(corpus_store)
    with pytest.raises(ReconciliationError, match="cannot reach"):
        refresh(corpus_store, WikidataClient(closed_port_url(), timeout=1, retries=0))
    with wikidata_endpoint(delay=2.5) as slow, pytest.raises(ReconciliationError, match="timeout"):
        refresh(corpus_store, WikidataClient(slow.url, timeout=1, retries=0))
    assert _snapshot(corpus_store) == before
    assert describe(corpus_store, "Q4341")["labels"]["en"] == "Primorsky Krai"  # old copy kept


def test_export_gives_quickstatements_for_reviewed_mapped_claims(corpus_store: Store) -> None:
    statements = reviewed_statements(corpus_store)
    text = quickstatements(statements)
    lines = text.splitlines()
    assert statements and len(lines) == sum(len(s.references) for s in statements)
    line = re.compile(r"^Q\d+\tP2652\tQ\d+(\tS248\tQ\d+)?(\tS854\t\"[^\"\t]+\")?"
                      r"(\tS577\t\+\d{4}-\d\d-\d\dT00:00:00Z/11)?\tS1683\tar:\"[^\"\t]+\""
                      r"(\tS813\t\+\d{4}-\d\d-\d\dT00:00:00Z/11)?$")
    assert all(line.match(x) for x in lines), lines
    assert {(s.subject, s.value) for s in statements} <= {("Q159", "Q423"), ("Q423", "Q159")}
    assert all(s.match == "closeMatch" for s in statements)
    # a claim nobody reviewed is not exported
    claim = statements[0].claims[0]
    corpus_store.update(f"""PREFIX s: <https://w3id.org/sanad/ontology#>
        DELETE {{ GRAPH ?g {{ <{claim}> s:reviewStatus ?x }} }}
        WHERE {{ GRAPH ?g {{ <{claim}> s:reviewStatus ?x }}
                 FILTER NOT EXISTS {{ ?r <http://schema.org/itemReviewed> <{claim}> }} }}""")
    after = {c for s in reviewed_statements(corpus_store) for c in s.claims}
    reviewed = corpus_store.query(f"""ASK {{ ?r <http://schema.org/itemReviewed> <{claim}> }}""")
    assert (claim in after) == bool(getattr(reviewed, "value", False))


# ------------------------------------------------------------------ the commands


def _sanad(*args: str, store: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "SANAD_STORE": str(store), **env}
    return subprocess.run([sys.executable, "-m", "sanad.api.cli", *args], capture_output=True,
                          text=True, env=full, timeout=120, check=False)


@pytest.fixture
def store_copy(corpus_store_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(corpus_store_path, copy)
    return copy


def test_cli_refresh_show_reconcile_and_export(store_copy: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    with wikidata_endpoint() as endpoint:
        env = {"SANAD_WIKIDATA_SPARQL_URL": endpoint.url, "SANAD_WIKIDATA_CACHE": cache}
        done = _sanad("wikidata", "refresh", store=store_copy, **env)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["found"] == 9
        found = _sanad("wikidata", "reconcile", "سيرغي شويغو", "Kim", "--type", "person",
                       store=store_copy, **env)
        assert found.returncode == 0, found.stderr
        answers = [json.loads(x) for x in found.stdout.splitlines()]
        assert [a["accepted"] for a in answers] == ["Q32024", None]
        unlinked = _sanad("wikidata", "reconcile", "--unlinked", store=store_copy, **env)
        assert unlinked.returncode == 0 and all(
            json.loads(x)["accepted"] is None for x in unlinked.stdout.splitlines())
    shown = _sanad("wikidata", "show", "Q7747", store=store_copy)
    assert json.loads(shown.stdout)["labels"]["en"] == "Vladimir Putin"
    out = tmp_path / "claims.qs"
    exported = _sanad("wikidata", "export", "-o", str(out), store=store_copy)
    assert exported.returncode == 0 and "review before any upload" in exported.stderr
    assert out.read_text(encoding="utf-8").startswith(("Q159\tP2652\t", "Q423\tP2652\t"))


def test_cli_refresh_against_a_closed_port_fails_cleanly(store_copy: Path) -> None:
    from sanad.graph import OxigraphStore

    opened = OxigraphStore(store_copy)
    before = _snapshot(opened)
    opened.close()
    done = _sanad("wikidata", "refresh", store=store_copy, SANAD_WIKIDATA_SPARQL_URL=closed_port_url(),
                  SANAD_WIKIDATA_RETRIES="0", SANAD_WIKIDATA_CACHE=str(store_copy.parent / "c"))
    assert done.returncode == 1 and "cannot reach the Wikidata endpoint" in done.stderr
    assert "Traceback" not in done.stderr
    opened = OxigraphStore(store_copy)
    assert _snapshot(opened) == before
    opened.close()


def test_cli_entities_unlinked_and_explain(store_copy: Path) -> None:
    listed = _sanad("entities", "--unlinked", "--json", store=store_copy)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    lavrov = next(r for r in rows if r["label_en"] == "Sergey Lavrov")
    assert lavrov["claims"] >= 1 and lavrov["iri"].endswith("entity-lavrov")
    corpus = _sanad("entities", "--unlinked", "--from", "corpus", "--json", store=store_copy,
                    SANAD_CORPUS=str(CORPUS))
    assert any(r["label"] == "سيرغي لافروف" and r["count"] > 1 for r in json.loads(corpus.stdout))
    article = next(CORPUS.glob("articles/001_*.txt"))
    explained = json.loads(_sanad("entities", "--explain", str(article), "--json", store=store_copy).stdout)
    shoigu = [d for d in explained if d["qid"] == "Q32024"]
    assert {d["reason"] for d in shoigu} & {"title in context", "exact label", "exact alias"}
    text = article.read_text(encoding="utf-8")
    assert all(text[d["start"]:d["end"]] == d["text"] for d in explained)
    assert _sanad("entities", store=store_copy).returncode == 2


def test_wikidata_subcommands_have_help_and_are_documented() -> None:
    from typer.testing import CliRunner

    from sanad.api.cli import app

    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    doc = (CORPUS.parent / "docs" / "wikidata.md").read_text(encoding="utf-8")
    for name in ("reconcile", "refresh", "show", "export"):
        helped = CliRunner().invoke(app, ["wikidata", name, "--help"])
        assert helped.exit_code == 0 and "Usage" in helped.output, name
        assert f"sanad wikidata {name}" in readme + doc, name
    assert "sanad entities" in readme
