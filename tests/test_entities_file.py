"""corpus/entities.yaml as a source of verified Wikidata links (issue 5, part 1).

Every entry needs evidence: where its QID was verified, or why it has none. A QID must be
well formed, belong to one entry only, and be named in its evidence (the public page or file
that was read). :func:`problems` is the check; the bad examples prove it rejects what it must.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from sanad.ingest.corpus import load_corpus
from sanad.ingest.rdf_sources import add_entity
from sanad.ontology import WD

ENTITIES = Path(__file__).parent.parent / "corpus" / "entities.yaml"
QID = re.compile(r"Q[1-9][0-9]*")
TYPES = {"person", "country", "place", "organisation", "outlet", "agency", "weapon", "event",
         "thing", "unnamed_source"}
RECORDS: list[dict[str, Any]] = yaml.safe_load(ENTITIES.read_text(encoding="utf-8"))["entities"]


def problems(entry: dict[str, Any]) -> list[str]:
    """What is wrong with one entry (empty when it is acceptable)."""
    out = []
    qid, evidence = entry.get("qid"), str(entry.get("evidence") or "").strip()
    if entry.get("type") not in TYPES:
        out.append(f"type {entry.get('type')!r}")
    if not entry.get("label_ar") or not entry.get("label_en"):
        out.append("needs label_ar and label_en")
    if not evidence:
        out.append("no evidence")
    if qid is not None:
        if not isinstance(qid, str) or not QID.fullmatch(qid):
            out.append(f"malformed QID {qid!r}")
        elif not re.search(rf"(?<![0-9]){qid[1:]}(?![0-9])", evidence):
            out.append(f"evidence does not name {qid}")
    for key in ("aliases_ar", "aliases_en"):
        if not isinstance(entry.get(key, []), list):
            out.append(f"{key} is not a list")
    return out


@pytest.mark.parametrize("entry", RECORDS, ids=lambda e: e["key"])
def test_entry_is_verified(entry: dict[str, Any]) -> None:
    assert problems(entry) == []


def test_a_qid_belongs_to_one_entry() -> None:
    qids = [e["qid"] for e in RECORDS if e["qid"]]
    assert len(qids) == len(set(qids))


def test_the_file_covers_every_kind_of_entity() -> None:
    kinds = {e["type"] for e in RECORDS if e["qid"]}
    assert {"person", "country", "place", "organisation", "outlet"} <= kinds
    assert {e["type"] for e in RECORDS} >= {"weapon", "event"}


GOOD = {"key": "putin", "qid": "Q7747", "type": "person", "label_ar": "فلاديمير بوتين",
        "label_en": "Vladimir Putin", "evidence": "a public page lists WD~Vladimir_Putin,7747"}


@pytest.mark.parametrize(("change", "expected"), [
    ({"evidence": ""}, "no evidence"),
    ({"evidence": None, "qid": None}, "no evidence"),
    ({"qid": "7747"}, "malformed QID '7747'"),
    ({"qid": "Q07747"}, "malformed QID 'Q07747'"),
    ({"qid": "q7747"}, "malformed QID 'q7747'"),
    ({"qid": 7747}, "malformed QID 7747"),
    ({"qid": "Q77470"}, "evidence does not name Q77470"),
    ({"type": "planet"}, "type 'planet'"),
])
def test_bad_entries_are_rejected(change: dict[str, Any], expected: str) -> None:
    assert problems(GOOD) == []
    assert expected in problems({**GOOD, **change})


def test_linked_entities_become_wikidata_iris_with_arabic_and_english_labels() -> None:
    corpus_entities = load_corpus(ENTITIES.parent).entities
    graph = Graph()
    for entity in corpus_entities.values():
        add_entity(graph, entity)
    for entity in corpus_entities.values():
        if entity.qid is None:
            continue
        node = WD[entity.qid]
        assert (node, RDFS.label, Literal(entity.label_ar, lang="ar")) in graph
        assert (node, RDFS.label, Literal(entity.label_en, lang="en")) in graph
