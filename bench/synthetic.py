"""A synthetic corpus in the data model's shape, made by ingest's own mapping functions.

Claims are :class:`~sanad.ingest.corpus.HandClaim` objects turned into RDF by
:func:`~sanad.ingest.rdf_claims.add_claim` / :func:`add_review` and articles by
:func:`~sanad.ingest.rdf_sources.add_article`, so the triples are exactly what ingest writes.

* Entities: a pool of people, countries and organisations with Arabic labels and real-shaped
  Wikidata QIDs; claimants, subjects, objects and mentions are drawn with a Zipf law (s ≈ 1.1),
  so a few entities carry most claims, as in news.
* Arabic claim sentences from templates (claimant, reporting verb, subject, relation, object,
  time phrase); each claim appears in 1–3 articles (a quote selector with exact offsets and,
  in relayed copies, an attribution chain); about one claim in five has a review.
* Articles in groups of :data:`GROUP_ARTICLES`; a group is one write batch. Everything is
  deterministic for a given seed and group number, so workers can make groups in parallel.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS

from sanad.graph.batch import Batch
from sanad.ingest.corpus import Appearance, ArticleMeta, Entity, FieldKnowledge, HandClaim, Review
from sanad.ingest.ids import (
    ENTITIES_GRAPH,
    VOCABULARY_GRAPH,
    agent_iri,
    article_graph,
    assertion_graph,
    claim_iri,
    review_iri,
)
from sanad.ingest.index_facts import claim_facts
from sanad.ingest.rdf_claims import add_claim, add_review
from sanad.ingest.rdf_sources import add_article, add_entity, add_handcheck, handcheck_iri
from sanad.ingest.search_index import add_claim_keys, add_label_keys
from sanad.ingest.vocabulary import ontology_graph, relation_names, verdicts

__all__ = [
    "CLAIMS_PER_GROUP", "GROUP_ARTICLES", "Pool", "context_batches", "group_batch", "groups_for", "pool",
]

GROUP_ARTICLES = 4
CLAIMS_PER_GROUP = 12
ENTITY_POOL = 5_000
OUTLETS = 60
START = dt.date(2022, 1, 1)
DAYS = 3 * 365
CHECKER = "sanad-editors"

_GIVEN = ["محمد", "أحمد", "سيرغي", "فلاديمير", "كيم", "علي", "حسن", "يوسف", "دونالد", "أنطونيو",
          "إيمانويل", "رجب", "عبد الله", "خالد", "ماريا", "أولاف", "شي", "جو", "نارندرا", "بنيامين"]
_FAMILY = ["لافروف", "بوتين", "جونغ أون", "الحسيني", "شويغو", "غوتيريش", "ماكرون", "أردوغان",
           "العبدالله", "بايدن", "شولتس", "جين بينغ", "مودي", "الخطيب", "زاخاروفا", "بيسكوف"]
_PLACES = ["روسيا", "كوريا الشمالية", "الصين", "إيران", "أوكرانيا", "سوريا", "مصر", "تركيا", "الهند",
           "الولايات المتحدة", "فرنسا", "ألمانيا", "اليابان", "كوريا الجنوبية", "قطر", "العراق"]
_ORGS = ["وزارة الخارجية", "وزارة الدفاع", "مجلس الأمن", "الوكالة الدولية للطاقة الذرية",
         "حلف شمال الأطلسي", "الاتحاد الأوروبي", "البنك الدولي", "منظمة الصحة العالمية"]
_SAY = ["قال", "أعلن", "أكد", "صرح", "نفى", "زعم", "توقع", "حذر"]
_MODAL = {"قال": "asserted", "أعلن": "asserted", "أكد": "asserted", "صرح": "asserted",
          "نفى": "denied", "زعم": "asserted", "توقع": "predicted", "حذر": "possible"}
_VERB = ["ستساعد", "تدعم", "فرضت عقوبات على", "أرسلت قوات إلى", "تزود بالسلاح", "ناقشت مع",
         "تتعاون مع", "انتهكت اتفاق", "تبني أقماراً صناعية مع", "أجرت مناورات مشتركة مع"]
_TIME = ["خلال الأيام المقبلة", "في العام المقبل", "الأسبوع الماضي", "قبل نهاية الشهر",
         "منذ بداية الأزمة", "في وقت لاحق", "بحسب مصادر مطلعة", ""]
_FILLER = [
    "وتأتي هذه التصريحات في ظل توتر متصاعد في المنطقة.",
    "ولم يصدر أي تعليق رسمي على الفور.",
    "وأشار مراقبون إلى أن \"الوضع لا يزال غامضاً\" حتى الآن.",
    "وكانت وسائل إعلام محلية قد نقلت تقارير مماثلة في وقت سابق.",
    "ويرى محللون أن الخطوة قد تؤثر على مسار المفاوضات.",
]


@dataclass
class Pool:
    """The entities claims may name, with Zipf weights (most popular first)."""

    entities: tuple[Entity, ...]
    weights: tuple[float, ...]
    outlets: tuple[Entity, ...]
    iris: dict[str, URIRef]

    def iri(self, key: str) -> URIRef:
        return self.iris[key]


@lru_cache(maxsize=4)
def pool(seed: int = 7) -> Pool:
    """The entity pool for ``seed``: people, places and organisations with distinct QIDs."""
    rng = random.Random(seed)
    qids = rng.sample(range(1_000, 120_000_000), ENTITY_POOL + OUTLETS)
    entities = []
    for i in range(ENTITY_POOL):
        kind = ("person", "country", "organisation")[i % 3]
        if kind == "person":
            label = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        elif kind == "country":
            label = f"{_PLACES[i // 3 % len(_PLACES)]}" + ("" if i < 48 else f" {i}")
        else:
            label = f"{rng.choice(_ORGS)} في {rng.choice(_PLACES)}"
        entities.append(Entity(f"e{i}", f"Q{qids[i]}", kind, label, f"Entity {i}"))
    outlets = tuple(
        Entity(f"outlet{i}", f"Q{qids[ENTITY_POOL + i]}", "outlet", f"صحيفة {i}", f"Outlet {i}")
        for i in range(OUTLETS)
    )
    weights = tuple(1.0 / (rank + 1) ** 1.1 for rank in range(ENTITY_POOL))
    iris = {e.key: agent_iri(e.key, e.qid) for e in (*entities, *outlets)}
    iris[CHECKER] = agent_iri(CHECKER, None)
    return Pool(tuple(entities), weights, outlets, iris)


def context_batches(p: Pool) -> Iterator[Batch]:
    """Vocabulary, entities and hand-check activities: what every claim batch refers to."""
    vocabulary = Batch("vocabulary")
    target = vocabulary.graph(VOCABULARY_GRAPH)
    target += ontology_graph()
    yield vocabulary
    context = Batch("entities and activities")
    graph = context.graph(ENTITIES_GRAPH)
    for entity in p.entities + p.outlets:
        add_entity(graph, entity)
    add_entity(graph, Entity(CHECKER, None, "person", "محررو سند", "sanad editors"))
    labels = [(s, o) for prop in (RDFS.label, SKOS.altLabel)
              for s, o in graph.subject_objects(prop) if isinstance(s, URIRef)]
    add_label_keys(context, labels)
    for month in range(DAYS // 30 + 2):
        day = START + dt.timedelta(days=30 * month)
        add_handcheck(context.graph(handcheck_iri(CHECKER, day)), agent_iri(CHECKER, None), CHECKER, day)
    yield context


def _check_day(day: dt.date) -> dt.date:
    return START + dt.timedelta(days=30 * ((day - START).days // 30))


def groups_for(claims: int) -> int:
    """How many groups make ``claims`` claims."""
    return max(1, -(-claims // CLAIMS_PER_GROUP))


def group_batch(number: int, p: Pool, seed: int = 7) -> Batch:
    """Group ``number``: :data:`GROUP_ARTICLES` articles and the claims they carry, as one batch."""
    rng = random.Random(seed * 1_000_003 + number)
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    claims = [_claim_sentence(rng, p) for _ in range(CLAIMS_PER_GROUP)]
    # every claim appears in its home article; some are relayed by one or two more of the group
    carriers = [[i % GROUP_ARTICLES] for i in range(CLAIMS_PER_GROUP)]
    for homes in carriers:
        for _ in range(2):
            if rng.random() < 0.35:
                other = rng.randrange(GROUP_ARTICLES)
                if other not in homes:
                    homes.append(other)
    texts: list[list[str]] = [[] for _ in range(GROUP_ARTICLES)]
    offsets: dict[tuple[int, int], int] = {}
    for a in range(GROUP_ARTICLES):
        length = 0
        for c, homes in enumerate(carriers):
            if a in homes:
                filler = rng.choice(_FILLER) + "\n"
                texts[a].append(filler)
                length += len(filler)
                offsets[(c, a)] = length
                texts[a].append(claims[c][0] + "\n")
                length += len(claims[c][0]) + 1
    batch = Batch(f"synthetic group {number}", light=True)
    for a in range(GROUP_ARTICLES):
        text = "".join(texts[a]) or "خبر قصير.\n"
        aid = _aid(seed, number, a)
        outlet = p.outlets[rng.randrange(len(p.outlets))]
        meta = ArticleMeta(
            id=aid, path=Path(f"synthetic/{aid}.txt"), sha256="", language="ar",
            headline=f"خبر رقم {number}-{a}", url=None,
            publisher=FieldKnowledge(outlet.key, "stated_in_text", "synthetic"),
            date_published=FieldKnowledge(day + dt.timedelta(days=a), "stated_in_text", "synthetic"),
        )
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        add_article(batch.graph(article_graph(aid)), meta, text, digest, p.iri(outlet.key))
    for c, (sentence, claimant, subject, relation, obj, modality) in enumerate(claims):
        cid = f"s{seed}g{number}c{c}"
        appearances = tuple(
            Appearance(
                article=_aid(seed, number, a), quote=sentence, start=offsets[(c, a)],
                end=offsets[(c, a)] + len(sentence),
                via=() if a == carriers[c][0] else (rng.choice(p.outlets).key,),
                date_reported=day + dt.timedelta(days=a),
            )
            for a in carriers[c]
        )
        reviews: tuple[Review, ...] = ()
        if rng.random() < 0.2:
            reviews = (Review(rng.choice(sorted(verdicts())), _check_day(day), CHECKER, (), ""),)
        claim = HandClaim(
            id=cid, text_ar=sentence, text_en=None, claimant=claimant, modality=modality,
            date_said=day,
            event_date=day + dt.timedelta(days=rng.randrange(60)) if rng.random() < 0.3 else None,
            event_end_date=None, triple=(subject, relation, obj), mentions=(subject, obj),
            appearances=appearances, reviews=reviews, checked_by=CHECKER, checked_on=_check_day(day),
        )
        activity = handcheck_iri(CHECKER, claim.checked_on)
        add_claim(batch.graph(claim_iri(cid)), batch.graph(assertion_graph(cid)), claim, p.iri,
                  appearances[0], activity)
        for index, review in enumerate(reviews, start=1):
            add_review(batch.graph(review_iri(cid, index)), claim, index, review, p.iri, activity,
                       lambda item: URIRef(item))
    for c in range(CLAIMS_PER_GROUP):  # every synthetic claim has its date said: the claim
        cid = f"s{seed}g{number}c{c}"   # graph alone holds what the index is derived from
        add_claim_keys(batch, claim_iri(cid), claim_facts(batch.graph(claim_iri(cid)), claim_iri(cid),
                                                          batch.graph(assertion_graph(cid))))
    return batch


def _aid(seed: int, number: int, a: int) -> str:
    return hashlib.sha256(f"{seed}:{number}:{a}".encode()).hexdigest()[:16]


def _claim_sentence(rng: random.Random, p: Pool) -> tuple[str, str, str, str, str, str]:
    """An Arabic reported claim, and who said it, its triple and its modality."""
    claimant, subject, obj = (e.key for e in rng.choices(p.entities, weights=p.weights, k=3))
    say = rng.choice(_SAY)
    relation = rng.choice(sorted(relation_names()))
    label = {e.key: e.label_ar for e in (_entity(p, claimant), _entity(p, subject), _entity(p, obj))}
    sentence = (f"{say} {label[claimant]} إن {label[subject]} {rng.choice(_VERB)} "
                f"{label[obj]} {rng.choice(_TIME)}").strip() + "."
    return sentence, claimant, subject, relation, obj, _MODAL[say]


def _entity(p: Pool, key: str) -> Entity:
    return p.entities[int(key[1:])]
