"""A small, polite client for a Wikidata SPARQL endpoint (SPARQLWrapper), with an on-disk cache.

Used for two things only, both read-only towards Wikidata:

* :meth:`WikidataClient.search`: candidates for a name, matched exactly on ``rdfs:label`` or
  ``skos:altLabel`` in Arabic or English (as written, and in its normalised spelling), each
  with its labels, ``schema:description`` and ``wdt:P31`` (instance of);
* :meth:`WikidataClient.facts`: labels, descriptions and a few properties of known items
  (:mod:`.wikidata_refresh`).

Every request carries a User-Agent naming sanad, its version and a contact (Wikidata's
policy asks for one), has a timeout, and is retried with a doubling back-off on network
errors, timeouts and 429/5xx answers. Answers are cached as JSON files named by the SHA-256
of endpoint + query, so a second run works offline. Any failure is a
:class:`~sanad.graph.errors.ReconciliationError` with a plain message; nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sw

from sanad.graph.errors import ReconciliationError

__all__ = ["DEFAULT_URL", "WikidataClient", "literal", "qid_of", "user_agent"]

DEFAULT_URL = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
Row = dict[str, dict[str, str]]


def user_agent(contact: str) -> str:
    """``sanad/<version> (<contact>)``, as Wikidata's User-Agent policy asks."""
    try:
        ver = version("sanad")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        ver = "0"
    return f"sanad/{ver} ({contact}) SPARQLWrapper"


