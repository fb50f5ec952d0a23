"""The data graph of a gated write as pyoxigraph triples: the batch plus its store context.

The same triples :func:`sanad.graph.gate.context_of` gives pyshacl (what the store says,
outside the batch's graphs, about the IRIs the batch names), without rdflib in between when
the store is an :class:`~sanad.graph.oxigraph_store.OxigraphStore`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from .batch import Batch
from .oxigraph_store import OxigraphStore
from .store import Store
from .terms import IriCache, to_ox

__all__ = ["GateData", "gate_data"]

_CONTEXT = "SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s ?p ?o }} {keep} }}"
_CHUNK = 5_000  # IRIs per context query


@dataclass
class GateData:
    """Triples to validate, and the batch's own subjects (as text) whose violations count."""

    triples: list[ox.Triple] = field(default_factory=list)
    own: set[str] = field(default_factory=set)


def gate_data(store: Store, batches: list[Batch], predicates: frozenset[str] | None = None) -> GateData:
    """The triples of ``batches`` (validated as one unit) and their context, converted once.

    ``predicates``: the only predicates validation reads (:func:`~.shacl_reads.read_predicates`);
    context triples with others are left out. None keeps them all.
    """
    data, nodes = _batch_triples(batches)
    if isinstance(store, OxigraphStore):
        names = {ox.NamedNode(str(n)) for batch in batches for n in batch.graphs}
        data.triples += _context(store, nodes, names, predicates)
    else:
        from .gate import _merged, context_of  # the generic path, through the Store seam

        context = context_of(store, batches[0] if len(batches) == 1 else _merged(batches))
        data.triples += [ox.Triple(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]
                         for s, p, o in context]
    return data


def _batch_triples(batches: list[Batch]) -> tuple[GateData, set[ox.NamedNode]]:
    data = GateData()
    nodes: set[ox.NamedNode] = set()
    iri = IriCache()
    for graph in (g for batch in batches for g in batch.graphs.values()):
        for s, p, o in graph:
            subject = iri(s) if type(s) is URIRef else to_ox(s)
            predicate = iri(p)
            obj = iri(o) if type(o) is URIRef else to_ox(o)
            if isinstance(s, URIRef):
                nodes.add(subject)  # type: ignore[arg-type]
            if isinstance(o, URIRef) and p != RDF.type:
                nodes.add(obj)  # type: ignore[arg-type]
            if isinstance(s, (URIRef, BNode)):
                data.own.add(str(s))
            if isinstance(s, Literal):
                raise TypeError(f"a literal cannot be a subject: {s}")
            data.triples.append(ox.Triple(subject, predicate, obj))  # type: ignore[arg-type]
    return data, nodes


def _context(store: OxigraphStore, nodes: set[ox.NamedNode], names: set[ox.NamedNode],
             predicates: frozenset[str] | None) -> list[ox.Triple]:
    """Triples outside ``names`` about ``nodes`` (only with ``predicates``, when given).

    The predicate test runs inside the store, so the triples no shape reads (an entity named
    by 100k other claims is the subject of their assertions) never reach Python.
    """
    found: set[ox.Triple] = set()
    ordered = sorted(nodes, key=lambda n: n.value)
    keep = "" if predicates is None else (
        "FILTER (?p IN (" + ", ".join(f"<{p}>" for p in sorted(predicates)) + "))")
    for start in range(0, len(ordered), _CHUNK):
        chunk = " ".join(str(n) for n in ordered[start:start + _CHUNK])
        for row in _rows(store, _CONTEXT.format(nodes=chunk, keep=keep)):
            if row["g"] not in names:
                found.add(ox.Triple(row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
    return list(found)


def _rows(store: OxigraphStore, query: str) -> ox.QuerySolutions:
    solutions = store.raw_query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return solutions
