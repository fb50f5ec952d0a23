"""Entity lexicon (from ``corpus/entities.yaml``) and a longest-match linker.

Every label, alias and demonym is normalised (:mod:`.normalize`), folded for
transliteration (ج/غ/ق) and split into tokens; the definite article is dropped from each
token, so ``الكرملين`` and ``بالكرملين`` share a key. The lexicon is one dict from the first
token's key to the candidate token sequences, longest first. In text, the first token of a
match may carry proclitics (و ف ب ل ك and combinations; لل for ل + ال).

Country demonyms are generated from the Arabic label (روسيا → روسي/روسية/روس…) besides
those listed. A key shared by entities with different QIDs is ambiguous and links to
nothing: an unknown or ambiguous name stays a mention with ``qid`` null, never a guess.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .metonymy import CAPITALS
from .normalize import fold_key, normalize_text, tokens

ENV_VAR = "SANAD_ENTITIES"
_PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_DOUBLED_L = ("ولل", "فلل", "لل")
_JOINERS = ("", "-")
_NESTABLE = frozenset({"country", "place", "person"})


@dataclass(frozen=True)
class Entry:
    """One entity of the lexicon."""

    key: str
    qid: str | None
    type: str
    label_ar: str
    label_en: str = ""


@dataclass(frozen=True)
class Mention:
    """A linked (or deliberately unlinked) name in normalised text; end exclusive."""

    start: int
    end: int
    entry: Entry | None
    adjective: bool = False  # matched through a demonym (الروسي): describes, does not name


@lru_cache(maxsize=1 << 16)
def token_key(token: str) -> str:
    """Key of a normalised token: transliteration folds, definite article dropped."""
    key = fold_key(token)
    if key.startswith("ال") and len(key) >= 4:
        key = key[2:]
    return key


def name_key(name: str) -> tuple[str, ...]:
    """Key sequence of a name as written in the lexicon."""
    return tuple(token_key(t) for t, _, _ in tokens(normalize_text(name)))


_CAPITAL_KEYS = {name_key(c): country for c, country in CAPITALS.items()}


def demonyms(label: str) -> list[str]:
    """Demonym forms generated from a country's Arabic label (روسيا → روسي, روسية…)."""
    toks = [t for t, _, _ in tokens(normalize_text(label))]
    if not toks or len(toks) > 2:
        return []
    stems = []
    for tok in toks:
        base = tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok
        for ending in ("يه", "يا", "ا", "ي"):
            if base.endswith(ending) and len(base) - len(ending) >= 2:
                base = base[: -len(ending)]
                break
        stems.append(base)
    forms = []
    for suffix in ("ي", "يه", "يون", "يين"):
        forms.append(" ".join(stem + suffix for stem in stems))
    if len(stems) == 1:
        forms.append(stems[0])  # collective plural: الروس
    return forms


@lru_cache(maxsize=1 << 16)
def _variants(token: str) -> tuple[tuple[str, int], ...]:
    """(variant, number of chars stripped) for a text token, unstripped first."""
    out = [(token, 0)]
    if token[:1] not in "وفبلك":
        return tuple(out)
    for clitic in _PROCLITICS:
        rest = len(token) - len(clitic)
        if token.startswith(clitic) and rest >= 2:
            stem = token[len(clitic):]
            out.append((stem, len(clitic)))
            if clitic in _DOUBLED_L:
                out.append(("ال" + stem, len(clitic)))
    return tuple(out)


