"""What ``GET /claims`` can filter on, and the graph patterns each filter becomes.

Every filter is optional; filters combine with AND, the values of one filter with OR. Each
pattern binds its values with ``VALUES`` over IRIs that :mod:`sanad.queries.terms` checked
(inside each ``UNION`` branch, where pyoxigraph would not apply ``substitutions=``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from rdflib import URIRef

from .terms import iris, string

__all__ = ["LATEST_REVIEW", "ClaimFilter", "DateField", "filter_patterns"]

DateField = Literal["said", "reported", "event"]

# ?rv is the latest review of ?c: no other review is later (by date, then by number).
LATEST_REVIEW = """?rv schema:itemReviewed ?c ; schema:datePublished ?rvDate .
    FILTER NOT EXISTS { ?rv2 schema:itemReviewed ?c ; schema:datePublished ?rvDate2 .
      FILTER (STR(?rvDate2) > STR(?rvDate) || (STR(?rvDate2) = STR(?rvDate) &&
              (STRLEN(STR(?rv2)) > STRLEN(STR(?rv)) ||
               (STRLEN(STR(?rv2)) = STRLEN(STR(?rv)) && STR(?rv2) > STR(?rv))))) }"""


@dataclass(frozen=True)
class ClaimFilter:
    """Resolved filters: IRIs and dates, ready to become graph patterns."""

    keys: tuple[str, ...] = ()
    entities: tuple[URIRef, ...] | None = None
    claimants: tuple[URIRef, ...] | None = None
    sources: tuple[URIRef, ...] | None = None
    publishers: tuple[URIRef, ...] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    date_field: DateField = "said"
    modalities: tuple[URIRef, ...] | None = None
    statuses: tuple[URIRef, ...] | None = None
    verdicts: tuple[URIRef, ...] | None = None
    unreviewed: bool = False
    cluster: URIRef | None = None

    def matches_nothing(self) -> bool:
        """True when a filter was given but resolved to no value (e.g. an unknown name)."""
        given = (self.entities, self.claimants, self.sources, self.publishers, self.modalities,
                 self.statuses)
        return any(v is not None and not v for v in given) or (
            self.verdicts is not None and not self.verdicts and not self.unreviewed)


def filter_patterns(f: ClaimFilter) -> list[str]:
    """One group of graph patterns per filter given, all about ``?c``."""
    parts = []
    if f.entities:
        values = f"VALUES ?ent {{ {iris(f.entities)} }}"
        parts.append(" UNION ".join([
            f"{{ {values} ?c schema:mentions ?ent }}",
            f"{{ {values} ?c schema:author ?ent }}",
            f"{{ {values} GRAPH ?entG {{ ?ent ?entP ?entO }} ?c s:assertion ?entG }}",
            f"{{ {values} GRAPH ?entG {{ ?entS ?entP ?ent }} ?c s:assertion ?entG }}",
        ]))
    if f.claimants:
        parts.append(f"VALUES ?claimant {{ {iris(f.claimants)} }} ?c schema:author ?claimant .")
    if f.sources:
        parts.append(f"VALUES ?src {{ {iris(f.sources)} }} "
                     "?srcApp oa:hasSource ?src . ?c schema:appearance ?srcApp .")
    if f.publishers:
        parts.append(f"VALUES ?pub {{ {iris(f.publishers)} }} ?pubArt schema:publisher ?pub . "
                     "?pubApp oa:hasSource ?pubArt . ?c schema:appearance ?pubApp .")
    if f.date_from or f.date_to:
        parts.append(_dates(f))
    if f.modalities:
        parts.append(f"VALUES ?mod {{ {iris(f.modalities)} }} ?c s:modality ?mod .")
    if f.statuses:
        parts.append(f"VALUES ?status {{ {iris(f.statuses)} }} ?c s:reviewStatus ?status .")
    if f.verdicts or f.unreviewed:
        parts.append(_verdicts(f))
    if f.cluster is not None:  # a cluster's IRI, or any member claim's IRI
        values = f"VALUES ?cl {{ {iris([f.cluster])} }}"
        parts.append(f"{{ {values} ?cl s:member ?c }} UNION "
                     f"{{ {values} ?clOf s:member ?cl . ?clOf s:member ?c }}")
    return parts


def _dates(f: ClaimFilter) -> str:
    tests = []
    low = string(f.date_from) if f.date_from else None
    high = string(f.date_to) if f.date_to else None
    if f.date_field == "said":
        pattern, first, last = "?c schema:dateCreated ?dSaid .", "?dSaid", "?dSaid"
    elif f.date_field == "reported":
        pattern = ("?c schema:appearance ?dApp . OPTIONAL { ?dApp schema:datePublished ?dA } "
                   "OPTIONAL { ?dApp oa:hasSource ?dArt . ?dArt schema:datePublished ?dB } "
                   "BIND (COALESCE(?dA, ?dB) AS ?dRep)")
        first = last = "?dRep"
    else:
        pattern = "?c s:eventDate ?dEv . OPTIONAL { ?c s:eventEndDate ?dEvEnd }"
        first, last = "?dEv", "COALESCE(?dEvEnd, ?dEv)"
    if low:
        tests.append(f"SUBSTR(STR({last}), 1, 10) >= {low}")
    if high:
        tests.append(f"SUBSTR(STR({first}), 1, 10) <= {high}")
    return f"{pattern} FILTER ({' && '.join(tests)})"


def _verdicts(f: ClaimFilter) -> str:
    branches = []
    if f.verdicts:
        branches.append(f"{{ VALUES ?verdict {{ {iris(f.verdicts)} }} "
                        f"{LATEST_REVIEW} ?rv schema:reviewRating ?rvRating . "
                        "?rvRating s:verdict ?verdict }")
    if f.unreviewed:
        branches.append("{ ?c a schema:Claim FILTER NOT EXISTS { ?anyReview schema:itemReviewed ?c } }")
    return " UNION ".join(branches)
