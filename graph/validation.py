"""SHACL validation with pyshacl, and reports in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .errors import RdfSyntaxError

__all__ = ["ValidationReport", "ValidationResult", "Validator"]


@dataclass(frozen=True)
class ValidationResult:
    """One violation: which node, which property, which shape, and the shape's message."""

    focus: str
    path: str | None
    shape: str
    message: str
    value: str | None
    severity: str

    def describe(self) -> str:
        """One line a person can read."""
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value} [{self.shape}]"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a data graph."""

    conforms: bool
    results: tuple[ValidationResult, ...]

    def summary(self) -> str:
        """Plain words: ``conforms`` or one line per violation."""
        if self.conforms:
            return "conforms: no violations"
        lines = [f"{len(self.results)} violation(s):"]
        lines += [f"  - {r.describe()}" for r in self.results]
        return "\n".join(lines)

    def about(self, nodes: set[Node]) -> ValidationReport:
        """The part of this report whose focus nodes are among ``nodes``."""
        names = {str(n) for n in nodes}
        kept = tuple(r for r in self.results if r.focus in names)
        return ValidationReport(not any(r.severity == "Violation" for r in kept), kept)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form for the API."""
        return {
            "conforms": self.conforms,
            "results": [r.__dict__ for r in self.results],
        }


class Validator:
    """Validates data graphs against a shapes graph parsed once."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> Validator:
        """A validator for the shapes in the given Turtle files."""
        shapes = Graph()
        for path in paths:
            try:
                shapes.parse(path, format="turtle")
            except Exception as exc:  # rdflib raises many parser error types
                raise RdfSyntaxError(f"shapes file {path}: {exc}") from exc
        return cls(shapes)

    @classmethod
    def default(cls) -> Validator:
        """The validator for sanad's own shapes (parsed once per process)."""
        return _default_validator()

    def validate(self, data: Graph) -> ValidationReport:
        """Validate ``data``; never modifies it."""
        working = _PreparedQueryGraph()
        working += data
        conforms, results_graph, _ = shacl_validate(
            working,
            shacl_graph=self.shapes,
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            inplace=True,  # on our private copy, which pyshacl then need not clone
        )
        return ValidationReport(bool(conforms), _results(results_graph, self.shapes))


class _PreparedQueryGraph(Graph):
    """A graph that parses each distinct SPARQL text once.

    pyshacl runs a SPARQL-based constraint once per focus node with the same text and a new
    ``$this`` binding; rdflib would parse it every time (≈ 0.4 s each, most of a batch's
    validation time). Parsed queries are cached by their text.
    """

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=64)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


@lru_cache(maxsize=1)
def _default_validator() -> Validator:
    from sanad.shapes import shape_files

    return Validator.from_files(shape_files())


def _results(report: Graph, shapes: Graph) -> tuple[ValidationResult, ...]:
    found = []
    for node in report.subjects(SH.resultSeverity, None):
        found.append(
            ValidationResult(
                focus=_text(report.value(node, SH.focusNode)) or "?",
                path=_text(report.value(node, SH.resultPath)),
                shape=_node_shape(report.value(node, SH.sourceShape), shapes),
                message=_text(report.value(node, SH.resultMessage)) or "constraint violated",
                value=_text(report.value(node, SH.value)),
                severity=(_text(report.value(node, SH.resultSeverity)) or "").rsplit("#", 1)[-1],
            )
        )
    return tuple(sorted(found, key=lambda r: (r.focus, r.path or "", r.message)))


def _node_shape(shape: Node | None, shapes: Graph) -> str:
    """The named shape a result came from (a property shape's parent node shape)."""
    seen = 0
    while shape is not None and not isinstance(shape, URIRef) and seen < 5:
        shape = shapes.value(None, SH.property, shape) or shapes.value(None, SH.sparql, shape)
        seen += 1
    return str(shape) if shape is not None else "?"


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)
