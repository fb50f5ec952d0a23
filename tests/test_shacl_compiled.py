"""The compiled SHACL check agrees with pyshacl, and refuses shapes it cannot compile.

pyshacl is the reference: every (focus node, node shape) it reports must be flagged by the
compiled check too; on the example files and the corpus the two must agree exactly.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from sanad.graph import Batch, OxigraphStore, ValidationFailed, Validator, WriteGate
from sanad.graph.gate_data import gate_data
from sanad.graph.shacl_compile import UnsupportedShape, compile_shapes
from sanad.graph.shacl_fast import CompiledValidator, compiled_for
from sanad.ingest.corpus import load_corpus
from sanad.ingest.corpus_batches import corpus_batches

from .utils.paths import CORPUS
from .utils.shacl_diff import both, pyshacl_pairs

EXAMPLES = Path(__file__).parent / "shapes_examples"
SCHEMA = "http://schema.org/"
S = "https://w3id.org/sanad/ontology#"




def _example(path: Path) -> Graph:
    if path.suffix == ".trig":
        triples = [q.triple for q in ox.parse(path=path, format=ox.RdfFormat.TRIG)]
        text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return Graph().parse(data=text, format="nt")
    return Graph().parse(path, format="turtle")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.t*")), ids=lambda p: p.stem)
def test_example_files_agree(path: Path, validator: Validator, compiled: CompiledValidator) -> None:
    reference, fast = both(validator, compiled, _example(path))
    assert fast == reference, f"pyshacl {sorted(reference)}\ncompiled {sorted(fast)}"
    assert bool(reference) == ("-invalid-" in path.name)


def test_corpus_batches_agree_one_by_one_and_as_one_unit(validator: Validator) -> None:
    store = OxigraphStore(None)
    gate = WriteGate(store, validator)
    assert gate.compiled is not None
    batches = list(corpus_batches(load_corpus(CORPUS)))
    for batch in batches:
        _assert_agree(gate, batch)
        store.write(batch)
    merged = Batch("whole corpus")
    for batch in batches[2:]:
        for name, graph in batch.graphs.items():
            merged.graph(name).__iadd__(graph)
    _assert_agree(gate, merged)


def _assert_agree(gate: WriteGate, batch: Batch) -> None:
    assert gate.compiled is not None
    data = gate_data(gate.store, [batch])
    fast = {f for f in gate.compiled.validate(data.triples) if f[0] in data.own}
    reference = pyshacl_pairs(gate.check_with_pyshacl(batch), gate.validator.shapes)
    assert fast == reference, batch.label


_CLAIM = (EXAMPLES / "ClaimShape-valid.ttl").read_text(encoding="utf-8")
_SELECTOR = (EXAMPLES / "TextPositionSelectorShape-valid.ttl").read_text(encoding="utf-8")
_TRICKY = [
    ("2023-09-13", XSD.date), ("2023-09-13Z", XSD.date), ("2023-09-13+03:00", XSD.date),
    ("-2023-09-13", XSD.date), ("0000-01-01", XSD.date), ("2023-02-29", XSD.date),
    ("2024-02-29", XSD.date), ("2023-9-13", XSD.date), ("20230913", XSD.date),
    (" 2023-09-13", XSD.date), ("2023-09-13T10:00:00", XSD.dateTime),
    ("2023-09-13T10:00:00.1234567Z", XSD.dateTime), ("2023-09-13T24:00:00", XSD.dateTime),
    ("2023-09-13T10:00", XSD.dateTime), ("2023-09-13 10:00:00", XSD.dateTime),
    ("2023-09-13T10:00:60", XSD.dateTime), ("2023-09-13T10:00:00+14:00", XSD.dateTime),
    ("2023-09-13", XSD.dateTime), ("12023-09-13", XSD.date),
]


@pytest.mark.parametrize(("lexical", "datatype"), _TRICKY)
def test_tricky_dates(lexical: str, datatype: URIRef, validator: Validator,
                      compiled: CompiledValidator) -> None:
    data = Graph().parse(data=_CLAIM, format="turtle")
    claim = URIRef("https://w3id.org/sanad/id/claim-c0001")
    data.set((claim, URIRef(SCHEMA + "dateCreated"), Literal(lexical, datatype=datatype)))
    reference, fast = both(validator, compiled, data)
    assert reference <= fast


@pytest.mark.parametrize("lexical", ["84", "+84", "084", "-0", "-5", "8.4", "1e2", " 84", "٨٤", "8_4"])
@pytest.mark.parametrize("datatype", [XSD.integer, XSD.nonNegativeInteger, XSD.decimal, XSD.string])
def test_tricky_offsets(lexical: str, datatype: URIRef, validator: Validator,
                        compiled: CompiledValidator) -> None:
    data = Graph().parse(data=_SELECTOR, format="turtle")
    start = URIRef("http://www.w3.org/ns/oa#start")
    for selector in list(data.subjects(start, None)):
        data.set((selector, start, Literal(lexical, datatype=datatype)))
    reference, fast = both(validator, compiled, data)
    assert reference <= fast


def _shapes_with(extra: str) -> Graph:
    shapes = Graph()
    shapes += Validator.default().shapes
    shapes.parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <{SCHEMA}> .
        <urn:test:ArticleLength> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;
            sh:property [ sh:path schema:identifier ; {extra} ] .""", format="turtle")
    return shapes


def test_unsupported_feature_is_refused_and_the_gate_uses_pyshacl(tmp_path: Path) -> None:
    shapes = _shapes_with("sh:maxLength 3")
    with pytest.raises(UnsupportedShape, match="maxLength"):
        compile_shapes(shapes)
    validator = Validator(shapes)
    assert compiled_for(validator) is None
    store = OxigraphStore(tmp_path / "store")
    gate = WriteGate(store, validator)
    assert gate.compiled is None
    batch = Batch("one article")
    article = Graph().parse(EXAMPLES / "NewsArticleShape-valid.ttl", format="turtle")
    batch.graph(URIRef("urn:test:g")).__iadd__(article)
    with pytest.raises(ValidationFailed) as failed:  # 16 hex digits are longer than 3
        gate.submit(batch)
    assert any("ArticleLength" in r.shape or r.path for r in failed.value.report.results)
    assert len(store) == 0
    store.close()


@pytest.mark.parametrize("extra", [
    "sh:severity sh:Warning ; sh:minCount 1", "sh:hasValue 1", "sh:equals schema:name",
    "sh:minCount 9", "sh:datatype <urn:test:unknown-datatype>", "sh:pattern 'x' ; sh:flags 's'",
])
def test_other_unsupported_features_are_refused(extra: str) -> None:
    with pytest.raises(UnsupportedShape):
        compile_shapes(_shapes_with(extra))
