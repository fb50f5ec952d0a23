"""Hand-checking candidates over HTTP: accept, correct (history kept), reject; bad input stores nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .utils.api import AUTH, error_detail, quads_of
from .utils.server import LiveServer

_CANDIDATES = """PREFIX s: <https://w3id.org/sanad/ontology#>
PREFIX schema: <http://schema.org/>
SELECT ?id WHERE { ?c s:reviewStatus s:Unreviewed ; schema:identifier ?id } ORDER BY ?id"""


def _candidates(server: LiveServer) -> list[str]:
    response = httpx.post(f"{server.url}/sparql", data={"query": _CANDIDATES},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert response.status_code == 200, response.text
    return [row["id"]["value"] for row in response.json()["results"]["bindings"]]


def _check(server: LiveServer, cid: str, body: dict[str, Any], **kw: Any) -> httpx.Response:
    return httpx.post(f"{server.url}/claims/{cid}/handcheck", json=body,
                      headers=kw.pop("headers", AUTH), timeout=60)


def _status_and_history(server: LiveServer, cid: str) -> tuple[str, list[str]]:
    query = f"""PREFIX s: <https://w3id.org/sanad/ontology#> PREFIX schema: <http://schema.org/>
      SELECT ?status ?old WHERE {{ ?c schema:identifier "{cid}" ; s:reviewStatus ?status .
        OPTIONAL {{ ?c s:previousVersion/schema:text ?old FILTER (lang(?old) = "ar") }} }}"""
    rows = httpx.post(f"{server.url}/sparql", data={"query": query},
                      headers={"Accept": "application/sparql-results+json"}, timeout=60
                      ).json()["results"]["bindings"]
    return rows[0]["status"]["value"].rsplit("#", 1)[1], [r["old"]["value"] for r in rows if "old" in r]


def test_accept_correct_reject_a_candidate(write_server: LiveServer) -> None:
    first, second, *_ = _candidates(write_server)
    accepted = _check(write_server, first, {"action": "accept", "reviewer": "Huda Test"})
    assert accepted.status_code == 200, accepted.text
    assert _status_and_history(write_server, first) == ("Accepted", [])

    corrected = _check(write_server, first, {"action": "correct", "reviewer": "Huda Test",
                                             "text_ar": "نص مصحح", "modality": "possible"})
    assert corrected.json() == {"claim": first, "status": "corrected"}
    status, history = _status_and_history(write_server, first)
    assert status == "Corrected" and len(history) == 1 and history[0] != "نص مصحح"

    rejected = _check(write_server, second, {"action": "reject", "reviewer": "Huda Test"})
    assert rejected.json()["status"] == "rejected"
    assert _status_and_history(write_server, second)[0] == "Rejected"


@pytest.mark.parametrize(("body", "status", "says"), [
    ({"action": "approve", "reviewer": "x"}, 422, "action"),
    ({"action": "correct", "reviewer": "x"}, 400, "needs a new text_ar or modality"),
    ({"action": "accept", "reviewer": "x", "text_ar": "نص"}, 400, "with action 'correct' only"),
    ({"action": "correct", "reviewer": "x", "modality": "certain"}, 422, "modality"),
])
def test_bad_hand_checks_store_nothing(write_server: LiveServer, body: dict[str, Any],
                                       status: int, says: str) -> None:
    cid = _candidates(write_server)[-1]
    before = quads_of(write_server.url)
    assert says in error_detail(_check(write_server, cid, body), status)
    assert quads_of(write_server.url) == before


def test_hand_check_needs_the_token_and_a_known_claim(write_server: LiveServer) -> None:
    cid = _candidates(write_server)[-1]
    before = quads_of(write_server.url)
    error_detail(_check(write_server, cid, {"action": "accept", "reviewer": "x"}, headers={}), 401)
    error_detail(_check(write_server, "no-such-claim", {"action": "accept", "reviewer": "x"}), 404)
    assert quads_of(write_server.url) == before
