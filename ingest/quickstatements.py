"""Reviewed claims as QuickStatements (V1) commands with references in Wikidata's model.

Only claims someone has checked qualify: ``s:reviewStatus s:Accepted`` or at least one
``schema:ClaimReview``. A claim's triple is exported when its relation is mapped to a Wikidata
property (``skos:exactMatch`` or ``skos:closeMatch`` to a ``wdt:P…`` in the vocabulary) and both
ends are Wikidata items. Each appearance of the claim becomes one reference on the statement:

=====  ===========================  ==========================================================
S248   stated in                    the article's publisher, when it is a Wikidata item
S854   reference URL                the article's ``schema:url``, only when it has one
S577   publication date             the article's ``schema:datePublished``
S1683  quotation                    the quote, ``ar:"…"`` (skipped above 1,500 characters)
S813   retrieved                    the day the appearance was hand-checked (``dcterms:date``)
=====  ===========================  ==========================================================

The output is text for a person to review and paste; nothing is ever sent to Wikidata.
A close match is weaker than the property's meaning: :class:`Statement` says which it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal

from sanad.graph import SelectResult, Store
from sanad.ontology import WD, WDT

__all__ = ["MAX_QUOTE", "Statement", "quickstatements", "reviewed_statements"]

MAX_QUOTE = 1500  # Wikidata's limit on a monolingual text value
_QUERY = f"""PREFIX schema: <http://schema.org/>
PREFIX s: <https://w3id.org/sanad/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?claim ?s ?rel ?o ?match ?kind ?app ?quote ?url ?published ?publisher ?checked
WHERE {{
  ?claim a schema:Claim ; s:assertion ?ag ; schema:appearance ?app .
  FILTER (EXISTS {{ ?claim s:reviewStatus s:Accepted }}
          || EXISTS {{ ?review a schema:ClaimReview ; schema:itemReviewed ?claim }})
  GRAPH ?ag {{ ?s ?rel ?o }}
  {{ ?rel skos:exactMatch ?match BIND ("exactMatch" AS ?kind) }}
  UNION {{ ?rel skos:closeMatch ?match BIND ("closeMatch" AS ?kind) }}
  FILTER (STRSTARTS(STR(?match), "{WDT}P") && STRSTARTS(STR(?s), "{WD}Q")
          && STRSTARTS(STR(?o), "{WD}Q"))
  ?app oa:hasSource ?article ; oa:hasSelector ?sel .
  ?sel oa:exact ?quote .
  OPTIONAL {{ ?article schema:url ?url }}
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?article schema:publisher ?publisher }}
  OPTIONAL {{ ?app prov:wasGeneratedBy ?act . ?act dcterms:date ?checked }}
}}"""


@dataclass
class Statement:
    """One Wikidata statement and its references (one per appearance of the claim)."""

    subject: str
    property: str
    value: str
    claims: list[str] = field(default_factory=list)
    match: str = "exactMatch"
    relation: str = ""
    references: list[list[tuple[str, str]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """QuickStatements V1 commands: the statement once per reference (QS merges them)."""
        head = [self.subject, self.property, self.value]
        if not self.references:
            return ["\t".join(head)]
        return ["\t".join(head + [part for pair in ref for part in pair]) for ref in self.references]

    def to_json(self) -> dict[str, Any]:
        return {"statement": [self.subject, self.property, self.value], "match": self.match,
                "relation": self.relation, "claims": self.claims,
                "references": [dict(ref) for ref in self.references]}


def reviewed_statements(store: Store) -> list[Statement]:
    """Statements from the reviewed claims whose relation maps to a Wikidata property."""
    result = store.query(_QUERY, row_limit=1_000_000)
    assert isinstance(result, SelectResult)
    found: dict[tuple[str, str, str], Statement] = {}
    for row in sorted(result.rows, key=lambda r: (str(r["claim"]), str(r["app"]))):
        key = (_tail(row["s"], WD), _tail(row["match"], WDT), _tail(row["o"], WD))
        stmt = found.setdefault(key, Statement(*key, relation=str(row["rel"])))
        if str(row["kind"]) == "closeMatch":
            stmt.match = "closeMatch"
        if str(row["claim"]) not in stmt.claims:
            stmt.claims.append(str(row["claim"]))
        ref = _reference(row)
        if ref not in stmt.references:
            stmt.references.append(ref)
    return sorted(found.values(), key=lambda s: (int(s.subject[1:]), s.property, int(s.value[1:])))


def quickstatements(statements: list[Statement]) -> str:
    """The commands as text, one per line."""
    return "".join(line + "\n" for stmt in statements for line in stmt.lines())


def _reference(row: dict[str, Any]) -> list[tuple[str, str]]:
    ref: list[tuple[str, str]] = []
    publisher = row.get("publisher")
    if publisher is not None and str(publisher).startswith(str(WD) + "Q"):
        ref.append(("S248", _tail(publisher, WD)))
    if row.get("url") is not None:
        ref.append(("S854", _string(str(row["url"]))))
    if row.get("published") is not None:
        ref.append(("S577", _day(row["published"])))
    quote = " ".join(str(row["quote"]).split())
    if quote and len(quote) <= MAX_QUOTE:
        ref.append(("S1683", "ar:" + _string(quote)))
    if row.get("checked") is not None:
        ref.append(("S813", _day(row["checked"])))
    return ref


def _tail(term: Any, namespace: Any) -> str:
    return str(term)[len(str(namespace)):]


def _day(value: Any) -> str:
    """A QuickStatements time with day precision: ``+2023-09-13T00:00:00Z/11``."""
    text = str(value.toPython() if isinstance(value, Literal) else value)[:10]
    return f"+{text}T00:00:00Z/11"


def _string(text: str) -> str:
    """A QuickStatements string: double quotes inside become single (QS has no escape)."""
    return '"' + text.replace('"', "'").replace("\t", " ") + '"'
