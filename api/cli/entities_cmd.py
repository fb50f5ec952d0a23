"""``sanad entities``: unlinked entities with counts, and why the linker linked each name."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from sanad.ingest.entities import Lexicon, default_path
from sanad.ingest.link_explain import explain, names_of, unlinked_in_corpus, unlinked_in_store

from .common import EXIT_USAGE, configured_store, fail, load_settings, reporting


class Source(StrEnum):
    store = "store"
    corpus = "corpus"


def entities(
    unlinked: Annotated[
        bool, typer.Option("--unlinked", help="List names without a QID, with counts.")
    ] = False,
    source: Annotated[
        Source, typer.Option("--from", help="store: s:UnlinkedEntity nodes and the claims naming them; "
                             "corpus: what extraction of the corpus articles leaves unlinked.")
    ] = Source.store,
    explain_path: Annotated[
        Path | None,
        typer.Option("--explain", help="An article file: each linked name, its QID, confidence, reason."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Entity links: `--unlinked` lists what needs a QID; `--explain FILE` shows each decision."""
    if unlinked == (explain_path is not None):
        raise fail("give exactly one of --unlinked or --explain FILE", EXIT_USAGE)
    if explain_path is not None:
        _explain(explain_path, as_json)
        return
    if source is Source.store:
        with configured_store() as store, reporting():
            rows = unlinked_in_store(store)
        columns = ["claims", "label_ar", "label_en", "iri"]
    else:
        with reporting():
            rows = unlinked_in_corpus(load_settings().corpus)
        columns = ["count", "label", "articles"]
    _print(rows, columns, as_json, f"unlinked entities ({source.value}): {len(rows)}")


def _explain(path: Path, as_json: bool) -> None:
    if not path.is_file():
        raise fail(f"{path}: no such file", EXIT_USAGE)
    found = default_path()
    lexicon = Lexicon.load(found)
    names = names_of(found) if found else {}
    decisions = [d.to_json() for d in explain(path.read_text(encoding="utf-8"), lexicon, names)]
    _print(decisions, ["start", "end", "text", "qid", "confidence", "reason"], as_json,
           f"links in {path}: {len(decisions)}")


def _print(rows: list[dict[str, Any]], columns: list[str], as_json: bool, title: str) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*(", ".join(v) if isinstance(v := row.get(c), list) else str(v if v is not None else "")
                        for c in columns))
    Console(width=200).print(table)


def register(app: typer.Typer) -> None:
    """Add ``entities`` to the CLI."""
    app.command()(entities)
