"""What the claim page shows beyond :func:`sanad.queries.claim_detail`: the quote inside its
article excerpt, the attribution chain of each appearance, and one timeline of the claim's
appearances and its cluster's other claims."""

from __future__ import annotations

from typing import Any

from rdflib import Literal, URIRef

from sanad.graph import Store
from sanad.ontology import SCHEMA

__all__ = ["Excerpt", "article_text", "claim_context", "excerpt"]

AROUND = 240  # characters of context on each side of the quote

Excerpt = dict[str, str]


def claim_context(store: Store, detail: dict[str, Any]) -> dict[str, Any]:
    """Excerpts keyed by appearance IRI, chains, the timeline and the evidence links."""
    texts: dict[str, str | None] = {}
    excerpts: dict[str, Excerpt] = {}
    for app in detail["appearances"]:
        article = app.get("article") or {}
        iri = article.get("iri")
        if not iri or app.get("start") is None or app.get("end") is None:
            continue
        if iri not in texts:
            texts[iri] = article_text(store, URIRef(iri))
        text = texts[iri]
        if text is not None:
            excerpts[app["iri"]] = excerpt(text, app["start"], app["end"])
    return {"excerpts": excerpts, "chains": {a["iri"]: chain(detail, a) for a in detail["appearances"]},
            "timeline": timeline(detail)}


def article_text(store: Store, article: URIRef) -> str | None:
    """The article's text, read from its own graph (no query: one graph's quads)."""
    for s, p, o, _ in store.quads(article):
        if s == article and p == SCHEMA.text and isinstance(o, Literal):
            return str(o)
    return None


def excerpt(text: str, start: int, end: int, around: int = AROUND) -> Excerpt:
    """The quote ``text[start:end]`` with up to ``around`` characters each side, cut at a space."""
    before_at = max(0, start - around)
    after_at = min(len(text), end + around)
    before, after = text[before_at:start], text[end:after_at]
    if before_at > 0 and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if after_at < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return {"before": before, "quote": text[start:end], "after": after}


def chain(detail: dict[str, Any], app: dict[str, Any]) -> list[dict[str, Any]]:
    """Speaker → relays (the stored list is nearest relay first, i.e. nearest the speaker)
    → outlet → article, as nodes ``{role, entity | article}``."""
    nodes: list[dict[str, Any]] = []
    if detail.get("claimant"):
        nodes.append({"role": "speaker", "entity": detail["claimant"]})
    nodes += [{"role": "relay", "entity": agent} for agent in app.get("relayed_by") or []]
    article = app.get("article") or {}
    if article.get("publisher"):
        nodes.append({"role": "outlet", "entity": article["publisher"]})
    if article:
        nodes.append({"role": "article", "article": article})
    return nodes


def timeline(detail: dict[str, Any]) -> list[dict[str, Any]]:
    """The claim's appearances and its cluster siblings' first reports, in date order
    (undated last)."""
    items: list[dict[str, Any]] = []
    for app in detail["appearances"]:
        article = app.get("article") or {}
        items.append({"kind": "appearance", "date": app.get("date_reported")
                      or article.get("date_published"), "first": app["first"], "article": article,
                      "appearance": app})
    for sibling in (detail.get("cluster") or {}).get("siblings", []):
        items.append({"kind": "sibling", "date": sibling.get("first_reported")
                      or sibling.get("date_said"), "claim": sibling, "first": False})
    return sorted(items, key=lambda i: (i["date"] is None, i["date"] or "", i["kind"]))


def evidence_href(value: str | None) -> str | None:
    """A link for an evidence value or article URL: sanad claims and articles open in the UI;
    other http(s) URLs as they are; anything else (``javascript:`` …) is no link at all."""
    if not value:
        return None
    for prefix, route in (("https://w3id.org/sanad/id/claim-", "/ui/claims/"),
                          ("https://w3id.org/sanad/id/article-", "/sources/")):
        if value.startswith(prefix):
            return route + value[len(prefix):]
    return value if value.lower().startswith(("https://", "http://")) else None
