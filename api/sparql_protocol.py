"""Reading SPARQL 1.1 Protocol requests: which text, which dataset, and every way to get it wrong.

Queries come by GET (``?query=``), by form POST (``query=`` in an
``application/x-www-form-urlencoded`` body) or by direct POST (an ``application/sparql-query``
body); updates by form POST (``update=``) or direct POST (``application/sparql-update``).
Dataset parameters may be in the URL and, for a form POST, in the body too. Each malformed
request raises :class:`ProtocolError` with the status and a sentence naming the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request

from sanad.graph import QueryDataset

__all__ = ["FORM", "QUERY_TYPE", "UPDATE_TYPE", "ProtocolError", "SparqlRequest",
           "read_query", "read_update"]

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


class ProtocolError(HTTPException):
    """A request the protocol does not allow (answered in the one error shape)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message)


@dataclass(frozen=True)
class SparqlRequest:
    """The operation text (with the endpoint as its base IRI) and the protocol dataset."""

    text: str
    dataset: QueryDataset


async def read_query(request: Request) -> SparqlRequest:
    """The query of a GET or POST to the query endpoint."""
    params = _url_params(request)
    if request.method == "GET":
        return _from_params(request, params, "query", ("default-graph-uri", "named-graph-uri"))
    media, body = await _body(request)
    if media == FORM:
        params += _form(body)
        return _from_params(request, params, "query", ("default-graph-uri", "named-graph-uri"))
    if media == QUERY_TYPE:
        _refuse(params, "query", "the query is the request body, so the URL must not have one")
        return _direct(request, body, params, ("default-graph-uri", "named-graph-uri"))
    hint = " (an update goes to /update)" if media == UPDATE_TYPE else ""
    raise ProtocolError(
        415, f"a query is POSTed as {FORM} or {QUERY_TYPE}, not {media or 'no content type'}{hint}"
    )


async def read_update(request: Request) -> SparqlRequest:
    """The update of a POST to the update endpoint."""
    params = _url_params(request)
    media, body = await _body(request)
    names = ("using-graph-uri", "using-named-graph-uri")
    if media == FORM:
        return _from_params(request, params + _form(body), "update", names)
    if media == UPDATE_TYPE:
        _refuse(params, "update", "the update is the request body, so the URL must not have one")
        return _direct(request, body, params, names)
    hint = " (a query goes to /sparql)" if media == QUERY_TYPE else ""
    raise ProtocolError(
        415, f"an update is POSTed as {FORM} or {UPDATE_TYPE}, not {media or 'no content type'}{hint}"
    )


def _from_params(request: Request, params: list[tuple[str, str]], operation: str,
                 dataset_names: tuple[str, str]) -> SparqlRequest:
    other = "update" if operation == "query" else "query"
    if any(name == other for name, _ in params):
        if other == "update":
            raise ProtocolError(400, "/sparql is read-only: send 'update' to /update (by POST)")
        raise ProtocolError(400, "/update does not take 'query': send it to /sparql")
    texts = [value for name, value in params if name == operation]
    if len(texts) != 1:
        problem = f"no '{operation}' parameter" if not texts else f"more than one '{operation}' parameter"
        raise ProtocolError(400, f"a SPARQL request needs exactly one {operation}: {problem}")
    return SparqlRequest(_with_base(request, texts[0]), _dataset(params, dataset_names))


def _direct(request: Request, body: bytes, params: list[tuple[str, str]],
            dataset_names: tuple[str, str]) -> SparqlRequest:
    return SparqlRequest(_with_base(request, _utf8(body)), _dataset(params, dataset_names))


def _dataset(params: list[tuple[str, str]], names: tuple[str, str]) -> QueryDataset:
    default, named = names
    return QueryDataset(
        tuple(v for k, v in params if k == default), tuple(v for k, v in params if k == named)
    )


def _with_base(request: Request, text: str) -> str:
    """Relative IRIs in the text resolve against the endpoint (the protocol's "MAY")."""
    base = str(request.url.replace(query="", fragment="")).rstrip("/")
    return f"BASE <{base}>\n{text}"


def _refuse(params: list[tuple[str, str]], name: str, why: str) -> None:
    if any(k == name for k, _ in params):
        raise ProtocolError(400, f"'{name}' given twice: {why}")


def _url_params(request: Request) -> list[tuple[str, str]]:
    return parse_qsl(request.url.query, keep_blank_values=True)


async def _body(request: Request) -> tuple[str, bytes]:
    content_type = request.headers.get("content-type", "")
    media, *options = [part.strip() for part in content_type.split(";")]
    for option in options:
        key, _, value = option.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"').lower() not in ("utf-8", "utf8"):
            raise ProtocolError(415, f"the body must be UTF-8, not {value.strip()}")
    return media.lower(), await request.body()


def _form(body: bytes) -> list[tuple[str, str]]:
    return parse_qsl(_utf8(body), keep_blank_values=True)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the body is not UTF-8 (invalid byte at offset {exc.start})") from exc
