"""The remote backend: any SPARQL 1.1 server, through SPARQL 1.1 Query and Update (SPARQLWrapper).

Atomicity without multi-request transactions: every write is ONE update request
(:func:`replace_update`: delete the batch's graphs, insert their triples), and a SPARQL 1.1
server runs one request as one unit, so a failed write leaves no partial claim. Nothing here
keeps state between requests: any number of API workers can share one server.

Servers cut results silently (Virtuoso at ``ResultSetMaxRows``, 10,000 by default); the store is
told that cap (``result_cap``) and reports a result that reaches it as truncated.
"""

from __future__ import annotations

import json
import re
import urllib.error
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.term import Identifier
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sw

from .batch import Batch, Quad
from .errors import QueryError, QuerySyntaxError, QueryTimeout, StoreError, translate
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .store import DEFAULT_ROW_LIMIT
from .terms import from_ox

__all__ = ["SparqlEndpoint", "SparqlStore", "query_form", "replace_update", "sparql_errors"]

_GRAPH_CHUNK = 200  # graph names per request when listing quads
_LONGEST_GET = 1_500  # characters of query text sent in a URL; longer ones are POSTed
_GRAPHS = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_COMMENT = re.compile(r"^\s*#[^\n]*$", re.MULTILINE)
_FORM = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; SELECT when unclear (the server then says what is wrong)."""
    found = _FORM.match(_COMMENT.sub("", sparql))
    return found.group(1).upper() if found else "SELECT"


@dataclass(frozen=True)
class SparqlEndpoint:
    """Where a SPARQL 1.1 server answers, and how to log in for updates."""

    query_url: str
    update_url: str
    user: str | None = None
    password: str | None = None
    auth: Literal["basic", "digest"] = "basic"
    timeout: float = 60.0
    result_cap: int | None = 10_000
    server: Literal["generic", "virtuoso"] = "generic"


class SparqlStore:
    """A :class:`~sanad.graph.store.Store` kept by a SPARQL 1.1 server.

    The server's default graph must be the union of its named graphs (Virtuoso, GraphDB and
    Neptune do this; Fuseki needs ``tdb:unionDefaultGraph true``), and its own system graphs
    must be hidden from the query user (``python -m sanad.scripts.virtuoso`` does both).
    """

    def __init__(self, endpoint: SparqlEndpoint) -> None:
        self.endpoint = endpoint

    # -- reading ---------------------------------------------------------------------------

    def query(self, sparql: str, *, row_limit: int = DEFAULT_ROW_LIMIT) -> QueryResult:
        kind = query_form(sparql)
        wrapper = self._wrapper(self.endpoint.query_url, sparql, kind)
        if len(sparql) > _LONGEST_GET:  # servers cut long URLs (Virtuoso mid-escape)
            wrapper.setMethod(POST)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            wrapper.addCustomHttpHeader("Accept", "application/n-triples")
            return _triples(self._fetch(wrapper, "SPARQL query"), row_limit, self._cap)
        wrapper.setReturnFormat(JSON)
        answer = json.loads(self._fetch(wrapper, "SPARQL query"))
        if "boolean" in answer:
            return AskResult(bool(answer["boolean"]))
        return _select(answer, row_limit, self._cap)

    def graph_names(self) -> set[URIRef]:
        # GROUP BY, not DISTINCT: Virtuoso answers that exact DISTINCT pattern from an index
        # that ignores graph permissions, listing its hidden system graphs
        first = self.query(_GRAPHS, row_limit=10**9)
        assert isinstance(first, SelectResult)
        if not first.truncated:
            return {g for g in first.values("g") if isinstance(g, URIRef)}
        names: set[URIRef] = set()
        page = self._cap or 100_000
        while True:  # more graphs than one answer holds: page in a stable order
            result = self.query(
                f"{_GRAPHS} ORDER BY ?g OFFSET {len(names)} LIMIT {page}",
                row_limit=page,
            )
            assert isinstance(result, SelectResult)
            found = {g for g in result.values("g") if isinstance(g, URIRef)}
            names |= found
            if len(result.rows) < page:
                return names

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        names = sorted(self.graph_names()) if graph is None else [graph]
        for start in range(0, len(names), _GRAPH_CHUNK):
            yield from self._quads_of(names[start:start + _GRAPH_CHUNK])

    def _quads_of(self, names: list[URIRef]) -> Iterator[Quad]:
        values = " ".join(n.n3() for n in names)
        limit = self._cap or 10_000_000
        result = self.query(
            f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
            row_limit=limit,
        )
        assert isinstance(result, SelectResult)
        if result.truncated and len(names) > 1:  # too many for one answer: halve the set
            middle = len(names) // 2
            yield from self._quads_of(names[:middle])
            yield from self._quads_of(names[middle:])
            return
        if result.truncated:
            yield from self._paged_graph(names[0], limit)
            return
        for row in result.rows:
            yield row["s"], row["p"], row["o"], URIRef(row["g"])

    def _paged_graph(self, name: URIRef, page: int) -> Iterator[Quad]:
        offset = 0
        while True:
            result = self.query(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }} "
                f"ORDER BY ?s ?p ?o OFFSET {offset} LIMIT {page}",
                row_limit=page,
            )
            assert isinstance(result, SelectResult)
            for row in result.rows:
                yield row["s"], row["p"], row["o"], name
            if len(result.rows) < page:
                return
            offset += page

    def __len__(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(result, SelectResult)
        return int(result.rows[0]["n"]) if result.rows else 0

    # -- writing ---------------------------------------------------------------------------

    def write(self, batch: Batch) -> None:
        if batch.graphs:
            self.update(replace_update(batch), f"writing {batch.label}")

    def write_many(self, batches: list[Batch]) -> None:
        """Several batches in one request (a bulk load): all of them are written, or none."""
        merged = Batch(f"{len(batches)} batches")
        for batch in batches:
            for name, graph in batch.graphs.items():
                target = merged.graph(name)
                target += graph
        self.write(merged)

    def drop_graphs(self, names: list[URIRef]) -> None:
        if names:
            self.update(_delete_graphs(names), "dropping graphs")

    def update(self, sparql_update: str, context: str = "SPARQL update") -> None:
        """Send one update request (one unit of work on the server)."""
        if self.endpoint.server == "virtuoso":
            # pass INSERT DATA's terms as data, not as SQL text: without it Virtuoso refuses a
            # request of more than about a thousand triples ("SQL text … exceeded 10000 lines")
            sparql_update = "define sql:big-data-const 1\n" + sparql_update
        wrapper = self._wrapper(self.endpoint.update_url, sparql_update, "INSERT")
        wrapper.setMethod(POST)
        self._fetch(wrapper, context)

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""

    # -- plumbing --------------------------------------------------------------------------

    @property
    def _cap(self) -> int | None:
        return self.endpoint.result_cap

    def _wrapper(self, url: str, text: str, kind: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(url)
        # set directly, not by setQuery(), whose guess of the form warns on a malformed query;
        # the server is the judge of syntax
        wrapper.queryString, wrapper.queryType = text, kind
        wrapper.setOnlyConneg(True)  # the Accept header alone chooses the format
        wrapper.setTimeout(int(max(1, self.endpoint.timeout)))
        if self.endpoint.user is not None:
            wrapper.setHTTPAuth(DIGEST if self.endpoint.auth == "digest" else BASIC)
            wrapper.setCredentials(self.endpoint.user, self.endpoint.password or "")
        return wrapper

    def _fetch(self, wrapper: SPARQLWrapper, context: str) -> bytes:
        with sparql_errors(context, self.endpoint.query_url):
            response = wrapper.query().response
            state = response.headers.get("X-SQL-State", "")
            body: bytes = response.read()
        if state == "S1TAT":  # Virtuoso's "anytime" answer: partial results after the time limit
            raise QueryTimeout(f"{context}: the server stopped at its time limit (partial answer)")
        return body


def replace_update(batch: Batch) -> str:
    """One update request replacing every graph of ``batch``: delete their triples, insert anew.

    The same single request as :func:`~sanad.graph.update_text.replace_graphs_update`, with
    one ``DELETE … WHERE { VALUES ?g {…} }`` instead of a ``DROP`` per graph: Virtuoso compiles
    each ``DROP`` separately and refuses a request whose SQL passes 10,000 lines (an article
    batch with some thirty claims did).
    """
    parts = [_delete_graphs(list(batch.graphs))]
    blocks = []
    for name, graph in batch.graphs.items():
        if len(graph):
            body = "\n".join(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
            blocks.append(f"GRAPH {name.n3()} {{\n{body}\n}}")
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)


def _delete_graphs(names: list[URIRef]) -> str:
    values = " ".join(name.n3() for name in names)
    return (f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } }")


@contextmanager
def sparql_errors(context: str, url: str) -> Iterator[None]:
    """Turn SPARQLWrapper and network errors into sanad errors (``raise … from exc``)."""
    try:
        yield
    except sw.QueryBadFormed as exc:
        raise QuerySyntaxError(f"{context}: {_server_message(exc)}") from exc
    except (sw.Unauthorized, sw.URITooLong, sw.EndPointNotFound) as exc:
        raise StoreError(f"{context}: {url}: {_server_message(exc)}") from exc
    except sw.EndPointInternalError as exc:
        raise QueryError(f"{context}: the server failed: {_server_message(exc)}") from exc
    except sw.SPARQLWrapperException as exc:
        raise StoreError(f"{context}: {_server_message(exc)}") from exc
    except TimeoutError as exc:
        raise QueryTimeout(f"{context}: no answer from {url} within the time limit") from exc
    except urllib.error.HTTPError as exc:
        raise StoreError(f"{context}: {url} answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise QueryTimeout(f"{context}: no answer from {url} within the time limit") from exc
        raise StoreError(f"{context}: cannot reach {url}: {exc.reason}") from exc
    except OSError as exc:
        raise StoreError(f"{context}: cannot reach {url}: {exc}") from exc


def _server_message(exc: Exception) -> str:
    """The server's own words from a SPARQLWrapper error, without its boilerplate."""
    text = str(exc)
    if "Response:\n" in text:
        text = text.split("Response:\n", 1)[1]
        if text.startswith(("b'", 'b"')):
            text = text[2:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return text.split("\n\nSPARQL query:", 1)[0].strip()[:2000]


def _select(answer: dict[str, Any], row_limit: int, cap: int | None) -> SelectResult:
    variables = list(answer.get("head", {}).get("vars", []))
    bindings = answer.get("results", {}).get("bindings", [])
    truncated = len(bindings) > row_limit or (cap is not None and len(bindings) >= cap)
    rows = [
        {name: _term(value) for name, value in binding.items()}
        for binding in bindings[:row_limit]
    ]
    return SelectResult(variables, rows, truncated)


def _triples(body: bytes, row_limit: int, cap: int | None) -> GraphResult:
    graph = Graph()
    count = 0
    with translate("reading the server's triples"):
        for triple in ox.parse(body, format=ox.RdfFormat.N_TRIPLES):
            if count == row_limit:
                return GraphResult(graph, True)
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
            count += 1
    return GraphResult(graph, cap is not None and count >= cap)


_BOOLEAN = str(XSD.boolean)


def _term(value: dict[str, str]) -> Identifier:
    """An rdflib term from one SPARQL JSON results binding."""
    kind, text = value["type"], value["value"]
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if "xml:lang" in value:
        return RdfLiteral(text, lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype is None:
        return RdfLiteral(text)
    if datatype == _BOOLEAN and text in ("1", "0"):  # Virtuoso answers booleans as 1/0
        text = "true" if text == "1" else "false"
    return RdfLiteral(text, datatype=URIRef(datatype))
