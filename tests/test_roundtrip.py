"""Export and import: TriG, N-Quads and JSON-LD round-trip losslessly; Turtle keeps the triples."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from sanad.graph import OxigraphStore, WriteGate, export_dataset, read_batch


@pytest.mark.parametrize(("fmt", "suffix"), [("trig", ".trig"), ("nquads", ".nq"), ("jsonld", ".jsonld")])
def test_dataset_formats_round_trip(
    corpus_store: OxigraphStore, tmp_path: Path, fmt: str, suffix: str
) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_text(export_dataset(corpus_store, fmt), encoding="utf-8")
    fresh = OxigraphStore(tmp_path / "fresh")
    WriteGate(fresh).submit(read_batch(path))
    assert set(fresh.quads()) == set(corpus_store.quads())
    fresh.close()


def test_turtle_export_keeps_every_triple(corpus_store: OxigraphStore, tmp_path: Path) -> None:
    path = tmp_path / "export.ttl"
    path.write_text(export_dataset(corpus_store, "turtle"), encoding="utf-8")
    batch = read_batch(path, graph=URIRef("http://example.org/union"))
    assert set(batch.union()) == {(s, p, o) for s, p, o, _ in corpus_store.quads()}


def test_union_graph_parses_back_as_turtle(corpus_store: OxigraphStore) -> None:
    text = export_dataset(corpus_store, "turtle")
    assert len(Graph().parse(data=text, format="turtle")) > 0
