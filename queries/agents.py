"""Finding agents (claimants, publishers, entities) from what a person types: an id or a name."""

from __future__ import annotations

from rdflib import URIRef

from sanad.graph import Store
from sanad.graph.errors import InputError
from sanad.ingest.search_index import agents_labelled

from .terms import QID, SLUG, entity_ref

__all__ = ["resolve_agents"]


def resolve_agents(store: Store, value: str) -> list[URIRef]:
    """The agents ``value`` names: a QID or IRI names one; a key names ``id:entity-{key}``;
    any text also names every agent whose labels (Arabic or English, aliases included)
    contain all its words, with spelling variants folded (``بوتين``, ``Putin``)."""
    value = value.strip()
    if not value:
        raise InputError("an empty name or id names no one")
    if QID.match(value) or value.startswith(("http://", "https://")):
        return [entity_ref(value)]
    found = [entity_ref(value)] if SLUG.match(value) else []
    return found + [a for a in agents_labelled(store, value) if a not in found]
