"""Claim similarity: the NYT travel report relayed by two seed articles is one claim."""

from __future__ import annotations

from sanad.ingest.similarity import claim_similarity, content_words

VISIT = "https://w3id.org/sanad/relation/visit"
# 000 and 003 relay the New York Times' report of Kim's planned trip.
A = "زعيم كوريا الشمالية كيم جونج أون، يعتزم السفر إلى روسيا في سبتمبر الجاري للقاء الرئيس فلاديمير بوتين"
B = "ومن المتوقع أن يُجري كيم جونج أون زيارة إلى روسيا للقاء الرئيس الروسي، فلاديمير بوتين"
KIM_RUSSIA_PUTIN = ["Q56226", "Q159", "Q7747"]


def test_nyt_travel_report_in_000_and_003_is_the_same_claim() -> None:
    score, kind = claim_similarity(A, B, KIM_RUSSIA_PUTIN, KIM_RUSSIA_PUTIN, VISIT, VISIT)
    assert kind in ("paraphrase", "same_event") and score >= 0.5


def test_unrelated_claims_are_unrelated() -> None:
    other = "لافروف: لا تجرى أي اتصالات بين موسكو وواشنطن حول لقاء بوتين وترامب"
    score, kind = claim_similarity(A, other, KIM_RUSSIA_PUTIN, ["Q7747", "Q22686"], VISIT, None)
    assert kind == "unrelated" and score < 0.45


def test_same_wording() -> None:
    assert claim_similarity(A, "و" + A, [], [])[1] == "same_wording"


def test_same_event_in_other_words() -> None:
    a = "التقى الرئيس التركي نظيره المصري في القاهرة"
    b = "عقد أردوغان والسيسي اجتماعا مطولا"
    _, kind = claim_similarity(a, b, ["Q39259", "Q1"], ["Q39259", "Q1"],
                                   "https://w3id.org/sanad/relation/meet",
                                   "https://w3id.org/sanad/relation/meet")
    assert kind == "same_event"


def test_content_words_strip_affixes_and_fold() -> None:
    assert content_words("والرئيس بالقاهرة") == content_words("رئيس القاهره")
    assert content_words("جونغ") == content_words("جونج")
