"""``sanad query``: run a SPARQL query and print the answer as a table, JSON or CSV."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sanad.api.sparql_formats import serialize
from sanad.graph import AskResult, GraphResult, SelectResult

from .common import configured_store, reporting


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


_MEDIA = {OutputFormat.json: "application/sparql-results+json", OutputFormat.csv: "text/csv"}


def query(
    sparql: Annotated[str, typer.Argument(help="The SPARQL query text.")],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")
    ] = OutputFormat.table,
) -> None:
    """Run a read-only SPARQL query over the union of all graphs."""
    with configured_store() as store, reporting():
        result = store.query(sparql)
    if isinstance(result, GraphResult):
        sys.stdout.write(result.graph.serialize(format="turtle"))
    elif output is OutputFormat.table:
        _print_table(result)
    else:
        sys.stdout.buffer.write(serialize(result, _MEDIA[output]))
        sys.stdout.write("\n")
    if result.truncated:
        print("sanad: the result was cut at the row limit", file=sys.stderr)


def _print_table(result: SelectResult | AskResult) -> None:
    if isinstance(result, AskResult):
        print("true" if result.value else "false")
        return
    table = Table(*result.variables, show_lines=False)
    for row in result.rows:
        table.add_row(*(str(row.get(v, "")) for v in result.variables))
    Console(width=200).print(table)


def register(app: typer.Typer) -> None:
    app.command()(query)
