"""Schemathesis against /openapi.json of a live server: generated requests on every operation,
writes included (with the token, over a private copy of the corpus), and no server error.

The run uses schemathesis's own command line (its pytest plugin does not load under the
pytest this project uses); it is bounded by ``--max-examples`` and a fixed seed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .utils.api import TOKEN, WRITE_ENV
from .utils.paths import ROOT
from .utils.server import LiveServer, start_server


@pytest.fixture(scope="module")
def fuzzed_server(tmp_path_factory: pytest.TempPathFactory,
                  corpus_store_path: Path) -> Iterator[LiveServer]:
    copy = tmp_path_factory.mktemp("served-fuzzed") / "store"
    shutil.copytree(corpus_store_path, copy)
    server = start_server(copy, extra_env=WRITE_ENV)
    yield server
    server.stop()


def test_no_server_errors_on_any_operation(fuzzed_server: LiveServer, tmp_path: Path) -> None:
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{fuzzed_server.url}/openapi.json",
        "--checks", "not_a_server_error,content_type_conformance",
        "--header", f"Authorization: Bearer {TOKEN}",
        "--max-examples", "5", "--seed", "1", "--request-timeout", "30", "--no-color",
        "--phases", "examples,coverage,fuzzing",
    ]
    # run from a temporary folder: schemathesis keeps a cache (.schemathesis/) in its cwd
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.utils.schemathesis_hooks",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env,
                            timeout=600, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    selected = re.search(r"Selected: (\d+)/(\d+)", output)
    assert selected and selected.group(1) == selected.group(2), output[-4000:]
    assert f"Tested: {selected.group(1)}" in output and "Server error" not in output, output[-4000:]
