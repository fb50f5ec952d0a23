"""The CLI works unchanged on a SPARQL server: configured by SANAD_SPARQL_* alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanad.scripts.virtuoso import Virtuoso

from .utils.backends import emptied
from .utils.cli import run_sanad

TRIG = """PREFIX ex: <http://example.org/>
ex:g { ex:s ex:p "قال \\"أ\\"\\nثم" . }
"""


def test_import_then_query_and_export_on_virtuoso(
    virtuoso: Virtuoso, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    emptied(virtuoso)
    for name, value in virtuoso.env().items():
        monkeypatch.setenv(name, value)
    source = tmp_path / "one.trig"
    source.write_text(TRIG, encoding="utf-8")
    imported = run_sanad("import", str(source), store=tmp_path / "unused")
    assert imported.returncode == 0, imported.stderr
    done = run_sanad("query", "--format", "json", "SELECT ?o WHERE { ?s ?p ?o }", store=tmp_path / "unused")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert [r["o"]["value"] for r in rows] == ['قال "أ"\nثم']
    exported = run_sanad("export", "--format", "nquads", store=tmp_path / "unused")
    assert exported.returncode == 0 and "<http://example.org/g>" in exported.stdout
    assert not (tmp_path / "unused").exists()  # the embedded store was never opened
