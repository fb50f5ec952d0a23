"""``sanad extract`` and ``sanad eval`` through a local Typer app (exit codes, errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sanad.api.cli import eval_cmd, extract_cmd

from .extract_helpers import LEXICON_FILE
from .utils.paths import CORPUS

ARTICLE = CORPUS / "articles" / "000_062528742e08afef.txt"


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    extract_cmd.register(app)
    eval_cmd.register(app)
    return app


def _run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_json_lines(app: typer.Typer) -> None:
    code, out, _ = _run(app, "extract", str(ARTICLE), "--published", "2023-09-04")
    assert code == 0
    text = ARTICLE.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_bad_published_date_is_a_usage_error(app: typer.Typer) -> None:
    code, _, err = _run(app, "extract", str(ARTICLE), "--published", "yesterday")
    assert code == 2 and "not a date" in err


def test_unknown_format_is_a_usage_error(app: typer.Typer) -> None:
    assert _run(app, "extract", str(ARTICLE), "--format", "xml")[0] == 2


def test_missing_file_is_a_usage_error(app: typer.Typer, tmp_path: Path) -> None:
    assert _run(app, "extract", str(tmp_path / "nope.txt"))[0] == 2


def test_non_utf8_is_invalid_data(app: typer.Typer, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")
    code, _, err = _run(app, "extract", str(bad))
    assert code == 1 and "UTF-8" in err


def test_english_is_unsupported(app: typer.Typer, tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    english.write_text("The minister said the talks would resume on Monday.", encoding="utf-8")
    code, _, err = _run(app, "extract", str(english), "--entities", str(LEXICON_FILE))
    assert code == 1 and "unsupported language" in err


def test_empty_file_gives_no_output(app: typer.Typer, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert _run(app, "extract", str(empty), "--entities", str(LEXICON_FILE))[:2] == (0, "")


def test_eval_json_meets_the_targets(app: typer.Typer) -> None:
    code, out, _ = _run(app, "eval", str(CORPUS), "--json")
    assert code == 0
    figures = json.loads(out)["figures"]
    assert figures["recall"] >= 0.9 and figures["precision"] >= 0.8
    assert figures["candidates_in_furniture"] == 0 and figures["wrong_qids"] == 0


def test_eval_prints_a_table(app: typer.Typer) -> None:
    code, out, _ = _run(app, "eval", str(CORPUS))
    assert code == 0 and "precision" in out
