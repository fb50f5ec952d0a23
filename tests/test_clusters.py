"""Clusters: the same claim relayed by different articles is grouped, typed and dated."""

from __future__ import annotations

from pathlib import Path

from sanad.graph import OxigraphStore, SelectResult
from sanad.ingest.cluster_batch import recluster
from sanad.ingest.clustering import ClaimDigest, cluster_claims
from sanad.ingest.raw_articles import ingest_article_files
from sanad.ontology import sparql_prefixes

from .utils.paths import CORPUS


def _digest(iri: str, text: str, article: str, entities: set[str], claimant: str = "c") -> ClaimDigest:
    return ClaimDigest(iri, text, frozenset(entities), None, claimant, frozenset({article}),
                       f"{iri}-app", None)


def test_nyt_travel_report_in_two_raw_articles_clusters(store: OxigraphStore) -> None:
    files = [next((CORPUS / "articles").glob(f"{n}_*.txt")) for n in ("000", "003")]
    ingest_article_files(store, files)
    result = store.query(sparql_prefixes() + """
        SELECT ?cluster ?kind (GROUP_CONCAT(?quote; SEPARATOR=" || ") AS ?quotes) WHERE {
          ?cluster a s:ClaimCluster ; s:member ?claim ; s:membership/s:similarityKind ?kind .
          ?claim schema:firstAppearance/oa:hasSelector/oa:exact ?quote .
        } GROUP BY ?cluster ?kind""")
    assert isinstance(result, SelectResult)
    travel = [r for r in result.rows if "فلاديفوستوك" in str(r["quotes"]) and "قطار" in str(r["quotes"])]
    assert travel, "the armoured-train trip to Vladivostok did not cluster"


def test_unrelated_claims_and_claims_of_one_article_do_not_cluster() -> None:
    claims = [
        _digest("a", "قال الكرملين إن بوتين سيزور الصين الشهر المقبل", "art1", {"Q7747", "Q148"}),
        _digest("b", "أعلنت وزارة الصحة ارتفاع عدد الإصابات بالإنفلونزا", "art2", {"Q7747"}),
        _digest("c", "قال الكرملين إن بوتين سيزور الصين الشهر المقبل", "art1", {"Q7747", "Q148"}),
    ]
    assert cluster_claims(claims) == []


def test_same_wording_across_articles_is_typed_so() -> None:
    claims = [
        _digest("a", "قال الكرملين إن بوتين سيزور الصين الشهر المقبل", "art1", {"Q7747", "Q148"}),
        _digest("b", "وقال الكرملين إن بوتين سيزور الصين الشهر المقبل", "art2", {"Q7747", "Q148"}, "d"),
    ]
    [cluster] = cluster_claims(claims)
    [member] = cluster.members
    assert member.kind == "same_wording" and not member.same_claimant


def test_reclustering_replaces_the_old_clusters(corpus_store: OxigraphStore) -> None:
    count = recluster(corpus_store)
    assert count > 0
    before = set(corpus_store.quads())
    assert recluster(corpus_store) == count
    assert set(corpus_store.quads()) == before


def test_raw_article_that_is_not_utf8_changes_nothing(store: OxigraphStore, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    good = next((CORPUS / "articles").glob("000_*.txt"))
    try:
        ingest_article_files(store, [good, bad])
    except Exception as exc:
        assert "UTF-8" in str(exc)
    else:
        raise AssertionError("a non-UTF-8 file was accepted")
    assert len(store) == 0
