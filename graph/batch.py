"""A write batch: the named graphs one logical change owns, replaced all at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

__all__ = ["Batch", "Quad"]

Quad = tuple[Node, Node, Node, URIRef]


@dataclass
class Batch:
    """Named graphs to write together (one article with its claims, one review, …).

    Writing a batch replaces each of its graphs whole: a graph already in the store with the
    same name is dropped in the same transaction, so writing the same batch twice changes
    nothing. ``label`` names the batch in reports and errors.
    """

    label: str
    graphs: dict[URIRef, Graph] = field(default_factory=dict)
    light: bool = False  # graphs on rdflib's SimpleMemory store: faster to fill, no contexts

    def graph(self, name: URIRef) -> Graph:
        """The graph called ``name`` in this batch, created empty on first use."""
        if name not in self.graphs:
            store = "SimpleMemory" if self.light else "default"
            self.graphs[name] = Graph(store=store, identifier=name)
        return self.graphs[name]

    def quads(self) -> Iterator[Quad]:
        """Every triple of every graph, with its graph name."""
        for name, graph in self.graphs.items():
            for s, p, o in graph:
                yield s, p, o, name

    def union(self) -> Graph:
        """All triples of the batch in one graph, for validation."""
        merged = Graph()
        for graph in self.graphs.values():
            for triple in graph:
                merged.add(triple)
        return merged

    def __len__(self) -> int:
        return sum(len(g) for g in self.graphs.values())

    @classmethod
    def from_dataset(cls, label: str, dataset: Dataset) -> Batch:
        """A batch holding every named graph of ``dataset`` (default-graph triples are refused)."""
        batch = cls(label)
        for s, p, o, g in dataset.quads((None, None, None, None)):
            if not isinstance(g, URIRef) or g == DATASET_DEFAULT_GRAPH_ID:
                raise ValueError(f"{label}: triple outside a named graph: {s} {p} {o}")
            batch.graph(g).add((s, p, o))
        return batch

    @classmethod
    def of(cls, label: str, quads: Iterable[Quad]) -> Batch:
        """A batch from ``(s, p, o, graph)`` tuples."""
        batch = cls(label)
        for s, p, o, g in quads:
            batch.graph(g).add((s, p, o))
        return batch
