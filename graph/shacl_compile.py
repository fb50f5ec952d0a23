"""Compile a SHACL shapes graph into SPARQL queries that find violating focus nodes.

Each targeted shape becomes a few :class:`Check` queries, each returning every ``?this``
(a focus node of the shape) that violates one of its property shapes or node-level
constraints, set-at-a-time. Nested shapes (``sh:node``, ``sh:or``, ``sh:not``,
``sh:qualifiedValueShape``) become boolean SPARQL expressions over a value variable.
Any SHACL feature not listed in ``_KNOWN`` makes compilation fail with
:class:`UnsupportedShape`: a constraint is never skipped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from .shacl_details import detail_checks
from .shacl_literals import ILL_TYPED
from .shacl_sparql import (
    UnsupportedShape,
    datatype_ok,
    items,
    path_text,
    term_text,
)
from .shacl_sparql_constraint import sparql_check
from .terms import string_text

__all__ = ["Check", "UnsupportedShape", "compile_shapes", "instance_of"]

_IGNORED = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.defaultValue}
_VALUE = {SH.datatype, SH["class"], SH.nodeKind, SH.pattern, SH.flags, SH["in"], SH.languageIn,
          SH.minLength, SH.minInclusive, SH.maxInclusive, SH.node, SH["or"], SH["not"]}
_PROPERTY_ONLY = {SH.path, SH.minCount, SH.maxCount, SH.uniqueLang, SH.lessThan,
                  SH.lessThanOrEquals, SH.qualifiedValueShape, SH.qualifiedMinCount,
                  SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint}
_KNOWN = _IGNORED | _VALUE | _PROPERTY_ONLY | {SH.property, SH.targetClass, SH.sparql,
                                                SH.severity, SH.deactivated}
_NODE_KINDS: dict[Node, str] = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_SLOT = "?slot"  # stands for each counted value in a qualified shape's test
_MAX_COUNT = 3  # counting k values needs k variables in one pattern; more is refused


@dataclass(frozen=True)
class Violation:
    """How a focus node violates a constraint: a pattern has a match (``exists``), has none
    (``absent``), or a boolean expression holds (``expr``)."""

    kind: str
    body: str

    def expression(self) -> str:
        """The violation as a SPARQL boolean expression (for nested shapes)."""
        if self.kind == "expr":
            return self.body
        return f"{'' if self.kind == 'exists' else 'NOT '}EXISTS {{ {self.body} }}"

    def where(self, target: str) -> str:
        """A WHERE body binding ``?this`` to violating targets; a match is joined, not
        nested in EXISTS (pyoxigraph evaluates a path such as ``p/q*`` inside EXISTS without
        the outer binding, which is quadratic)."""
        if self.kind == "exists":
            return f"{target} . {self.body}"
        return f"{target} FILTER ({self.expression()})"


@dataclass(frozen=True)
class Check:
    """One query: ``SELECT DISTINCT ?this`` for focus nodes of ``node_shape`` violating ``source``."""

    node_shape: Node
    source: Node
    query: str


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every check for the targeted shapes of ``shapes``; raise :class:`UnsupportedShape`."""
    for forbidden in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        if (None, forbidden, None) in shapes:
            raise UnsupportedShape(f"{forbidden} (only sh:targetClass is compiled)")
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
            shapes.subjects(RDF.type, SH.PropertyShape)):
        if (shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes:
            raise UnsupportedShape(f"{shape} is also a class (implicit class target)")
    compiler = ShapeCompiler(shapes)
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        if not isinstance(shape, URIRef):
            raise UnsupportedShape(f"targeted shape {shape!r} is not named by an IRI")
        checks += compiler.checks(shape)
    return checks


def instance_of(var: str, classes: list[Node]) -> str:
    """A pattern binding ``var`` to SHACL instances of any of ``classes`` (subclasses too)."""
    parts = [f"{{ {var} <{RDF.type}>/<{RDFS.subClassOf}>* {term_text(c)} }}" for c in classes]
    return " UNION ".join(parts)


class ShapeCompiler:
    """Turns shapes into SPARQL: violation patterns at the top, conformance tests nested."""

    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.count = 0
        self.stack: list[Node] = []

    def fresh(self) -> str:
        self.count += 1
        return f"?v{self.count}"

    def checks(self, shape: URIRef) -> list[Check]:
        self.validate_keys(shape)
        target = instance_of("?this", sorted(self.g.objects(shape, SH.targetClass), key=str))
        found = []
        for source, violated in self.units(shape, "?this"):
            query = f"SELECT DISTINCT ?this WHERE {{ {violated.where(target)} }}"
            found.append(Check(shape, source, query))
        for constraint in self.g.objects(shape, SH.sparql):
            found.append(Check(shape, constraint, sparql_check(self.g, constraint, target)))
        first = self.fresh()
        start = instance_of(first, sorted(self.g.objects(shape, SH.targetClass), key=str))
        return found + detail_checks(self, shape, first, start)

    def validate_keys(self, shape: Node) -> None:
        for p in set(self.g.predicates(shape, None)):
            if str(p).startswith(str(SH)) and p not in _KNOWN:
                raise UnsupportedShape(f"{shape}: {p} is not compiled")
        for severity in self.g.objects(shape, SH.severity):
            if severity != SH.Violation:
                raise UnsupportedShape(f"{shape}: sh:severity {severity}")
        if any(d != Literal(False) for d in self.g.objects(shape, SH.deactivated)):
            raise UnsupportedShape(f"{shape}: sh:deactivated")

    def units(self, shape: Node, focus: str) -> list[tuple[Node, Violation]]:
        """(source shape, how ``focus`` violates it) for each part of ``shape``."""
        self.validate_keys(shape)
        if self.g.value(shape, SH.path) is not None:
            return [(shape, e) for e in self.property_violations(shape, focus)]
        if any(self.g.value(shape, p) is not None for p in _PROPERTY_ONLY):
            raise UnsupportedShape(f"{shape}: property constraints without sh:path")
        out = []
        ok = self.value_ok(shape, focus)
        if ok is not None:
            out.append((shape, Violation("expr", f"!COALESCE({ok}, false)")))
        for prop in sorted(self.g.objects(shape, SH.property), key=str):
            self.validate_keys(prop)
            if self.g.value(prop, SH.path) is None:
                raise UnsupportedShape(f"{prop}: sh:property without sh:path")
            out += [(prop, e) for e in self.property_violations(prop, focus)]
        return out

    def conforms(self, shape: Node, focus: str) -> str:
        """An expression true when ``focus`` conforms to ``shape`` (a nested shape)."""
        if shape in self.stack:
            raise UnsupportedShape(f"recursive shape {shape}")
        if (shape, SH.sparql, None) in self.g:
            raise UnsupportedShape(f"{shape}: SPARQL constraint in a nested shape")
        self.stack.append(shape)
        try:
            parts = [f"!({v.expression()})" for _, v in self.units(shape, focus)]
        finally:
            self.stack.pop()
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def value_ok(self, shape: Node, v: str) -> str | None:
        """Conjunction of the per-value-node constraints of ``shape`` on ``v``; None if none."""
        g, tests = self.g, []
        for dt in g.objects(shape, SH.datatype):
            tests.append(datatype_ok(v, dt))
        for cls in g.objects(shape, SH["class"]):
            tests.append(f"EXISTS {{ {instance_of(v, [cls])} }}")
        for kind in g.objects(shape, SH.nodeKind):
            if kind not in _NODE_KINDS:
                raise UnsupportedShape(f"sh:nodeKind {kind}")
            tests.append(_NODE_KINDS[kind].format(v=v))
        tests += self.string_tests(shape, v)
        for low in g.objects(shape, SH.minInclusive):
            tests.append(f"(isLiteral({v}) && {v} >= {term_text(low)})")
        for high in g.objects(shape, SH.maxInclusive):
            tests.append(f"(isLiteral({v}) && {v} <= {term_text(high)})")
        for node in g.objects(shape, SH.node):
            tests.append(self.conforms(node, v))
        for members in g.objects(shape, SH["or"]):
            tests.append("(" + " || ".join(self.conforms(m, v) for m in items(g, members)) + ")")
        for negated in g.objects(shape, SH["not"]):
            tests.append(f"!{self.conforms(negated, v)}")
        return "(" + " && ".join(tests) + ")" if tests else None

    def string_tests(self, shape: Node, v: str) -> list[str]:
        g, tests = self.g, []
        flags = [str(f) for f in g.objects(shape, SH.flags)]
        if len(flags) > 1 or any(set(f) - set("im") for f in flags):
            raise UnsupportedShape(f"{shape}: sh:flags {flags} (only i and m are compiled)")
        for pattern in g.objects(shape, SH.pattern):
            flag = f", {string_text(flags[0])}" if flags else ""
            tests.append(f"({_as_written(v)} && REGEX(STR({v}), {string_text(str(pattern))}{flag}))")
        for allowed in g.objects(shape, SH["in"]):
            members = items(g, allowed)
            if any(isinstance(t, Literal) and t.datatype not in (None, XSD.string) for t in members):
                raise UnsupportedShape(f"{shape}: typed literals in sh:in (pyoxigraph rewrites them)")
            options = [f"sameTerm({v}, {term_text(t)})" for t in members]
            tests.append("(" + (" || ".join(options) or "false") + ")")
        for languages in g.objects(shape, SH.languageIn):
            tests.append(_language_in(v, [str(t).lower() for t in items(g, languages)]))
        for length in g.objects(shape, SH.minLength):
            if _integer(length) > 0:
                tests.append(f"({_as_written(v)} && STRLEN(STR({v})) >= {_integer(length)})")
        return tests

    def property_violations(self, prop: Node, focus: str) -> list[Violation]:
        """How ``focus`` can violate each part of property shape ``prop``."""
        g = self.g
        if (prop, SH.property, None) in g or (prop, SH.sparql, None) in g:
            raise UnsupportedShape(f"{prop}: sh:property or sh:sparql on a property shape")
        paths = list(g.objects(prop, SH.path))
        if len(paths) != 1:
            raise UnsupportedShape(f"{prop}: needs exactly one sh:path")
        path = path_text(g, paths[0])
        found: list[Violation] = []
        value = self.fresh()
        ok = self.value_ok(prop, value)
        if ok is not None:
            found.append(Violation(
                "exists", f"{focus} {path} {value} FILTER (!COALESCE({ok}, false))"))
        for low in g.objects(prop, SH.minCount):
            found += self.counted(focus, path, _integer(low), "true", "absent")
        for high in g.objects(prop, SH.maxCount):
            found += self.counted(focus, path, _integer(high) + 1, "true", "exists")
        if any(bool(u.toPython()) for u in g.objects(prop, SH.uniqueLang) if isinstance(u, Literal)):
            a, b = self.fresh(), self.fresh()
            found.append(Violation("exists", f'{focus} {path} {a} . {focus} {path} {b} FILTER ('
                                   f'!sameTerm({a}, {b}) && LANG({a}) != "" && '
                                   f'LCASE(LANG({a})) = LCASE(LANG({b})))'))
        for other in g.objects(prop, SH.lessThan):
            found.append(self.compare(focus, path, other, "<"))
        for other in g.objects(prop, SH.lessThanOrEquals):
            found.append(self.compare(focus, path, other, "<="))
        found += self.qualified(prop, focus, path)
        return found

    def counted(self, focus: str, path: str, k: int, test: str, kind: str) -> list[Violation]:
        """A violation when ``k`` distinct values along ``path`` satisfying ``test`` exist
        (``kind="exists"``) or do not (``"absent"``)."""
        if k <= 0:
            return [] if kind == "absent" else [Violation("expr", "true")]
        if k > _MAX_COUNT + 1:
            raise UnsupportedShape(f"counting {k} values is not compiled")
        names = [self.fresh() for _ in range(k)]
        triples = " . ".join(f"{focus} {path} {n}" for n in names)
        filters = [f"!sameTerm({a}, {b})" for a, b in combinations(names, 2)]
        filters += [test.replace(_SLOT, n) for n in names if test != "true"]
        where = f" FILTER ({' && '.join(filters)})" if filters else ""
        return [Violation(kind, f"{triples}{where}")]

    def compare(self, focus: str, path: str, other: Node, op: str) -> Violation:
        if not isinstance(other, URIRef):
            raise UnsupportedShape(f"sh:lessThan with a non-IRI path {other!r}")
        a, b = self.fresh(), self.fresh()
        same_kind = (f"(sameTerm(DATATYPE({a}), DATATYPE({b})) || "
                     f"(isNumeric({a}) && isNumeric({b})))")
        zones = f'(COALESCE(TZ({a}) = "", true) = COALESCE(TZ({b}) = "", true))'
        ok = f"(isLiteral({a}) && isLiteral({b}) && {same_kind} && {zones} && {a} {op} {b})"
        return Violation("exists", f"{focus} {path} {a} . {focus} {term_text(other)} {b} "
                                   f"FILTER (!COALESCE({ok}, false))")

    def qualified(self, prop: Node, focus: str, path: str) -> list[Violation]:
        g = self.g
        shapes = list(g.objects(prop, SH.qualifiedValueShape))
        if not shapes:
            return []
        if len(shapes) > 1 or any(d != Literal(False) for d in
                                  g.objects(prop, SH.qualifiedValueShapesDisjoint)):
            raise UnsupportedShape(f"{prop}: several or disjoint qualified value shapes")
        if not isinstance(shapes[0], (BNode, URIRef)):
            raise UnsupportedShape(f"{prop}: qualified value shape {shapes[0]!r}")
        test = self.conforms(shapes[0], _SLOT)
        found = []
        for low in g.objects(prop, SH.qualifiedMinCount):
            found += self.counted(focus, path, _integer(low), test, "absent")
        for high in g.objects(prop, SH.qualifiedMaxCount):
            found += self.counted(focus, path, _integer(high) + 1, test, "exists")
        return found


def _as_written(v: str) -> str:
    """True when STR(v) is the text pyshacl sees: an IRI, a string, or a literal marked
    ill-typed (pyoxigraph rewrites other typed literals into canonical form)."""
    return (f'(isIRI({v}) || (isLiteral({v}) && (LANG({v}) != "" || '
            f'sameTerm(DATATYPE({v}), <{XSD.string}>) || '
            f'STRSTARTS(STR(DATATYPE({v})), "{ILL_TYPED}"))))')


def _integer(term: Node) -> int:
    """A count or length from the shapes graph (an integer literal)."""
    value = term.toPython() if isinstance(term, Literal) else None
    if not isinstance(value, int) or isinstance(value, bool):
        raise UnsupportedShape(f"expected an integer, got {term!r}")
    return value


def _language_in(v: str, ranges: list[str]) -> str:
    """pyshacl's sh:languageIn: the whole tag, or its first subtag, is one of ``ranges``."""
    if "*" in ranges:
        return f'(isLiteral({v}) && LANG({v}) != "")'
    listed = ", ".join(string_text(r) for r in ranges) or '""'
    whole = f"LCASE(LANG({v}))"
    first = f'STRBEFORE(CONCAT(LCASE(LANG({v})), "-"), "-")'
    return f'(isLiteral({v}) && LANG({v}) != "" && ({whole} IN ({listed}) || {first} IN ({listed})))'
