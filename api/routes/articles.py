"""``POST /articles``: a new article is extracted, validated and stored (token)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from sanad.ingest.article_writes import NewArticle, add_new_article

from ..deps import WriteAccess, WriterDep
from ..openapi_doc import ERRORS

router = APIRouter(tags=["reviews"], dependencies=[WriteAccess])


class ArticleIn(BaseModel):
    """An Arabic news article and what is known about it (unknown fields stay unknown)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "قال الرئيس الروسي فلاديمير بوتين إن روسيا ستساعد كوريا الشمالية في بناء أقمار "
                "صناعية.",
        "published": "2023-09-13", "publisher": "Al Khaleej Al Jadeed",
        "url": "https://example.org/news/1"}]})
    text: str = Field(min_length=1, max_length=500_000, description="The article text, as published.")
    published: dt.date | None = Field(None, description="Publication date; anchors relative dates.")
    publisher: str | None = Field(None, max_length=200, description="QID, entity key or name.")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[^\s<>\"{}|\\^`]+$")
    headline: str | None = Field(None, max_length=1000)
    language: str = Field("ar", pattern=r"^ar(-[A-Za-z0-9]{1,8})*$")


class ArticleCreated(BaseModel):
    article: str = Field(description="The article id (first 16 hex digits of its SHA-256).")
    iri: str
    created: bool = Field(description="False when the same text was stored before (re-extracted).")
    claims: list[str] = Field(description="Ids of the candidate claims stored (unreviewed).")
    matched: list[str] = Field([], description="Hand-checked claims the extraction found again.")


@router.post("/articles", status_code=201, response_model=ArticleCreated, responses=ERRORS,
             summary="Add an article: extract its claims, validate, store (token)")
async def post_article(article: ArticleIn, writer: WriterDep, response: Response) -> dict[str, Any]:
    """201 with the new claim ids, or 422 with the SHACL report and nothing stored."""
    outcome = await run_in_threadpool(add_new_article, writer, NewArticle(
        text=article.text, published=article.published, publisher=article.publisher,
        url=article.url, headline=article.headline, language=article.language))
    response.headers["Location"] = f"/sources/{outcome.aid}"
    return {"article": outcome.aid, "iri": f"https://w3id.org/sanad/id/article-{outcome.aid}",
            "created": outcome.created, "claims": outcome.claims, "matched": outcome.matched}
