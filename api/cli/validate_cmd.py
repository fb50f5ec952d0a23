"""``sanad validate``: check an RDF file against the shapes; exit 1 on violations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef

from sanad.graph import Validator, read_batch

from .common import EXIT_INVALID, reporting


def validate(
    file: Annotated[Path, typer.Argument(help="A Turtle, TriG, N-Quads or JSON-LD file.")],
) -> None:
    """Print the SHACL report in plain words; the file is validated alone (union of its graphs)."""
    with reporting():
        batch = read_batch(file, graph=URIRef("urn:sanad:validate"))
        report = Validator.default().validate(batch.union())
    print(report.summary())
    if not report.conforms:
        raise typer.Exit(EXIT_INVALID)


def register(app: typer.Typer) -> None:
    app.command()(validate)
