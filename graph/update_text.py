"""SPARQL Update text for a batch: drop its graphs, insert its triples, in one request."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef

from .batch import Batch

__all__ = ["drop_graphs_update", "replace_graphs_update"]


def drop_graphs_update(names: Iterable[URIRef]) -> str:
    """``DROP SILENT GRAPH`` for each name, as one update request."""
    return " ;\n".join(f"DROP SILENT GRAPH {name.n3()}" for name in names)


def replace_graphs_update(batch: Batch) -> str:
    """One update request that replaces every graph of ``batch`` whole.

    A single request is the unit of atomicity on every SPARQL 1.1 server, so a batch written
    this way is never half there.
    """
    parts = [drop_graphs_update(batch.graphs)]
    blocks = []
    for name, graph in batch.graphs.items():
        if len(graph) == 0:
            continue
        body = "\n".join(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
        blocks.append(f"GRAPH {name.n3()} {{\n{body}\n}}")
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(p for p in parts if p)
