"""A SELECT answer of the embedded store, kept in pyoxigraph terms until rdflib terms are asked for.

Most answers the server gives are written straight out as SPARQL JSON; turning every term
into an rdflib term first (rdflib parses typed literals into Python values) cost as much as
the query. Rows in rdflib terms are built on first use of :attr:`rows` and kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox
from rdflib.term import Identifier

from .results import SelectResult
from .results_json import ox_term_json, select_json
from .terms import from_ox

__all__ = ["OxSelectResult"]


class OxSelectResult(SelectResult):
    """:class:`SelectResult` over pyoxigraph solutions (same equality, same rows)."""

    def __init__(self, variables: list[str], solutions: Sequence[ox.QuerySolution],
                 truncated: bool = False) -> None:
        self.variables = variables
        self.truncated = truncated
        self._solutions = solutions
        self._rows: list[dict[str, Identifier]] | None = None

    @property  # type: ignore[override]
    def rows(self) -> list[dict[str, Identifier]]:
        if self._rows is None:
            self._rows = [{name: from_ox(term) for name, term in self._pairs(solution)}
                          for solution in self._solutions]
        return self._rows

    @rows.setter
    def rows(self, rows: list[dict[str, Identifier]]) -> None:
        self._rows = rows

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SelectResult):
            return NotImplemented
        return (self.variables, self.rows, self.truncated) == (other.variables, other.rows,
                                                               other.truncated)

    __hash__ = None  # type: ignore[assignment]

    def sparql_json(self) -> bytes:
        if self._rows is not None:
            return super().sparql_json()
        return select_json(self.variables, (
            {name: ox_term_json(term) for name, term in self._pairs(solution)}
            for solution in self._solutions))

    def _pairs(self, solution: ox.QuerySolution) -> list[tuple[str, object]]:
        return [(name, term) for name in self.variables if (term := solution[name]) is not None]
