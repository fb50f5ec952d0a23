"""How alike two claims are, for clustering the same claim across articles.

:func:`claim_similarity` mixes three signals:

* text: character 3-gram Jaccard and token-set cosine over normalised, affix-stripped
  content words (transliteration folded, so جونج/جونغ agree);
* entities: Jaccard of the linked QIDs (labels for unlinked mentions);
* relation: same predicate or not (ignored when either side has none).

The kind says why: ``same_wording`` (near-identical text), ``paraphrase`` (shared wording
and entities), ``same_event`` (same entities and relation, different wording) or
``unrelated``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from .entities import token_key
from .normalize import normalize_text, tokens

SAME_WORDING = 0.8
PARAPHRASE_TEXT = 0.25
SAME_CLAIM = 0.45
_STOP = frozenset(
    [
        "في", "من", "الي", "علي", "عن", "مع", "ان", "انه", "انها", "ما", "لا", "لم", "لن", "قد",
        "كان", "كانت", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "او", "ثم", "كما",
        "بين", "حول", "بعد", "قبل", "عند", "حيث", "اي", "كل", "بشان", "خلال", "منذ", "وقد", "فقد",
    ]
)
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ل")


def content_words(text: str) -> list[str]:
    """Normalised, clitic- and article-stripped, transliteration-folded content words."""
    out = []
    for tok, _, _ in tokens(normalize_text(text)):
        if tok in _STOP or tok.isdigit():
            continue
        for clitic in _CLITICS:
            if tok.startswith(clitic) and len(tok) - len(clitic) >= 3:
                tok = tok[len(clitic):]
                break
        key = token_key(tok)
        if len(key) > 1 and key not in _STOP:
            out.append(key)
    return out


def _trigrams(words: list[str]) -> set[str]:
    grams: set[str] = set()
    for word in words:
        padded = f" {word} "
        grams.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return grams


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _cosine(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / math.sqrt(len(sa) * len(sb)) if sa and sb else 0.0


def _entity_keys(entities: Iterable[Any]) -> set[str]:
    keys = set()
    for ent in entities:
        if isinstance(ent, str):
            keys.add(ent)
            continue
        qid = ent.get("qid") if isinstance(ent, dict) else getattr(ent, "qid", None)
        label = ent.get("label") if isinstance(ent, dict) else getattr(ent, "label", "")
        keys.add(qid or " ".join(content_words(label or "")))
    keys.discard("")
    return keys


def claim_similarity(a_text: str, b_text: str, a_entities: Iterable[Any] = (),
                     b_entities: Iterable[Any] = (), a_pred: str | None = None,
                     b_pred: str | None = None) -> tuple[float, str]:
    """Score in [0, 1] and kind (same_wording | paraphrase | same_event | unrelated).

    Entities are QID strings, ``{label, qid}`` dicts or objects with ``label``/``qid``."""
    wa, wb = content_words(a_text), content_words(b_text)
    wording = _jaccard(_trigrams(wa), _trigrams(wb))
    text = max(wording, _cosine(wa, wb))
    ents = _jaccard(_entity_keys(a_entities), _entity_keys(b_entities))
    weights = [(text, 0.5), (ents, 0.3)]
    if a_pred and b_pred:
        weights.append((1.0 if a_pred == b_pred else 0.0, 0.2))
    score = sum(v * w for v, w in weights) / sum(w for _, w in weights)
    if wording >= SAME_WORDING:
        return round(max(score, wording), 3), "same_wording"
    if score < SAME_CLAIM:
        return round(score, 3), "unrelated"
    if text >= PARAPHRASE_TEXT:
        return round(score, 3), "paraphrase"
    return round(score, 3), "same_event"
