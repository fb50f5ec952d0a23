"""FastAPI dependencies as named aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sanad.graph.store import Store

from .settings import Settings

__all__ = ["SettingsDep", "StoreDep", "get_settings", "get_store"]


def get_store(request: Request) -> Store:
    """The store opened when the app started."""
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
