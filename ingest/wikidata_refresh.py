"""``sanad wikidata refresh``: a local copy of what Wikidata says about the linked entities.

Every ``wd:Q…`` IRI in the store (outside the cache graph itself) is looked up; its Arabic and
English labels, descriptions, ``wdt:P31`` (instance of), ``wdt:P39`` (position held),
``wdt:P17`` (country) and ``wdt:P131`` (located in the administrative territorial entity) go
into one named graph, ``id:graph-wikidata``, with the labels of the items those properties
point to. The graph node carries ``prov:generatedAtTime`` (when it was retrieved) and
``dcterms:source`` (the endpoint). The whole graph is replaced through the SHACL write gate
in one transaction: a failed refresh leaves the previous copy untouched.

Wikidata's labels are stored as ``skos:prefLabel`` (Wikidata's own RDF gives each label as
``rdfs:label``, ``skos:prefLabel`` and ``schema:name``): sanad's ``rdfs:label`` stays the one
from ``corpus/entities.yaml``, and the shapes' one-label-per-language rule keeps holding when
Wikidata spells a name differently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS, XSD

from sanad.graph import Batch, SelectResult, Store, WriteGate
from sanad.ontology import ID, SCHEMA, WD, WDT

from .wikidata_client import WikidataClient, qid_of

__all__ = ["PROPERTIES", "WIKIDATA_GRAPH", "RefreshReport", "describe", "linked_qids", "refresh"]

WIKIDATA_GRAPH = ID["graph-wikidata"]
# Property IDs verified from public text (docs/wikidata.md): instance of, position held,
# country, located in the administrative territorial entity.
PROPERTIES = ("P31", "P39", "P17", "P131")
_WD_Q = str(WD) + "Q"


@dataclass
class RefreshReport:
    """What a refresh did."""

    entities: int
    found: int
    triples: int
    retrieved: dt.datetime
    missing: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"entities": self.entities, "found": self.found, "triples": self.triples,
                "retrieved": self.retrieved.isoformat(), "missing": self.missing}


def linked_qids(store: Store) -> list[str]:
    """QIDs of every Wikidata entity IRI used in the store, outside the cache graph."""
    query = f"""SELECT DISTINCT ?e WHERE {{
  GRAPH ?g {{ {{ ?e ?p ?o }} UNION {{ ?s ?p ?e }} }}
  FILTER (?g != {WIKIDATA_GRAPH.n3()} && isIRI(?e) && STRSTARTS(STR(?e), "{_WD_Q}"))
}}"""
    result = store.query(query, row_limit=1_000_000)
    assert isinstance(result, SelectResult)
    qids = {qid_of(str(row["e"])) for row in result.rows}
    return sorted((q for q in qids if q), key=lambda q: int(q[1:]))


def refresh(store: Store, client: WikidataClient, gate: WriteGate | None = None,
            now: dt.datetime | None = None) -> RefreshReport:
    """Fetch, then replace ``id:graph-wikidata`` through the write gate (all or nothing)."""
    qids = linked_qids(store)
    rows = client.facts(qids, PROPERTIES) if qids else []
    values = sorted({q for r in rows if (q := qid_of(r["o"]["value"])) and q not in qids})
    rows += [r for r in (client.facts(values, ()) if values else [])
             if r["p"]["value"] == str(RDFS.label)]
    retrieved = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    batch = Batch("wikidata refresh")
    graph = batch.graph(WIKIDATA_GRAPH)
    for row in rows:
        item, prop, obj = URIRef(row["item"]["value"]), row["p"]["value"], row["o"]
        if prop == str(RDFS.label):
            graph.add((item, SKOS.prefLabel, _literal(obj)))
        elif prop == str(SCHEMA.description):
            graph.add((item, SCHEMA.description, _literal(obj)))
        elif prop.startswith(str(WDT)) and obj.get("type") == "uri":
            graph.add((item, URIRef(prop), URIRef(obj["value"])))
    graph.add((WIKIDATA_GRAPH, PROV.generatedAtTime,
               Literal(retrieved.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)))
    graph.add((WIKIDATA_GRAPH, DCTERMS.source, URIRef(client.url)))
    graph.add((WIKIDATA_GRAPH, RDFS.comment, Literal(
        "Labels, descriptions and a few properties of the linked entities, copied from Wikidata "
        "by `sanad wikidata refresh`; replaced whole on each refresh.", lang="en")))
    (gate or WriteGate(store)).submit(batch)
    found = {qid_of(r["item"]["value"]) for r in rows} & set(qids)
    return RefreshReport(len(qids), len(found), len(graph), retrieved,
                         [q for q in qids if q not in found])


def describe(store: Store, qid: str) -> dict[str, Any]:
    """What the cache graph says about ``qid`` (offline): labels, descriptions, properties."""
    if qid_of(str(WD) + qid) is None:
        return {}
    query = f"""SELECT ?p ?o WHERE {{ GRAPH {WIKIDATA_GRAPH.n3()} {{ {WD[qid].n3()} ?p ?o }} }}"""
    result = store.query(query)
    assert isinstance(result, SelectResult)
    out: dict[str, Any] = {"qid": qid, "labels": {}, "descriptions": {}, "properties": {}}
    for row in result.rows:
        p, o = str(row["p"]), row["o"]
        if p == str(SKOS.prefLabel) and isinstance(o, Literal):
            out["labels"][o.language or ""] = str(o)
        elif p == str(SCHEMA.description) and isinstance(o, Literal):
            out["descriptions"][o.language or ""] = str(o)
        elif p.startswith(str(WDT)):
            out["properties"].setdefault(p[len(str(WDT)):], []).append(qid_of(str(o)) or str(o))
    return out


def _literal(obj: dict[str, str]) -> Literal:
    return Literal(obj["value"], lang=obj.get("xml:lang") or None)
