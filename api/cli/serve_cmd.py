"""``sanad serve``: serve the HTTP API on 127.0.0.1."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from ..app import create_app
from .common import load_settings


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve /health and the read-only /sparql endpoint over the configured store."""
    settings = load_settings()
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        log_level="info",
    )


def register(app: typer.Typer) -> None:
    app.command()(serve)
