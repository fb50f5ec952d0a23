"""What the app holds while it runs: the store behind its limits, the writer, the search index."""

from __future__ import annotations

from dataclasses import dataclass

from sanad import graph
from sanad.ingest.search_index import SearchIndex
from sanad.ingest.writes import Writer

from .settings import Settings

__all__ = ["Services", "open_services"]


@dataclass
class Services:
    """``store`` answers reads within the limits; ``writer`` serialises every write."""

    store: graph.LimitedStore
    writer: Writer
    index: SearchIndex
    owned: graph.Store | None

    def close(self) -> None:
        self.store.close()
        if self.owned is not None:
            self.owned.close()


def open_services(settings: Settings, store: graph.Store | None = None) -> Services:
    """Open the configured store (unless one is given) and bring its search index up to date.

    With ``index_check`` off the index is trusted as it is (see ``sanad index``).
    """
    opened = store or graph.open_store(settings.store, settings.sparql_endpoint())
    limits = graph.QueryLimits(
        time_limit=settings.query_time_limit, row_limit=settings.row_limit,
        slots=settings.query_slots,
    )
    index = SearchIndex(opened)
    try:
        if settings.index_check:
            index.refresh()
        else:
            index.trust()
    except graph.SanadError:
        if store is None:
            opened.close()
        raise
    limited = graph.LimitedStore(opened, limits)
    return Services(
        store=limited,
        writer=Writer(limited, index),
        index=index,
        owned=None if store is not None else opened,
    )
