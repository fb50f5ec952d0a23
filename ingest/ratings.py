"""Publishers' ratings ("مضلل", "زائف", "False", "Misleading", 2 of 5…) mapped onto sanad's
verdict scale.

The words come from the ontology: each verdict's ``skos:notation``, ``skos:prefLabel``,
``rdfs:label`` and ``skos:altLabel`` in English and Arabic, compared after Arabic
normalisation (diacritics, hamza and alef forms), case folding and without punctuation.
A numeric rating is scaled onto 1–5 from its own best and worst ratings.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from sanad.ontology import VERDICT

from .normalize import normalize_text, tokens
from .vocabulary import Verdict, ontology_graph, verdicts

__all__ = ["rating_words", "verdict_for", "verdict_for_number"]


def _words(text: str) -> str:
    return " ".join(t for t, _, _ in tokens(normalize_text(text).lower().replace("_", " ")))


@lru_cache(maxsize=1)
def rating_words() -> dict[str, Verdict]:
    """Every known wording (normalised) → its verdict."""
    graph = ontology_graph()
    by_iri = {v.iri: v for v in verdicts().values()}
    found: dict[str, Verdict] = {}
    for concept in graph.subjects(SKOS.inScheme, VERDICT.scale):
        verdict = by_iri.get(concept)  # type: ignore[call-overload]
        if verdict is None:
            continue
        found[_words(verdict.key)] = verdict
        for prop in (SKOS.prefLabel, RDFS.label, SKOS.altLabel):
            for label in graph.objects(concept, prop):
                if isinstance(label, Literal):
                    found.setdefault(_words(str(label)), verdict)
    return found


def verdict_for(rating: str) -> Verdict | None:
    """The verdict a publisher's rating in words maps to, or None if it is not a known wording."""
    return rating_words().get(_words(rating))


def verdict_for_number(value: float, best: float = 5, worst: float = 1) -> Verdict | None:
    """The verdict for a numeric rating on the scale ``worst``…``best`` (None if off the scale)."""
    if best == worst or not min(best, worst) <= value <= max(best, worst):
        return None
    scaled = round(1 + 4 * (value - worst) / (best - worst))
    order = {"false": 1, "mostly_false": 2, "mixed": 3, "mostly_true": 4, "true": 5}
    key = next((k for k, v in order.items() if v == scaled), None)
    return verdicts().get(key) if key else None
