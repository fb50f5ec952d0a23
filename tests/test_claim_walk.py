"""Claim lookups by entity, claimant and date window on a real on-disk store of synthetic claims.

Expected answers are computed in Python from the claims' own triples (author, mentions, the
assertion, the date said) and ``order_key``, not from the index the lookups use. The bucket
size and the count cap are made small so that the day-by-day walk and the capped total are
exercised on a few hundred claims.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from rdflib import Literal, URIRef

from sanad.bench.synthetic import context_batches, group_batch, pool
from sanad.graph import OxigraphStore, SelectResult
from sanad.ingest.search_index import SearchIndex, order_key
from sanad.ontology import sparql_prefixes
from sanad.queries import ClaimQuery, claim_page, claim_search, claim_walk, find_claims, resolve_query

GROUPS = 25  # 300 claims


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    opened = OxigraphStore(tmp_path_factory.mktemp("walk") / "store")
    p = pool(7)
    for batch in context_batches(p):
        opened.write(batch)
    for number in range(GROUPS):
        opened.write(group_batch(number, p))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def small_buckets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claim_walk, "SMALL", 4)
    monkeypatch.setattr(claim_search, "COUNT_CAP", 30)


def _rows(store: OxigraphStore, sparql: str) -> list[dict[str, object]]:
    result = store.query(sparql_prefixes() + sparql, row_limit=10**6)
    assert isinstance(result, SelectResult)
    return result.rows  # type: ignore[return-value]


def _facts(store: OxigraphStore) -> dict[URIRef, dict[str, object]]:
    facts: dict[URIRef, dict[str, object]] = {}
    for row in _rows(store, "SELECT ?c ?d ?a WHERE { ?c a schema:Claim ; schema:dateCreated ?d ; "
                            "schema:author ?a }"):
        facts[URIRef(str(row["c"]))] = {"day": dt.date.fromisoformat(str(row["d"])[:10]),
                                        "author": row["a"], "about": {row["a"]}}
    for row in _rows(store, "SELECT ?c ?e WHERE { { ?c schema:mentions ?e } UNION { ?c s:assertion "
                            "?g GRAPH ?g { ?e ?p ?o } } UNION { ?c s:assertion ?g GRAPH ?g "
                            "{ ?s ?p ?e } } }"):
        facts[URIRef(str(row["c"]))]["about"].add(row["e"])  # type: ignore[attr-defined]
    return facts


def _ordered(claims: list[URIRef], facts: dict[URIRef, dict[str, object]], newest: bool) -> list[str]:
    key = lambda c: (facts[c]["day"], order_key(c) >> 20)  # noqa: E731
    return [str(c) for c in sorted(claims, key=key, reverse=newest)]


def _pages(store: OxigraphStore, query: ClaimQuery, sort: str | None = None,
           limit: int = 7) -> tuple[list[str], list[dict[str, object]]]:
    f = resolve_query(store, query)
    found: list[str] = []
    pages = []
    offset: int | None = 0
    while offset is not None:
        page = claim_page(store, f, limit=limit, offset=offset, sort=sort)  # type: ignore[arg-type]
        pages.append(page)
        found += [c["iri"] for c in page["claims"]]  # type: ignore[index]
        offset = page["next_offset"]  # type: ignore[assignment]
    return found, pages


def _popular(facts: dict[URIRef, dict[str, object]], field: str) -> list[URIRef]:
    counts: Counter[URIRef] = Counter()
    for fact in facts.values():
        values = fact[field] if field == "about" else {fact[field]}
        counts.update(values)  # type: ignore[arg-type]
    return [e for e, _ in counts.most_common()]


@pytest.mark.parametrize("sort", ["newest", "oldest", None])
def test_entity_pages_are_complete_and_in_date_order(store: OxigraphStore, sort: str | None) -> None:
    facts = _facts(store)
    popular = _popular(facts, "about")
    for entity in (popular[0], popular[5], popular[-1]):
        expected = _ordered([c for c, f in facts.items() if entity in f["about"]],  # type: ignore[operator]
                            facts, newest=sort != "oldest")
        found, pages = _pages(store, ClaimQuery(entities=(str(entity),)), sort)
        assert found == expected, entity
        assert len(found) == len(set(found))
        totals = {(p["total"], p["total_exact"]) for p in pages}
        if len(expected) <= claim_search.COUNT_CAP:
            assert totals == {(len(expected), True)}
        else:  # a lower bound above the cap, never above the truth; exact once all is seen
            assert all((total, exact) == (len(expected), True) or
                       (not exact and 30 < total <= len(expected)) for total, exact in totals)
            assert (pages[0]["total_exact"], pages[-1]["total_exact"]) == (False, True)


def test_claimant_in_a_date_window(store: OxigraphStore) -> None:
    facts = _facts(store)
    claimant = _popular(facts, "author")[0]
    days = sorted(f["day"] for f in facts.values())  # type: ignore[type-var]
    low, high = days[len(days) // 4], days[len(days) // 2]
    expected = _ordered([c for c, f in facts.items()
                         if f["author"] == claimant and low <= f["day"] <= high],  # type: ignore[operator]
                        facts, newest=True)
    assert expected
    query = ClaimQuery(claimant=str(claimant), date_from=low, date_to=high)
    found, pages = _pages(store, query, limit=3)
    assert found == expected
    for page in pages:  # counted from the window's day keys while pages follow
        assert page["total"] == len(expected) if page["total_exact"] else (
            claim_search.COUNT_CAP < page["total"] <= len(expected))
    everything, _ = _pages(store, ClaimQuery(date_from=low, date_to=high), sort="oldest", limit=25)
    in_window = [c for c, f in facts.items() if low <= f["day"] <= high]  # type: ignore[operator]
    assert everything == _ordered(in_window, facts, newest=False)


def test_same_answers_as_the_plain_query(store: OxigraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = _facts(store)
    entity = _popular(facts, "about")[1]
    query = ClaimQuery(entities=(str(entity),), modalities=("asserted",))
    walked, _ = _pages(store, query, limit=40)
    monkeypatch.setattr(claim_search, "walk_for", lambda f, newest: None)
    plain, _ = _pages(store, query, limit=40)
    assert walked == plain and walked


def test_past_the_end_and_unknown_entity(store: OxigraphStore) -> None:
    f = resolve_query(store, ClaimQuery(entities=("Q1",)))
    page = find_claims(store, f)
    assert (page.total, page.claims, page.more, page.total_exact) == (0, [], False, True)
    facts = _facts(store)
    entity = _popular(facts, "about")[-1]
    count = sum(1 for fact in facts.values() if entity in fact["about"])  # type: ignore[operator]
    page = find_claims(store, resolve_query(store, ClaimQuery(entities=(str(entity),))),
                       offset=count + 5)
    assert (page.total, page.claims, page.more) == (count, [], False)


def test_refresh_finds_a_changed_claimant_and_date(store: OxigraphStore) -> None:
    index = SearchIndex(store)
    assert index.refresh() == 0  # the synthetic index graphs are what refresh would write
    claim = next(iter(_facts(store)))
    other = URIRef("http://www.wikidata.org/entity/Q42")
    graph = f"<{claim}>"
    store.update(sparql_prefixes() + f"""DELETE {{ GRAPH {graph} {{ ?c schema:author ?a ;
        schema:dateCreated ?d }} }} INSERT {{ GRAPH {graph} {{ ?c schema:author {other.n3()} ;
        schema:dateCreated {Literal(dt.date(2031, 5, 6)).n3()} }} }} WHERE {{
        GRAPH {graph} {{ ?c schema:author ?a ; schema:dateCreated ?d }} }}""")
    assert index.refresh() == 1
    page = find_claims(store, resolve_query(store, ClaimQuery(claimant="Q42")))
    assert page.claims == [claim]
    newest = find_claims(store, resolve_query(store, ClaimQuery()), limit=1)
    assert newest.claims == [claim] and not newest.total_exact
    assert index.refresh() == 0


def test_refresh_finds_an_entity_the_claim_no_longer_names(store: OxigraphStore) -> None:
    index = SearchIndex(store)
    index.refresh()
    claim = sorted(_facts(store))[-1]
    graph = f"<{claim}>"
    author = store.query(f"SELECT ?a {{ GRAPH {graph} {{ {graph} <http://schema.org/author> ?a }} }}")
    mentions = store.query(f"SELECT ?e {{ GRAPH {graph} {{ {graph} <http://schema.org/mentions> ?e }} }}")
    assert isinstance(author, SelectResult) and isinstance(mentions, SelectResult)
    entity = next(e for e in mentions.values("e") if e not in author.values("a"))
    qid = str(entity).rsplit("/", 1)[-1]
    assert claim in find_claims(store, resolve_query(store, ClaimQuery(entities=(qid,))), limit=100).claims
    # the claim stops naming the entity: no mention, no assertion (synthetic triples name it too)
    store.update(sparql_prefixes() + f"""DELETE {{ GRAPH {graph} {{ {graph} schema:mentions {entity.n3()} ;
        s:assertion ?g }} }} WHERE {{ GRAPH {graph} {{ {graph} s:assertion ?g }} }}""")
    assert index.refresh() == 1
    page = find_claims(store, resolve_query(store, ClaimQuery(entities=(qid,))), limit=100)
    assert claim not in page.claims
    assert index.refresh() == 0
