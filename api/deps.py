"""FastAPI dependencies as named aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool

from sanad.graph.limits import LimitedStore
from sanad.graph.store import Store
from sanad.ingest.search_index import SearchIndex
from sanad.ingest.writes import Writer

from .auth import require_token
from .settings import Settings

__all__ = [
    "LimitedStoreDep",
    "SearchDep",
    "SettingsDep",
    "StoreDep",
    "WriteAccess",
    "WriterDep",
    "get_limited_store",
    "get_search",
    "get_settings",
    "get_store",
    "get_writer",
]


def get_store(request: Request) -> Store:
    """The store opened when the app started, behind its query limits."""
    store: Store = request.app.state.store
    return store


def get_limited_store(request: Request) -> LimitedStore:
    """The same store, typed as what it is: reads obey the limits and may be awaited."""
    store: LimitedStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_writer(request: Request) -> Writer:
    """The one writer: every write of the app goes through it (serialised, gated, indexed)."""
    writer: Writer = request.app.state.services.writer
    return writer


async def get_search(request: Request) -> SearchIndex:
    """The search index, refreshed first (off the event loop) if a raw write may have made it stale."""
    index: SearchIndex = request.app.state.services.index
    if index.stale:
        await run_in_threadpool(index.ensure_fresh)
    return index


StoreDep = Annotated[Store, Depends(get_store)]
LimitedStoreDep = Annotated[LimitedStore, Depends(get_limited_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
WriterDep = Annotated[Writer, Depends(get_writer)]
SearchDep = Annotated[SearchIndex, Depends(get_search)]
WriteAccess = Depends(require_token)
