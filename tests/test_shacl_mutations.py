"""Randomly broken data: whatever pyshacl flags, the compiled check flags too.

Seeded mutations (delete a triple, change a literal's datatype, language or text, swap an IRI
for a literal or a blank node, add a second value, …) of the valid example files and of
synthetic write batches checked against a store holding their context. The compiled check
may be stricter (pyshacl then decides), never more lenient.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from sanad.bench.synthetic import context_batches, group_batch, pool
from sanad.graph import Batch, OxigraphStore, Validator, WriteGate
from sanad.graph.gate_data import gate_data
from sanad.graph.shacl_fast import CompiledValidator

from .utils.shacl_diff import both, mutate, pyshacl_pairs

EXAMPLES = Path(__file__).parent / "shapes_examples"
VALID = sorted(EXAMPLES.glob("*-valid.ttl"))
SEED = 20261201




@pytest.mark.parametrize("case", range(240))
def test_mutated_examples(case: int, validator: Validator, compiled: CompiledValidator) -> None:
    rng = random.Random(SEED + case)
    path = VALID[case % len(VALID)]
    data, done = mutate(Graph().parse(path, format="turtle"), rng, steps=1 + case % 3)
    reference, fast = both(validator, compiled, data)
    missed = reference - fast
    assert not missed, f"{path.name} after {done}: compiled missed {sorted(missed)}"


def test_example_mutations_do_break_things(validator: Validator, compiled: CompiledValidator) -> None:
    """The mutations are not vacuous: pyshacl rejects a good share of them."""
    rejected = 0
    for case in range(0, 240, 8):
        rng = random.Random(SEED + case)
        data, _ = mutate(Graph().parse(VALID[case % len(VALID)], format="turtle"), rng,
                         steps=1 + case % 3)
        rejected += bool(both(validator, compiled, data)[0])
    assert rejected >= 10


@pytest.fixture(scope="module")
def synthetic_gate() -> Iterator[WriteGate]:
    store = OxigraphStore(None)
    for batch in context_batches(pool(7)):
        store.write(batch)
    yield WriteGate(store)
    store.close()


@pytest.mark.parametrize("case", range(60))
def test_mutated_synthetic_batches(case: int, synthetic_gate: WriteGate) -> None:
    rng = random.Random(SEED * 7 + case)
    original = group_batch(10_000 + case, pool(7), 7)
    mutated = Batch(original.label)
    names = sorted(original.graphs, key=str)
    victim = rng.choice(names)
    done: list[str] = []
    for name in names:
        graph = original.graphs[name]
        if name == victim:
            graph, done = mutate(graph, rng, steps=1 + case % 2)
        mutated.graph(name).__iadd__(graph)
    gate = synthetic_gate
    assert gate.compiled is not None
    data = gate_data(gate.store, [mutated])
    fast = {f for f in gate.compiled.validate(data.triples) if f[0] in data.own}
    reference = pyshacl_pairs(gate.check_with_pyshacl(mutated), gate.validator.shapes)
    missed = reference - fast
    assert not missed, f"{victim} after {done}: compiled missed {sorted(missed)}"
    assert gate.check(mutated).conforms == (not reference)
