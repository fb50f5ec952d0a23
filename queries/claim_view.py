"""Claims as JSON: a short summary for lists, the whole story for one claim."""

from __future__ import annotations

from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF

from sanad.graph import NotFound, SelectResult, Store
from sanad.ontology import SCHEMA, S, sparql_prefixes

from .snapshot import Snapshot, load_snapshot
from .terms import claim_ref, iris, local_id
from .view_parts import (
    appearance,
    entity,
    plain,
    review,
    reviews_of,
    term_name,
    triple,
    version,
)

__all__ = ["claim_detail", "claim_summaries", "cluster_of"]


def claim_summaries(store: Store, claims: list[URIRef],
                    scores: dict[URIRef, float] | None = None) -> list[dict[str, Any]]:
    """Summaries of ``claims``, in the given order (claims not in the store are skipped)."""
    snap = load_snapshot(store, claims, brief=True)
    found = [c for c in claims if (c, RDF.type, SCHEMA.Claim) in snap.claims]
    return [_summary(snap, c, (scores or {}).get(c)) for c in found]


def claim_detail(store: Store, cid: str) -> dict[str, Any]:
    """Everything about one claim: appearances with relay chains, entities, triple, reviews in
    order, cluster siblings and earlier versions. Raises ``NotFound``."""
    claim = claim_ref(cid)
    snap = load_snapshot(store, [claim])
    if (claim, RDF.type, SCHEMA.Claim) not in snap.claims:
        raise NotFound(f"claim {cid!r} is not in the store")
    g = snap.claims
    out = _summary(snap, claim, None)
    spo = snap.assertions.get(claim, [])
    out["triple"] = triple(snap, g.value(claim, S.assertion), spo[0]) if spo else None
    mentioned = list(g.objects(claim, SCHEMA.mentions))
    for s, _, o in spo:
        mentioned += [s, o]
    out["entities"] = [entity(snap, e) for e in dict.fromkeys(mentioned) if isinstance(e, URIRef)]
    apps = [appearance(snap, claim, a) for a in g.objects(claim, SCHEMA.appearance)]
    out["appearances"] = sorted(apps, key=lambda a: (not a["first"], _when(a), a["iri"]))
    out["reviews"] = [review(snap, r) for r in reviews_of(snap, claim)]
    versions = [version(snap, v) for v in g.objects(claim, S.previousVersion)]
    out["versions"] = sorted(versions, key=lambda v: (v["invalidated_at"] or "", v["iri"]))
    out["generated_by"] = plain(g.value(claim, PROV.wasGeneratedBy))
    out["cluster"] = cluster_of(store, claim)
    return out


def cluster_of(store: Store, claim: URIRef) -> dict[str, Any] | None:
    """The claim's cluster (``s:ClaimCluster``, computed at ingest): the other claims that say
    the same thing, each with how it resembles the cluster. None if the claim is in none."""
    result = store.query(sparql_prefixes() + f"""SELECT ?cl ?other ?kind ?score WHERE {{
        VALUES ?c {{ {iris([claim])} }} ?cl a s:ClaimCluster ; s:member ?c , ?other .
        FILTER (?other != ?c)
        OPTIONAL {{ ?cl s:membership ?m . ?m s:memberClaim ?other .
                   OPTIONAL {{ ?m s:similarityKind ?kind }} OPTIONAL {{ ?m s:score ?score }} }}
    }} ORDER BY ?cl ?other LIMIT 200""")
    assert isinstance(result, SelectResult)
    if not result.rows:
        return None
    cluster = result.rows[0]["cl"]
    rows = [r for r in result.rows if r["cl"] == cluster]
    others = list(dict.fromkeys(URIRef(r["other"]) for r in rows))
    siblings = claim_summaries(store, others[:100])
    how = {str(r["other"]): r for r in rows}
    for sibling in siblings:
        row = how.get(sibling["iri"], {})
        sibling["similarity"] = term_name(row.get("kind"))
        sibling["similarity_score"] = _float(row.get("score"))
    return {"id": local_id(cluster, "cluster-") or str(cluster), "iri": str(cluster),
            "size": len(others) + 1, "siblings": siblings}


def _summary(snap: Snapshot, claim: URIRef, score: float | None) -> dict[str, Any]:
    g = snap.claims
    author = g.value(claim, SCHEMA.author)
    reviews = reviews_of(snap, claim)
    first = g.value(claim, SCHEMA.firstAppearance)
    return {
        "id": local_id(claim, "claim-") or str(claim),
        "iri": str(claim),
        "text": {lit.language or "und": str(lit) for lit in g.objects(claim, SCHEMA.text)
                 if isinstance(lit, Literal)},
        "claimant": entity(snap, author) if author is not None else None,
        "modality": term_name(g.value(claim, S.modality)),
        "status": term_name(g.value(claim, S.reviewStatus)),
        "date_said": plain(g.value(claim, SCHEMA.dateCreated)),
        "event_date": plain(g.value(claim, S.eventDate)),
        "event_end_date": plain(g.value(claim, S.eventEndDate)),
        "first_reported": _first_reported(snap, first),
        "appearance_count": len(set(g.objects(claim, SCHEMA.appearance))),
        "verdict": review(snap, reviews[-1]) if reviews else None,
        "confidence": _float(g.value(claim, S.confidence)),
        "score": score,
    }


def _first_reported(snap: Snapshot, app: Any) -> str | None:
    if app is None:
        return None
    said = snap.claims.value(app, SCHEMA.datePublished)
    if said is not None:
        return str(said)
    article = snap.claims.value(app, URIRef("http://www.w3.org/ns/oa#hasSource"))
    published = snap.context.value(article, SCHEMA.datePublished) if article else None
    return plain(published)


def _when(app: dict[str, Any]) -> str:
    article = app.get("article") or {}
    return str(app.get("date_reported") or article.get("date_published") or "9999")


def _float(term: Any) -> float | None:
    try:
        return float(term) if term is not None else None
    except (TypeError, ValueError):
        return None
