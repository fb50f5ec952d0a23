"""The read-only SPARQL 1.1 Protocol query endpoint, ``GET|POST /sparql``, as a mountable router."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from sanad.graph import LimitedStore, QueryResult, with_dataset

from ..deps import LimitedStoreDep
from ..errors import error_response
from ..openapi_doc import ERRORS, QUERY_PARAMETERS, QUERY_RESPONSES, query_body
from ..sparql_formats import choose_media_type, serialize
from ..sparql_protocol import SparqlRequest, read_query

router = APIRouter(tags=["sparql"])


@router.get(
    "/sparql", summary="SPARQL 1.1 query (GET)", response_class=Response,
    responses={**QUERY_RESPONSES, **ERRORS},
    openapi_extra={"parameters": QUERY_PARAMETERS},
)
async def sparql_get(request: Request, store: LimitedStoreDep) -> Response:
    """Run ``query`` from the URL over the union of all named graphs (or the given dataset)."""
    return await _answer(request, store, await read_query(request))


@router.post(
    "/sparql", summary="SPARQL 1.1 query (form-encoded or direct POST)", response_class=Response,
    responses={**QUERY_RESPONSES, **ERRORS},
    openapi_extra={"parameters": QUERY_PARAMETERS[1:], "requestBody": query_body()},
)
async def sparql_post(request: Request, store: LimitedStoreDep) -> Response:
    """Run a query sent as a form field ``query`` or as an ``application/sparql-query`` body."""
    return await _answer(request, store, await read_query(request))


# The W3C suite (and some clients) call the endpoint with a trailing slash.
router.add_api_route("/sparql/", sparql_get, methods=["GET"], include_in_schema=False)
router.add_api_route("/sparql/", sparql_post, methods=["POST"], include_in_schema=False)


async def _answer(request: Request, store: LimitedStore, sparql: SparqlRequest) -> Response:
    accept = request.headers.get("accept")

    def shaped(result: QueryResult) -> tuple[str | None, bytes, bool]:
        media = choose_media_type(accept, result)
        body = serialize(result, media) if media is not None else b""
        return media, body, result.truncated

    media, body, truncated = await store.answer(with_dataset(sparql.text, sparql.dataset), shaped)
    if media is None:
        return error_response(406, "Not Acceptable", f"cannot serve this result as {accept!r}")
    headers: dict[str, Any] = {"Vary": "Accept"}
    if truncated:
        headers["X-Sanad-Truncated"] = "true"
    return Response(body, media_type=media, headers=headers)
