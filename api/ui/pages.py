"""The HTML pages: search, one claim, one entity, the SPARQL editor.

Each handler gathers what :mod:`sanad.queries` returns and hands it to a template; the page
logic that is not plain lookup (excerpt, chain, timeline, plot) lives in its own module.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sanad.graph import InputError, NotFound
from sanad.ingest.vocabulary import verdicts
from sanad.queries import ClaimQuery, claim_detail, claim_reviews_jsonld, resolve_query
from sanad.queries.claim_search import find_claims
from sanad.queries.claim_view import claim_summaries

from ..deps import SearchDep, StoreDep
from .charts import claims_over_time
from .claim_page import claim_context
from .recipes import recipes
from .templating import TEMPLATES

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE = 20
MODALITIES = ("asserted", "predicted", "possible", "denied", "question")
Text = Annotated[str, Query(max_length=500)]
Slug = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200)]


@router.get("/", response_class=RedirectResponse)
def home() -> RedirectResponse:
    return RedirectResponse("/ui", status_code=307)


@router.get("/ui", response_class=HTMLResponse)
def search_page(
    request: Request, store: StoreDep, _: SearchDep,
    q: Text = "", entity: Text = "", claimant: Text = "", publisher: Text = "",
    date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10)] = "",
    verdict: Text = "", modality: Text = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """One box plus filters; every filter left empty is ignored."""
    form = {"q": q, "entity": entity, "claimant": claimant, "publisher": publisher,
            "from": date_from, "to": date_to, "verdict": verdict, "modality": modality}
    context: dict[str, Any] = {"form": form, "claims": [], "total": None, "error": None,
                               "offset": offset, "page": PAGE, "modalities": MODALITIES,
                               "verdicts": list(verdicts().values()),
                               "qs": urlencode({k: v for k, v in form.items() if v})}
    status = 200
    try:
        query = ClaimQuery(
            q=q.strip() or None, entities=tuple(entity.split()), claimant=claimant.strip() or None,
            publisher=publisher.strip() or None, date_from=_date(date_from, "from"),
            date_to=_date(date_to, "to"), modalities=(modality,) if modality else (),
            verdicts=(verdict,) if verdict else (),
        )
        page = find_claims(store, resolve_query(store, query), limit=PAGE, offset=offset)
        context["claims"] = claim_summaries(store, page.claims, page.scores)
        context["total"] = page.total
    except InputError as exc:
        context["error"], status = str(exc), 400
    return TEMPLATES.TemplateResponse(request, "search.html", context, status_code=status)


@router.get("/ui/claims/{cid}", response_class=HTMLResponse)
def claim_page(request: Request, cid: Slug, store: StoreDep) -> Response:
    """The claim: quote in its excerpt, chain, timeline, verdicts, entities, JSON-LD, review form."""
    try:
        detail = claim_detail(store, cid)
    except NotFound as exc:
        return _not_found(request, str(exc))
    context = claim_context(store, detail)
    context.update(claim=detail, jsonld=claim_reviews_jsonld(store, cid),
                   verdicts=list(verdicts().values()))
    return TEMPLATES.TemplateResponse(request, "claim.html", context)


@router.get("/ui/entities/{ident}", response_class=HTMLResponse)
def entity_page(request: Request, ident: Annotated[str, Path(max_length=200)], store: StoreDep,
                _: SearchDep) -> Response:
    """Claims by or about an entity, over time (an SVG plot drawn here), then listed."""
    try:
        f = resolve_query(store, ClaimQuery(entities=(ident,)))
    except InputError as exc:
        return _not_found(request, str(exc))
    page = find_claims(store, f, limit=100, sort="oldest")
    claims = claim_summaries(store, page.claims)
    name = next((c["claimant"] for c in claims if _is(c["claimant"], ident)), None)
    if name is None and claims:
        entities = claim_detail(store, claims[0]["id"])["entities"]
        name = next((e for e in entities if _is(e, ident)), None)
    context = {"ident": ident, "entity": name, "claims": claims, "total": page.total,
               "plot": claims_over_time(claims, ident)}
    return TEMPLATES.TemplateResponse(request, "entity.html", context)


@router.get("/ui/sparql", response_class=HTMLResponse)
def sparql_page(request: Request) -> Response:
    """YASGUI pointed at ``/sparql``, with the recipes of ``docs/recipes.md`` as examples."""
    return TEMPLATES.TemplateResponse(request, "sparql.html", {"recipes": recipes()})


def _is(entity: dict[str, Any] | None, ident: str) -> bool:
    return bool(entity) and ident in (entity.get("qid"), entity.get("key"))  # type: ignore[union-attr]


def _date(value: str, name: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{name!r} is not a date (YYYY-MM-DD): {value!r}") from None


def _not_found(request: Request, message: str) -> Response:
    return TEMPLATES.TemplateResponse(request, "error.html", {"message": message},
                                      status_code=404)
