"""Shared helpers for the extraction tests: the test lexicon and one-sentence extraction."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from sanad.ingest.candidates import Candidate
from sanad.ingest.entities import Lexicon
from sanad.ingest.extract import extract_claims

LEXICON_FILE = Path(__file__).parent / "data" / "lexicon.yaml"
PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon.load(LEXICON_FILE)


def extract(text: str, published: dt.date | None = PUBLISHED) -> list[Candidate]:
    found = extract_claims(text, published, lexicon())
    for cand in found:
        assert text[cand.start:cand.end] == cand.text
    return found


def one(text: str, published: dt.date | None = PUBLISHED) -> Candidate:
    found = extract(text, published)
    assert len(found) == 1, [c.text for c in found]
    return found[0]
