"""``GET /sources/{id}``: one article, its metadata with evidence, and the claims it carries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from sanad.queries import source_detail

from ..deps import StoreDep
from ..openapi_doc import ERRORS
from ..schemas import Source

router = APIRouter(tags=["claims"])


@router.get("/sources/{aid}", response_model=Source, responses=ERRORS,
            summary="One source article and the claims in it")
def get_source(
    aid: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200,
                             description="The article id.", examples=["062528742e08afef"])],
    store: StoreDep,
    text: Annotated[bool, Query(description="Include the full article text.")] = False,
) -> dict[str, Any]:
    """Publisher, dates and URL with how each is known, and every claim with its offsets."""
    return source_detail(store, aid, with_text=text)
