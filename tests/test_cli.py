"""The `sanad` command line, driven as a user drives it: real processes, a real store on disk."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanad.api.cli import app

from .utils.cli import run_sanad
from .utils.paths import CORPUS, ROOT

COUNT_CLAIMS = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <http://schema.org/Claim> }"


@pytest.fixture
def store_copy(corpus_store_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(corpus_store_path, copy)
    return copy


def _claim_count(store: Path) -> int:
    done = run_sanad("query", "--format", "json", COUNT_CLAIMS, store=store)
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)["results"]["bindings"][0]["n"]["value"])


def test_ingest_prints_a_summary_and_is_idempotent(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run_sanad("ingest", str(CORPUS), store=store)
    assert first.returncode == 0, first.stderr
    assert "claims" in first.stdout and "wrote article" in first.stderr
    count = _claim_count(store)
    assert count >= 40
    again = run_sanad("ingest", str(CORPUS), store=store)
    assert again.returncode == 0, again.stderr
    assert _claim_count(store) == count


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_query_formats(store_copy: Path, fmt: str) -> None:
    done = run_sanad("query", "--format", fmt, COUNT_CLAIMS, store=store_copy)
    assert done.returncode == 0, done.stderr
    if fmt == "json":
        assert json.loads(done.stdout)["head"]["vars"] == ["n"]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(done.stdout.strip())))
        assert rows[0] == ["n"] and int(rows[1][0]) >= 40
    else:
        assert "n" in done.stdout


def test_bad_query_exits_1_with_a_message(store_copy: Path) -> None:
    done = run_sanad("query", "SELEKT ?x", store=store_copy)
    assert done.returncode == 1
    assert done.stderr.startswith("sanad:") and "SPARQL" in done.stderr


def test_unknown_option_is_a_usage_error() -> None:
    assert run_sanad("query", "--format", "yaml", "ASK {}").returncode == 2
    assert run_sanad("no-such-command").returncode == 2


def test_export_import_round_trip(store_copy: Path, tmp_path: Path) -> None:
    dump = tmp_path / "dump.trig"
    exported = run_sanad("export", "--format", "trig", "--output", str(dump), store=store_copy)
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh"
    imported = run_sanad("import", str(dump), store=fresh)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.trig"
    assert run_sanad("export", "--format", "trig", "-o", str(again), store=fresh).returncode == 0
    assert _claim_count(fresh) == _claim_count(store_copy)


def test_import_of_malformed_trig_changes_nothing(store_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://example.org/g> { <http://example.org/s> <http://example.org/p> ", "utf-8")
    before = _quad_lines(store_copy)
    done = run_sanad("import", str(bad), store=store_copy)
    assert done.returncode == 1 and "not valid trig" in done.stderr
    assert _quad_lines(store_copy) == before


def _quad_lines(store: Path) -> set[str]:
    done = run_sanad("export", "--format", "nquads", store=store)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines())


def test_every_command_has_help_and_is_in_the_readme() -> None:
    listing = run_sanad("--help")  # the installed entry point, once
    assert listing.returncode == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    assert len(names) >= 8
    for name in names:
        assert name in listing.stdout
        helped = runner.invoke(app, [name, "--help"])
        assert helped.exit_code == 0 and "Usage" in helped.output, name
        assert f"sanad {name}" in readme, f"`sanad {name}` is not documented in the README"


def test_ingest_raw_articles_with_a_publication_date(tmp_path: Path) -> None:
    store = tmp_path / "store"
    article = next((CORPUS / "articles").glob("004_*.txt"))
    done = run_sanad("ingest", str(article), "--published", "2023-09-17", store=store)
    assert done.returncode == 0, done.stderr
    assert "candidates" in done.stdout
    dated = run_sanad("query", "--format", "csv", """
        SELECT ?d WHERE { ?a <http://schema.org/datePublished> ?d }""", store=store)
    assert dated.stdout.split() == ["d", "2023-09-17"]


def test_ingest_with_a_bad_date_or_missing_file_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    article = next((CORPUS / "articles").glob("004_*.txt"))
    bad_date = run_sanad("ingest", str(article), "--published", "2023-13-45", store=store)
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    missing = run_sanad("ingest", str(tmp_path / "nope.txt"), store=store)
    assert missing.returncode == 1 and "no such file" in missing.stderr
    assert _claim_count(store) == 0
