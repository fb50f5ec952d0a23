"""Bulk loading from several threads: the slices cover the file at line boundaries, no quad lost."""

from __future__ import annotations

import itertools
from pathlib import Path

import pyoxigraph as ox
import pytest

from sanad.bench.bulk import bulk_load, line_slices
from sanad.bench.dataset import nquad_lines
from sanad.bench.synthetic import group_batch, pool


@pytest.fixture(scope="module")
def nquads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bulk") / "data.nq"
    path.write_text("".join(nquad_lines(group_batch(n, pool(7))) for n in range(3)), encoding="utf-8")
    return path


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_slices_cover_the_file_and_end_at_newlines(nquads: Path, parts: int) -> None:
    data = nquads.read_bytes()
    slices = line_slices(nquads, parts)
    assert slices[0][0] == 0 and slices[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(slices))
    assert all(data[end - 1:end] == b"\n" for _, end in slices)


def test_a_tiny_file_gives_fewer_slices_than_asked(tmp_path: Path) -> None:
    path = tmp_path / "one.nq"
    path.write_text('<http://ex.org/s> <http://ex.org/p> "o" <http://ex.org/g> .\n', encoding="utf-8")
    assert line_slices(path, 4) == [(0, path.stat().st_size)]


@pytest.mark.parametrize(("threads", "lenient"), [(1, False), (2, False), (3, True)])
def test_every_quad_arrives_once(nquads: Path, tmp_path: Path, threads: int, lenient: bool) -> None:
    expected = ox.Store()
    expected.load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    result = bulk_load(nquads, tmp_path / "store", len(expected), threads=threads, lenient=lenient)
    assert result["threads"] == threads and result["triples_per_s"] > 0
    loaded = ox.Store.read_only(str(tmp_path / "store"))
    assert set(loaded) == set(expected)
