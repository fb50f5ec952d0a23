"""The bundled corpus in the store: complete, idempotent, and queryable by its triples."""

from __future__ import annotations

from rdflib.namespace import PROV

from sanad.graph import OxigraphStore, SelectResult
from sanad.ingest.corpus import load_corpus
from sanad.ingest.pipeline import ingest_corpus
from sanad.ontology import sparql_prefixes

from .utils.paths import CORPUS


def _select(store: OxigraphStore, query: str) -> SelectResult:
    result = store.query(sparql_prefixes() + query)
    assert isinstance(result, SelectResult)
    return result


def test_every_hand_checked_claim_and_article_is_stored(corpus_store: OxigraphStore) -> None:
    corpus = load_corpus(CORPUS)
    checked = "?c a schema:Claim ; prov:wasGeneratedBy/a s:HandCheck ."
    claims = _select(corpus_store, f"SELECT DISTINCT ?c WHERE {{ {checked} }}")
    articles = _select(corpus_store, "SELECT DISTINCT ?a WHERE { ?a a schema:NewsArticle }")
    appearances = _select(corpus_store, f"SELECT DISTINCT ?x WHERE {{ {checked} ?c schema:appearance ?x }}")
    assert len(claims.rows) == len(corpus.claims) >= 40
    assert len(articles.rows) == len(corpus.articles) == 5
    assert len(appearances.rows) == sum(len(c.appearances) for c in corpus.claims)


def _without_run_times(store: OxigraphStore) -> set[tuple[object, ...]]:
    """Every quad but the extraction runs' start times, which are the time of each run."""
    return {q for q in store.quads() if q[1] != PROV.startedAtTime}


def test_second_ingest_changes_nothing_but_the_run_time(corpus_store: OxigraphStore) -> None:
    before = _without_run_times(corpus_store)
    summary = ingest_corpus(corpus_store, CORPUS)
    after = _without_run_times(corpus_store)
    assert after == before
    assert len(corpus_store) == len(before) + summary.articles  # one start time per article run


def test_extracted_candidates_are_stored_unreviewed_with_their_run(corpus_store: OxigraphStore) -> None:
    rows = _select(corpus_store, """
        SELECT ?c ?confidence ?version WHERE {
          ?c a schema:Claim ; s:reviewStatus s:Unreviewed ; s:confidence ?confidence ;
             prov:wasGeneratedBy ?run .
          ?run a s:Extraction ; prov:wasAssociatedWith/schema:softwareVersion ?version }""").rows
    matched = _select(corpus_store, "SELECT ?c WHERE { ?run s:matchedClaim ?c }").rows
    assert rows, "no candidate stored"
    assert len(matched) > len(rows), "most candidates should be linked to hand-checked claims"
    assert all(0 < float(r["confidence"]) <= 1 for r in rows)


def test_satellites_claim_found_by_its_triple_and_joined_to_provenance(
    corpus_store: OxigraphStore,
) -> None:
    rows = _select(
        corpus_store,
        """
        SELECT ?claim ?text ?claimant ?article ?published ?quote WHERE {
          GRAPH ?g { wd:Q159 rel:helpBuild ?thing }
          ?claim s:assertion ?g ; s:reviewStatus s:Accepted ; schema:text ?text ; schema:author ?claimant ;
                 schema:firstAppearance ?app .
          FILTER (lang(?text) = "ar")
          ?app oa:hasSource ?article ; oa:hasSelector ?sel .
          ?sel oa:exact ?quote .
          OPTIONAL { ?article schema:datePublished ?published }
        }""",
    ).rows
    assert len(rows) == 1
    row = rows[0]
    assert str(row["claimant"]) == "http://www.wikidata.org/entity/Q7747"  # Vladimir Putin
    assert "أقمار صناعية" in str(row["quote"])
    assert str(row["article"]).endswith("article-2e39b0cb6e5acb28")
    assert str(row["published"]) == "2023-09-13"


def test_claim_carried_by_two_articles_is_one_claim(corpus_store: OxigraphStore) -> None:
    rows = _select(
        corpus_store,
        """SELECT ?claim (COUNT(DISTINCT ?article) AS ?n) WHERE {
             ?claim schema:appearance/oa:hasSource ?article } GROUP BY ?claim
           HAVING (COUNT(DISTINCT ?article) > 1)""",
    ).rows
    assert len(rows) >= 3


def test_first_appearance_is_one_of_the_appearances(corpus_store: OxigraphStore) -> None:
    orphans = _select(
        corpus_store,
        """SELECT ?claim WHERE { ?claim a schema:Claim .
             FILTER NOT EXISTS { ?claim schema:firstAppearance ?f . ?claim schema:appearance ?f } }""",
    )
    assert orphans.rows == []


def test_reviews_keep_the_publisher_rating_and_scale(corpus_store: OxigraphStore) -> None:
    rows = _select(
        corpus_store,
        """SELECT ?review ?verdict ?date ?reviewer WHERE {
             ?review a schema:ClaimReview ; schema:reviewRating/s:verdict ?verdict ;
                     schema:datePublished ?date ; schema:author ?reviewer .
             ?verdict skos:inScheme verdict:scale }""",
    ).rows
    assert len(rows) >= 8


def test_article_metadata_says_how_each_value_is_known(corpus_store: OxigraphStore) -> None:
    rows = _select(
        corpus_store,
        """SELECT ?article ?field ?how WHERE {
             ?article a schema:NewsArticle ; s:fieldEvidence ?e .
             ?e s:field ?field ; s:knownBy ?how }""",
    ).rows
    assert len(rows) == 10  # publisher and date for each of the five articles
