"""Paths of the repository that tests read (never write)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SANAD = ROOT / ".venv" / "bin" / "sanad"
