"""``sanad ingest``: (re)build the store from the bundled corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from sanad.graph import Batch
from sanad.ingest.pipeline import ingest_corpus

from .common import configured_store, load_settings, reporting


def ingest(
    path: Annotated[
        Path | None, typer.Argument(help="Corpus folder (with manifest.yaml); default: corpus/.")
    ] = None,
) -> None:
    """Validate the corpus and write it to the store, one transaction per article (idempotent)."""
    root = path or load_settings().corpus
    console = Console(stderr=True)
    with configured_store() as store, reporting(), Progress(console=console) as progress:
        task = progress.add_task("writing", total=None)

        def written(batch: Batch) -> None:
            progress.update(task, advance=1, description=f"wrote {batch.label}")
            if not console.is_terminal:
                console.print(f"wrote {batch.label}")

        summary = ingest_corpus(store, root, on_written=written)
    table = Table(title=f"ingested {root}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in vars(summary).items():
        table.add_row(name, str(value))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
