"""The web pages over HTTP (no browser): each page answers, shows the data, and loads nothing
from outside the server."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import httpx
import pyoxigraph as ox
import pytest

from sanad.api.ui.recipes import parse_recipes, recipes

from .utils.api import error_detail
from .utils.paths import ROOT
from .utils.server import LiveServer

CLAIM = "kim-to-visit-russia-september"
CLAIM_AR = "كيم جونج أون يعتزم السفر إلى روسيا في سبتمبر للقاء بوتين"
ID = "https://w3id.org/sanad/id/"
# every URL an element loads by itself (scripts, styles, images, frames, fonts via <link>)
ASSET = re.compile(r"<(?:script|img|iframe|source|link|embed)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", re.I)


def _get(server: LiveServer, path: str, **params: str) -> httpx.Response:
    return httpx.get(server.url + path, params=params, timeout=60)


def _assets_are_local(server: LiveServer, html: str) -> None:
    assert "@import" not in html and "url(http" not in html
    for url in ASSET.findall(html):
        if url.startswith("data:"):
            continue
        assert url.startswith("/") and not url.startswith("//"), url
        assert httpx.get(urljoin(server.url, url), timeout=30).status_code == 200, url


def test_search_finds_arabic_words(live_server: LiveServer) -> None:
    response = _get(live_server, "/ui", q="كيم يزور روسيا")
    assert response.status_code == 200
    html = response.text
    assert CLAIM_AR in html and f'href="/ui/claims/{CLAIM}"' in html
    assert 'dir="rtl" lang="ar"' in html and "first reported" in html
    _assets_are_local(live_server, html)


def test_search_filters(live_server: LiveServer) -> None:
    html = _get(live_server, "/ui", claimant="Q7747", modality="predicted").text
    assert 'id="results"' in html and "Putin" in html
    assert CLAIM_AR not in html  # said by US and Western sources, not Putin
    none = _get(live_server, "/ui", q="كيم", verdict="none", **{"from": "2023-09-01"}).text
    assert 'id="count"' in none


def test_search_reports_bad_input_in_the_page(live_server: LiveServer) -> None:
    response = _get(live_server, "/ui", **{"from": "2023-10-01", "to": "2023-09-01"})
    assert response.status_code == 400
    assert 'role="alert"' in response.text and "is after" in response.text
    assert "not a date" in _get(live_server, "/ui", to="yesterday").text


def test_claim_page(live_server: LiveServer) -> None:
    response = _get(live_server, f"/ui/claims/{CLAIM}")
    assert response.status_code == 200
    html = response.text
    assert CLAIM_AR in html
    assert re.search(r"<mark>[^<]*كيم جونج أون[^<]*</mark>", html)
    assert 'class="chain"' in html and 'class="node speaker"' in html and 'class="node relay"' in html
    assert 'id="timeline"' in html and "first appearance" in html
    assert "https://www.wikidata.org/wiki/Q159" in html
    assert f'href="/claims/{CLAIM}/graphs"' in html
    _assets_are_local(live_server, html)


def test_claim_page_embeds_its_claimreview(live_server: LiveServer) -> None:
    html = _get(live_server, f"/ui/claims/{CLAIM}").text
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert block is not None
    embedded = json.loads(block.group(1))
    assert embedded == _get(live_server, f"/claims/{CLAIM}/claimreview").json()
    assert embedded and embedded[0]["@type"] == "ClaimReview"


def test_claim_graphs_as_trig(live_server: LiveServer) -> None:
    response = _get(live_server, f"/claims/{CLAIM}/graphs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/trig")
    quads = list(ox.parse(response.content, format=ox.RdfFormat.TRIG))
    names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert {f"{ID}claim-{CLAIM}", f"{ID}claim-{CLAIM}-assertion"} <= names
    assert any(n.startswith(f"{ID}review-{CLAIM}") for n in names)
    claim = ox.NamedNode(f"{ID}claim-{CLAIM}")
    assert any(q.subject == claim and q.graph_name == claim for q in quads)


def test_unknown_claim(live_server: LiveServer) -> None:
    page = _get(live_server, "/ui/claims/no-such-claim")
    assert page.status_code == 404 and "no-such-claim" in page.text
    error_detail(_get(live_server, "/claims/no-such-claim/graphs"), 404)


def test_entity_page_plots_claims_over_time(live_server: LiveServer) -> None:
    html = _get(live_server, "/ui/entities/Q7747").text
    assert '<svg class="plot"' in html and "<rect" in html
    assert "فلاديمير بوتين" in html and 'id="results"' in html
    _assets_are_local(live_server, html)


def test_sparql_page_offers_the_recipes(live_server: LiveServer) -> None:
    html = _get(live_server, "/ui/sparql").text
    assert "/ui/static/vendor/yasgui/yasgui.min.js" in html
    assert len(recipes()) >= 3
    for recipe in recipes():
        assert recipe["title"] in html
    _assets_are_local(live_server, html)


def test_bundled_recipes_match_the_docs() -> None:
    """``api/ui/recipes.json`` is ``docs/recipes.md``'s SPARQL (refresh it: see recipes.py)."""
    docs = parse_recipes((ROOT / "docs" / "recipes.md").read_text(encoding="utf-8"))
    assert recipes() == docs


@pytest.mark.parametrize("path", ["/ui/static/vendor/yasgui/LICENSE", "/ui/static/review.js",
                                  "/ui/static/sparql.js", "/ui/static/ui.css"])
def test_static_files_are_served(live_server: LiveServer, path: str) -> None:
    assert _get(live_server, path).status_code == 200


def test_excerpt_keeps_the_quote_and_cuts_at_words() -> None:
    from sanad.api.ui.claim_page import excerpt

    text = "كلمة " * 100 + "الاقتباس هنا" + " نص" * 100
    start = text.index("الاقتباس")
    part = excerpt(text, start, start + len("الاقتباس هنا"), around=30)
    assert part["quote"] == "الاقتباس هنا"
    assert part["before"].startswith("… كلمة") and part["after"].endswith("نص …")
    assert len(part["before"]) <= 32 and len(part["after"]) <= 32


def test_plot_labels_at_most_eight_months() -> None:
    from sanad.api.ui.charts import claims_over_time

    claims = [{"date_said": f"{2020 + i // 12}-{i % 12 + 1:02d}-01", "claimant": {"qid": "Q1"}}
              for i in range(0, 40, 3)]
    svg = str(claims_over_time(claims, "Q1"))
    assert svg.count("<rect") == len(claims) and svg.count('class="tick"') <= 9
    assert claims_over_time([{"date_said": None}], "Q1") is None


def test_evidence_links_are_http_or_local() -> None:
    from sanad.api.ui.claim_page import evidence_href

    assert evidence_href("https://w3id.org/sanad/id/claim-abc") == "/ui/claims/abc"
    assert evidence_href("https://example.org/x") == "https://example.org/x"
    assert evidence_href("javascript:alert(1)") is None and evidence_href(None) is None
