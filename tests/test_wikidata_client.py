"""The reconciliation client against a real SPARQL endpoint on 127.0.0.1 (the Wikidata-shaped
fixture), and its failures: a closed port, a server slower than the timeout, a bad answer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from SPARQLWrapper import SPARQLExceptions as sw

from sanad.graph import ReconciliationError
from sanad.ingest.reconcile import reconcile
from sanad.ingest.wikidata_client import WikidataClient, _errors, _Retryable, literal

from .utils.wikidata_endpoint import closed_port_url, wikidata_endpoint


def test_an_exact_label_of_a_person_is_accepted() -> None:
    with wikidata_endpoint() as endpoint:
        found = reconcile(WikidataClient(endpoint.url, timeout=5), "سيرغي شويغو", "person")
    assert found.accepted is not None and found.accepted.qid == "Q32024"
    best = found.candidates[0]
    assert best.label_en == "Sergei Shoigu" and best.instance_of == ["Q5"]
    assert best.description_en and "label@ar" in best.matched and best.score == 1.0


def test_a_spelling_variant_meets_its_label_through_normalisation() -> None:
    # a tatweel and a vowel mark, as news text has them, are dropped by normalisation
    with wikidata_endpoint() as endpoint:
        found = reconcile(WikidataClient(endpoint.url, timeout=5), "فلاديمير بوتـينُ")
    assert found.accepted is not None and found.accepted.qid == "Q7747"


def test_an_alias_alone_is_listed_but_not_accepted() -> None:
    with wikidata_endpoint() as endpoint:
        found = reconcile(WikidataClient(endpoint.url, timeout=5), "شويغو", "person")
    assert found.accepted is None and [c.qid for c in found.candidates] == ["Q32024"]
    assert "below the threshold" in found.reason


def test_a_shared_name_is_ambiguous_and_stays_unlinked() -> None:
    with wikidata_endpoint() as endpoint:
        found = reconcile(WikidataClient(endpoint.url, timeout=5), "Kim", "person")
    assert found.accepted is None and "ambiguous" in found.reason
    assert {c.qid for c in found.candidates} == {"Q56226", "Q5765"}
    assert all(c.score < 0.9 for c in found.candidates)


def test_an_unknown_name_has_no_candidates() -> None:
    with wikidata_endpoint() as endpoint:
        found = reconcile(WikidataClient(endpoint.url, timeout=5), "سيرغي لافروف", "person")
    assert found.candidates == [] and found.accepted is None


def test_requests_name_sanad_and_a_contact() -> None:
    with wikidata_endpoint() as endpoint:
        WikidataClient(endpoint.url, timeout=5, contact="ops@example.org").search(["Putin"])
        agents = endpoint.user_agents or []
    assert agents and agents[0].startswith("sanad/") and "ops@example.org" in agents[0]


def test_answers_are_cached_on_disk_and_served_offline(tmp_path: Path) -> None:
    with wikidata_endpoint() as endpoint:
        client = WikidataClient(endpoint.url, timeout=5, cache_dir=tmp_path)
        first = reconcile(client, "Sergei Shoigu").to_json()
        assert endpoint.hits == 1 and len(list(tmp_path.glob("*.json"))) == 1
    # the endpoint is gone: the same question is answered from the cache
    again = reconcile(WikidataClient(endpoint.url, timeout=1, retries=0, cache_dir=tmp_path),
                      "Sergei Shoigu").to_json()
    assert again == first


def test_a_closed_port_is_a_clear_error_after_the_retries() -> None:
    waits: list[float] = []
    client = WikidataClient(closed_port_url(), timeout=2, retries=2, backoff=0.5, sleep=waits.append)
    with pytest.raises(ReconciliationError, match="cannot reach the Wikidata endpoint"):
        reconcile(client, "Putin")
    assert waits == [0.5, 1.0] and client.requests == 3


def test_a_server_slower_than_the_timeout_is_a_clear_error() -> None:
    with wikidata_endpoint(delay=2.5) as endpoint:
        client = WikidataClient(endpoint.url, timeout=1, retries=1, backoff=0.0)
        started = time.monotonic()
        with pytest.raises(ReconciliationError, match="within the timeout"):
            client.search(["Putin"])
        assert time.monotonic() - started < 5
        assert endpoint.hits == 2  # one retry


def test_a_malformed_query_is_not_retried() -> None:
    with wikidata_endpoint() as endpoint:
        client = WikidataClient(endpoint.url, timeout=5, retries=3, sleep=lambda _: None)
        with pytest.raises(ReconciliationError, match=r"HTTP 400|malformed"):
            client.select("SELECT WHERE {")
        assert endpoint.hits == 1


def test_names_are_escaped_in_queries() -> None:
    assert literal('a "b" \\ c\nd', "ar") == '"a \\"b\\" \\\\ c\\nd"@ar'
    with wikidata_endpoint() as endpoint:
        assert WikidataClient(endpoint.url, timeout=5).search(['Putin" } } #']) == []


def _exception_classes(base: type) -> list[type]:
    found = [base]
    for sub in base.__subclasses__():
        found += _exception_classes(sub)
    return found


@pytest.mark.parametrize("cls", _exception_classes(sw.SPARQLWrapperException))
def test_every_sparqlwrapper_error_becomes_a_reconciliation_error(cls: type[Exception]) -> None:
    with pytest.raises((ReconciliationError, _Retryable)) as caught, _errors("http://127.0.0.1:1/"):
        raise cls(b"Response:\nsome failure")
    assert isinstance(caught.value.__cause__, cls)


def test_reconciliation_errors_have_an_http_status() -> None:
    from sanad.api.errors import STATUS_OF

    assert next(s for c, s, _ in STATUS_OF if issubclass(ReconciliationError, c)) == 502
