"""``GET /health``: is the store reachable, and how big is it."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import StoreDep

router = APIRouter(tags=["service"])


@router.get("/health")
def health(store: StoreDep) -> dict[str, object]:
    """``ok`` with the number of quads and named graphs in the store."""
    return {"status": "ok", "quads": len(store), "graphs": len(store.graph_names())}
