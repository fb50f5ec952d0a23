"""Guarded writes through a live server: token, gate, serialisation, nothing stored on error."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from sanad.ingest.corpus import load_corpus

from .utils.api import AUTH, error_detail, quads_of
from .utils.paths import CORPUS
from .utils.server import LiveServer


@pytest.fixture(scope="module")
def reviewed() -> str:
    """A corpus claim that already has a review."""
    return next(c.id for c in load_corpus(CORPUS).claims if c.reviews)


@pytest.fixture(scope="module")
def unreviewed() -> list[str]:
    return [c.id for c in load_corpus(CORPUS).claims if not c.reviews]


def _detail(server: LiveServer, cid: str) -> dict[str, Any]:
    response = httpx.get(f"{server.url}/claims/{cid}")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def _review(server: LiveServer, cid: str, body: dict[str, Any], **kw: Any) -> httpx.Response:
    return httpx.post(f"{server.url}/claims/{cid}/reviews", json=body,
                      headers=kw.pop("headers", AUTH), timeout=60, **kw)


def test_a_server_without_token_refuses_every_write(live_server: LiveServer, reviewed: str) -> None:
    before = quads_of(live_server.url)
    attempts = [
        httpx.post(f"{live_server.url}/claims/{reviewed}/reviews", headers=AUTH,
                   json={"verdict": "false", "reviewer": "x"}),
        httpx.post(f"{live_server.url}/update", headers={**AUTH, "Content-Type":
                                                         "application/sparql-update"},
                   content="CLEAR ALL"),
        httpx.post(f"{live_server.url}/claimreviews", headers=AUTH, json={"claims": []}),
        httpx.put(f"{live_server.url}/rdf-graph-store", params={"graph": "http://ex.org/g"},
                  headers={**AUTH, "Content-Type": "text/turtle"}, content="<a:b> <a:c> <a:d> ."),
    ]
    for response in attempts:
        assert "SANAD_TOKEN" in error_detail(response, 403)
    assert quads_of(live_server.url) == before


def test_writes_need_the_right_token(write_server: LiveServer, reviewed: str) -> None:
    before = quads_of(write_server.url)
    body = {"verdict": "false", "reviewer": "sanad-editors"}
    missing = _review(write_server, reviewed, body, headers={})
    assert "Bearer" in error_detail(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    error_detail(_review(write_server, reviewed, body,
                         headers={"Authorization": "Bearer not-the-token-at-all"}), 401)
    error_detail(_review(write_server, reviewed, body, headers={"Authorization": "Basic eDp5"}), 401)
    assert quads_of(write_server.url) == before


def test_a_new_review_is_added_and_the_old_ones_stay(write_server: LiveServer, reviewed: str) -> None:
    old = _detail(write_server, reviewed)["reviews"]
    response = _review(write_server, reviewed, {
        "verdict": "زائف", "reviewer": "sanad-editors", "date": "2026-11-23",
        "evidence": ["https://example.org/refutation", reviewed], "body": "Refuted later."})
    assert response.status_code == 201, response.text
    assert response.json()["iri"].endswith(f"review-{reviewed}-{len(old) + 1}")
    detail = _detail(write_server, reviewed)
    assert detail["reviews"][:-1] == old
    latest = detail["reviews"][-1]
    assert latest["verdict"] == "false" and latest["date"] == "2026-11-23"
    assert latest["evidence"] == sorted(["https://example.org/refutation",
                                         f"https://w3id.org/sanad/id/claim-{reviewed}"])
    assert detail["verdict"]["verdict"] == "false"
    refuted = httpx.get(f"{write_server.url}/claims", params={"verdict": "false"}).json()
    assert reviewed in [c["id"] for c in refuted["claims"]]
    jsonld = httpx.get(f"{write_server.url}/claims/{reviewed}/claimreview").json()
    assert jsonld[-1]["reviewRating"]["ratingValue"] == 1


def test_twenty_parallel_reviews_are_all_kept_once(write_server: LiveServer,
                                                   unreviewed: list[str]) -> None:
    cid = unreviewed[0]
    verdicts = ["false", "true", "mixed", "misleading", "unproven"] * 4

    def post(index: int) -> httpx.Response:
        return _review(write_server, cid, {"verdict": verdicts[index], "reviewer": "sanad-editors",
                                           "body": f"review number {index}"})

    with ThreadPoolExecutor(20) as pool:
        responses = list(pool.map(post, range(20)))
    assert all(r.status_code == 201 for r in responses), [r.text for r in responses]
    iris = {r.json()["iri"] for r in responses}
    assert iris == {f"https://w3id.org/sanad/id/review-{cid}-{n}" for n in range(1, 21)}
    bodies = sorted(r["body"] for r in _detail(write_server, cid)["reviews"])
    assert bodies == sorted(f"review number {i}" for i in range(20))


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"verdict": "spicy", "reviewer": "sanad-editors"}, 400, "not a verdict"),
    ({"verdict": "false", "reviewer": "sanad-editors", "evidence": ["no such thing"]}, 400,
     "evidence"),
    ({"verdict": "false", "reviewer": "sanad-editors", "date": "2023-02-30"}, 422, "date"),
    ({"verdict": "false"}, 422, "reviewer"),
    ({"verdict": "false", "reviewer": "x", "surprise": 1}, 422, "surprise"),
    ({"verdict": "false", "reviewer": "x", "body_language": "not a tag!"}, 422, "body_language"),
])
def test_bad_reviews_are_refused_and_store_nothing(write_server: LiveServer, reviewed: str,
                                                    body: dict[str, Any], status: int,
                                                    words: str) -> None:
    before = quads_of(write_server.url)
    assert words in error_detail(_review(write_server, reviewed, body), status)
    assert quads_of(write_server.url) == before


def test_unknown_claim_bad_json_and_big_bodies(write_server: LiveServer, reviewed: str) -> None:
    before = quads_of(write_server.url)
    error_detail(_review(write_server, "no-such-claim", {"verdict": "false", "reviewer": "x"}), 404)
    error_detail(httpx.post(f"{write_server.url}/claims/{reviewed}/reviews", content=b"{nope",
                            headers={**AUTH, "Content-Type": "application/json"}), 422)
    huge = {"verdict": "false", "reviewer": "x", "body": "x" * 3_000_000}
    assert "limit" in error_detail(_review(write_server, reviewed, huge), 413)
    chunks = (b"x" * 65536 for _ in range(64))  # 4 MiB without a Content-Length
    response = httpx.post(f"{write_server.url}/claimreviews", content=chunks,
                          headers={**AUTH, "Content-Type": "application/json"})
    error_detail(response, 413)
    assert quads_of(write_server.url) == before


def test_a_write_the_shapes_reject_returns_the_report(write_server: LiveServer) -> None:
    before = quads_of(write_server.url)
    bad_claim = ("@prefix schema: <http://schema.org/> .\n"
                 "<https://w3id.org/sanad/id/claim-broken> a schema:Claim ;\n"
                 '  schema:text "no author, no modality, no appearance" .')
    response = httpx.put(f"{write_server.url}/rdf-graph-store",
                         params={"graph": "https://w3id.org/sanad/id/claim-broken"},
                         headers={**AUTH, "Content-Type": "text/turtle"}, content=bad_claim)
    error_detail(response, 422)
    report = response.json()["error"]["report"]
    assert report["conforms"] is False and report["results"]
    assert all(r["message"] for r in report["results"])
    assert quads_of(write_server.url) == before


FACT_CHECK = {"claims": [{"text": "", "claimant": "Vladimir Putin", "claimReview": [{
    "publisher": {"name": "Misbar", "site": "misbar.com"},
    "url": "https://misbar.com/factcheck/2023/09/20/example", "title": "…",
    "reviewDate": "2023-09-20T10:00:00Z", "textualRating": "مضلل", "languageCode": "ar"}]}]}


def test_fact_check_tools_response_is_imported_once(write_server: LiveServer) -> None:
    claim = next(c for c in load_corpus(CORPUS).claims if "أقمار صناعية" in c.text_ar)
    payload = {"claims": [{**FACT_CHECK["claims"][0], "text": claim.text_ar}]}
    count = len(_detail(write_server, claim.id)["reviews"])
    response = httpx.post(f"{write_server.url}/claimreviews", json=payload, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["imported"][0]["verdict"] == "misleading"
    latest = _detail(write_server, claim.id)["reviews"][-1]
    assert latest["original_rating"] == "مضلل" and latest["verdict"] == "misleading"
    assert latest["reviewer"]["labels"] == {"en": "Misbar"}
    assert latest["url"] == "https://misbar.com/factcheck/2023/09/20/example"
    again = httpx.post(f"{write_server.url}/claimreviews", json=payload, headers=AUTH)
    assert again.status_code == 200 and again.json()["skipped"][0]["reason"] == "already imported"
    assert len(_detail(write_server, claim.id)["reviews"]) == count + 1


def test_claimreview_jsonld_is_imported_with_its_rating(write_server: LiveServer,
                                                        unreviewed: list[str]) -> None:
    cid = unreviewed[1]
    review = {"@context": "https://schema.org", "@type": "ClaimReview",
              "url": "https://fatabyyano.net/example", "datePublished": "2024-01-05",
              "claimReviewed": "…", "author": {"@type": "Organization", "name": "فتبين"},
              "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1,
                               "bestRating": 5, "worstRating": 1},
              "itemReviewed": {"@type": "Claim",
                               "@id": f"https://w3id.org/sanad/id/claim-{cid}"}}
    response = httpx.post(f"{write_server.url}/claimreviews", json=[review], headers={
        **AUTH, "Content-Type": "application/ld+json"})
    assert response.status_code == 201, response.text
    latest = _detail(write_server, cid)["reviews"][-1]
    assert latest["verdict"] == "false" and latest["original_rating"] == "False"
    assert latest["reviewer"]["labels"] == {"ar": "فتبين"}


@pytest.mark.parametrize(("payload", "words"), [
    ({"claims": [{"text": "لا يوجد ادعاء كهذا إطلاقا زرافة", "claimReview": [
        {"publisher": {"name": "X"}, "textualRating": "False"}]}]}, "no single claim"),
    ({"@type": "ClaimReview", "reviewRating": {"alternateName": "spicy"},
      "author": {"name": "X"}, "itemReviewed": {"@id": "https://w3id.org/sanad/id/claim-nope"}},
     "does not map"),
    ({"hello": "world"}, "no ClaimReview"),
])
def test_imports_that_cannot_be_placed_store_nothing(write_server: LiveServer,
                                                     payload: dict[str, Any], words: str) -> None:
    before = quads_of(write_server.url)
    response = httpx.post(f"{write_server.url}/claimreviews", json=payload, headers=AUTH)
    assert words in error_detail(response, 400)
    assert quads_of(write_server.url) == before


def test_raw_update_is_searchable_afterwards(write_server: LiveServer, unreviewed: list[str]) -> None:
    cid = unreviewed[2]
    iri = f"https://w3id.org/sanad/id/claim-{cid}"
    update = (f'INSERT DATA {{ GRAPH <{iri}> {{ <{iri}> <http://schema.org/text> '
              '"Zanzibarian xylophones"@en } }')
    response = httpx.post(f"{write_server.url}/update", content=update,
                          headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert response.status_code == 204, response.text
    found = httpx.get(f"{write_server.url}/claims", params={"q": "xylophones"}).json()
    assert [c["id"] for c in found["claims"]] == [cid]


ARTICLE = ("قال الرئيس الروسي فلاديمير بوتين يوم الأربعاء إن روسيا ستساعد كوريا الشمالية في بناء "
           "أقمار صناعية للرصد. ونفى المتحدث باسم الكرملين دميتري بيسكوف أن تكون موسكو قد وقعت أي "
           "اتفاق عسكري مع بيونغ يانغ.")


def test_a_posted_article_is_extracted_stored_and_searchable(write_server: LiveServer) -> None:
    body = {"text": ARTICLE, "published": "2024-05-01", "publisher": "Test Wire Service",
            "url": "https://example.org/news/1"}
    response = httpx.post(f"{write_server.url}/articles", json=body, headers=AUTH, timeout=120)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["created"] is True and len(created["claims"]) >= 2
    assert response.headers["location"] == f"/sources/{created['article']}"
    source = httpx.get(f"{write_server.url}/sources/{created['article']}").json()
    assert source["publisher"]["labels"] == {"en": "Test Wire Service"}
    assert {c["id"] for c in source["claims"]} == set(created["claims"])
    claim = httpx.get(f"{write_server.url}/claims/{created['claims'][0]}").json()
    assert claim["status"] == "unreviewed" and claim["confidence"] is not None
    found = httpx.get(f"{write_server.url}/claims", params={"q": "أقمار الرصد", "status": "unreviewed"})
    assert created["claims"][0] in [c["id"] for c in found.json()["claims"]]
    before = quads_of(write_server.url)
    again = httpx.post(f"{write_server.url}/articles", json=body, headers=AUTH, timeout=120)
    assert again.status_code == 201 and again.json()["created"] is False
    assert again.json()["claims"] == created["claims"]
    assert {q for q in quads_of(write_server.url) if "startedAtTime" not in q[1]} == \
        {q for q in before if "startedAtTime" not in q[1]}


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"text": "Putin said Russia will help North Korea build satellites."}, 400, "Arabic"),
    ({"text": "   "}, 400, "empty"),
    ({"text": ARTICLE, "url": "javascript:alert(1)"}, 422, "url"),
    ({"text": ARTICLE, "published": "yesterday"}, 422, "published"),
])
def test_bad_articles_store_nothing(write_server: LiveServer, body: dict[str, Any], status: int,
                                    words: str) -> None:
    before = quads_of(write_server.url)
    assert words in error_detail(httpx.post(f"{write_server.url}/articles", json=body,
                                            headers=AUTH, timeout=120), status)
    assert quads_of(write_server.url) == before
