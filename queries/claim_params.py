"""From what a request says (ids, names, words) to a :class:`ClaimFilter` of checked IRIs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rdflib import URIRef

from sanad.graph import InputError, Store
from sanad.ingest.ratings import verdict_for
from sanad.ingest.rdf_claims import MODALITY_IRIS
from sanad.ingest.search_keys import search_keys
from sanad.ontology import ID, S

from .agents import resolve_agents
from .claim_filters import ClaimFilter, DateField
from .terms import article_ref, claim_ref, entity_ref

__all__ = ["STATUSES", "ClaimQuery", "resolve_query"]

STATUSES = {"unreviewed": S.Unreviewed, "accepted": S.Accepted, "corrected": S.Corrected,
            "rejected": S.Rejected}
NO_VERDICT = ("none", "unreviewed")
_HASH = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True)
class ClaimQuery:
    """The lookup parameters as given (all optional)."""

    q: str | None = None
    entities: tuple[str, ...] = ()
    claimant: str | None = None
    source: str | None = None
    publisher: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    date_field: DateField = "said"
    modalities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    cluster: str | None = None


def resolve_query(store: Store, query: ClaimQuery) -> ClaimFilter:
    """Check every value and turn ids and names into IRIs (an unknown name matches nothing)."""
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise InputError(f"'from' ({query.date_from}) is after 'to' ({query.date_to})")
    keys = tuple(search_keys(query.q)) if query.q else ()
    if query.q and not keys:
        raise InputError(f"the search {query.q!r} has no searchable word (only stop words or "
                         "punctuation)")
    return ClaimFilter(
        keys=keys,
        entities=tuple(entity_ref(e) for e in query.entities) if query.entities else None,
        claimants=_agents(store, query.claimant),
        sources=(article_ref(query.source),) if query.source else None,
        publishers=_agents(store, query.publisher),
        date_from=query.date_from, date_to=query.date_to, date_field=query.date_field,
        modalities=tuple(_enum(MODALITY_IRIS, m, "modality") for m in query.modalities) or None,
        statuses=tuple(_enum(STATUSES, s, "status") for s in query.statuses) or None,
        verdicts=_verdicts(query.verdicts),
        unreviewed=any(v.lower() in NO_VERDICT for v in query.verdicts),
        cluster=_cluster(query.cluster) if query.cluster else None,
    )


def _cluster(value: str) -> URIRef:
    """``cluster-{hash}`` (or the bare hash) names a cluster; anything else a member claim."""
    if value.startswith("cluster-") or _HASH.match(value):
        name = value if value.startswith("cluster-") else f"cluster-{value}"
        claim_ref(name)  # the same slug check
        return ID[name]
    return claim_ref(value)


def _agents(store: Store, value: str | None) -> tuple[URIRef, ...] | None:
    return tuple(resolve_agents(store, value)) if value is not None else None


def _enum(known: dict[str, URIRef], value: str, what: str) -> URIRef:
    try:
        return known[value.lower()]
    except KeyError:
        raise InputError(f"{value!r} is not a {what} (one of {', '.join(known)})") from None


def _verdicts(words: tuple[str, ...]) -> tuple[URIRef, ...] | None:
    if not words:
        return None
    found = []
    for word in words:
        if word.lower() in NO_VERDICT:
            continue
        verdict = verdict_for(word)
        if verdict is None:
            raise InputError(f"{word!r} is not a verdict (e.g. false, misleading, mostly_true, "
                             "زائف, or none for claims never reviewed)")
        found.append(verdict.iri)
    return tuple(found)