def literal(text: str, lang: str) -> str:
    """A SPARQL string literal with a language tag, safely escaped."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"@{lang}'


def qid_of(iri: str) -> str | None:
    """``Q…`` of a Wikidata entity IRI, else None."""
    if iri.startswith(WD) and iri[len(WD):].startswith("Q") and iri[len(WD) + 1:].isdigit():
        return iri[len(WD):]
    return None


@dataclass
class WikidataClient:
    """Read-only access to one Wikidata SPARQL endpoint."""

    url: str = DEFAULT_URL
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    cache_dir: Path | None = None
    contact: str = "https://w3id.org/sanad"
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    requests: int = field(default=0, init=False)  # sent over the network (cache misses)

    def select(self, query: str, *, use_cache: bool = True) -> list[Row]:
        """Rows of a SELECT query (SPARQL JSON bindings), from the cache when there."""
        text = PREFIXES + query
        cached = self._cache_file(text) if use_cache else None
        if cached is not None and cached.is_file():
            try:
                rows: list[Row] = json.loads(cached.read_text(encoding="utf-8"))["rows"]
                return rows
            except (ValueError, KeyError):
                pass  # a damaged cache file is fetched again
        rows = self._fetch(text)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(json.dumps({"url": self.url, "query": text, "rows": rows,
                                       "retrieved": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
                                      ensure_ascii=False), encoding="utf-8")
            tmp.replace(cached)
        return rows

    def search(self, names: list[str]) -> list[Row]:
        """Items whose Arabic or English label or alias is exactly one of ``names``.

        One row per (item, matched property, P31 value, description); the caller ranks them.
        """
        values = " ".join(literal(n, lang) for n in dict.fromkeys(names) if n.strip()
                          for lang in ("ar", "en"))
        if not values:
            return []
        query = f"""SELECT ?item ?name ?prop ?labelAr ?labelEn ?descAr ?descEn ?type WHERE {{
  VALUES ?name {{ {values} }}
  VALUES ?prop {{ rdfs:label skos:altLabel }}
  ?item ?prop ?name .
  FILTER (STRSTARTS(STR(?item), "{WD}Q"))
  OPTIONAL {{ ?item rdfs:label ?labelAr FILTER (LANG(?labelAr) = "ar") }}
  OPTIONAL {{ ?item rdfs:label ?labelEn FILTER (LANG(?labelEn) = "en") }}
  OPTIONAL {{ ?item schema:description ?descAr FILTER (LANG(?descAr) = "ar") }}
  OPTIONAL {{ ?item schema:description ?descEn FILTER (LANG(?descEn) = "en") }}
  OPTIONAL {{ ?item wdt:P31 ?type }}
}} LIMIT 500"""
        return self.select(query)

    def facts(self, qids: list[str], properties: tuple[str, ...]) -> list[Row]:
        """``?item ?p ?o`` rows: Arabic/English labels and descriptions and the given
        ``wdt:`` properties of ``qids`` (valid ``Q…`` only)."""
        items = " ".join(f"wd:{q}" for q in sorted(set(qids)) if qid_of(WD + q))
        if not items:
            return []
        props = " ".join(f"wdt:{p}" for p in properties)
        query = f"""SELECT ?item ?p ?o WHERE {{
  VALUES ?item {{ {items} }}
  {{ VALUES ?p {{ rdfs:label schema:description }} ?item ?p ?o
     FILTER (LANG(?o) IN ("ar", "en")) }}
  UNION
  {{ VALUES ?p {{ {props} }} ?item ?p ?o }}
}}"""
        return self.select(query)

    # ------------------------------------------------------------------ transport

    def _cache_file(self, text: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(f"{self.url}\n{text}".encode()).hexdigest()
        return self.cache_dir / f"{digest}.json"

    def _fetch(self, text: str) -> list[Row]:
        wrapper = SPARQLWrapper(self.url, agent=user_agent(self.contact))
        wrapper.setQuery(text)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(max(1, round(self.timeout)))
        attempt = 0
        while True:
            try:
                with _errors(self.url):
                    return _rows(_answer(wrapper))
            except _Retryable as exc:
                if attempt >= self.retries:
                    raise ReconciliationError(f"{exc} (tried {attempt + 1} times)") from exc.__cause__
                self.sleep(self.backoff * 2 ** attempt)
                attempt += 1
            finally:
                self.requests += 1


class _Retryable(Exception):
    """A failure worth another try (network, timeout, 429, 5xx)."""


def _answer(wrapper: SPARQLWrapper) -> Any:
    response = wrapper.query().response
    try:
        body = response.read()
    finally:
        response.close()
    return json.loads(body.decode("utf-8"))


def _rows(answer: Any) -> list[Row]:
    if not isinstance(answer, dict) or "results" not in answer:
        raise ReconciliationError("the Wikidata endpoint's answer is not SPARQL JSON results")
    rows = answer["results"].get("bindings", [])
    if not isinstance(rows, list):
        raise ReconciliationError("the Wikidata endpoint's answer has no result rows")
    return rows


@contextmanager
def _errors(url: str) -> Iterator[None]:
    """SPARQLWrapper and network errors → :class:`_Retryable` or ReconciliationError."""
    try:
        yield
    except ReconciliationError:
        raise
    except sw.QueryBadFormed as exc:
        raise ReconciliationError(f"{url} refused the query as malformed: {exc}") from exc
    except sw.EndPointInternalError as exc:
        raise _Retryable(f"{url} failed (HTTP 500)") from exc
    except (sw.Unauthorized, sw.URITooLong, sw.EndPointNotFound) as exc:
        raise ReconciliationError(f"{url}: {str(exc).splitlines()[0]}") from exc
    except sw.SPARQLWrapperException as exc:
        raise ReconciliationError(f"{url}: {str(exc).splitlines()[0]}") from exc
    except urllib.error.HTTPError as exc:
        if exc.code in _RETRY_STATUS:
            raise _Retryable(f"{url} answered HTTP {exc.code} {exc.reason}") from exc
        raise ReconciliationError(f"{url} answered HTTP {exc.code} {exc.reason}") from exc
    except TimeoutError as exc:
        raise _Retryable(f"no answer from the Wikidata endpoint {url} within the timeout") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _Retryable(f"no answer from the Wikidata endpoint {url} within the timeout") from exc
        raise _Retryable(f"cannot reach the Wikidata endpoint {url}: {exc.reason}") from exc
    except (OSError, ValueError) as exc:  # reset connections, a body that is not JSON
        raise _Retryable(f"bad answer or broken connection from {url}: {exc}") from exc
