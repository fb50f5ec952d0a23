"""Reading sanad's ontology and shapes, and small Turtle snippets that use their prefixes."""

from __future__ import annotations

from rdflib import Graph

from sanad.ontology import ontology_path, sparql_prefixes
from sanad.shapes import shape_files

__all__ = ["SHAPES_NS", "load_ontology", "load_shapes", "turtle"]

SHAPES_NS = "https://w3id.org/sanad/shapes#"

_TURTLE_PREFIXES = sparql_prefixes().replace("PREFIX ", "@prefix ").replace(">\n", "> .\n") + (
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    f"@prefix shp: <{SHAPES_NS}> .\n"
)


def turtle(text: str) -> Graph:
    """A graph from a Turtle snippet that may use any sanad prefix."""
    return Graph().parse(data=_TURTLE_PREFIXES + text, format="turtle")


def load_ontology() -> Graph:
    """ontology/sanad.ttl."""
    return Graph().parse(ontology_path(), format="turtle")


def load_shapes() -> Graph:
    """Every shapes file, in one graph."""
    graph = Graph()
    for path in shape_files():
        graph.parse(path, format="turtle")
    return graph
