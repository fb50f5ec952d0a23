"""Every example data graph in tests/shapes_examples/ runs through the SHACL shapes.

``<Shape>-valid.ttl`` must conform. ``<Shape>-invalid-NN.ttl`` must not conform, every result
must come from the named node shape (or one of its property shapes), so that the example
breaks only what it says it breaks, and one result must come from the constraint its header
names (``# Expected result from: shp:…``).

The worked example of docs/data-model.md (``worked-example-satellites.trig``) must conform as the
union of its named graphs, match the TriG printed in the docs, and be found by the query printed
there.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from sanad.ontology import ID, SCHEMA, S

HERE = Path(__file__).parent
EXAMPLES = HERE / "shapes_examples"
ROOT = HERE.parent
DATA_MODEL = ROOT / "docs" / "data-model.md"
WORKED_EXAMPLE = EXAMPLES / "worked-example-satellites.trig"
SEED_ARTICLE = ROOT / "corpus" / "articles" / "001_2e39b0cb6e5acb28.txt"

SHP = Namespace("https://w3id.org/sanad/shapes#")
CLAIM = ID["claim-putin-russia-will-help-nk-build-satellites"]
ARTICLE = ID["article-2e39b0cb6e5acb28"]
FILE_NAME = re.compile(r"^(?P<shape>[A-Za-z]+Shape)-(?P<kind>valid|invalid-\d{2})\.ttl$")
EXPECTED = re.compile(r"^# Expected result from: shp:(\S+)$", re.MULTILINE)
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.ttl"))


def validate(data: Graph, shapes: Graph, ontology: Graph | None = None) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", abort_on_first=False
    )
    return bool(conforms), report


def top_results(report: Graph) -> list[Node]:
    (report_node,) = report.subjects(RDF.type, SH.ValidationReport)
    return list(report.objects(report_node, SH.result))


def node_shape_of(shapes: Graph, shape: Node) -> Node:
    """The node shape a result's source shape belongs to (itself if it is a node shape)."""
    owner = shapes.value(predicate=SH.property, object=shape)
    return shape if owner is None else owner


def describe(report: Graph) -> str:
    return "\n".join(
        f"  {report.value(r, SH.sourceShape)}: {report.value(r, SH.resultMessage)}"
        for r in top_results(report)
    )


