"""A non-editable wheel ships every file of the web UI (templates, static files, vendored
YASGUI and its licence, the recipes) — pages would otherwise fail only once installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .utils.paths import ROOT

UI = ROOT / "api" / "ui"


@pytest.mark.slow
def test_wheel_ships_the_ui(tmp_path: Path) -> None:
    source = tmp_path / "src"  # build from a copy: a build writes into its source tree
    ignore = shutil.ignore_patterns(".venv", "data", ".git", "*.egg-info", "build", "__pycache__",
                                    ".*cache")
    shutil.copytree(ROOT, source, ignore=ignore)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert built.returncode == 0, built.stderr
    names = set(zipfile.ZipFile(next(tmp_path.glob("sanad-*.whl"))).namelist())
    expected = {f"sanad/api/ui/{p.relative_to(UI).as_posix()}" for p in UI.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    assert expected - names == set()
    assert "sanad/api/ui/static/vendor/yasgui/LICENSE" in names
