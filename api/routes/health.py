"""``GET /health``: is the store reachable (and, when asked, how big is it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ..deps import LimitedStoreDep

router = APIRouter(tags=["service"])


@router.get("/health")
async def health(store: LimitedStoreDep, sizes: Annotated[bool, Query(description=(
        "Also count quads and named graphs: a scan of the whole store (seconds at 1M claims), "
        "so leave it off for load-balancer probes."))] = False) -> dict[str, object]:
    """``ok`` once the store answers a query; with ``sizes``, its quads and named graphs."""
    await store.answer("ASK {}", lambda result: None)
    if not sizes:
        return {"status": "ok"}
    quads, graphs = await store.run(lambda inner: (len(inner), len(inner.graph_names())))
    return {"status": "ok", "quads": quads, "graphs": graphs}
