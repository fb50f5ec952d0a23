"""The pages in a real browser (headless Debian Chromium via Selenium) against `sanad serve` on
127.0.0.1: search, open a claim, its chain and timeline, the review form with and without the
token, and a screenshot showing Arabic laid out right to left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .utils.api import TOKEN
from .utils.browser import chromium, skip_without_chromium
from .utils.server import LiveServer

pytestmark = pytest.mark.slow

CLAIM = "kim-to-visit-russia-september"
WAIT = 20


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    skip_without_chromium()
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def _wait(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def _css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def test_search_then_open_a_claim(browser: Any, write_server: LiveServer) -> None:
    browser.get(f"{write_server.url}/ui")
    box = _css(browser, "#q")[0]
    box.send_keys("كيم يزور روسيا")
    box.submit()
    _wait(browser, lambda d: _css(d, "#results .claim-row"))
    rows = _css(browser, "#results .claim-row .claim-text")
    assert rows and rows[0].get_attribute("dir") == "rtl"
    target = next(r for r in rows if r.get_attribute("href").endswith(f"/ui/claims/{CLAIM}"))
    target.click()
    _wait(browser, lambda d: _css(d, "#claim-title"))
    assert browser.current_url.endswith(f"/ui/claims/{CLAIM}")


def test_chain_and_timeline_render(browser: Any, write_server: LiveServer) -> None:
    browser.get(f"{write_server.url}/ui/claims/{CLAIM}")
    chain = _css(browser, "#app-1 .chain .node")
    roles = [n.get_attribute("class").split()[-1] for n in chain]
    assert roles[0] == "speaker" and "relay" in roles and roles[-1] == "article"
    tops = {round(n.rect["y"]) for n in chain}
    assert len(tops) == 1, "the chain is drawn on one row"
    xs = [n.rect["x"] for n in chain]
    assert xs == sorted(xs), "speaker first, article last, left to right"
    events = _css(browser, "#timeline .event")
    assert len(events) >= 2 and all(e.is_displayed() for e in events)
    dates = [e.find_element("css selector", "time").text for e in events]
    assert [d for d in dates if d != "undated"] == sorted(d for d in dates if d != "undated")
    marks = _css(browser, ".excerpt mark")
    assert marks and marks[0].is_displayed() and "كيم" in marks[0].text


def _review(browser: Any, server: LiveServer, token: str, reviewer: str = "ui test") -> str:
    browser.get(f"{server.url}/ui/claims/{CLAIM}")
    browser.execute_script("sessionStorage.clear();"
                           "document.getElementById('reviewer').removeAttribute('required');")
    fields = {"#token": token, "#reviewer": reviewer, "#evidence": "https://example.org/check-1"}
    for selector, value in fields.items():
        element = _css(browser, selector)[0]
        element.clear()
        element.send_keys(value)
    _css(browser, "#review-form button[type=submit]")[0].click()
    result = _css(browser, "#review-result")[0]
    _wait(browser, lambda d: result.get_attribute("class") in ("ok", "error"))
    return f"{result.get_attribute('class')}: {result.text}"


def test_review_without_token_shows_the_api_message(browser: Any, write_server: LiveServer) -> None:
    before = len(httpx.get(f"{write_server.url}/claims/{CLAIM}").json()["reviews"])
    shown = _review(browser, write_server, token="")
    assert shown.startswith("error: 401") and "Authorization: Bearer" in shown
    shown = _review(browser, write_server, token="wrong-token")
    assert shown.startswith("error: 401") and "not the server's token" in shown
    assert len(httpx.get(f"{write_server.url}/claims/{CLAIM}").json()["reviews"]) == before


def test_review_with_bad_fields_shows_422(browser: Any, write_server: LiveServer) -> None:
    shown = _review(browser, write_server, token=TOKEN, reviewer="")
    assert shown.startswith("error: 422"), shown


def test_review_with_token_is_stored(browser: Any, write_server: LiveServer) -> None:
    before = len(httpx.get(f"{write_server.url}/claims/{CLAIM}").json()["reviews"])
    shown = _review(browser, write_server, token=TOKEN, reviewer="ui test reviewer")
    assert shown.startswith("ok:"), shown
    assert browser.execute_script("return sessionStorage.getItem('sanad-token')") == TOKEN
    reviews = httpx.get(f"{write_server.url}/claims/{CLAIM}").json()["reviews"]
    assert len(reviews) == before + 1
    assert "https://example.org/check-1" in reviews[-1]["evidence"]
    _wait(browser, lambda d: len(_css(d, "#reviews .reviews > li")) == before + 1)
    assert _css(browser, "#token")[0].get_attribute("value") == TOKEN  # kept for this tab


def test_arabic_title_is_right_to_left(browser: Any, write_server: LiveServer, tmp_path: Path) -> None:
    browser.get(f"{write_server.url}/ui/claims/{CLAIM}")
    box = browser.execute_script("""
        const h = document.getElementById('claim-title'), s = h.querySelector('span');
        const a = h.getBoundingClientRect(), b = s.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(h).paddingRight);
        return {hl: a.left, hr: a.right - pad, sl: b.left, sr: b.right,
                dir: getComputedStyle(h).direction, font: getComputedStyle(h).fontFamily};""")
    shot = tmp_path / "claim-rtl.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    assert box["dir"] == "rtl" and "Noto Naskh Arabic" in box["font"]
    assert abs(box["hr"] - box["sr"]) <= 2, box  # the text hugs the right edge…
    assert box["sl"] - box["hl"] > 20, box      # …and leaves room on the left
    rows = browser.execute_script("""
        return [...document.querySelectorAll('.excerpt')].map(e => getComputedStyle(e).direction);""")
    assert rows and set(rows) == {"rtl"}


def test_sparql_editor_runs_a_recipe(browser: Any, write_server: LiveServer) -> None:
    browser.get(f"{write_server.url}/ui/sparql")
    _wait(browser, lambda d: _css(d, ".yasqe .CodeMirror"))  # the vendored YASGUI, not the fallback
    assert _css(browser, "#fallback")[0].get_attribute("hidden") is not None
    _css(browser, "[data-recipe='1']")[0].click()  # Putin's promises
    query = browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert "wd:Q7747" in query
    _css(browser, ".yasqe_queryButton")[0].click()
    _wait(browser, lambda d: len(_css(d, ".yasr table tbody tr")) >= 1)
    assert "claim-" in _css(browser, ".yasr table tbody")[0].text


def test_hand_check_rejects_a_candidate(browser: Any, write_server: LiveServer) -> None:
    query = ("PREFIX s: <https://w3id.org/sanad/ontology#> PREFIX schema: <http://schema.org/> "
             "SELECT ?id WHERE { ?c s:reviewStatus s:Unreviewed ; schema:identifier ?id } ORDER BY ?id")
    rows = httpx.post(f"{write_server.url}/sparql", data={"query": query},
                      headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    candidate = rows[0]["id"]["value"]
    browser.get(f"{write_server.url}/ui/claims/{candidate}")
    browser.execute_script("sessionStorage.clear();")
    token = _css(browser, "#token")[0]
    token.clear()  # the review form may have filled it from an earlier test's tab storage
    token.send_keys(TOKEN)
    _css(browser, "#hc-reviewer")[0].send_keys("ui hand-checker")
    _css(browser, "#hc-action option[value=reject]")[0].click()
    _css(browser, "#handcheck-form button[type=submit]")[0].click()
    result = _css(browser, "#handcheck-result")[0]
    _wait(browser, lambda d: result.get_attribute("class") in ("ok", "error"))
    assert result.get_attribute("class") == "ok", result.text
    detail = httpx.get(f"{write_server.url}/claims/{candidate}").json()
    assert "rejected" in str(detail).lower()
