"""Import and export of whole datasets: TriG, N-Quads, Turtle and JSON-LD."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from sanad.ontology import PREFIXES

from .batch import Batch
from .errors import InputError, RdfSyntaxError
from .store import Store
from .terms import from_ox, to_ox_quad

__all__ = ["FORMATS", "export_dataset", "format_for_path", "read_batch"]

# Our format names → pyoxigraph's. Turtle holds no named graphs: it exports the union.
FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_SUFFIXES = {
    ".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "jsonld", ".json": "jsonld"
}


def format_for_path(path: Path) -> str:
    """The format name for a file, from its suffix."""
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_SUFFIXES))
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r} (known: {known})") from None


def export_dataset(store: Store, fmt: str) -> str:
    """The store serialized as ``fmt`` (one of :data:`FORMATS`), with sanad's prefixes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    if fmt == "turtle":
        triples = {(s, p, o) for s, p, o, _ in store.quads()}
        quads = [to_ox_quad(s, p, o) for s, p, o in sorted(triples)]
        data = ox.serialize((q.triple for q in quads), format=FORMATS[fmt], prefixes=prefixes)
    else:
        quads = [to_ox_quad(s, p, o, g) for s, p, o, g in sorted(store.quads())]
        data = ox.serialize(quads, format=FORMATS[fmt], prefixes=prefixes if fmt != "nquads" else None)
    return bytes(data or b"").decode("utf-8")


def read_batch(path: Path, fmt: str | None = None, graph: URIRef | None = None) -> Batch:
    """Parse an RDF file into one batch; triples outside a named graph go to ``graph``."""
    fmt = fmt or format_for_path(path)
    if fmt not in FORMATS:
        raise InputError(f"unknown RDF format {fmt!r} (known: {', '.join(FORMATS)})")
    try:
        raw = path.read_bytes()
        raw.decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    batch = Batch(f"import of {path.name}")
    try:
        for quad in ox.parse(raw, format=FORMATS[fmt]):
            name = quad.graph_name
            if isinstance(name, ox.DefaultGraph):
                if graph is None:
                    raise InputError(
                        f"{path}: has triples outside any named graph; give --graph IRI to place them"
                    )
                target = graph
            else:
                target = URIRef(str(from_ox(name)))
            batch.graph(target).add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    except SyntaxError as exc:
        raise RdfSyntaxError(f"{path}: not valid {fmt}: {exc}") from exc
    if len(batch) == 0:
        raise InputError(f"{path}: contains no triples")
    return batch
