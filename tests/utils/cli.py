"""Running the installed `sanad` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["run_sanad"]


def run_sanad(*args: str, store: Path | None = None, cwd: Path | None = None,
              timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``sanad ARGS`` with ``SANAD_STORE`` pointing at ``store``; output captured as text."""
    env = dict(os.environ)
    if store is not None:
        env["SANAD_STORE"] = str(store)
    return subprocess.run(
        [sys.executable, "-m", "sanad.api.cli", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout, check=False,
    )
