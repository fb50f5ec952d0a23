"""The fact-checkers' web pages: server-rendered Jinja2 templates plus a little vanilla
JavaScript, every file served from this package (no CDN, no build step; see ``docs/ui.md``).

Pages live under ``/ui`` and call :mod:`sanad.queries` like the JSON routes do; the review form
posts to the JSON API (``POST /claims/{id}/reviews``) from the browser with the token the user
types. None of these routes is part of the OpenAPI description (they answer HTML, or TriG).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .pages import router as pages_router
from .rdf import router as rdf_router
from .templating import STATIC

__all__ = ["install_ui"]


def install_ui(app: FastAPI) -> None:
    """Add the pages, the claim TriG route and ``/ui/static`` to ``app``."""
    app.include_router(pages_router)
    app.include_router(rdf_router)
    app.mount("/ui/static", StaticFiles(directory=STATIC), name="ui-static")
