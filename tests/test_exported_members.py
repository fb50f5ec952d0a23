"""Each package's ``__all__`` names exactly what it exports, and every name exists."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ["sanad.graph", "sanad.ontology", "sanad.queries", "sanad.shapes"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert missing == []


def test_graph_exports_every_public_class_it_imports() -> None:
    module = importlib.import_module("sanad.graph")
    public = {n for n, v in vars(module).items() if not n.startswith("_") and isinstance(v, type)}
    assert public <= set(module.__all__)
