"""The in-process lookups of :mod:`sanad.bench.api_lookups` as the API requests that serve them."""

from __future__ import annotations

import urllib.parse
from typing import Any

from sanad.queries import ClaimQuery

__all__ = ["claims_path", "route_paths"]

PAGE = 20


def claims_path(query: ClaimQuery, limit: int = PAGE) -> str:
    """``GET /claims`` with the parameters of ``query`` that the benchmark uses."""
    params: list[tuple[str, str]] = [("entity", e) for e in query.entities]
    if query.q:
        params.append(("q", query.q))
    if query.claimant:
        params.append(("claimant", query.claimant))
    if query.date_from:
        params.append(("from", query.date_from.isoformat()))
    if query.date_to:
        params.append(("to", query.date_to.isoformat()))
    params.append(("limit", str(limit)))
    return f"/claims?{urllib.parse.urlencode(params)}"


def route_paths(lookups: dict[str, list[Any]]) -> dict[str, list[str]]:
    """Per kind of lookup, the request paths (``detail`` is ``GET /claims/{id}``)."""
    paths = {kind: [claims_path(q) for q in lookups[kind]] for kind in ("entity", "claimant", "text")}
    paths["detail"] = [f"/claims/{urllib.parse.quote(cid)}" for cid in lookups["detail"]]
    return paths
