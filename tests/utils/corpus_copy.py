"""A private, editable copy of the bundled corpus for bad-input tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from .paths import CORPUS

__all__ = ["CorpusCopy"]


class CorpusCopy:
    """The corpus copied under ``root``, with helpers to spoil one thing at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(CORPUS, root)

    def claims_file(self) -> Path:
        return sorted((self.root / "claims").glob("*.yaml"))[0]

    def edit_first_claim(self, **changes: Any) -> None:
        path = self.claims_file()
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document["claims"][0].update(changes)
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")

    def first_claim(self) -> dict[str, Any]:
        document = yaml.safe_load(self.claims_file().read_text(encoding="utf-8"))
        claim: dict[str, Any] = document["claims"][0]
        return claim

    def first_article(self) -> Path:
        return sorted((self.root / "articles").glob("*.txt"))[0]
