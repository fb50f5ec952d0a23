"""The FastAPI application, built by :func:`create_app` from explicit settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from sanad import graph

from .errors import install_error_handlers
from .routes import health, sparql
from .settings import Settings

__all__ = ["create_app"]


def create_app(settings: Settings, store: graph.Store | None = None) -> FastAPI:
    """An app serving ``settings.store`` (or the given store); the store opens at startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store or graph.open_store(settings.store)
        app.state.store = opened
        try:
            yield
        finally:
            if store is None:
                opened.close()

    app = FastAPI(
        title="sanad",
        summary="A claim-tracking knowledge graph for Arabic news.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(sparql.router)
    return app
