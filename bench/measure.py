"""Timing, memory and size measurements, and a bounded HTTP load generator for 127.0.0.1."""

from __future__ import annotations

import http.client
import resource
import statistics
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .wrk import wrk_available, wrk_load

__all__ = ["cpu_probe", "disk_size", "http_load", "latencies", "peak_rss_mib", "process_rss_mib",
           "python_load", "summary"]


def summary(seconds: list[float]) -> dict[str, Any]:
    """Median, p95 and p99 in milliseconds, and the count."""
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return {"n": 0}

    def pct(q: float) -> float:
        return round(ms[min(len(ms) - 1, int(q * len(ms)))], 3)

    return {"n": len(ms), "median_ms": round(statistics.median(ms), 3), "p95_ms": pct(0.95),
            "p99_ms": pct(0.99)}


def latencies(run: Callable[[Any], object], inputs: Iterable[Any], warmup: int = 3,
              budget_s: float = 60.0) -> dict[str, Any]:
    """Time ``run(x)`` for each input (after ``warmup`` untimed calls), within a time budget."""
    items = list(inputs)
    for item in items[:warmup]:
        run(item)
    times: list[float] = []
    deadline = time.monotonic() + budget_s
    for item in items:
        began = time.perf_counter()
        run(item)
        times.append(time.perf_counter() - began)
        if time.monotonic() > deadline:
            break
    return summary(times)


def http_load(base_url: str, paths: list[str], *, concurrency: int = 8, requests: int = 3_000,
              budget_s: float = 30.0, accept: str = "application/sparql-results+json") -> dict[str, Any]:
    """GET ``paths`` (cycled) from a server on 127.0.0.1 with keep-alive connections.

    With ``wrk`` installed it makes the load (for ``min(budget_s, 20)`` seconds); otherwise
    Python threads do, bounded by ``requests`` and ``budget_s`` (and costing a core of their
    own, which the figures then include). The result says which generator ran.
    """
    if wrk_available():
        return wrk_load(base_url, paths, seconds=min(budget_s, 20.0), connections=concurrency,
                        accept=accept)
    result = python_load(base_url, paths, concurrency=concurrency, requests=requests,
                         budget_s=budget_s, accept=accept)
    result["generator"] = f"Python, {concurrency} threads (wrk is not installed)"
    return result


def python_load(base_url: str, paths: list[str], *, concurrency: int, requests: int,
                budget_s: float, accept: str) -> dict[str, Any]:
    """The load from ``concurrency`` Python threads: at most ``requests`` and ``budget_s``."""
    parsed = urllib.parse.urlsplit(base_url)
    if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"load generation is for loopback addresses only, not {parsed.hostname}")
    port = parsed.port or 80
    lock = threading.Lock()
    times: list[float] = []
    errors = [0]
    counter = [0]
    deadline = time.monotonic() + budget_s

    def worker() -> None:
        connection = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if counter[0] >= requests:
                    break
                path = paths[counter[0] % len(paths)]
                counter[0] += 1
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept": accept})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - began
            with lock:
                times.append(elapsed)
                errors[0] += 0 if ok else 1
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    result = summary(times)
    result.update({"requests_per_s": round(len(times) / wall, 1), "errors": errors[0],
                   "concurrency": concurrency})
    return result


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def process_rss_mib(pid: int) -> dict[str, float]:
    """Current and peak resident memory of another process (Linux /proc)."""
    fields: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                key = "rss_mib" if name == "VmRSS" else "peak_rss_mib"
                fields[key] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return fields


def disk_size(path: Path) -> int:
    """Bytes under ``path``."""
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def cpu_probe() -> float:
    """Seconds for a fixed pure-Python loop (about 0.6 s on an idle core of the reference
    machine): a run whose probe is much slower shared its CPUs, and its timings are inflated."""
    began = time.perf_counter()
    sum(range(30_000_000))
    return round(time.perf_counter() - began, 2)
