"""``sanad bench``: the benchmark scenarios on synthetic corpora; a table on stdout, JSON files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import EXIT_USAGE, fail


def bench(
    sizes: Annotated[
        list[int] | None, typer.Argument(help="Corpus sizes in claims (default: 10000).")
    ] = None,
    workdir: Annotated[
        Path, typer.Option(help="Where generated data and benchmark stores go.")
    ] = Path("data/bench"),
    results: Annotated[Path, typer.Option(help="Folder for the JSON results.")] = Path("bench/results"),
    samples: Annotated[int, typer.Option(help="Queries of each kind to time.")] = 300,
    budget: Annotated[float, typer.Option(help="Seconds each step may take at most.")] = 60.0,
    peers: Annotated[bool, typer.Option(help="Also run rdflib and rdflib-endpoint.")] = True,
    http: Annotated[bool, typer.Option(help="Also measure over HTTP on 127.0.0.1.")] = True,
    virtuoso: Annotated[bool, typer.Option(help="Also run Virtuoso when it is installed.")] = True,
    plot: Annotated[Path | None, typer.Option(help="Write a latency/size PNG here.")] = None,
) -> None:
    """Generate, load, query and serve synthetic claims; print a table, write bench-N.json."""
    from sanad.bench.report import plot as draw
    from sanad.bench.report import table, write_json
    from sanad.bench.scenarios import Options, run

    if any(size < 12 for size in sizes or []):
        raise fail("sizes are numbers of claims, at least 12", EXIT_USAGE)
    options = Options(samples=samples, peers=peers, http=http, virtuoso=virtuoso, budget_s=budget)
    runs = []
    for size in sizes or [10_000]:
        outcome = run(size, workdir, options)
        print(f"wrote {write_json(outcome, results)}")
        runs.append(outcome)
    print(table(runs))
    if plot is not None:
        print(f"wrote {draw(runs, plot)}")


def register(app: typer.Typer) -> None:
    app.command()(bench)
