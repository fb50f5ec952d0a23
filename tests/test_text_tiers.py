"""Text lookups over common words read the index tier by tier, on a real on-disk store.

The store holds synthetic claims (popular names are in most of them). Expected pages are
computed in Python from the claims' own texts, :func:`search_keys` and :func:`order_key`, not
from the index the lookups read. One tier per claim hash byte means a page of 5 over a few
hundred claims spans several tiers, so the growing runs of tiers are exercised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from rdflib import URIRef

from sanad.bench.synthetic import context_batches, group_batch, pool
from sanad.graph import OxigraphStore, SelectResult
from sanad.ingest.index_facts import tier, tier_key
from sanad.ingest.search_index import IDX, SearchIndex, index_graph, order_key
from sanad.ingest.search_keys import search_keys
from sanad.ontology import sparql_prefixes
from sanad.queries import ClaimQuery, claim_page, resolve_query

GROUPS = 25  # 300 claims


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    opened = OxigraphStore(tmp_path_factory.mktemp("tiers") / "store")
    p = pool(11)
    for batch in context_batches(p):
        opened.write(batch)
    for number in range(GROUPS):
        opened.write(group_batch(number, p, seed=11))
    yield opened
    opened.close()


def _rows(store: OxigraphStore, sparql: str) -> list[dict[str, object]]:
    result = store.query(sparql_prefixes() + sparql, row_limit=10**6)
    assert isinstance(result, SelectResult)
    return result.rows  # type: ignore[return-value]


def _claim_keys(store: OxigraphStore) -> dict[URIRef, set[str]]:
    keys: dict[URIRef, set[str]] = {}
    for row in _rows(store, "SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:text ?t }"):
        keys.setdefault(URIRef(str(row["c"])), set()).update(search_keys(str(row["t"])))
    return keys


def _texts(store: OxigraphStore, query: ClaimQuery, limit: int) -> tuple[list[str], dict[str, object]]:
    page = claim_page(store, resolve_query(store, query), limit=limit)
    return [c["iri"] for c in page["claims"]], page  # type: ignore[index]


def _common(keys: dict[URIRef, set[str]]) -> list[str]:
    counts = Counter(k for held in keys.values() for k in held)
    return [k for k, _ in counts.most_common() if search_keys(k) == [k]]  # searchable as typed


def test_every_key_is_also_written_with_its_tier(store: OxigraphStore) -> None:
    claim = next(iter(_claim_keys(store)))
    rows = _rows(store, f"SELECT ?p ?o WHERE {{ GRAPH {index_graph(claim).n3()} {{ {claim.n3()} ?p ?o }} }}")
    plain = {str(r["o"]) for r in rows if r["p"] == IDX.key}
    tiered = {str(r["o"]) for r in rows if r["p"] == IDX.keyTier}
    assert plain and tiered == {tier_key(k, tier(order_key(claim))) for k in plain}


@pytest.mark.parametrize("words", [1, 2])
def test_common_words_give_the_first_claims_holding_them_all(store: OxigraphStore, words: int) -> None:
    keys = _claim_keys(store)
    query = _common(keys)[:words]
    holding = sorted((c for c, held in keys.items() if set(query) <= held), key=order_key)
    assert len(holding) > 40, "the words are common enough to span tiers"
    found, page = _texts(store, ClaimQuery(q=" ".join(query)), limit=5)
    assert found == [str(c) for c in holding[:5]]
    assert len({tier(order_key(c)) for c in holding[:6]}) > 1, "the page spans tiers"
    assert page["total"] >= 5 and page["next_offset"] == 5


def test_a_page_deep_in_the_list_is_still_in_order(store: OxigraphStore) -> None:
    keys = _claim_keys(store)
    word = _common(keys)[0]
    holding = sorted((c for c, held in keys.items() if word in held), key=order_key)
    page = claim_page(store, resolve_query(store, ClaimQuery(q=word)), limit=10, offset=30)
    assert [c["iri"] for c in page["claims"]] == [str(c) for c in holding[30:40]]  # type: ignore[index]


def test_words_in_few_claims_together_fall_back_to_scoring(store: OxigraphStore) -> None:
    keys = _claim_keys(store)
    common = _common(keys)
    pair = next((a, b) for a in common[:15] for b in common[-40:]
                if 0 < sum(1 for held in keys.values() if {a, b} <= held) < 3)
    both = [c for c, held in keys.items() if set(pair) <= held]
    found, page = _texts(store, ClaimQuery(q=" ".join(pair)), limit=10)
    assert set(found[:len(both)]) == {str(c) for c in both}, "claims holding both rank first"
    scores = [c["score"] for c in page["claims"]]  # type: ignore[index]
    assert scores == sorted(scores, reverse=True) and len(found) == 10


def test_refresh_adds_tier_keys_to_an_index_written_without_them(store: OxigraphStore) -> None:
    claim = next(iter(_claim_keys(store)))
    graph = index_graph(claim)
    tiered = f"GRAPH {graph.n3()} {{ {claim.n3()} <{IDX.keyTier}> ?k }}"
    store.update(f"DELETE WHERE {{ {tiered} }}")
    assert not _rows(store, f"SELECT ?k WHERE {{ {tiered} }}")
    assert SearchIndex(store).refresh() == 1
    assert _rows(store, f"SELECT ?k WHERE {{ {tiered} }}")
