"""``python -m sanad.scripts.virtuoso``: a private instance on 127.0.0.1, started and stopped by PID."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sanad.scripts.virtuoso import Virtuoso, available

from .utils.backends import SKIP_VIRTUOSO


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sanad.scripts.virtuoso", *args],
                          capture_output=True, text=True, timeout=180, check=False)


def test_stop_without_an_instance_is_an_error(tmp_path: Path) -> None:
    done = _script("stop", str(tmp_path))
    assert done.returncode == 1 and "no instance started there" in done.stderr


@pytest.mark.skipif(not available(), reason=SKIP_VIRTUOSO)
def test_start_prints_settings_and_stop_ends_the_process(tmp_path: Path) -> None:
    folder = tmp_path / "vt"
    started = _script("start", str(folder))
    assert started.returncode == 0, started.stderr
    settings = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines())
    instance = Virtuoso.load(folder)
    try:
        assert settings["SANAD_SPARQL_QUERY_URL"] == f"http://127.0.0.1:{instance.http_port}/sparql"
        assert {instance.http_port, instance.sql_port}.isdisjoint({8890, 1111})
        ini = (folder / "virtuoso.ini").read_text()
        assert f"ServerPort               = 127.0.0.1:{instance.sql_port}" in ini
        assert instance.dba_password != "dba"  # the default password was replaced
        assert oct((folder / "sanad-virtuoso.json").stat().st_mode & 0o777) == "0o600"
        assert instance.running()
    finally:
        stopped = _script("stop", str(folder))
    assert stopped.returncode == 0, stopped.stderr
    assert not instance.running()
    with pytest.raises(ProcessLookupError):
        os.kill(instance.pid, 0)
