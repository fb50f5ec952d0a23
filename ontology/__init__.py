"""The sanad vocabulary: namespaces and the path of the ontology file shipped in the wheel."""

from importlib.resources import files
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/sanad/"
S = Namespace(BASE + "ontology#")
REL = Namespace(BASE + "relation/")
VERDICT = Namespace(BASE + "verdict/")
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES: dict[str, Namespace] = {
    "s": S,
    "rel": REL,
    "verdict": VERDICT,
    "id": ID,
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wd": WD,
    "wdt": WDT,
}

__all__ = [
    "BASE",
    "ID",
    "OA",
    "PREFIXES",
    "REL",
    "SCHEMA",
    "VERDICT",
    "WD",
    "WDT",
    "S",
    "ontology_path",
    "sparql_prefixes",
]


def ontology_path() -> Path:
    """Path of ``sanad.ttl`` (ontology, relation vocabulary and verdict scale)."""
    return Path(str(files(__name__).joinpath("sanad.ttl")))


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, for building SPARQL text."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
