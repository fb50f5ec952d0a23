"""Which predicates a shapes graph can read: the rest of the store is irrelevant to validation.

The compiled check's context is what the store says about the IRIs a batch names. For a
popular entity that includes the subject of every assertion triple that names it (100k at 1M
claims), none of which any shape reads. Keeping only triples whose predicate some shape can
read leaves every result unchanged: a SHACL core constraint reaches data only through
``sh:path`` (and ``rdf:type`` / ``rdfs:subClassOf`` for classes and targets), and a SPARQL
constraint only through the predicates of its triple patterns. A variable predicate in a
SPARQL constraint, or a path this module does not know, means "everything" (``None``).
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.paths import Path
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, Variable

from .shacl_sparql_constraint import declared_prefixes

__all__ = ["read_predicates"]

_PATH_KINDS = (SH.alternativePath, SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath,
               SH.zeroOrOnePath)


def read_predicates(shapes: Graph) -> frozenset[str] | None:
    """IRIs of every predicate the shapes may read, or None when that cannot be bounded."""
    found = {str(RDF.type), str(RDFS.subClassOf)}
    for path in shapes.objects(None, SH.path):
        iris = _path_iris(shapes, path)
        if iris is None:
            return None
        found |= iris
    for constraint in shapes.objects(None, SH.sparql):
        for select in shapes.objects(constraint, SH.select):
            iris = _query_predicates(str(select), declared_prefixes(shapes, constraint))
            if iris is None:
                return None
            found |= iris
    return frozenset(found)


def _path_iris(shapes: Graph, path: Node) -> set[str] | None:
    if isinstance(path, URIRef):
        return {str(path)}
    if not isinstance(path, BNode):
        return None
    if shapes.value(path, RDF.first) is not None:  # a sequence path
        members: list[Node] = list(shapes.items(path))
    else:
        kinds = set(shapes.predicates(path, None))
        if len(kinds) != 1 or next(iter(kinds)) not in _PATH_KINDS:
            return None
        inner = shapes.value(path, next(iter(kinds)))
        if inner is None:
            return None
        members = list(shapes.items(inner)) if kinds == {SH.alternativePath} else [inner]
    found: set[str] = set()
    for member in members:
        iris = _path_iris(shapes, member)
        if iris is None:
            return None
        found |= iris
    return found


def _query_predicates(text: str, prefixes: list[tuple[str, str]]) -> set[str] | None:
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes)
    query = prepareQuery(prologue + text.replace("$this", "?this"))
    found: set[str] = set()
    for predicate in _triple_predicates(query.algebra):
        if isinstance(predicate, URIRef):
            found.add(str(predicate))
        elif isinstance(predicate, Path):
            iris = _rdflib_path_iris(predicate)
            if iris is None:
                return None
            found |= iris
        else:  # a variable (or anything else) in predicate position reads every predicate
            return None
    return found


def _triple_predicates(node: object) -> Iterator[object]:
    if isinstance(node, CompValue):
        if node.name == "BGP":
            yield from (t[1] for t in node.get("triples") or [])
        for value in node.values():
            yield from _triple_predicates(value)
    elif isinstance(node, (list, tuple)) and not isinstance(node, Variable):
        for value in node:
            yield from _triple_predicates(value)


def _rdflib_path_iris(path: Path) -> set[str] | None:
    found: set[str] = set()
    for part in (getattr(path, "args", None) or [getattr(path, "path", None)]):
        if isinstance(part, URIRef):
            found.add(str(part))
        elif isinstance(part, Path):
            inner = _rdflib_path_iris(part)
            if inner is None:
                return None
            found |= inner
        else:
            return None
    return found
