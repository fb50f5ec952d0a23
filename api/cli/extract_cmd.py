"""``sanad extract``: candidate claims of one article as JSON lines (docs/extraction.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from sanad.ingest.candidates import to_jsonl
from sanad.ingest.entities import Lexicon
from sanad.ingest.extract import UnsupportedLanguageError, default_lexicon, extract_claims

from .common import EXIT_USAGE, fail

FORMATS = ("jsonl",)


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise fail(f"--published: not a date (YYYY-MM-DD): {value!r}", EXIT_USAGE) from exc


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(f"{path}: cannot read: {exc.strerror}", EXIT_USAGE) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from exc


def extract(
    path: Annotated[Path, typer.Argument(help="Article text file (UTF-8).")],
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    entities: Annotated[
        Path | None,
        typer.Option("--entities", help="Entity lexicon (default: $SANAD_ENTITIES or "
                     "corpus/entities.yaml found from the working directory)."),
    ] = None,
) -> None:
    """Print one JSON object per candidate claim (offsets into the file's text)."""
    if fmt not in FORMATS:
        raise fail(f"--format: unknown format {fmt!r} (choose: {', '.join(FORMATS)})", EXIT_USAGE)
    date = _published(published)
    text = _text(path)
    lexicon = Lexicon.load(entities) if entities else default_lexicon()
    try:
        candidates = extract_claims(text, date, lexicon)
    except UnsupportedLanguageError as exc:
        raise fail(f"{path}: {exc}") from exc
    sys.stdout.write(to_jsonl(candidates))


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the CLI."""
    app.command("extract")(extract)
