"""Synthetic corpora written once as N-Quads files (cached by size and seed), in parallel."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sanad.graph.batch import Batch
from sanad.graph.terms import to_ox

from .synthetic import context_batches, group_batch, groups_for, pool

__all__ = ["Dataset", "build", "nquad_lines", "shape_key"]


@dataclass(frozen=True)
class Dataset:
    """A synthetic corpus on disk."""

    path: Path
    claims: int
    groups: int
    quads: int
    seed: int


def nquad_lines(batch: Batch) -> str:
    """Every quad of ``batch`` as N-Quads text."""
    return "".join(
        f"{to_ox(s)} {to_ox(p)} {to_ox(o)} {to_ox(g)} .\n" for s, p, o, g in batch.quads()
    )


def shape_key(seed: int = 7) -> str:
    """A short digest of the sorted quads of group 0 (it changes when their shape does)."""
    lines = sorted(nquad_lines(group_batch(0, pool(seed), seed)).splitlines())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:10]


def _write_part(args: tuple[Path, int, int, int]) -> int:
    path, first, last, seed = args
    p = pool(seed)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(first, last):
            batch = group_batch(number, p, seed)
            out.write(nquad_lines(batch))
            count += len(batch)
    return count


def build(claims: int, folder: Path, seed: int = 7, workers: int | None = None) -> Dataset:
    """The corpus of about ``claims`` claims as ``folder/synthetic-{claims}-{seed}-{shape}.nq``.

    ``shape`` fingerprints the quads of group 0, so a cached file made before a change to the
    mapping or the index is never reused.
    """
    folder.mkdir(parents=True, exist_ok=True)
    groups = groups_for(claims)
    path = folder / f"synthetic-{claims}-{seed}-{shape_key(seed)}.nq"
    counted = path.with_suffix(".count")
    if path.exists() and counted.exists():
        return Dataset(path, claims, groups, int(counted.read_text()), seed)
    workers = workers or min(2, os.cpu_count() or 1)
    step = max(1, -(-groups // (workers * 8)))
    parts = [(path.with_suffix(f".part{i}"), start, min(groups, start + step), seed)
             for i, start in enumerate(range(0, groups, step))]
    with ProcessPoolExecutor(max_workers=workers) as executor:
        quads = sum(executor.map(_write_part, parts))
    with path.open("w", encoding="utf-8") as out:
        for batch in context_batches(pool(seed)):
            out.write(nquad_lines(batch))
            quads += len(batch)
        for part, *_ in parts:
            with part.open(encoding="utf-8") as source:
                while chunk := source.read(1 << 24):
                    out.write(chunk)
            part.unlink()
    counted.write_text(str(quads))
    return Dataset(path, claims, groups, quads, seed)
