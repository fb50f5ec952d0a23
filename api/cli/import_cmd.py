"""``sanad import``: load an RDF file through the SHACL gate, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef

from sanad.graph import WriteGate, read_batch

from .common import configured_store, reporting


def import_(
    file: Annotated[Path, typer.Argument(help="A TriG, N-Quads, JSON-LD or Turtle file.")],
    graph: Annotated[
        str | None, typer.Option(help="Graph IRI for triples outside any named graph.")
    ] = None,
) -> None:
    """Validate the file's graphs with their context, then replace them in one transaction."""
    with reporting():
        batch = read_batch(file, graph=URIRef(graph) if graph else None)
    with configured_store() as store, reporting():
        WriteGate(store).submit(batch)
    print(f"imported {len(batch)} triples in {len(batch.graphs)} graphs from {file}")


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
