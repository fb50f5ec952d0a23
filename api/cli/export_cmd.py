"""``sanad export``: write the whole store as TriG, N-Quads, Turtle or JSON-LD."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sanad.graph import export_dataset

from .common import configured_store, reporting


class ExportFormat(StrEnum):
    trig = "trig"
    nquads = "nquads"
    turtle = "turtle"
    jsonld = "jsonld"


def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="trig, nquads, jsonld, or turtle (the union, no graph names)."),
    ] = ExportFormat.trig,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; default stdout.")
    ] = None,
) -> None:
    """Dump every graph; TriG, N-Quads and JSON-LD round-trip losslessly through `sanad import`."""
    with configured_store() as store, reporting():
        text = export_dataset(store, output_format.value)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command()(export)
