"""HTTP servers under test, each in its own process on 127.0.0.1: `sanad serve` and the peer.

The peer is rdflib-endpoint (vemonet/rdflib-endpoint) serving the same N-Quads from rdflib's
in-memory store: ``python -m sanad.bench.servers PATH PORT``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["Served", "peer_available", "serve_peer", "serve_sanad"]


class Served:
    """A server process and its base URL."""

    def __init__(self, process: subprocess.Popen[bytes], url: str, query_path: str,
                 startup_s: float) -> None:
        self.process, self.url, self.query_path = process, url, query_path
        self.startup_s = startup_s


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def peer_available() -> bool:
    try:
        import rdflib_endpoint  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def _running(command: list[str], env: dict[str, str], probe: str, log: Path,
             timeout: float, query_path: str) -> Iterator[Served]:
    port = _free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    began = time.monotonic()
    try:
        deadline = began + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[2]} exited with {process.returncode}; see {log}")
            try:
                with urllib.request.urlopen(url + probe, timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s") from None
                time.sleep(0.5)
        yield Served(process, url, query_path, round(time.monotonic() - began, 1))
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serve_sanad(store: Path, log: Path, extra_env: dict[str, str] | None = None) -> Iterator[Served]:
    """`sanad serve` (one uvicorn worker, no access log) over the embedded store in ``store``."""
    env = {**os.environ, "SANAD_STORE": str(store), **(extra_env or {})}
    command = [sys.executable, "-m", "sanad.api.cli", "serve", "--host", "127.0.0.1", "--port", "{port}",
               "--no-access-log"]
    # the API builds its search index at startup: give a large store time
    with _running(command, env, "/health", log, 1800, "/sparql") as served:
        yield served


@contextmanager
def serve_peer(data: Path, log: Path, timeout: float = 1800) -> Iterator[Served]:
    """rdflib-endpoint over ``data`` loaded into rdflib's in-memory Dataset (union default graph)."""
    command = [sys.executable, "-m", "sanad.bench.servers", str(data), "{port}"]
    with _running(command, dict(os.environ), "/?query=ASK%7B%7D", log, timeout, "/") as served:
        yield served


def _peer_main(data: str, port: int) -> None:
    import uvicorn
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    app = SparqlEndpoint(graph=dataset, public_url=f"http://127.0.0.1:{port}/")
    # the same server settings sanad gets: httptools, uvloop, no access log
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
                http="httptools", loop="uvloop")


if __name__ == "__main__":
    _peer_main(sys.argv[1], int(sys.argv[2]))
