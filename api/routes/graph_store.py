"""SPARQL 1.1 Graph Store HTTP Protocol at ``/rdf-graph-store`` (indirect identification).

``?graph=IRI`` names a graph, ``?default`` the default graph (for reading: the union of all
graphs; sanad keeps no triple outside a named graph, so it cannot be written). Reading is open;
``PUT`` (replace), ``POST`` (merge) and ``DELETE`` need the token, and ``PUT``/``POST`` go through
the SHACL gate like every application write.
"""

from __future__ import annotations

from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from rdflib import Graph, URIRef

from sanad.graph import AskResult, Batch, GraphResult, QueryDataset, Store
from sanad.graph.terms import from_ox
from sanad.ingest.writes import Writer

from ..deps import StoreDep, WriteAccess, WriterDep
from ..errors import error_response
from ..openapi_doc import ERRORS
from ..sparql_formats import GRAPH_TYPES, choose_media_type, serialize

router = APIRouter(tags=["graph store"])

GraphParam = Annotated[str | None, Query(description="IRI of the graph.", examples=[
    "https://w3id.org/sanad/id/graph-entities"])]
DefaultParam = Annotated[str | None, Query(description="Present: the default graph.")]
# Turtle and N-Triples, parsed by pyoxigraph (rdflib's parsers crash on some bad input, and its
# JSON-LD and RDF/XML parsers can fetch remote documents).
_PARSERS = {"text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
            "application/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
            "text/plain": ox.RdfFormat.N_TRIPLES}
_RDF_BODY = {"required": True, "content": {m: {"schema": {"type": "string"}} for m in _PARSERS}}
_RDF_OUT: dict[int | str, dict[str, Any]] = {200: {"description": "The graph.",
                  "content": {m: {"schema": {"type": "string"}} for m in GRAPH_TYPES}}}


def _target(graph: str | None, default: str | None) -> URIRef | None:
    """The named graph, or None for the default graph; exactly one must be given."""
    if (graph is None) == (default is None):
        raise HTTPException(400, "give exactly one of ?graph=IRI or ?default")
    if graph is None:
        return None
    QueryDataset((graph,))  # checks that it is an absolute IRI
    return URIRef(graph)


def _exists(store: Store, name: URIRef) -> bool:
    answer = store.query(f"ASK {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}")
    return isinstance(answer, AskResult) and answer.value


@router.get("/rdf-graph-store", summary="Read a graph", response_class=Response,
            responses={**_RDF_OUT, **ERRORS})
def read_graph(request: Request, store: StoreDep, graph: GraphParam = None,
               default: DefaultParam = None) -> Response:
    """The triples of one named graph, or of the default graph (the union of all graphs)."""
    name = _target(graph, default)
    where = f"GRAPH {name.n3()} {{ ?s ?p ?o }}" if name is not None else "?s ?p ?o"
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
    assert isinstance(result, GraphResult)
    if name is not None and len(result.graph) == 0 and not _exists(store, name):
        raise HTTPException(404, f"there is no graph {name}")
    media = choose_media_type(request.headers.get("accept"), result)
    if media is None:
        return error_response(406, "Not Acceptable",
                              f"cannot serve a graph as {request.headers.get('accept')!r}")
    headers = {"X-Sanad-Truncated": "true"} if result.truncated else {}
    return Response(serialize(result, media), media_type=media, headers=headers)


router.add_api_route("/rdf-graph-store", read_graph, methods=["HEAD"], include_in_schema=False)


@router.put("/rdf-graph-store", summary="Replace a graph (token)", dependencies=[WriteAccess],
            status_code=204, response_class=Response,
            responses={201: {"description": "Created."}, 204: {"description": "Replaced."},
                       **ERRORS}, openapi_extra={"requestBody": _RDF_BODY})
async def replace_graph(request: Request, writer: WriterDep, graph: GraphParam = None,
                        default: DefaultParam = None) -> Response:
    """Replace the named graph with the body (validated by the shapes first)."""
    return await _store_graph(request, writer, _writable(graph, default), merge=False)


@router.post("/rdf-graph-store", summary="Add to a graph (token)", dependencies=[WriteAccess],
             status_code=204, response_class=Response,
             responses={201: {"description": "Created."}, 204: {"description": "Merged."},
                        **ERRORS}, openapi_extra={"requestBody": _RDF_BODY})
async def merge_graph(request: Request, writer: WriterDep, graph: GraphParam = None,
                      default: DefaultParam = None) -> Response:
    """Add the body's triples to the named graph (validated by the shapes first)."""
    return await _store_graph(request, writer, _writable(graph, default), merge=True)


@router.delete("/rdf-graph-store", summary="Delete a graph (token)", dependencies=[WriteAccess],
               status_code=204, response_class=Response,
               responses={204: {"description": "Deleted."}, **ERRORS})
def delete_graph(writer: WriterDep, graph: GraphParam = None,
                 default: DefaultParam = None) -> Response:
    """Drop the named graph."""
    name = _writable(graph, default)
    with writer.exclusive() as store:
        if not _exists(store, name):
            raise HTTPException(404, f"there is no graph {name}")
        writer.drop([name])
    return Response(status_code=204)


def _writable(graph: str | None, default: str | None) -> URIRef:
    name = _target(graph, default)
    if name is None:
        raise HTTPException(400, "sanad keeps every triple in a named graph: give ?graph=IRI")
    return name


async def _store_graph(request: Request, writer: Writer, name: URIRef, merge: bool) -> Response:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in _PARSERS:
        raise HTTPException(415, f"send the graph as one of {', '.join(sorted(_PARSERS))}")
    body = await request.body()
    parsed = Graph()
    try:
        for triple in ox.parse(body, format=_PARSERS[media], base_iri=str(name)):
            parsed.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
    except (SyntaxError, ValueError, TypeError) as exc:
        raise HTTPException(400, f"the body is not valid {media}: {exc}") from exc
    return await run_in_threadpool(_write, writer, name, parsed, merge)


def _write(writer: Writer, name: URIRef, parsed: Graph, merge: bool) -> Response:
    with writer.exclusive() as store:
        existed = _exists(store, name)
        batch = Batch(f"graph store write of {name}")
        target = batch.graph(name)
        if merge:
            for s, p, o, _ in store.quads(name):
                target.add((s, p, o))
        target += parsed
        writer.raw_write(batch)
    return Response(status_code=204 if existed else 201)
