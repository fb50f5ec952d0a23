"""One page of ``GET /claims`` as the route returns it: the search, then the claim summaries."""

from __future__ import annotations

from typing import Any

from sanad.graph import Store

from .claim_filters import ClaimFilter
from .claim_search import Sort, find_claims
from .claim_view import claim_summaries

__all__ = ["claim_page"]


def claim_page(store: Store, f: ClaimFilter, *, limit: int = 20, offset: int = 0,
               sort: Sort | None = None) -> dict[str, Any]:
    """The page ``[offset, offset + limit)`` of claims matching ``f``, with total and summaries."""
    page = find_claims(store, f, limit=limit, offset=offset, sort=sort)
    return {
        "total": page.total, "total_exact": page.total_exact, "offset": offset,
        "limit": page.limit, "next_offset": offset + len(page.claims) if page.more else None,
        "claims": claim_summaries(store, page.claims, page.scores),
    }
