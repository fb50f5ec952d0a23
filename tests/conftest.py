"""Fixtures: fresh stores (never the configured one) on both backends, and a live server.

``store``, ``corpus_store`` and ``live_server`` are parametrized over the backends: pyoxigraph
in a temporary folder, and a private Virtuoso instance on 127.0.0.1 (skipped, with a line saying
how to run them, where Virtuoso is not installed).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from sanad.graph import OxigraphStore, Store
from sanad.graph.shacl_fast import CompiledValidator
from sanad.graph.validation import Validator
from sanad.ingest.pipeline import ingest_corpus
from sanad.scripts.virtuoso import Virtuoso

from .utils.api import WRITE_ENV
from .utils.backends import BACKENDS, emptied, load_copy, start_virtuoso
from .utils.paths import CORPUS
from .utils.server import LiveServer, start_server
from .utils.vocabulary import load_ontology, load_shapes


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """The tests' own Virtuoso, started once per session and stopped (checkpoint, PID) after."""
    instance = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def served_virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A second instance behind `sanad serve`, so that store tests never clear what it serves."""
    instance = start_virtuoso(tmp_path_factory.mktemp("virtuoso-served"))
    yield instance
    instance.stop()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store: on disk in a temporary folder, or the tests' Virtuoso emptied."""
    if request.param == "virtuoso":
        yield emptied(request.getfixturevalue("virtuoso"))
        return
    opened = OxigraphStore(tmp_path / "store")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def corpus_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder holding the bundled corpus, built once per test session."""
    path = tmp_path_factory.mktemp("corpus-store") / "store"
    opened = OxigraphStore(path)
    ingest_corpus(opened, CORPUS)
    opened.close()
    return path


@pytest.fixture(params=BACKENDS)
def corpus_store(request: pytest.FixtureRequest, corpus_store_path: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the corpus store, free to be written to."""
    if request.param == "virtuoso":
        remote = emptied(request.getfixturevalue("virtuoso"))
        load_copy(corpus_store_path, tmp_path, remote)
        yield remote
        return
    copy = tmp_path / "store"
    shutil.copytree(corpus_store_path, copy)
    opened = OxigraphStore(copy)
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=BACKENDS)
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, corpus_store_path: Path
) -> Iterator[LiveServer]:
    """`sanad serve` on 127.0.0.1 (a free port) over a copy of the corpus store."""
    folder = tmp_path_factory.mktemp("served")
    copy = folder / "store"
    if request.param == "virtuoso":
        instance: Virtuoso = request.getfixturevalue("served_virtuoso")
        load_copy(corpus_store_path, folder, emptied(instance))
        server = start_server(copy, extra_env=instance.env())
    else:
        shutil.copytree(corpus_store_path, copy)
        server = start_server(copy)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def write_server(tmp_path_factory: pytest.TempPathFactory, corpus_store_path: Path) -> Iterator[LiveServer]:
    """`sanad serve` with SANAD_TOKEN set, over a private copy of the corpus store (embedded)."""
    copy = tmp_path_factory.mktemp("served-writable") / "store"
    shutil.copytree(corpus_store_path, copy)
    server = start_server(copy, extra_env=WRITE_ENV)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`sanad serve` with SANAD_TOKEN set over an empty store (for suites that CLEAR ALL)."""
    server = start_server(tmp_path_factory.mktemp("served-empty") / "store", extra_env=WRITE_ENV)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def validator() -> Validator:
    """The validator of record (pyshacl over sanad's shapes)."""
    return Validator.default()


@pytest.fixture(scope="module")
def compiled(validator: Validator) -> CompiledValidator:
    """The compiled pre-check of the same shapes."""
    return CompiledValidator.from_shapes(validator.shapes)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """ontology/sanad.ttl, parsed."""
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """The shapes files, parsed into one graph."""
    return load_shapes()
