"""``sanad index``: bring the search index up to date with the claims in the store."""

from __future__ import annotations

import time

import typer

from sanad.ingest.search_index import SearchIndex

from .common import configured_store, reporting


def index() -> None:
    """Re-index claims changed behind the API's back (what `sanad serve` does at start-up)."""
    with configured_store() as store, reporting():
        started = time.perf_counter()
        count = SearchIndex(store).refresh()
    print(f"re-indexed {count} claims in {time.perf_counter() - started:.1f} s")


def register(app: typer.Typer) -> None:
    app.command()(index)
