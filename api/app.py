"""The FastAPI application, built by :func:`create_app` from explicit settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from sanad import graph

from .body_limit import BodyLimit
from .errors import install_error_handlers
from .openapi_doc import DESCRIPTION, TAGS
from .routes import articles, claims, graph_store, handcheck, health, reviews, sources, sparql, update
from .services import open_services
from .settings import Settings
from .ui import install_ui

__all__ = ["create_app"]


def create_app(settings: Settings, store: graph.Store | None = None) -> FastAPI:
    """An app serving ``settings.store`` (or the given store); the store opens at startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = open_services(settings, store)
        app.state.services = services
        app.state.store = services.store
        try:
            yield
        finally:
            services.close()

    app = FastAPI(
        title="sanad",
        summary="A claim-tracking knowledge graph for Arabic news.",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.body_limit)
    for module in (health, sparql, update, graph_store, claims, sources, reviews, handcheck, articles):
        app.include_router(module.router)
    install_ui(app)  # the fact-checkers' web pages (/ui)
    return app
