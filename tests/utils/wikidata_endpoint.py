"""A tiny SPARQL 1.1 endpoint on 127.0.0.1 serving tests/data/wikidata-fixture.ttl.

pyoxigraph (in memory) behind the standard library's threaded HTTP server: GET ``?query=`` or
POST (form or ``application/sparql-query``), answers in SPARQL JSON. ``delay`` makes every
answer wait that many seconds (to test timeouts); ``hits`` counts requests.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

__all__ = ["FIXTURE", "Endpoint", "closed_port_url", "wikidata_endpoint"]

FIXTURE = Path(__file__).parent.parent / "data" / "wikidata-fixture.ttl"


@dataclass
class Endpoint:
    url: str
    server: ThreadingHTTPServer
    delay: float = 0.0
    hits: int = 0
    user_agents: list[str] | None = None


def _handler(store: ox.Store, endpoint_ref: list[Endpoint]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            self._answer(params.get("query", [""])[0])

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            if self.headers.get("Content-Type", "").startswith("application/sparql-query"):
                self._answer(body)
            else:
                self._answer(urllib.parse.parse_qs(body).get("query", [""])[0])

        def _answer(self, query: str) -> None:
            endpoint = endpoint_ref[0]
            endpoint.hits += 1
            if endpoint.user_agents is not None:
                endpoint.user_agents.append(self.headers.get("User-Agent", ""))
            if endpoint.delay:
                time.sleep(endpoint.delay)
            try:
                result = store.query(query)
                assert isinstance(result, ox.QuerySolutions | ox.QueryBoolean)
                payload = result.serialize(format=ox.QueryResultsFormat.JSON)
            except (SyntaxError, OSError, ValueError, AssertionError) as exc:
                self._send(400, str(exc).encode(), "text/plain")
                return
            self._send(200, payload or b"", "application/sparql-results+json")

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                pass

    return Handler


@contextmanager
def wikidata_endpoint(delay: float = 0.0, fixture: Path = FIXTURE) -> Iterator[Endpoint]:
    """Serve ``fixture`` at ``http://127.0.0.1:<free port>/sparql`` for the block's duration."""
    store = ox.Store()
    store.load(path=str(fixture), format=ox.RdfFormat.TURTLE)
    ref: list[Endpoint] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(store, ref))
    server.daemon_threads = True
    endpoint = Endpoint(f"http://127.0.0.1:{server.server_address[1]}/sparql", server, delay, 0, [])
    ref.append(endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield endpoint
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was free a moment ago)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/sparql"
