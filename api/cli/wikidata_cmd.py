"""``sanad wikidata …``: reconcile names, refresh the local Wikidata copy, export QuickStatements.

Nothing here ever writes to Wikidata: ``export`` prints text for a person to review.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from sanad.graph import WriteGate
from sanad.ingest.link_explain import unlinked_in_store
from sanad.ingest.quickstatements import quickstatements, reviewed_statements
from sanad.ingest.reconcile import ACCEPT_THRESHOLD, reconcile
from sanad.ingest.wikidata_client import WikidataClient
from sanad.ingest.wikidata_refresh import describe, refresh

from ..settings import Settings
from .common import EXIT_USAGE, configured_store, fail, load_settings, reporting

app = typer.Typer(help="Wikidata: reconcile names, cache labels and facts, export QuickStatements.",
                  no_args_is_help=True)


def client_from(settings: Settings) -> WikidataClient:
    """The Wikidata client the settings describe."""
    return WikidataClient(url=settings.wikidata_sparql_url, timeout=settings.wikidata_timeout,
                          retries=settings.wikidata_retries, cache_dir=settings.wikidata_cache,
                          contact=settings.wikidata_contact)


@app.command("reconcile")
def reconcile_command(
    names: Annotated[
        list[str] | None, typer.Argument(help="Names (Arabic or English) to look up.")
    ] = None,
    unlinked: Annotated[
        bool, typer.Option("--unlinked", help="Look up every unlinked entity of the store.")
    ] = False,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="Entity type (person adds P31=Q5 evidence).")
    ] = None,
    threshold: Annotated[
        float, typer.Option(help="Score a lone candidate needs to be accepted.")
    ] = ACCEPT_THRESHOLD,
) -> None:
    """Ranked Wikidata candidates per name (JSON lines); accepted only when unambiguous."""
    settings = load_settings()
    todo = [(n, entity_type) for n in names or []]
    if unlinked:
        with configured_store() as store, reporting():
            todo += [(row["label_ar"] or row["label_en"], entity_type) for row in unlinked_in_store(store)
                     if row["label_ar"] or row["label_en"]]
    if not todo:
        raise fail("give names to look up, or --unlinked", EXIT_USAGE)
    client = client_from(settings)
    with reporting():
        for name, typ in todo:
            print(json.dumps(reconcile(client, name, typ, threshold).to_json(), ensure_ascii=False))


@app.command("refresh")
def refresh_command() -> None:
    """Copy labels, descriptions, P31/P39/P17/P131 of every linked entity into id:graph-wikidata."""
    client = client_from(load_settings())
    with configured_store() as store, reporting():
        report = refresh(store, client, WriteGate(store))
    print(json.dumps(report.to_json(), ensure_ascii=False))


@app.command("show")
def show_command(qid: Annotated[str, typer.Argument(help="A QID, e.g. Q7747.")]) -> None:
    """What the local Wikidata copy says about one item (offline)."""
    with configured_store() as store, reporting():
        found = describe(store, qid)
    if not found:
        raise fail(f"{qid!r} is not a Wikidata QID (Q followed by digits)", EXIT_USAGE)
    print(json.dumps(found, ensure_ascii=False, indent=2))


@app.command("export")
def export_command(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; default stdout.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per statement, with its claims.")
    ] = False,
) -> None:
    """Reviewed claims whose relation maps to a Wikidata property, as QuickStatements V1 (never uploaded)."""
    with configured_store() as store, reporting():
        statements = reviewed_statements(store)
    if as_json:
        text = "".join(json.dumps(s.to_json(), ensure_ascii=False) + "\n" for s in statements)
    else:
        text = quickstatements(statements)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    print(f"sanad: {len(statements)} statement(s) from reviewed claims; review before any upload",
          file=sys.stderr)


def register(root: typer.Typer) -> None:
    """Add ``wikidata`` (a command group) to the CLI."""
    root.add_typer(app, name="wikidata")