@dataclass
class Lexicon:
    """Entity lexicon compiled for the linker."""

    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[str, list[tuple[tuple[str, ...], Entry | None]]] = field(default_factory=dict)
    names: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    adjectives: set[tuple[str, ...]] = field(default_factory=set)

    @classmethod
    def from_records(cls, records: list[dict[str, Any]]) -> Lexicon:
        """Build from the ``entities`` list of ``entities.yaml``."""
        lex = cls()
        seen: dict[tuple[str, ...], Entry | None] = {}
        generated: dict[tuple[str, ...], Entry] = {}
        for rec in records:
            entry = Entry(str(rec["key"]), rec.get("qid") or None, str(rec.get("type") or "thing"),
                          str(rec.get("label_ar") or ""), str(rec.get("label_en") or ""))
            lex.entries[entry.key] = entry
            names = [entry.label_ar, *(rec.get("aliases_ar") or [])]
            keys = [k for k in (name_key(str(n)) for n in names if n) if k]
            lex.names[entry.key] = keys
            for k in keys:
                lex._add(seen, k, entry)
            for form in rec.get("demonyms_ar") or []:
                if name_key(str(form)):
                    lex._add(seen, name_key(str(form)), entry)
                    lex.adjectives.add(name_key(str(form)))
            if entry.type == "country":
                for form in demonyms(entry.label_ar):
                    generated.setdefault(name_key(form), entry)
        for k, entry in generated.items():
            if k and k not in seen:
                lex._add(seen, k, entry)
                lex.adjectives.add(k)
        lex.index = {}
        for k, entry_or_none in seen.items():
            lex.index.setdefault(k[0], []).append((k, entry_or_none))
        for cands in lex.index.values():
            cands.sort(key=lambda c: -len(c[0]))
        return lex

    @staticmethod
    def _add(seen: dict[tuple[str, ...], Entry | None], k: tuple[str, ...], entry: Entry) -> None:
        if k in seen and seen[k] is not None and seen[k] != entry:
            other = seen[k]
            if other is not None and other.qid != entry.qid:
                seen[k] = None  # ambiguous: never guess
            return
        seen.setdefault(k, entry)

    def lookup(self, name: str) -> Entry | None:
        """The entry a whole name links to exactly (None if unknown or ambiguous)."""
        key = name_key(name)
        for seq, entry in self.index.get(key[0] if key else "", ()):
            if seq == key:
                return entry
        return None

    def state_of(self, entry: Entry) -> Entry:
        """The country a capital stands for, when the lexicon knows it; else ``entry``."""
        if entry.type != "place":
            return entry
        country = _CAPITAL_KEYS.get(name_key(entry.label_ar))
        found = self.lookup(country) if country else None
        return found if found is not None and found.type == "country" else entry

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        """Load ``path`` (default: :func:`default_path`); an absent file gives an empty lexicon."""
        found = Path(path) if path else default_path()
        if found is None:
            return cls()
        data = yaml.safe_load(found.read_text(encoding="utf-8")) or {}
        return cls.from_records(list(data.get("entities") or []))

    def link(self, norm: str) -> list[Mention]:
        """Longest-first, left-to-right mentions in normalised text ``norm``, plus the names
        nested inside a longer one ("وزارة الخارجية في [كوريا الشمالية]")."""
        toks = tokens(norm)
        keys = [token_key(t) for t, _, _ in toks]
        out = self._scan(norm, toks, keys, 0, len(toks), nested=False)
        return sorted(out, key=lambda m: (m.start, -m.end))

    def _scan(self, norm: str, toks: list[tuple[str, int, int]], keys: list[str], i: int,
              stop: int, nested: bool) -> list[Mention]:
        out: list[Mention] = []
        while i < stop:
            found = self._match_at(norm, toks, keys, i)
            if found is None or i + len(found[0]) > stop:
                i += 1
                continue
            seq, skip, entry = found
            length, entry = self._partial_name(norm, toks, keys, i, seq, entry)
            if not nested or (entry is not None and entry.type in _NESTABLE):
                out.append(Mention(toks[i][1] + skip, toks[i + length - 1][2], entry,
                                   entry is not None and seq in self.adjectives))
            if length > 1 and not nested:
                inner = self._scan(norm, toks, keys, i + 1, i + length, nested=True)
                out.extend(m for m in inner if m.entry != entry)
            i += length
        return out

    def _match_at(self, norm: str, toks: list[tuple[str, int, int]], keys: list[str],
                  i: int) -> tuple[tuple[str, ...], int, Entry | None] | None:
        best: tuple[tuple[str, ...], int, Entry | None] | None = None
        for variant, skip in _variants(toks[i][0]):
            for seq, entry in self.index.get(token_key(variant), ()):
                n = len(seq)
                if best and n <= len(best[0]):
                    break
                if i + n <= len(toks) and self._seq_ok(norm, toks, keys, i, seq):
                    best = (seq, skip, entry)
                    break
        return best

    @staticmethod
    def _seq_ok(norm: str, toks: list[tuple[str, int, int]], keys: list[str], i: int,
                seq: tuple[str, ...]) -> bool:
        for k in range(1, len(seq)):
            if keys[i + k] != seq[k] or norm[toks[i + k - 1][2]:toks[i + k][1]].strip() not in _JOINERS:
                return False
        return True

    def _partial_name(self, norm: str, toks: list[tuple[str, int, int]], keys: list[str], i: int,
                      matched: tuple[str, ...], entry: Entry | None) -> tuple[int, Entry | None]:
        """A short alias followed by a different continuation of the full name is someone else
        (كيم جونج إيل is not كيم جونج أون): unlink it and take in the rest of the name."""
        length = len(matched)
        if entry is None or entry.type != "person" or i + length >= len(toks):
            return length, entry
        nxt = keys[i + length]
        if norm[toks[i + length - 1][2]:toks[i + length][1]].strip():
            return length, entry
        for seq in self.names.get(entry.key, ()):
            if len(seq) > length and seq[:length] == matched and seq[length] == nxt:
                extra = 2 if len(seq) > length + 1 and i + length + 1 < len(toks) else 1
                return length + extra, None
        return length, entry


def default_path() -> Path | None:
    """``$SANAD_ENTITIES``, else ``corpus/entities.yaml`` in the working dir or a parent,
    else beside the source tree (editable installs); None when none exists."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        cand = folder / "corpus" / "entities.yaml"
        if cand.is_file():
            return cand
    cand = Path(__file__).resolve().parents[1] / "corpus" / "entities.yaml"
    return cand if cand.is_file() else None
