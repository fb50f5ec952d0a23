"""Reading the bundled corpus: manifest, entities, hand-checked claims (YAML; docs/corpus.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sanad.graph.errors import InputError

__all__ = [
    "MODALITIES",
    "Appearance",
    "ArticleMeta",
    "Corpus",
    "Entity",
    "FieldKnowledge",
    "HandClaim",
    "Review",
    "load_corpus",
    "read_article_text",
]

MODALITIES = ("asserted", "predicted", "possible", "denied", "question")
KNOWN_BY = ("stated_in_text", "reviewer_inference", "unknown")


@dataclass(frozen=True)
class FieldKnowledge:
    """A metadata value and how it is known."""

    value: Any
    known_by: str
    evidence: str


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    path: Path
    sha256: str
    language: str
    headline: str | None
    url: str | None
    publisher: FieldKnowledge
    date_published: FieldKnowledge
    notes: str = ""


@dataclass(frozen=True)
class Entity:
    key: str
    qid: str | None
    type: str
    label_ar: str
    label_en: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    evidence: str = ""


@dataclass(frozen=True)
class Appearance:
    article: str
    quote: str
    start: int
    end: int
    via: tuple[str, ...] = ()
    date_reported: dt.date | None = None


@dataclass(frozen=True)
class Review:
    verdict: str
    date: dt.date
    reviewer: str
    evidence: tuple[str, ...] = ()
    body: str = ""


@dataclass(frozen=True)
class HandClaim:
    id: str
    text_ar: str
    text_en: str | None
    claimant: str
    modality: str
    date_said: dt.date | None
    event_date: dt.date | None
    event_end_date: dt.date | None
    triple: tuple[str, str, str] | None
    mentions: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    reviews: tuple[Review, ...]
    checked_by: str
    checked_on: dt.date
    source_file: str = ""


@dataclass
class Corpus:
    root: Path
    articles: dict[str, ArticleMeta] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: list[HandClaim] = field(default_factory=list)


def read_article_text(path: Path) -> str:
    """An article's text: UTF-8, non-empty, exactly as stored (no newline normalisation)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from exc
    if not text.strip():
        raise InputError(f"{path}: the article is empty")
    return text


def load_corpus(root: Path) -> Corpus:
    """Read ``manifest.yaml``, ``entities.yaml`` and ``claims/*.yaml`` under ``root``."""
    corpus = Corpus(root)
    manifest, entities = root / "manifest.yaml", root / "entities.yaml"
    for item in _list(_yaml(manifest), "articles", manifest):
        article = _parsed(_article, item, root, where=manifest)
        corpus.articles[article.id] = article
    for item in _list(_yaml(entities), "entities", entities):
        entity = _parsed(_entity, item, where=entities)
        corpus.entities[entity.key] = entity
    for path in sorted((root / "claims").glob("*.yaml")):
        for item in _list(_yaml(path), "claims", path):
            corpus.claims.append(_parsed(_claim, item, path.name, where=path))
    return corpus


def _parsed(parse: Any, item: Any, *args: Any, where: Path) -> Any:
    """``parse(item, *args)``, with a missing or malformed field reported as an ``InputError``."""
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected a mapping, got {item!r:.60}")
    try:
        return parse(item, *args)
    except KeyError as exc:
        name = item.get("id") or item.get("key")
        raise InputError(f"{where}: entry {name!r} lacks the field {exc}") from exc
    except (TypeError, ValueError) as exc:
        name = item.get("id") or item.get("key")
        raise InputError(f"{where}: entry {name!r}: {exc}") from exc


def _yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc


def _list(document: Any, key: str, path: Path) -> list[dict[str, Any]]:
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise InputError(f"{path}: expected a top-level '{key}:' list")
    return document[key]


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _knowledge(item: dict[str, Any], where: str) -> FieldKnowledge:
    known_by = item.get("known_by", "unknown")
    if known_by not in KNOWN_BY:
        raise InputError(f"{where}: known_by must be one of {', '.join(KNOWN_BY)}")
    value = item.get("value", item.get("entity"))
    return FieldKnowledge(value, known_by, str(item.get("evidence") or ""))


def _article(item: dict[str, Any], root: Path) -> ArticleMeta:
    where = f"manifest.yaml article {item.get('id')!r}"
    date = _knowledge(item.get("date_published") or {}, where + " date_published")
    date = FieldKnowledge(_date(date.value, where), date.known_by, date.evidence)
    return ArticleMeta(
        id=str(item["id"]),
        path=root / item["file"],
        sha256=str(item["sha256"]),
        language=str(item.get("language", "ar")),
        headline=item.get("headline"),
        url=item.get("url"),
        publisher=_knowledge(item.get("publisher") or {}, where + " publisher"),
        date_published=date,
        notes=str(item.get("notes") or ""),
    )


def _entity(item: dict[str, Any]) -> Entity:
    return Entity(
        key=str(item["key"]),
        qid=item.get("qid"),
        type=str(item.get("type", "thing")),
        label_ar=str(item.get("label_ar") or ""),
        label_en=str(item.get("label_en") or ""),
        aliases_ar=tuple(item.get("aliases_ar") or ()),
        aliases_en=tuple(item.get("aliases_en") or ()),
        evidence=str(item.get("evidence") or ""),
    )


def _verdict_key(value: Any) -> str:
    if isinstance(value, bool):  # YAML reads an unquoted true/false as a boolean
        return "true" if value else "false"
    return str(value)


def _claim(item: dict[str, Any], source: str) -> HandClaim:
    where = f"{source} claim {item.get('id')!r}"
    triple = item.get("triple")
    return HandClaim(
        id=str(item["id"]),
        text_ar=str(item["text_ar"]),
        text_en=item.get("text_en"),
        claimant=str(item["claimant"]),
        modality=str(item["modality"]),
        date_said=_date(item.get("date_said"), where),
        event_date=_date(item.get("event_date"), where),
        event_end_date=_date(item.get("event_end_date"), where),
        triple=(triple["subject"], triple["predicate"], triple["object"]) if triple else None,
        mentions=tuple(item.get("mentions") or ()),
        appearances=tuple(
            Appearance(
                article=str(a["article"]),
                quote=str(a["quote"]),
                start=int(a["start"]),
                end=int(a["end"]),
                via=tuple(a.get("via") or ()),
                date_reported=_date(a.get("date_reported"), where),
            )
            for a in item.get("appearances") or ()
        ),
        reviews=tuple(
            Review(
                verdict=_verdict_key(r["verdict"]),
                date=_date(r["date"], where) or dt.date.min,
                reviewer=str(r["reviewer"]),
                evidence=tuple(str(e) for e in r.get("evidence") or ()),
                body=str(r.get("body") or ""),
            )
            for r in item.get("reviews") or ()
        ),
        checked_by=str(item.get("checked_by", "sanad-editors")),
        checked_on=_date(item.get("checked_on"), where) or dt.date.min,
        source_file=source,
    )


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
