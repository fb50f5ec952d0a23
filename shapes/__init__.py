"""SHACL shapes for sanad data, shipped in the wheel."""

from importlib.resources import files
from pathlib import Path

__all__ = ["shape_files"]


def shape_files() -> list[Path]:
    """Every ``*.ttl`` shapes file in this package, sorted by name."""
    root = Path(str(files(__name__)))
    return sorted(root.glob("*.ttl"))
