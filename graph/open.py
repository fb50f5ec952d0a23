"""Opening the configured store."""

from __future__ import annotations

from pathlib import Path

from .oxigraph_store import OxigraphStore
from .store import Store

__all__ = ["open_store"]


def open_store(path: Path) -> Store:
    """The embedded store kept in directory ``path`` (created if missing)."""
    return OxigraphStore(path)
