"""Bulk loading an N-Quads file into a new pyoxigraph store, optionally from several threads.

pyoxigraph's bulk loader parses on the calling thread and releases the GIL while it works, so
``threads`` loaders, each given a slice of the file cut at a line boundary, parse in parallel
into the same store. N-Quads lines are independent statements, so any cut at a newline is a
valid file, and the store's quad set does not depend on the order of the slices.
"""

from __future__ import annotations

import io
import itertools
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

__all__ = ["bulk_load", "line_slices"]


def line_slices(path: Path, parts: int) -> list[tuple[int, int]]:
    """``parts`` byte ranges ``[start, end)`` covering ``path``, each ending after a newline."""
    size = path.stat().st_size
    bounds = [0]
    with path.open("rb") as source:
        for k in range(1, parts):
            source.seek(max(bounds[-1], size * k // parts))
            source.readline()  # to the end of the line the cut fell in
            bounds.append(min(size, source.tell()))
    bounds.append(size)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


class _Slice(io.RawIOBase):
    """Reads ``[start, end)`` of a file."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)[: self._left]
        count = self._file.readinto(view) or 0
        self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


def _load_slice(store: ox.Store, data: Path, span: tuple[int, int], *, lenient: bool) -> None:
    with io.BufferedReader(_Slice(data, *span), buffer_size=1 << 20) as reader:
        store.bulk_load(reader, format=ox.RdfFormat.N_QUADS, lenient=lenient)


def _load_all(store_dir: Path, data: Path, slices: list[tuple[int, int]], lenient: bool) -> None:
    """Open, load, flush; the store closes when this returns (the time covers all of it)."""
    store = ox.Store(str(store_dir))
    with ThreadPoolExecutor(len(slices)) as pool:
        list(pool.map(partial(_load_slice, store, data, lenient=lenient), slices))
    store.flush()


def bulk_load(data: Path, store_dir: Path, quads: int, *, threads: int = 1,
              lenient: bool = False) -> dict[str, Any]:
    """Load ``data`` into a new store in ``store_dir``; seconds and triples/s, open to flush."""
    shutil.rmtree(store_dir, ignore_errors=True)
    store_dir.mkdir(parents=True)
    began, cpu = time.perf_counter(), time.process_time()
    slices = line_slices(data, threads)
    _load_all(store_dir, data, slices, lenient)
    seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 2), "triples_per_s": round(quads / seconds),
            "cpu_s": round(time.process_time() - cpu, 2), "threads": len(slices),
            "lenient": lenient, "cpus": os.cpu_count()}
