"""Opening the configured store: a SPARQL server when one is named, else the embedded one."""

from __future__ import annotations

from pathlib import Path

from .oxigraph_store import OxigraphStore
from .sparql_store import SparqlEndpoint, SparqlStore
from .store import Store

__all__ = ["open_store"]


def open_store(path: Path, sparql: SparqlEndpoint | None = None) -> Store:
    """The store on the SPARQL server ``sparql``, or else the embedded store in directory ``path``.

    The embedded store's directory is created if missing; a SPARQL server is not contacted
    until the first query.
    """
    if sparql is not None:
        return SparqlStore(sparql)
    return OxigraphStore(path)
