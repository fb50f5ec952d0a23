"""``sanad bench``: the benchmark scenarios on synthetic corpora; a table on stdout, JSON files."""

from __future__ import annotations

import json
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
    report_only: Annotated[bool, typer.Option(
        help="Run nothing: print the table (and plot) of the bench-N.json files in --results.")] = False,
) -> None:
    """Generate, load, query and serve synthetic claims; print a table, write bench-N.json."""
    from sanad.bench.report import plot as draw
    from sanad.bench.report import table, write_json
    from sanad.bench.scenarios import Options, run

    if any(size < 12 for size in sizes or []):
        raise fail("sizes are numbers of claims, at least 12", EXIT_USAGE)
    options = Options(samples=samples, peers=peers, http=http, virtuoso=virtuoso, budget_s=budget)
    runs = []
    if report_only:
        runs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(results.glob("bench-*.json"))]
        if not runs:
            raise fail(f"no bench-*.json in {results}", EXIT_USAGE)
        runs.sort(key=lambda r: r["claims"])
    for size in [] if report_only else sizes or [10_000]:
        outcome = run(size, workdir, options)
        print(f"wrote {write_json(outcome, results)}")
        runs.append(outcome)
    print(table(runs))
    if plot is not None:
        print(f"wrote {draw(runs, plot)}")


def register(app: typer.Typer) -> None:
    app.command()(bench)
