"""Why the linker linked a name, how sure it is, and which names stay unlinked.

:func:`explain` runs the same linker as extraction (:class:`~.entities.Lexicon`) over a text
and gives each mention a :class:`LinkDecision`: the QID (or none), a confidence and the reason.

===================================  ==========  ==============================================
reason                               confidence  when
===================================  ==========  ==============================================
exact label / exact alias            1.0         the text spells a name of entities.yaml as is
normalised alias                     0.9         the same name after spelling folds (أ/ا, ة/ه,
                                                 ج/غ/ق for a foreign g) or a proclitic (وبوتين)
title in context                     0.8         a title that names one holder in the corpus
                                                 ("وزير الدفاع الروسي" → Shoigu)
demonym                              0.6         an adjective (الروسي) that describes, not names
ambiguous                            0.0         a name entities of different QIDs share
different continuation               0.0         a short name followed by another person's full
                                                 name (كيم جونج إيل is not كيم جونج أون)
unlinked entity                      0.0         in entities.yaml without a verified QID
===================================  ==========  ==============================================

:func:`unlinked_in_corpus` counts what extraction leaves without a QID over the corpus
articles; :func:`unlinked_in_store` lists the store's ``s:UnlinkedEntity`` nodes with the
number of claims that name them. Both are for a person to add QIDs (``sanad entities``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from sanad.graph import SelectResult, Store

from .corpus import load_corpus, read_article_text
from .entities import Entry, Lexicon, Mention, name_key
from .extract import extract_claims
from .normalize import normalize, normalize_text

__all__ = ["LinkDecision", "explain", "names_of", "unlinked_in_corpus", "unlinked_in_store"]

CONFIDENCE = {"exact label": 1.0, "exact alias": 1.0, "normalised alias": 0.9,
              "title in context": 0.8, "demonym": 0.6}


@dataclass(frozen=True)
class LinkDecision:
    """One mention: original span, what it links to, how sure, and why."""

    text: str
    start: int
    end: int
    qid: str | None
    key: str | None
    confidence: float
    reason: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def names_of(path: str | Path) -> dict[str, tuple[str, list[str]]]:
    """``key → (label_ar, aliases_ar)`` from an entities file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {str(r["key"]): (str(r.get("label_ar") or ""), [str(a) for a in r.get("aliases_ar") or []])
            for r in data.get("entities") or []}


def explain(text: str, lexicon: Lexicon, names: dict[str, tuple[str, list[str]]]) -> list[LinkDecision]:
    """Every mention the linker finds in ``text``, with its decision."""
    norm = normalize(text)
    out = []
    for m in lexicon.link(norm.text):
        start, end = norm.span(m.start, m.end)
        surface = text[start:end]
        qid, key, reason = _decide(m, surface, lexicon, names)
        conf = CONFIDENCE.get(reason, 0.0) if qid or reason in CONFIDENCE else 0.0
        out.append(LinkDecision(surface, start, end, qid, key, conf, reason))
    return out


def _decide(m: Mention, surface: str, lexicon: Lexicon,
            names: dict[str, tuple[str, list[str]]]) -> tuple[str | None, str | None, str]:
    entry = m.entry
    if entry is None:
        key = name_key(surface)
        for seq, found in lexicon.index.get(key[0] if key else "", ()):
            if seq == key and found is None:
                return None, None, "ambiguous"
        return None, None, "different continuation"
    if m.adjective:
        return entry.qid, entry.key, "demonym"
    if entry.qid is None:
        return None, entry.key, "unlinked entity"
    return entry.qid, entry.key, _how(entry, surface, names)


def _how(entry: Entry, surface: str, names: dict[str, tuple[str, list[str]]]) -> str:
    label, aliases = names.get(entry.key, (entry.label_ar, []))
    said = " ".join(surface.split())
    if said == label:
        return "exact label"
    if said in aliases:
        return "title in context" if _is_title(said, label) else "exact alias"
    plain = normalize_text(said)
    for alias in aliases:
        if normalize_text(alias) in plain and _is_title(alias, label):
            return "title in context"
    return "normalised alias"


def _is_title(alias: str, label: str) -> bool:
    """An alias of two or more words sharing no word with the label ("الرئيس الروسي")."""
    words = name_key(alias)
    return len(words) >= 2 and not set(words) & set(name_key(label))


def unlinked_in_corpus(root: Path, lexicon: Lexicon | None = None) -> list[dict[str, Any]]:
    """Labels extraction gives without a QID (claimants, relays, triple ends, entities),
    with how often and in which articles, most frequent first."""
    corpus = load_corpus(root)
    lex = lexicon if lexicon is not None else Lexicon.load(root / "entities.yaml")
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    for aid, meta in corpus.articles.items():
        text = read_article_text(meta.path)
        for cand in extract_claims(text, meta.date_published.value, lex):
            agents = [cand.claimant, *cand.via, cand.subject, cand.object]
            labels = [a.label for a in agents if a is not None and a.qid is None]
            labels += [e.label for e in cand.entities if e.qid is None]
            for label in labels:
                counts[label] += 1
                where.setdefault(label, set()).add(aid)
    return [{"label": label, "count": n, "articles": sorted(where[label])}
            for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


_STORE_QUERY = """PREFIX s: <https://w3id.org/sanad/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e (SAMPLE(?ar) AS ?label_ar) (SAMPLE(?en) AS ?label_en) (COUNT(DISTINCT ?c) AS ?claims)
WHERE {
  ?e a s:UnlinkedEntity .
  OPTIONAL { ?e rdfs:label ?ar FILTER (LANG(?ar) = "ar") }
  OPTIONAL { ?e rdfs:label ?en FILTER (LANG(?en) = "en") }
  OPTIONAL { ?c a schema:Claim . { ?c schema:author ?e } UNION { ?c schema:mentions ?e } }
} GROUP BY ?e ORDER BY DESC(?claims) ?e"""


def unlinked_in_store(store: Store) -> list[dict[str, Any]]:
    """The store's unlinked entities (local IRIs) with their labels and claim counts."""
    result = store.query(_STORE_QUERY, row_limit=100_000)
    assert isinstance(result, SelectResult)
    return [{"iri": str(r["e"]), "label_ar": str(r.get("label_ar") or "") or None,
             "label_en": str(r.get("label_en") or "") or None,
             "claims": int(str(r.get("claims", 0)))} for r in result.rows]
