"""OpenAPI text that the routes share: the description, tags, the error shape and the SPARQL
Protocol's parameters (read from the request by hand, so they are described here)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "DESCRIPTION",
    "ERRORS",
    "QUERY_PARAMETERS",
    "QUERY_RESPONSES",
    "TAGS",
    "UPDATE_PARAMETERS",
    "ErrorBody",
    "ErrorDetail",
    "query_body",
    "update_body",
]

DESCRIPTION = """\
sanad tracks claims in Arabic news: who said what, relayed by whom, and whether it held up.

* **SPARQL 1.1 Protocol**: `GET|POST /sparql` (read-only; the default graph is the union of
  all named graphs) and `POST /update` (token). Graph Store Protocol at `/rdf-graph-store`.
* **Lookups** for fact-checkers: `GET /claims` (text search with Arabic spelling variants,
  entity, claimant, source, publisher, dates, modality, verdict, cluster), `GET /claims/{id}`,
  `GET /claims/{id}/claimreview` (schema.org ClaimReview JSON-LD), `GET /entities/{qid}/claims`,
  `GET /sources/{id}`.
* **Writes** need `Authorization: Bearer <SANAD_TOKEN>`; a server started without a token
  refuses them. Every write is validated against the SHACL shapes: a rejected write stores
  nothing and answers 422 with the report.

Every error is `{"error": {"status", "title", "detail"}}` (plus `"report"` for a rejected write).
"""

TAGS = [
    {"name": "claims", "description": "Fact-checking lookups over the claims."},
    {"name": "reviews", "description": "Reviews: adding verdicts, importing ClaimReview."},
    {"name": "sparql", "description": "SPARQL 1.1 Protocol query and update endpoints."},
    {"name": "graph store", "description": "SPARQL 1.1 Graph Store HTTP Protocol."},
    {"name": "service", "description": "Health of the service."},
]


class ErrorDetail(BaseModel):
    status: int = Field(examples=[404])
    title: str = Field(examples=["Not found"])
    detail: str = Field(examples=["claim 'no-such-claim' is not in the store"])
    report: dict[str, Any] | None = Field(
        None, description="The SHACL report, for a write the shapes rejected."
    )


class ErrorBody(BaseModel):
    """The one error shape of every route."""

    error: ErrorDetail


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("Malformed request: bad parameter, bad query syntax, bad JSON."),
    401: _error("Missing or wrong bearer token (writes)."),
    403: _error("Writes are disabled (the server has no SANAD_TOKEN)."),
    404: _error("No such resource."),
    406: _error("The result cannot be served in any media type the client accepts."),
    413: _error("The request body is over the size limit."),
    415: _error("Unsupported request media type."),
    422: _error("Invalid values, or a write the SHACL shapes rejected (with the report)."),
    503: _error("The query ran past the time limit, or the store is busy."),
}

_RESULT_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                 "text/tab-separated-values", "text/turtle", "application/n-triples",
                 "application/rdf+xml", "application/ld+json"]
QUERY_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT/ASK results, or the graph of a CONSTRUCT/DESCRIBE, in the media "
        "type chosen by `Accept`. A result cut at the row limit has `X-Sanad-Truncated: true`.",
        "content": {media: {"schema": {"type": "string"}} for media in _RESULT_TYPES},
    },
}


def _graph_list(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": what,
            "schema": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "style": "form", "explode": True}


QUERY_PARAMETERS: list[dict[str, Any]] = [
    {"name": "query", "in": "query", "required": True, "description": "The SPARQL query.",
     "schema": {"type": "string"},
     "examples": {"satellites": {"value": (
         "PREFIX wd: <http://www.wikidata.org/entity/> "
         "SELECT ?g ?p ?o WHERE { GRAPH ?g { wd:Q159 ?p ?o } }")}}},
    _graph_list("default-graph-uri", "A graph of the default graph (overrides FROM)."),
    _graph_list("named-graph-uri", "A named graph of the dataset (overrides FROM NAMED)."),
]
UPDATE_PARAMETERS: list[dict[str, Any]] = [
    _graph_list("using-graph-uri", "A graph of the WHERE default graph (like USING)."),
    _graph_list("using-named-graph-uri", "A named graph for the WHERE pattern (like USING NAMED)."),
]


def query_body() -> dict[str, Any]:
    return {"required": True, "content": {
        "application/sparql-query": {"schema": {"type": "string"},
                                     "example": "ASK { ?s ?p ?o }"},
        "application/x-www-form-urlencoded": {
            "schema": {"type": "object", "required": ["query"],
                       "properties": {"query": {"type": "string"}}},
            "example": {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}},
    }}


def update_body() -> dict[str, Any]:
    return {"required": True, "content": {
        "application/sparql-update": {"schema": {"type": "string"},
                                      "example": "DROP SILENT GRAPH <http://example.org/g>"},
        "application/x-www-form-urlencoded": {
            "schema": {"type": "object", "required": ["update"],
                       "properties": {"update": {"type": "string"}}},
            "example": {"update": "CLEAR SILENT GRAPH <http://example.org/g>"}},
    }}
