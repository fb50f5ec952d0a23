"""HTTP load from wrk (Debian's ``wrk``), a C load generator, on 127.0.0.1 only.

The Python generator in :mod:`sanad.bench.measure` spends a core of its own on each request
it makes, so on a 2-core machine it measures itself as much as the server; wrk's cost per
request is a few microseconds. Bounded by time (``seconds``) and by its connections.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

__all__ = ["wrk_available", "wrk_load"]

# Cycles through the paths (one per line of the file given after --); prints percentiles in µs.
_SCRIPT = """
local paths, i = {}, 0
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "%ACCEPT%"})
end
done = function(summary, latency, requests)
  io.write(string.format("sanad-stats %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max))
end
"""


def wrk_available() -> bool:
    """Whether the ``wrk`` command is on PATH."""
    return shutil.which("wrk") is not None


def wrk_load(base_url: str, paths: list[str], *, seconds: float = 20.0, connections: int = 8,
             accept: str = "application/sparql-results+json") -> dict[str, Any]:
    """Requests/s, latency percentiles and errors of ``paths`` (cycled) against ``base_url``."""
    host = urllib.parse.urlsplit(base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"load generation is for loopback addresses only, not {host}")
    with tempfile.TemporaryDirectory(prefix="sanad-wrk-") as folder:
        script, listing = Path(folder, "paths.lua"), Path(folder, "paths.txt")
        script.write_text(_SCRIPT.replace("%ACCEPT%", accept))
        listing.write_text("\n".join(paths) + "\n")
        command = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
                   "-s", str(script), base_url, "--", str(listing)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("sanad-stats "))
    count, micros, errors, p50, p95, p99, most = (int(v) for v in line.split()[1:])
    return {"n": count, "requests_per_s": round(count / (micros / 1e6), 1), "errors": errors,
            "median_ms": p50 / 1000, "p95_ms": p95 / 1000, "p99_ms": p99 / 1000, "max_ms": most / 1000,
            "concurrency": connections, "generator": "wrk 1 thread"}
