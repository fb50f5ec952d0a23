"""Backend-neutral query results: what every ``Store`` returns from ``query``."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.term import Identifier, Variable

from .results_json import ask_json, rdflib_term_json, select_json

__all__ = ["AskResult", "GraphResult", "QueryResult", "SelectResult"]


@dataclass
class SelectResult:
    """Rows of a SELECT query; a row maps a variable name to a term (unbound ones are absent)."""

    variables: list[str]
    rows: list[dict[str, Identifier]]
    truncated: bool = False

    def values(self, name: str) -> list[Identifier]:
        """The bound values of one variable, in row order."""
        return [row[name] for row in self.rows if name in row]

    def as_rdflib_bindings(self) -> list[dict[Variable, Identifier]]:
        """Rows keyed by rdflib ``Variable``, the shape rdflib's result serializers expect."""
        return [{Variable(k): v for k, v in row.items()} for row in self.rows]

    def sparql_json(self) -> bytes:
        """The rows as a SPARQL 1.1 Query Results JSON document."""
        return select_json(self.variables, (
            {name: rdflib_term_json(term) for name, term in row.items()} for row in self.rows))


@dataclass
class AskResult:
    """The answer of an ASK query."""

    value: bool
    truncated: bool = False

    def sparql_json(self) -> bytes:
        """The answer as a SPARQL 1.1 Query Results JSON document."""
        return ask_json(self.value)


@dataclass
class GraphResult:
    """The triples of a CONSTRUCT or DESCRIBE query."""

    graph: Graph = field(default_factory=Graph)
    truncated: bool = False


QueryResult = SelectResult | AskResult | GraphResult
