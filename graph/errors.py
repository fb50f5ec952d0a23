"""sanad's own errors, one hierarchy for the whole library.

::

    SanadError
    ├── InputError            bad input from a user: unreadable file, malformed RDF, bad value
    │   └── RdfSyntaxError    RDF text that does not parse
    ├── QueryError            a SPARQL query or update the store refused
    │   ├── QuerySyntaxError  it does not parse
    │   └── QueryTimeout      it ran past the time limit
    ├── ValidationFailed      a write rejected by the SHACL gate (carries the report)
    ├── NotFound              a resource (claim, article, graph) that is not in the store
    ├── StoreError            the store itself failed (locked, unreachable, I/O)
    │   └── StoreBusy         every query slot is taken (queries abandoned at the time limit)
    └── ReconciliationError   the Wikidata SPARQL endpoint failed (unreachable, too slow, bad answer)

Backend errors (pyoxigraph, SPARQLWrapper, pyshacl, rdflib parsers) are translated to these in
one place, :func:`translate`, always with ``raise … from exc``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validation import ValidationReport

__all__ = [
    "InputError",
    "NotFound",
    "QueryError",
    "QuerySyntaxError",
    "QueryTimeout",
    "RdfSyntaxError",
    "ReconciliationError",
    "SanadError",
    "StoreBusy",
    "StoreError",
    "ValidationFailed",
    "translate",
]


class SanadError(Exception):
    """Base of every error sanad raises on purpose."""


class InputError(SanadError):
    """Bad input from a user: an unreadable file, a malformed value."""


class RdfSyntaxError(InputError):
    """RDF text that does not parse."""


class QueryError(SanadError):
    """A SPARQL query or update that the store refused."""


class QuerySyntaxError(QueryError):
    """A SPARQL query or update that does not parse."""


class QueryTimeout(QueryError):
    """A query that ran past the configured time limit."""


class ValidationFailed(SanadError):
    """A write rejected by the SHACL gate; nothing was written."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.summary())
        self.report = report


class NotFound(SanadError):
    """A claim, article or graph that is not in the store."""


class StoreError(SanadError):
    """The store failed: locked by another process, unreachable, or an I/O error."""


class ReconciliationError(SanadError):
    """The Wikidata SPARQL endpoint could not answer (refused, timed out, or sent nonsense);
    nothing was written."""


class StoreBusy(StoreError):
    """Every query slot is taken (by queries abandoned at the time limit); try again later."""


@contextmanager
def translate(context: str) -> Iterator[None]:
    """Turn backend exceptions raised inside the block into sanad errors.

    ``context`` says what was being done, e.g. ``"parsing import.trig"``.
    """
    try:
        yield
    except SanadError:
        raise
    except SyntaxError as exc:  # pyoxigraph parse errors, SPARQL and RDF alike
        raise QuerySyntaxError(f"{context}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{context}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except ValueError as exc:
        raise InputError(f"{context}: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"{context}: {exc}") from exc
