"""What every command shares: settings, the configured store, and errors turned into exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from pydantic import ValidationError

from sanad.graph import SanadError, Store, ValidationFailed, open_store
from sanad.graph.errors import InputError, QueryError

from ..settings import Settings

__all__ = ["EXIT_INVALID", "EXIT_USAGE", "configured_store", "fail", "load_settings", "reporting"]

EXIT_INVALID = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_INVALID) -> typer.Exit:
    """Print ``sanad: message`` on stderr; the caller raises the returned exit."""
    print(f"sanad: {message}", file=sys.stderr)
    return typer.Exit(code)


def load_settings() -> Settings:
    """Settings from the environment; a bad value is a usage error."""
    try:
        return Settings()
    except ValidationError as exc:
        raise fail(f"bad setting: {exc}", EXIT_USAGE) from exc


@contextmanager
def reporting() -> Iterator[None]:
    """Turn sanad errors into a line on stderr and exit 1 (invalid data)."""
    try:
        yield
    except ValidationFailed as exc:
        raise fail(f"rejected, nothing was written.\n{exc.report.summary()}") from exc
    except (InputError, QueryError) as exc:
        raise fail(str(exc)) from exc
    except SanadError as exc:
        raise fail(str(exc)) from exc


@contextmanager
def configured_store() -> Iterator[Store]:
    """The store named by the settings, closed afterwards."""
    settings = load_settings()
    with reporting():
        store = open_store(settings.store, settings.sparql_endpoint())
    try:
        yield store
    finally:
        store.close()
