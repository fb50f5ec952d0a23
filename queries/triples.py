"""A small read-only triple set with the lookups the claim views make.

The views read a few hundred triples per response; an rdflib ``Graph`` costs tens of
microseconds per triple added (its store keeps contexts and fires events), which was most of a
page of 20 claim summaries. This keeps two dictionaries instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import RDF
from rdflib.term import Node

__all__ = ["Triple", "Triples"]

Triple = tuple[Node, Node, Node]


class Triples:
    """Triples by (subject, predicate) and by (predicate, object)."""

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._sp: dict[tuple[Node, Node], dict[Node, None]] = {}
        self._po: dict[tuple[Node, Node], dict[Node, None]] = {}
        for triple in triples:
            self.add(triple)

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        self._sp.setdefault((s, p), {})[o] = None
        self._po.setdefault((p, o), {})[s] = None

    def __iadd__(self, other: Triples) -> Triples:
        for (s, p), objects in other._sp.items():
            for o in objects:
                self.add((s, p, o))
        return self

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self._sp.get((s, p), {})

    def __len__(self) -> int:
        return sum(len(objects) for objects in self._sp.values())

    def objects(self, subject: Node | None, predicate: Node | None) -> Iterator[Node]:
        """Objects of ``subject`` by ``predicate`` (``None``: any)."""
        if subject is not None and predicate is not None:
            yield from self._sp.get((subject, predicate), {})
            return
        for (s, p), objects in self._sp.items():
            if subject in (None, s) and predicate in (None, p):
                yield from objects

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        yield from self._po.get((predicate, obj), {})

    def value(self, subject: Node | None, predicate: Node) -> Node | None:
        """One object of ``subject`` by ``predicate``, or None."""
        if subject is None:
            return None
        return next(iter(self._sp.get((subject, predicate), {})), None)

    def items(self, head: Node) -> list[Node]:
        """The members of the RDF list starting at ``head``."""
        found: list[Node] = []
        seen: set[Node] = set()
        while head != RDF.nil and head not in seen:
            seen.add(head)
            first = self.value(head, RDF.first)
            if first is None:
                break
            found.append(first)
            rest = self.value(head, RDF.rest)
            if rest is None:
                break
            head = rest
        return found
