"""Read-side lookups for fact-checkers, built on ``graph/`` (the store) and ``ingest/`` (ids,
search keys, vocabulary).

Why a package of its own: the lookups know the data model (claims, appearances, reviews) and
Arabic search keys, which ``graph/`` must not (it knows RDF and SPARQL only), and they read
rather than ingest. ``api/`` calls them and only translates HTTP.
"""

from .agents import resolve_agents
from .claim_filters import ClaimFilter, DateField
from .claim_pages import claim_page
from .claim_params import ClaimQuery, resolve_query
from .claim_search import ClaimPage, Sort, find_claims
from .claim_view import claim_detail, claim_summaries
from .claimreview import claim_reviews_jsonld
from .sources import source_detail

__all__ = [
    "ClaimFilter",
    "ClaimPage",
    "ClaimQuery",
    "DateField",
    "Sort",
    "claim_detail",
    "claim_page",
    "claim_reviews_jsonld",
    "claim_summaries",
    "find_claims",
    "resolve_agents",
    "resolve_query",
    "source_detail",
]
