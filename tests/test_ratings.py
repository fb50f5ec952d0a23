"""Publishers' ratings onto the verdict scale (labels read from the ontology)."""

from __future__ import annotations

import pytest

from sanad.ingest.ratings import verdict_for, verdict_for_number


@pytest.mark.parametrize(("rating", "key"), [
    ("مضلل", "misleading"), ("مُضلِّل", "misleading"), ("زائف", "false"), ("False", "false"),
    ("FALSE.", "false"), ("Misleading", "misleading"), ("Half True", "mixed"),
    ("mostly_true", "mostly_true"), ("غير صحيح", "false"), ("Unverified", "unproven"),
])
def test_known_wordings_map_onto_the_scale(rating: str, key: str) -> None:
    verdict = verdict_for(rating)
    assert verdict is not None and verdict.key == key


def test_unknown_wording_maps_to_nothing() -> None:
    assert verdict_for("spicy") is None


def test_numeric_ratings_are_scaled() -> None:
    assert verdict_for_number(1, 5, 1).key == "false"  # type: ignore[union-attr]
    assert verdict_for_number(10, 10, 0).key == "true"  # type: ignore[union-attr]
    assert verdict_for_number(7, 5, 1) is None
