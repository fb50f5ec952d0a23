"""``sanad eval``: score extraction against the hand-checked claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sanad.ingest.evaluate import Report, evaluate

from .common import load_settings, reporting


def _table(report: Report, root: Path) -> Table:
    table = Table(title=f"extraction vs hand-checked claims ({root})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in report.figures().items():
        table.add_row(name, str(value))
    table.add_row("candidates / gold appearances", f"{report.candidates} / {report.gold}")
    return table


def eval_command(
    path: Annotated[
        Path | None, typer.Argument(help="Corpus folder (with manifest.yaml); default: corpus/.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Precision, recall, claimant/modality/entity-link accuracy, candidates in furniture."""
    root = path or load_settings().corpus
    with reporting():
        report = evaluate(root)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(_table(report, root))
    for wrong in report.wrong_qids:
        console.print(f"wrong QID: {wrong}")
    for hit in report.in_furniture:
        console.print(f"candidate inside furniture: {hit}")


def register(app: typer.Typer) -> None:
    """Add ``eval`` to the CLI."""
    app.command("eval")(eval_command)
