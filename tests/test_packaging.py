"""A non-editable build ships the ontology and shapes inside ``sanad`` and squats no generic name."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .utils.paths import ROOT


@pytest.mark.slow
def test_wheel_contents(tmp_path: Path) -> None:
    source = tmp_path / "src"  # build from a copy: a build writes into its source tree
    ignore = shutil.ignore_patterns(".venv", "data", ".git", "*.egg-info", "build", "__pycache__", ".*cache")
    shutil.copytree(ROOT, source, ignore=ignore)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("sanad-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "sanad/ontology/sanad.ttl" in names
    assert any(n.startswith("sanad/shapes/") and n.endswith(".ttl") for n in names)
    assert "sanad/graph/store.py" in names and "sanad/api/cli/__init__.py" in names
    top_level = {n.split("/")[0] for n in names}
    assert top_level <= {"sanad", next(n.split("/")[0] for n in names if ".dist-info" in n)}
