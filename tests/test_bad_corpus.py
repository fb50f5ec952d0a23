"""Bad corpus input: a clear error naming the problem, and the store exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanad.graph import InputError, OxigraphStore, SanadError, ValidationFailed
from sanad.ingest.pipeline import ingest_corpus

from .utils.corpus_copy import CorpusCopy


def _quote_off_by_one(copy: CorpusCopy) -> None:
    app = copy.first_claim()["appearances"][0]
    copy.edit_first_claim(appearances=[{**app, "start": app["start"] + 1, "end": app["end"] + 1}])


def _offsets_outside(copy: CorpusCopy) -> None:
    app = copy.first_claim()["appearances"][0]
    copy.edit_first_claim(appearances=[{**app, "start": 10**6, "end": 10**6 + len(app["quote"])}])


def _unknown_article(copy: CorpusCopy) -> None:
    app = copy.first_claim()["appearances"][0]
    copy.edit_first_claim(appearances=[{**app, "article": "ffffffffffffffff"}])


def _no_appearance(copy: CorpusCopy) -> None:
    copy.edit_first_claim(appearances=[])


def _not_utf8(copy: CorpusCopy) -> None:
    copy.first_article().write_bytes(b"\xff\xfe\x00 not utf-8 \xc3\x28")


def _empty_article(copy: CorpusCopy) -> None:
    copy.first_article().write_text("", encoding="utf-8")


def _edited_article(copy: CorpusCopy) -> None:
    path = copy.first_article()
    path.write_text(path.read_text(encoding="utf-8") + "!", encoding="utf-8")


CASES: list[tuple[str, Callable[[CorpusCopy], None], type[SanadError], str]] = [
    ("bad date", lambda c: c.edit_first_claim(date_said="2023-13-45"), InputError, "2023-13-45"),
    ("unknown modality", lambda c: c.edit_first_claim(modality="rumoured"), ValidationFailed, "modality"),
    ("unknown entity key", lambda c: c.edit_first_claim(claimant="nobody-we-know"), InputError,
     "nobody-we-know"),
    ("quote does not match offsets", _quote_off_by_one, ValidationFailed, "quote"),
    ("offsets outside the text", _offsets_outside, ValidationFailed, ""),
    ("claim pointing at an article not in the store", _unknown_article, InputError, "ffffffffffffffff"),
    ("claim without a source", _no_appearance, InputError, "no appearance"),
    ("article not UTF-8", _not_utf8, InputError, "UTF-8"),
    ("empty article", _empty_article, InputError, "empty"),
    ("article changed since the manifest", _edited_article, InputError, "sha256"),
]


@pytest.mark.parametrize(("name", "spoil", "error", "says"), CASES, ids=[c[0] for c in CASES])
def test_bad_corpus_is_refused_and_the_store_is_unchanged(
    corpus_store: OxigraphStore, tmp_path: Path, name: str,
    spoil: Callable[[CorpusCopy], None], error: type[SanadError], says: str,
) -> None:
    copy = CorpusCopy(tmp_path / "corpus")
    spoil(copy)
    before = set(corpus_store.quads())
    with pytest.raises(error) as raised:
        ingest_corpus(corpus_store, copy.root)
    assert says.lower() in str(raised.value).lower()
    assert set(corpus_store.quads()) == before


def test_bad_corpus_into_an_empty_store_writes_nothing(store: OxigraphStore, tmp_path: Path) -> None:
    copy = CorpusCopy(tmp_path / "corpus")
    copy.edit_first_claim(modality="rumoured")
    with pytest.raises(ValidationFailed):
        ingest_corpus(store, copy.root)
    assert len(store) == 0
