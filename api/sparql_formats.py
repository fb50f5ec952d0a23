"""Serializing query results per the SPARQL 1.1 Protocol's content negotiation."""

from __future__ import annotations

from rdflib.query import Result

from sanad.graph.results import AskResult, GraphResult, QueryResult, SelectResult

from .sparql_tsv import select_tsv

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "choose_media_type", "serialize"]

# media type → rdflib serializer name, first one is the default
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "text/plain": "nt",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/x-json+ld": "json-ld",
}


def choose_media_type(accept: str | None, result: QueryResult) -> str | None:
    """The best media type this result can be served in for ``accept``; None if none fits."""
    if isinstance(result, GraphResult):
        offered = list(GRAPH_TYPES)
    elif isinstance(result, AskResult):  # CSV and TSV are defined for SELECT only
        offered = [m for m, name in RESULT_TYPES.items() if name in ("json", "xml")]
    else:
        offered = list(RESULT_TYPES)
    ranges = _parse_accept(accept or "*/*")
    best: tuple[float, int, str] | None = None
    for position, media in enumerate(offered):
        q = _quality(media, ranges)
        if q > 0 and (best is None or (q, -position) > (best[0], best[1])):
            best = (q, -position, media)
    return best[2] if best else None


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    kind = media.split("/")[0]
    best, specificity = 0.0, -1
    for pattern, q in ranges:
        level = 2 if pattern == media else 1 if pattern == f"{kind}/*" else 0 if pattern == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def serialize(result: QueryResult, media_type: str) -> bytes:
    """The result as bytes in ``media_type`` (one that :func:`choose_media_type` returned)."""
    if isinstance(result, GraphResult):
        data = result.graph.serialize(format=GRAPH_TYPES[media_type])
        return data.encode("utf-8") if isinstance(data, str) else data
    if media_type == "text/tab-separated-values" and isinstance(result, SelectResult):
        return select_tsv(result)
    if RESULT_TYPES[media_type] == "json":
        return result.sparql_json()
    rdflib_result = Result("ASK" if isinstance(result, AskResult) else "SELECT")
    if isinstance(result, AskResult):
        rdflib_result.askAnswer = result.value
    else:
        assert isinstance(result, SelectResult)
        from rdflib.term import Variable

        rdflib_result.vars = [Variable(v) for v in result.variables]
        rdflib_result.bindings = result.as_rdflib_bindings()
    data = rdflib_result.serialize(format=RESULT_TYPES[media_type])
    return data if isinstance(data, bytes) else str(data).encode("utf-8")
