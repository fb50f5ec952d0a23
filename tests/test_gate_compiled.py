"""The write gate with the compiled pre-check, on a real on-disk pyoxigraph store.

A clean batch is accepted without pyshacl; a bad one is reported by pyshacl (the same report
pyshacl alone gives) and leaves the store exactly as it was, alone or among good batches.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import URIRef

from sanad.bench.synthetic import context_batches, group_batch, pool
from sanad.graph import Batch, OxigraphStore, ValidationFailed, ValidationReport, WriteGate

SCHEMA_AUTHOR = URIRef("http://schema.org/author")


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[OxigraphStore]:
    store = OxigraphStore(tmp_path / "store")
    for batch in context_batches(pool(7)):
        store.write(batch)
    yield store
    store.close()


def _without_authors(batch: Batch) -> Batch:
    broken = Batch(f"{batch.label} without claimants")
    for name, graph in batch.graphs.items():
        target = broken.graph(name)
        target += graph
        target.remove((None, SCHEMA_AUTHOR, None))
    return broken


def _refuse_pyshacl(batch: Batch) -> ValidationReport:
    raise AssertionError("pyshacl should not run for a clean batch")


def test_clean_batches_pass_without_pyshacl(disk_store: OxigraphStore,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    gate = WriteGate(disk_store)
    assert gate.compiled is not None
    monkeypatch.setattr(gate, "check_with_pyshacl", _refuse_pyshacl)
    batches = [group_batch(n, pool(7), 7) for n in range(3)]
    before = len(disk_store)
    gate.submit_all(batches)
    gate.submit(group_batch(3, pool(7), 7))
    assert len(disk_store) == before + sum(len(b) for b in batches) + len(group_batch(3, pool(7), 7))


def test_rejected_write_changes_nothing_on_disk(disk_store: OxigraphStore) -> None:
    gate = WriteGate(disk_store)
    good = [group_batch(n, pool(7), 7) for n in range(2)]
    bad = _without_authors(group_batch(2, pool(7), 7))
    before = set(disk_store.quads())
    with pytest.raises(ValidationFailed) as failed:
        gate.submit(bad)
    with pytest.raises(ValidationFailed):
        gate.submit_all([*good, bad])
    assert set(disk_store.quads()) == before
    report = failed.value.report
    assert report == gate.check_with_pyshacl(bad)  # the report is pyshacl's own
    assert {r.path for r in report.results} == {str(SCHEMA_AUTHOR)}
    claims = {f"https://w3id.org/sanad/id/claim-s7g2c{i}" for i in range(12)}
    assert claims <= {r.focus for r in report.results}  # every claim (and review) of the group


def test_gate_without_the_compiled_check_decides_the_same(disk_store: OxigraphStore) -> None:
    fast, reference = WriteGate(disk_store), WriteGate(disk_store, compiled=False)
    assert reference.compiled is None
    for batch in (group_batch(5, pool(7), 7), _without_authors(group_batch(6, pool(7), 7))):
        assert fast.check(batch) == reference.check(batch)
