"""``POST /update``: SPARQL 1.1 Update for the token holder (the protocol's update operation).

An update is trusted, like ``sanad import`` with a shell on the server: it is not run through
the SHACL gate (an arbitrary update's effect cannot be validated before it is applied). The
application's own writes — reviews, ClaimReview imports, articles — go through the gate.
The search index is refreshed before the next search.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from sanad.graph import with_using

from ..deps import WriteAccess, WriterDep
from ..openapi_doc import ERRORS, UPDATE_PARAMETERS, update_body
from ..sparql_protocol import read_update

router = APIRouter(tags=["sparql"])


@router.post(
    "/update", summary="SPARQL 1.1 update (token)", status_code=204, response_class=Response,
    dependencies=[WriteAccess], responses={204: {"description": "Applied."}, **ERRORS},
    openapi_extra={"parameters": UPDATE_PARAMETERS, "requestBody": update_body()},
)
async def sparql_update(request: Request, writer: WriterDep) -> Response:
    """Apply an update sent as a form field ``update`` or an ``application/sparql-update`` body."""
    sparql = await read_update(request)
    text = with_using(sparql.text, sparql.dataset)
    await run_in_threadpool(writer.raw_update, text)
    return Response(status_code=204)


router.add_api_route(
    "/update/", sparql_update, methods=["POST"], status_code=204, response_class=Response,
    dependencies=[WriteAccess], include_in_schema=False,
)
