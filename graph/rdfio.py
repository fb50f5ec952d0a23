"""Import and export of whole datasets: TriG, N-Quads, Turtle and JSON-LD."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from sanad.ontology import PREFIXES

from .batch import Batch
from .errors import InputError, RdfSyntaxError
from .store import Store

__all__ = ["FORMATS", "dataset_of", "export_dataset", "format_for_path", "read_batch"]

# Our format names → rdflib's. Turtle holds no named graphs: it exports the union.
FORMATS = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "jsonld": "json-ld"}
_SUFFIXES = {
    ".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "jsonld", ".json": "jsonld"
}


def format_for_path(path: Path) -> str:
    """The format name for a file, from its suffix."""
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_SUFFIXES))
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r} (known: {known})") \
            from None


def dataset_of(store: Store) -> Dataset:
    """Every quad of the store in an rdflib Dataset, with sanad's prefixes bound."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, replace=True)
    for s, p, o, g in store.quads():
        dataset.add((s, p, o, g))
    return dataset


def export_dataset(store: Store, fmt: str) -> str:
    """The store serialized as ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    dataset = dataset_of(store)
    if fmt == "turtle":
        union = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format="turtle")
    return dataset.serialize(format=FORMATS[fmt])


def read_batch(path: Path, fmt: str | None = None, graph: URIRef | None = None) -> Batch:
    """Parse an RDF file into one batch; triples outside a named graph go to ``graph``."""
    fmt = fmt or format_for_path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    dataset = Dataset()
    try:
        dataset.parse(data=text, format=FORMATS[fmt], publicID=graph)
    except Exception as exc:  # rdflib has no common parser error base
        raise RdfSyntaxError(f"{path}: not valid {fmt}: {exc}") from exc
    batch = Batch(f"import of {path.name}")
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g is None or g == DATASET_DEFAULT_GRAPH_ID:
            if graph is None:
                raise InputError(
                    f"{path}: has triples outside any named graph; give --graph IRI to place them"
                )
            g = graph
        batch.graph(URIRef(g)).add((s, p, o))
    if len(batch) == 0:
        raise InputError(f"{path}: contains no triples")
    return batch
