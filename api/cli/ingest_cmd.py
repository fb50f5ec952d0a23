"""``sanad ingest``: (re)build the store from the bundled corpus, or add raw articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from sanad.graph import Batch, SelectResult, Store
from sanad.ingest.pipeline import ingest_corpus
from sanad.ingest.raw_articles import article_files, ingest_article_files

from .common import EXIT_USAGE, configured_store, fail, load_settings, reporting


def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="A corpus folder (with manifest.yaml), or article files / folders of .txt."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of raw articles, if known.")
    ] = None,
) -> None:
    """Validate, then write: the corpus one transaction per article (idempotent), or raw
    articles with their extracted candidate claims; then re-cluster the claims."""
    targets = paths or [load_settings().corpus]
    date = _date(published)
    with configured_store() as store, reporting():
        if len(targets) == 1 and (targets[0] / "manifest.yaml").is_file():
            rows = _corpus(store, targets[0])
        else:
            files = [f for target in targets for f in article_files(target)]
            done = ingest_article_files(store, files, date)
            rows = {"articles": len(done), "candidates": sum(len(d.outcome.stored) for d in done),
                    "clusters": _count_clusters(store)}
    table = Table(title=f"ingested {', '.join(str(t) for t in targets)}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in rows.items():
        table.add_row(name, str(value))
    Console().print(table)


def _corpus(store: Store, root: Path) -> dict[str, int]:
    console = Console(stderr=True)
    with Progress(console=console) as progress:
        task = progress.add_task("writing", total=None)

        def written(batch: Batch) -> None:
            progress.update(task, advance=1, description=f"wrote {batch.label}")
            if not console.is_terminal:
                console.print(f"wrote {batch.label}")

        return dict(vars(ingest_corpus(store, root, on_written=written)))


def _count_clusters(store: Store) -> int:
    query = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/sanad/ontology#ClaimCluster> }"
    result = store.query(query)
    return int(str(result.rows[0]["n"])) if isinstance(result, SelectResult) else 0


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"--published {value!r} is not a date (YYYY-MM-DD)", EXIT_USAGE) from None


def register(app: typer.Typer) -> None:
    app.command()(ingest)
