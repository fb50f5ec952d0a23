"""The read-only SPARQL 1.1 Protocol endpoint, ``GET|POST /sparql``, as a mountable router."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from sanad.graph.errors import InputError

from ..deps import SettingsDep, StoreDep
from ..errors import error_response
from ..sparql_formats import choose_media_type, serialize

router = APIRouter(tags=["sparql"])

_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"


@router.get("/sparql", summary="SPARQL 1.1 query (GET)")
async def sparql_get(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Run ``query`` from the URL; the default graph is the union of all named graphs."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    return await _answer(request, store, settings.row_limit, _single_query(params))


@router.post("/sparql", summary="SPARQL 1.1 query (form-encoded or direct POST)")
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Run a query sent as a form field ``query`` or as an ``application/sparql-query`` body."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="strict")
    if media == _FORM:
        if "update" in parse_qs(body):
            raise InputError("updates are not accepted at /sparql (it is read-only)")
        return await _answer(request, store, settings.row_limit, _single_query(parse_qs(body)))
    if media == _DIRECT:
        return await _answer(request, store, settings.row_limit, body)
    return error_response(
        415, "Unsupported Media Type",
        f"POST /sparql takes {_FORM} or {_DIRECT}, not {media or 'no content type'}",
    )


def _single_query(params: dict[str, list[str]]) -> str:
    queries = params.get("query", [])
    if "update" in params:
        raise InputError("updates are not accepted at /sparql (it is read-only)")
    if len(queries) != 1:
        problem = "no 'query' parameter" if not queries else "more than one 'query' parameter"
        raise InputError(f"a SPARQL request needs exactly one query: {problem}")
    return queries[0]


async def _answer(request: Request, store: StoreDep, row_limit: int, query: str) -> Response:
    result = await run_in_threadpool(store.query, query, row_limit=row_limit)
    media = choose_media_type(request.headers.get("accept"), result)
    if media is None:
        return error_response(
            406, "Not Acceptable",
            f"cannot serve this result as {request.headers.get('accept')!r}",
        )
    headers = {"X-Sanad-Truncated": "true"} if result.truncated else {}
    return Response(serialize(result, media), media_type=media, headers=headers)
