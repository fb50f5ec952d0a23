"""The SPARQL 1.1 Protocol's dataset parameters, applied to query and update text.

``default-graph-uri`` / ``named-graph-uri`` (queries) and ``using-graph-uri`` /
``using-named-graph-uri`` (updates) override the dataset the request text names. They are
applied by rewriting the text — ``FROM``/``FROM NAMED`` clauses for a query, ``USING``/``USING
NAMED`` clauses for each update operation — so that every backend, embedded or remote, gets
the same semantics from the same text. The rewrite works on tokens
(:mod:`sanad.graph.sparql_lexer`), never on raw substrings, and graph IRIs are checked before
they are written into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError
from .sparql_lexer import Token, tokens

__all__ = ["QueryDataset", "declares_dataset", "with_dataset", "with_using"]

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")
_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_AFTER_DATASET = ("FROM", "WHERE", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "VALUES")


@dataclass(frozen=True)
class QueryDataset:
    """Graph IRIs given by the protocol: the default graph's parts and the named graphs."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for iri in (*self.default_graphs, *self.named_graphs):
            if not _ABSOLUTE_IRI.match(iri):
                raise InputError(f"graph {iri!r} is not an absolute IRI")

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def declares_dataset(query: str) -> bool:
    """True when the query text has a ``FROM`` or ``FROM NAMED`` clause of its own."""
    # the substring test is a cheap pre-filter; the tokens tell a keyword from a name or string
    return "from" in query.lower() and any(t.is_keyword("FROM") for t in tokens(query))


def with_dataset(query: str, dataset: QueryDataset) -> str:
    """``query`` with its dataset clauses replaced by ``dataset`` (unchanged if it is empty).

    Text that has no query form is returned as it is: the store reports the syntax error.
    """
    if not dataset:
        return query
    toks = list(tokens(query))
    form = next((i for i, t in enumerate(toks) if t.top and t.is_keyword(*_FORMS)), None)
    if form is None:
        return query
    at = form + 1
    if toks[form].is_keyword("CONSTRUCT") and at < len(toks) and toks[at].text == "{":
        at = _closing(toks, at) + 1
    while at < len(toks) and not (toks[at].top and (toks[at].is_keyword(*_AFTER_DATASET)
                                                     or toks[at].text == "{")):
        at += 1
    start = toks[at].start if at < len(toks) else len(query)
    end = start
    while at < len(toks) and toks[at].is_keyword("FROM"):
        at += 1
        if at < len(toks) and toks[at].is_keyword("NAMED"):
            at += 1
        if at < len(toks):
            end = toks[at].end
            at += 1
    clauses = [f"FROM <{g}>" for g in dataset.default_graphs]
    clauses += [f"FROM NAMED <{g}>" for g in dataset.named_graphs]
    return f"{query[:start]} {' '.join(clauses)} {query[end:]}"


def with_using(update: str, dataset: QueryDataset) -> str:
    """``update`` with ``USING``/``USING NAMED`` clauses from ``dataset`` on every operation
    that has a ``WHERE`` pattern (``DELETE WHERE`` is spelt out as ``DELETE … USING … WHERE``).

    Raises :class:`InputError` when an operation names its own dataset (``USING``/``WITH``):
    the protocol forbids both at once.
    """
    if not dataset:
        return update
    using = " ".join([*(f"USING <{g}>" for g in dataset.default_graphs),
                      *(f"USING NAMED <{g}>" for g in dataset.named_graphs)])
    edits: list[tuple[int, int, str]] = []
    for operation in _operations(list(tokens(update))):
        body = _skip_prologue(operation)
        if not body:
            continue
        if any(t.top and t.is_keyword("USING", "WITH") for t in body):
            raise InputError(
                "the update names its own dataset (USING or WITH) and the request also gives "
                "using-graph-uri/using-named-graph-uri; give one or the other"
            )
        first, second = body[0], body[1] if len(body) > 1 else None
        if not first.is_keyword("INSERT", "DELETE") or second is None or second.is_keyword("DATA"):
            continue
        if first.is_keyword("DELETE") and second.is_keyword("WHERE"):
            pattern = update[body[2].start:body[_closing(body, 2)].end] if len(body) > 2 else ""
            edits.append((second.start, second.start, f"{pattern} {using} "))
            continue
        where = next((t for t in body if t.top and t.is_keyword("WHERE")), None)
        if where is not None:
            edits.append((where.start, where.start, f"{using} "))
    for start, end, text in sorted(edits, reverse=True):
        update = update[:start] + text + update[end:]
    return update


def _operations(toks: list[Token]) -> list[list[Token]]:
    """Tokens split at top-level ``;`` (the separator of update operations)."""
    found: list[list[Token]] = [[]]
    for token in toks:
        if token.top and token.text == ";":
            found.append([])
        else:
            found[-1].append(token)
    return [op for op in found if op]


def _skip_prologue(operation: list[Token]) -> list[Token]:
    at = 0
    while at < len(operation):
        if operation[at].is_keyword("BASE"):
            at += 2
        elif operation[at].is_keyword("PREFIX"):
            at += 3
        else:
            break
    return operation[at:]


def _closing(toks: list[Token], opening: int) -> int:
    """Index of the brace that closes the one at ``opening`` (the last token if unclosed)."""
    depth = toks[opening].braces
    for index in range(opening + 1, len(toks)):
        if toks[index].text == "}" and toks[index].braces == depth:
            return index
    return len(toks) - 1