def union_of_trig(path: Path) -> Graph:
    """The union of the named graphs of a TriG file, as an rdflib Graph.

    Parsed with pyoxigraph: rdflib 7.6 warns (DeprecationWarning) from inside its own TriG
    parser, which pytest's filterwarnings=error turns into a failure.
    """
    triples = [quad.triple for quad in ox.parse(path=path, format=ox.RdfFormat.TRIG)]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def markdown_block(language: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", DATA_MODEL.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, f"expected one ```{language} block in {DATA_MODEL}"
    return blocks[0]


# --------------------------------------------------------------------------------------
#  The example files
# --------------------------------------------------------------------------------------


def test_every_node_shape_has_valid_and_invalid_examples(shapes: Graph) -> None:
    targeted = {s for s in shapes.subjects(SH.targetClass, None)}
    names = {FILE_NAME.match(p.name) for p in EXAMPLE_FILES} - {None}
    for shape in targeted:
        local = str(shape).removeprefix(str(SHP))
        kinds = {m["kind"] for m in names if m and m["shape"] == local}
        assert "valid" in kinds, f"no {local}-valid.ttl"
        assert any(k.startswith("invalid-") for k in kinds), f"no {local}-invalid-01.ttl"


def test_every_constraint_has_a_failing_example(shapes: Graph) -> None:
    """Each property shape and SPARQL constraint of a targeted node shape, and each node shape
    with constraints of its own, is named by some invalid example's header."""
    node_level = (SH.nodeKind, SH["class"], SH["or"], SH["node"], SH.pattern)
    constraints: set[Node] = set()
    for shape in set(shapes.subjects(SH.targetClass, None)):
        constraints |= set(shapes.objects(shape, SH.property)) | set(shapes.objects(shape, SH.sparql))
        if any((shape, p, None) in shapes for p in node_level):
            constraints.add(shape)
    named = {SHP[n] for p in EXAMPLE_FILES for n in EXPECTED.findall(p.read_text(encoding="utf-8"))}
    assert not constraints - named, sorted(str(c) for c in constraints - named)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example(path: Path, shapes: Graph) -> None:
    match = FILE_NAME.match(path.name)
    assert match, f"{path.name}: name it <ShapeLocalName>-valid.ttl or -invalid-NN.ttl"
    shape = SHP[match["shape"]]
    assert (shape, RDF.type, SH.NodeShape) in shapes, f"{path.name}: no node shape {shape}"
    text = path.read_text(encoding="utf-8")
    valid = match["kind"] == "valid"
    assert text.startswith("# VALID" if valid else f"# INVALID ({match['shape']})"), (
        f"{path.name} must start with a comment saying why it is (in)valid"
    )

    conforms, report = validate(Graph().parse(data=text, format="turtle"), shapes)

    if valid:
        assert conforms, f"{path.name} should conform:\n{describe(report)}"
        return
    assert not conforms, f"{path.name} should not conform"
    results = top_results(report)
    owners = {node_shape_of(shapes, report.value(r, SH.sourceShape)) for r in results}
    assert owners == {shape}, f"{path.name} must fail on {shape} only:\n{describe(report)}"
    expected = EXPECTED.findall(text)
    assert len(expected) == 1, f"{path.name}: say which constraint fails (# Expected result from:)"
    sources = {report.value(r, p) for r in results for p in (SH.sourceShape, SH.sourceConstraint)}
    assert SHP[expected[0]] in sources, (
        f"{path.name} should fail on shp:{expected[0]}:\n{describe(report)}"
    )


@pytest.mark.parametrize(
    "path", [p for p in EXAMPLE_FILES if p.name.endswith("-valid.ttl")], ids=lambda p: p.stem
)
def test_valid_example_with_ontology_mixed_in(path: Path, shapes: Graph, ontology: Graph) -> None:
    """The store's union graph also holds the vocabulary; it must not change the outcome."""
    conforms, report = validate(Graph().parse(path, format="turtle"), shapes, ontology)
    assert conforms, describe(report)


def test_shapes_catch_an_ill_typed_date(shapes: Graph) -> None:
    """pyshacl reports a lexically invalid xsd:date under sh:datatype (inside sh:or too)."""
    data = (EXAMPLES / "ClaimShape-valid.ttl").read_text(encoding="utf-8")
    broken = data.replace('schema:dateCreated "2023-09-13"', 'schema:dateCreated "2023-13-45"')
    assert broken != data
    conforms, _ = validate(Graph().parse(data=broken, format="turtle"), shapes)
    assert not conforms


# --------------------------------------------------------------------------------------
#  The worked example of docs/data-model.md
# --------------------------------------------------------------------------------------


def test_worked_example_conforms(shapes: Graph, ontology: Graph) -> None:
    data = union_of_trig(WORKED_EXAMPLE)
    conforms, report = validate(data, shapes)
    assert conforms, describe(report)
    conforms, report = validate(data, shapes, ontology)
    assert conforms, describe(report)


def test_worked_example_named_graphs() -> None:
    quads = list(ox.parse(path=WORKED_EXAMPLE, format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {
        str(CLAIM), f"{CLAIM}-assertion", str(ARTICLE), str(ID["graph-entities"]),
        str(ID["handcheck-sanad-editors-2026-11-22"]),
    }
    assertion = [q for q in quads if q.graph_name.value == f"{CLAIM}-assertion"]
    assert len(assertion) == 1, "the assertion graph holds exactly the claim's triple"


def test_worked_example_article_is_the_seed_text() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    data = union_of_trig(WORKED_EXAMPLE)
    assert str(data.value(ARTICLE, SCHEMA.text)) == text
    assert str(data.value(ARTICLE, S.sha256)) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    sentence = (
        "من جهته، نقلت وكالات أنباء رسمية، عن بوتين قوله إن روسيا ستساعد كوريا الشمالية "
        "في بناء أقمار صناعية."
    )
    assert text.index(sentence) == 685
    assert text[694:784] == sentence[9:-1]  # the hand-checked quote: without «من جهته، » and «.»


def test_docs_trig_matches_worked_example() -> None:
    """The TriG in docs/data-model.md is the example file, the article text left out."""
    text_predicate = str(SCHEMA.text)

    def quads(dataset: ox.Dataset) -> set[str]:
        return {
            str(q) for q in dataset
            if not (q.predicate.value == text_predicate and q.subject.value == str(ARTICLE))
        }

    in_docs = ox.Dataset(ox.parse(markdown_block("trig"), format=ox.RdfFormat.TRIG))
    in_file = ox.Dataset(ox.parse(path=WORKED_EXAMPLE, format=ox.RdfFormat.TRIG))
    assert quads(in_docs) == quads(in_file)
    assert len(in_docs) == len(in_file)


def test_docs_query_finds_the_claim() -> None:
    """The query in docs/data-model.md finds the claim by GRAPH ?g { wd:Q159 ?p ?o } in a store
    whose default graph is the union of the named graphs (as the SPARQL endpoint serves it)."""
    store = ox.Store()
    store.load(path=WORKED_EXAMPLE, format=ox.RdfFormat.TRIG)
    solutions = store.query(markdown_block("sparql"), use_default_graph_as_union=True)
    rows = [{v.value: s[v] for v in solutions.variables if s[v] is not None} for s in solutions]
    assert len(rows) == 1
    row = rows[0]
    assert row["claim"] == ox.NamedNode(str(CLAIM))
    assert row["predicate"] == ox.NamedNode("https://w3id.org/sanad/relation/helpBuild")
    assert row["claimant"] == ox.NamedNode("http://www.wikidata.org/entity/Q7747")
    assert row["article"] == ox.NamedNode(str(ARTICLE))
    assert row["publisherLabel"].value == "الخليج الجديد"
    assert row["datePublished"].value == row["dateCreated"].value == "2023-09-13"
    assert (int(row["start"].value), int(row["end"].value)) == (694, 784)
