"""The W3C SPARQL 1.1 Protocol test suite, run by the shared runner against a live server.

The runner loads each test's data with CLEAR ALL + INSERT DATA through /update, so the server
runs over a temporary empty store, never the corpus.
"""

from __future__ import annotations

import subprocess
import sys

from .utils.api import TOKEN
from .utils.paths import SHARED
from .utils.server import LiveServer

RUNNER = SHARED / "tools" / "run_protocol_tests.py"


def test_w3c_protocol_suite_passes_entirely(empty_server: LiveServer) -> None:
    result = subprocess.run(
        [sys.executable, str(RUNNER), "--query-url", f"{empty_server.url}/sparql",
         "--update-url", f"{empty_server.url}/update", "--load", "update", "--token", TOKEN],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert "34 passed, 0 failed" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0
