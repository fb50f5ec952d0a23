"""The Jinja2 environment of the pages and the small display helpers templates call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from .claim_page import evidence_href

__all__ = ["STATIC", "TEMPLATES", "json_script", "label", "lang_of", "verdict_class"]

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = Jinja2Templates(directory=HERE / "templates")

# verdict key → badge colour class (anything else is neutral)
_BADGES = {"false": "bad", "mostly_false": "bad", "misleading": "warn", "mixed": "warn",
           "half_true": "warn", "unproven": "neutral", "mostly_true": "good", "true": "good"}


def label(entity: dict[str, Any] | None, lang: str = "ar") -> str:
    """An entity's label in ``lang``, else in the other language, else its key or IRI."""
    if not entity:
        return ""
    labels = entity.get("labels") or {}
    other = "en" if lang == "ar" else "ar"
    return str(labels.get(lang) or labels.get(other) or next(iter(labels.values()), None)
               or entity.get("key") or entity.get("qid") or entity.get("iri", ""))


def lang_of(text: str) -> str:
    """``ar`` when the text holds Arabic letters, else ``en``."""
    return "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"


def verdict_class(key: str | None) -> str:
    return _BADGES.get(key or "", "neutral")


def json_script(data: Any) -> Markup:
    """JSON safe to embed inside ``<script>``: no ``</script>`` can close the element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def entity_link(entity: dict[str, Any] | None) -> str | None:
    """The UI page of an entity (by QID, else by local key)."""
    if not entity:
        return None
    ident = entity.get("qid") or entity.get("key")
    return f"/ui/entities/{ident}" if ident else None


TEMPLATES.env.globals.update(label=label, lang_of=lang_of, verdict_class=verdict_class,
                             json_script=json_script, entity_link=entity_link,
                             evidence_href=evidence_href)
