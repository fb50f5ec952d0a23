"""Correcting a claim: the id stays, the new text is current, the old version stays queryable."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef

from sanad.graph import NotFound, OxigraphStore, SelectResult, ValidationFailed, WriteGate
from sanad.ingest.corpus import load_corpus
from sanad.ingest.corrections import Correction, correction_batch
from sanad.ingest.ids import claim_iri
from sanad.ontology import ID, sparql_prefixes

from .utils.paths import CORPUS

EDITORS = ID["entity-sanad-editors"]
AT = dt.datetime(2026, 11, 22, 10, 30, tzinfo=dt.UTC)


def _versions(store: OxigraphStore, cid: str) -> SelectResult:
    result = store.query(sparql_prefixes() + f"""
        SELECT ?text ?old WHERE {{
          <{claim_iri(cid)}> schema:text ?text ; s:reviewStatus s:Corrected ;
                             s:previousVersion/schema:text ?old .
          FILTER (lang(?text) = "ar" && lang(?old) = "ar") }}""")
    assert isinstance(result, SelectResult)
    return result


def test_correction_keeps_the_id_and_the_history(corpus_store: OxigraphStore) -> None:
    claim = load_corpus(CORPUS).claims[0]
    batch = correction_batch(corpus_store, claim.id, Correction(text_ar="نص مصحح للادعاء"),
                             EDITORS, "sanad-editors", AT)
    WriteGate(corpus_store).submit(batch)
    rows = _versions(corpus_store, claim.id).rows
    assert [(str(r["text"]), str(r["old"])) for r in rows] == [("نص مصحح للادعاء", claim.text_ar)]

    second = correction_batch(corpus_store, claim.id, Correction(modality="possible"),
                              EDITORS, "sanad-editors", AT + dt.timedelta(hours=1))
    WriteGate(corpus_store).submit(second)
    assert len(_versions(corpus_store, claim.id).rows) == 2  # both earlier versions kept


def test_correcting_a_missing_claim_is_not_found(corpus_store: OxigraphStore) -> None:
    with pytest.raises(NotFound):
        correction_batch(corpus_store, "no-such-claim", Correction(text_ar="x"), EDITORS,
                         "sanad-editors", AT)


def test_invalid_correction_is_rejected_and_changes_nothing(corpus_store: OxigraphStore) -> None:
    claim = load_corpus(CORPUS).claims[0]
    before = set(corpus_store.quads())
    batch = correction_batch(corpus_store, claim.id, Correction(modality="certain"), EDITORS,
                             "sanad-editors", AT)
    with pytest.raises(ValidationFailed) as raised:
        WriteGate(corpus_store).submit(batch)
    assert "modality" in str(raised.value).lower()
    assert set(corpus_store.quads()) == before
    assert URIRef(claim_iri(claim.id)) in corpus_store.graph_names()
