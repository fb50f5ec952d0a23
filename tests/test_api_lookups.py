"""Fact-checking lookups over the bundled corpus, through a live `sanad serve`.

Expected answers are computed from the corpus files themselves (load_corpus), so the tests
follow the corpus as it grows.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from sanad.ingest.corpus import Corpus, HandClaim, load_corpus

from .utils.api import error_detail
from .utils.paths import CORPUS
from .utils.server import LiveServer


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS)


def _get(server: LiveServer, path: str, **params: Any) -> Any:
    response = httpx.get(f"{server.url}{path}", params=params, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def _all_ids(server: LiveServer, **params: Any) -> list[str]:
    ids: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = _get(server, "/claims", limit=7, offset=offset, **params)
        ids += [c["id"] for c in page["claims"]]
        offset = page["next_offset"]
    assert len(ids) == len(set(ids)) == page["total"]
    return ids


def _by(corpus: Corpus, **fields: Any) -> set[str]:
    return {c.id for c in corpus.claims if all(getattr(c, k) == v for k, v in fields.items())}


def _satellites(corpus: Corpus) -> HandClaim:
    return next(c for c in corpus.claims if "أقمار صناعية" in c.text_ar)


def test_text_search_finds_spelling_variants(live_server: LiveServer, corpus: Corpus) -> None:
    target = _satellites(corpus)
    for spelling in ("أقمار صناعية", "اقمار صناعيه", "أَقْمَارٌ صِنَاعِيَّةٌ", "الأقمار الصناعية"):
        page = _get(live_server, "/claims", q=spelling)
        assert target.id in [c["id"] for c in page["claims"]], spelling
    page = _get(live_server, "/claims", q="Putin satellites")  # the English gloss is indexed too
    assert page["claims"][0]["id"] == target.id


def test_text_search_is_ranked_by_relevance(live_server: LiveServer, corpus: Corpus) -> None:
    page = _get(live_server, "/claims", q="كيم روسيا فوستوشني", limit=50)
    scores = [c["score"] for c in page["claims"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    top = page["claims"][0]["text"]["ar"]
    assert "فوستو" in top  # the rarest word decides


def test_claimant_by_qid_key_or_name(live_server: LiveServer, corpus: Corpus) -> None:
    expected = _by(corpus, claimant="putin")
    for claimant in ("Q7747", "putin", "Putin", "بوتين", "فلاديمير بوتين"):
        found = set(_all_ids(live_server, claimant=claimant))
        assert expected <= found, claimant
        assert all(i in expected or i.startswith("x") for i in found), claimant


def test_entity_lookup_covers_claimant_mentions_and_triple(live_server: LiveServer,
                                                           corpus: Corpus) -> None:
    expected = {c.id for c in corpus.claims
                if c.claimant == "putin" or "putin" in c.mentions
                or (c.triple is not None and "putin" in (c.triple[0], c.triple[2]))}
    page = _get(live_server, "/entities/Q7747/claims", limit=100)
    found = {c["id"] for c in page["claims"]}
    assert expected <= found
    assert found == set(_all_ids(live_server, entity="Q7747"))


def test_pages_are_stable_and_add_up_to_the_total(live_server: LiveServer) -> None:
    everything = _get(live_server, "/claims", limit=100, sort="id")
    paged = _all_ids(live_server, sort="id")
    assert paged[:100] == [c["id"] for c in everything["claims"]]
    assert paged == sorted(paged)
    assert _all_ids(live_server) == _all_ids(live_server)  # default order (newest) is stable


def test_date_modality_status_verdict_filters(live_server: LiveServer, corpus: Corpus) -> None:
    found = _get(live_server, "/claims", **{"from": "2023-09-10", "to": "2023-09-30"},
                 limit=100)["claims"]
    assert found and all("2023-09-10" <= c["date_said"] <= "2023-09-30" for c in found)
    assert set(_all_ids(live_server, modality="denied")) >= _by(corpus, modality="denied")
    latest = {c.id for c in corpus.claims if c.reviews and c.reviews[-1].verdict == "mostly_true"}
    assert set(_all_ids(live_server, verdict="mostly_true")) == latest
    assert set(_all_ids(live_server, verdict="Mostly true")) == latest  # a wording works too
    never = {c.id for c in corpus.claims if not c.reviews}
    assert never <= set(_all_ids(live_server, verdict="none"))
    both = set(_all_ids(live_server, verdict="mostly_true", modality="possible"))
    assert both == latest & _by(corpus, modality="possible")
    assert set(_all_ids(live_server, status="accepted")) >= {c.id for c in corpus.claims}
    reported = _get(live_server, "/claims", date_field="reported", limit=100,
                    **{"from": "2023-09-04", "to": "2023-09-04"})
    assert reported["total"] > 0


def test_cluster_gathers_claims_that_say_the_same_thing(live_server: LiveServer) -> None:
    query = ("PREFIX s: <https://w3id.org/sanad/ontology#> "
             "SELECT ?cl ?m WHERE { ?cl a s:ClaimCluster ; s:member ?m }")
    rows = httpx.get(f"{live_server.url}/sparql", params={"query": query},
                     headers={"Accept": "application/sparql-results+json"}).json()
    clusters: dict[str, set[str]] = {}
    for row in rows["results"]["bindings"]:
        name = row["cl"]["value"].rsplit("/cluster-", 1)[1]
        clusters.setdefault(name, set()).add(row["m"]["value"].rsplit("/claim-", 1)[1])
    if not clusters:
        pytest.skip("the corpus has no claim cluster")
    name, members = max(clusters.items(), key=lambda item: len(item[1]))
    assert set(_all_ids(live_server, cluster=name)) == members
    assert set(_all_ids(live_server, cluster=f"cluster-{name}")) == members
    seed = sorted(members)[0]
    assert set(_all_ids(live_server, cluster=seed)) >= members
    detail = _get(live_server, f"/claims/{seed}")
    assert detail["cluster"]["id"] in clusters
    assert {s["id"] for s in detail["cluster"]["siblings"]} <= set().union(*clusters.values())


def test_claim_detail_tells_the_whole_story(live_server: LiveServer, corpus: Corpus) -> None:
    claim = max(corpus.claims, key=lambda c: (len(c.appearances), len(c.reviews),
                                              sum(len(a.via) for a in c.appearances)))
    detail = _get(live_server, f"/claims/{claim.id}")
    assert detail["text"]["ar"] == claim.text_ar
    assert len(detail["appearances"]) == len(claim.appearances)
    assert detail["appearances"][0]["first"] is True
    for app in detail["appearances"]:
        source = _get(live_server, f"/sources/{app['article']['id']}", text="true")
        assert source["text"][app["start"]:app["end"]] == app["quote"]
        mine = next(a for a in claim.appearances if a.article == app["article"]["id"]
                    and a.start == app["start"])
        assert len(app["relayed_by"]) == len(mine.via)
        assert all(e["labels"] for e in app["relayed_by"])
    assert [r["verdict"] for r in detail["reviews"]] == [r.verdict for r in claim.reviews]
    linked = [e for e in detail["entities"] if e["qid"]]
    assert linked and all(e["wikidata"].endswith(e["qid"]) for e in linked)
    if claim.triple:
        assert detail["triple"]["predicate"]["name"] == claim.triple[1]


def test_claimreview_jsonld_has_what_google_asks_for(live_server: LiveServer,
                                                     corpus: Corpus) -> None:
    claim = next(c for c in corpus.claims if c.reviews)
    response = httpx.get(f"{live_server.url}/claims/{claim.id}/claimreview")
    assert response.headers["content-type"].startswith("application/ld+json")
    reviews = response.json()
    assert len(reviews) == len(claim.reviews)
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim.text_ar and review["url"].startswith("https://")
        assert review["datePublished"] and review["author"]["name"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"]
        assert item["appearance"] and item["firstAppearance"]["@type"] == "NewsArticle"


def test_source_lists_its_claims_with_offsets(live_server: LiveServer, corpus: Corpus) -> None:
    aid = next(iter(corpus.articles))
    source = _get(live_server, f"/sources/{aid}")
    assert source["id"] == aid and source["sha256"] == corpus.articles[aid].sha256
    assert source["text"] is None and source["length"] > 0
    expected = {c.id for c in corpus.claims if any(a.article == aid for a in c.appearances)}
    assert expected <= {c["id"] for c in source["claims"]}
    assert all(c["start"] is not None for c in source["claims"])
    assert {e["field"] for e in source["field_evidence"]} >= {"http://schema.org/datePublished"}


def test_unknown_things_are_404_or_empty(live_server: LiveServer) -> None:
    assert "no-such-claim" in error_detail(httpx.get(f"{live_server.url}/claims/no-such-claim"), 404)
    error_detail(httpx.get(f"{live_server.url}/claims/no-such-claim/claimreview"), 404)
    error_detail(httpx.get(f"{live_server.url}/sources/ffff"), 404)
    assert _get(live_server, "/entities/Q999999999/claims")["total"] == 0
    assert _get(live_server, "/claims", claimant="Nobody Atall")["total"] == 0
    assert "after" in error_detail(httpx.get(f"{live_server.url}/claims", params={
        "from": "2024-01-02", "to": "2024-01-01"}), 400)
    assert "verdict" in error_detail(httpx.get(f"{live_server.url}/claims",
                                               params={"verdict": "spicy"}), 400)
    error_detail(httpx.get(f"{live_server.url}/claims", params={"limit": 0}), 422)


INJECTIONS = ['") } } DROP ALL ; #', "x\" } UNION { ?c ?p ?o } #", "<http://x> } ; CLEAR ALL",
              "Q1> } GRAPH ?g { ?s ?p ?o", "'''\\\"", "a\nb\tc"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_parameters_never_reach_sparql_as_text(live_server: LiveServer, payload: str) -> None:
    before = _get(live_server, "/health", sizes="true")["quads"]
    for name in ("q", "claimant", "publisher", "entity", "source", "cluster", "verdict"):
        response = httpx.get(f"{live_server.url}/claims", params={name: payload})
        if response.status_code == 200:  # q searches the words; nothing else may match
            assert name == "q" or response.json()["total"] == 0, (name, payload)
        else:
            error_detail(response, response.status_code)
            assert response.status_code in (400, 422), (name, payload)
    response = httpx.get(f"{live_server.url}/claims/{quote(payload, safe='')}")
    assert response.status_code in (404, 422)
    assert _get(live_server, "/health", sizes="true")["quads"] == before
