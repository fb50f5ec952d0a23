"""The write gate: each batch is SHACL-validated with its context, then written whole or not.

A compiled pre-check (:mod:`sanad.graph.shacl_fast`) runs first; when it finds nothing about
the batch's own nodes the batch is accepted. Otherwise pyshacl validates, as the validator of
record, and its report is the one returned (see docs/validation.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from .batch import Batch
from .errors import ValidationFailed
from .gate_data import gate_data
from .results import GraphResult
from .shacl_fast import compiled_for
from .store import Store
from .validation import ValidationReport, Validator

__all__ = ["WriteGate", "context_of"]

log = logging.getLogger(__name__)

_CONTEXT_QUERY = """CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  VALUES ?s {{ {nodes} }}
  GRAPH ?g {{ ?s ?p ?o }}
  {exclude}
}}"""


class WriteGate:
    """Validates batches against the shapes before they reach the store."""

    def __init__(self, store: Store, validator: Validator | None = None, *,
                 compiled: bool = True) -> None:
        self.store = store
        self.validator = validator or Validator.default()
        self.compiled = compiled_for(self.validator) if compiled else None

    def check(self, batch: Batch) -> ValidationReport:
        """Validate ``batch`` with the context it references; write nothing."""
        return self.check_all([batch])

    def check_all(self, batches: list[Batch]) -> ValidationReport:
        """Validate ``batches`` as one unit with their context; write nothing."""
        if not batches:
            return ValidationReport(True, ())
        if self.compiled is not None:
            data = gate_data(self.store, batches, self.compiled.predicates)
            flagged = {f for f in self.compiled.validate(data.triples) if f[0] in data.own}
            if not flagged:
                return ValidationReport(True, ())
        else:
            flagged = set()
        report = self.check_with_pyshacl(batches[0] if len(batches) == 1 else _merged(batches))
        if flagged and report.conforms:
            log.debug("compiled check flagged %d node(s) pyshacl accepts: %s",
                      len(flagged), sorted(flagged)[:10])
        return report

    def check_with_pyshacl(self, batch: Batch) -> ValidationReport:
        """Validate ``batch`` and its context with pyshacl alone (the reference)."""
        data = batch.union()
        own: set[Node] = set(data.subjects())
        data += context_of(self.store, batch)
        # The context is validated too (pyshacl's focus_nodes option cannot be used: it also
        # filters the value nodes of nested shapes, so sh:node, sh:or and qualified shapes
        # would pass or fail vacuously); only violations about the batch's own nodes count.
        return self.validator.validate(data).about(own)

    def submit_all(
        self, batches: list[Batch], on_written: Callable[[Batch], None] | None = None
    ) -> ValidationReport:
        """Validate all batches as one unit, then write them one transaction each, in order.

        If any batch fails validation nothing is written. A crash part-way leaves every batch
        either whole or absent; writing the same batches again completes the set.
        """
        report = self.check_all(batches)
        if not report.conforms:
            raise ValidationFailed(report)
        for batch in batches:
            self.store.write(batch)
            if on_written is not None:
                on_written(batch)
        return report

    def submit(self, batch: Batch) -> ValidationReport:
        """Validate, then write ``batch`` in one transaction; raise ``ValidationFailed`` instead."""
        report = self.check(batch)
        if not report.conforms:
            raise ValidationFailed(report)
        self.store.write(batch)
        return report


def _merged(batches: list[Batch]) -> Batch:
    merged = Batch("all batches")
    for batch in batches:
        for name, graph in batch.graphs.items():
            target = merged.graph(name)
            target += graph
    return merged


def context_of(store: Store, batch: Batch) -> Graph:
    """What the store says, outside the batch's own graphs, about the nodes the batch names.

    This is what validation needs beyond the batch: the article an appearance points at (its
    text and length), the types of claimants and entities, the claim a review is about.
    """
    union = batch.union()
    nodes = {s for s in union.subjects() if isinstance(s, URIRef)}
    nodes |= {o for p, o in union.predicate_objects() if isinstance(o, URIRef) and p != RDF.type}
    if not nodes:
        return Graph()
    exclude = ""
    if batch.graphs:
        names = ", ".join(name.n3() for name in batch.graphs)
        exclude = f"FILTER (?g NOT IN ({names}))"
    query = _CONTEXT_QUERY.format(nodes=" ".join(n.n3() for n in sorted(nodes)), exclude=exclude)
    result = store.query(query, row_limit=1_000_000)
    assert isinstance(result, GraphResult)
    return result.graph
