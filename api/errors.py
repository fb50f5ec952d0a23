"""One JSON error shape for every HTTP error, and the map from sanad errors to statuses.

Every error response is ``{"error": {"status": int, "title": str, "detail": str}}`` plus
``"report"`` for a write rejected by the SHACL gate.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sanad.graph.errors import (
    InputError,
    NotFound,
    QueryError,
    QueryTimeout,
    ReconciliationError,
    SanadError,
    StoreError,
    ValidationFailed,
)

__all__ = ["STATUS_OF", "error_response", "install_error_handlers"]

# Most specific first.
STATUS_OF: list[tuple[type[SanadError], int, str]] = [
    (ValidationFailed, 422, "Validation failed"),
    (QueryTimeout, 503, "Query time limit reached"),
    (QueryError, 400, "Bad query"),
    (InputError, 400, "Bad input"),
    (NotFound, 404, "Not found"),
    (StoreError, 503, "Store unavailable"),
    (ReconciliationError, 502, "Wikidata endpoint unavailable"),
    (SanadError, 500, "Internal error"),
]


def error_response(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    """The one error shape."""
    body: dict[str, Any] = {"status": status, "title": title, "detail": detail, **extra}
    return JSONResponse({"error": body}, status_code=status)


def _sanad_error(_: Request, exc: Exception) -> JSONResponse:
    for cls, status, title in STATUS_OF:
        if isinstance(exc, cls):
            extra = {"report": exc.report.as_dict()} if isinstance(exc, ValidationFailed) else {}
            return error_response(status, title, str(exc), **extra)
    raise exc  # unreachable: SanadError is last in STATUS_OF


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = str(exc.detail)
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        detail = f"{request.method} is not allowed on {request.url.path} (allowed: {allowed})"
    elif exc.status_code == 404 and detail == "Not Found":
        detail = f"there is no route {request.url.path}"
    response = error_response(exc.status_code, _title(exc.status_code), detail)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


def _request_validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
    )
    return error_response(422, "Invalid request", problems)


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one shape."""
    app.add_exception_handler(SanadError, _sanad_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _request_validation_error)
