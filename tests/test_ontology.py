"""The ontology (ontology/sanad.ttl) and the shapes (shapes/*.ttl) agree.

Sync tests compare full IRIs: every class a shape targets or requires is declared in the
ontology, every path a shape uses is a declared property, every class minted by sanad has a
node shape (deliberate exceptions below, with the reason). The ontology's own rules are in
test_ontology_rules.py.

Each check is also run on a small broken input that it must catch, so that none of them can pass
by looking at nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from sanad.ontology import REL, VERDICT, S

from .utils.vocabulary import SHAPES_NS, turtle

SANAD_NS = "https://w3id.org/sanad/"
ONTOLOGY_IRI = URIRef("https://w3id.org/sanad/ontology")

PROPERTY_TYPES = (RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

# Classes minted by sanad that deliberately have no node shape.
CLASSES_WITHOUT_SHAPE: dict[URIRef, str] = {
    S.Modality: "closed enumeration of vocabulary individuals; checked by sh:in on s:modality",
    S.ReviewStatus: "closed enumeration of vocabulary individuals; checked by sh:in on s:reviewStatus",
    S.KnowledgeMethod: "closed enumeration of vocabulary individuals; checked by sh:in on s:knownBy",
    S.SimilarityKind: "closed enumeration of vocabulary individuals; checked by sh:in on s:similarityKind",
}

# The relation names the extractor and the corpus YAML use: a contract, not a sample.
RELATIONS = {
    "meet", "visit", "supplyWeaponsTo", "supplyTo", "helpBuild", "provideTechnologyTo",
    "holdJointExercisesWith", "sendTroopsTo", "sendWorkersTo", "sanction", "discussWith",
    "support", "cooperateWith", "violate", "invade", "warn", "deny",
}

# YAML key -> (verdict concept, s:ratingValue).
VERDICTS = {
    "true": (VERDICT["True"], 5),
    "mostly_true": (VERDICT.MostlyTrue, 4),
    "mixed": (VERDICT.Mixed, 3),
    "misleading": (VERDICT.Misleading, 2),
    "mostly_false": (VERDICT.MostlyFalse, 2),
    "false": (VERDICT["False"], 1),
    "unproven": (VERDICT.Unproven, 0),
}

# --------------------------------------------------------------------------------------
#  Sync between shapes and ontology
# --------------------------------------------------------------------------------------


def declared_classes(ontology: Graph) -> set[Node]:
    return set(ontology.subjects(RDF.type, OWL.Class))


def declared_properties(ontology: Graph) -> set[Node]:
    return {p for t in PROPERTY_TYPES for p in ontology.subjects(RDF.type, t)}


def path_iris(shapes: Graph, path: Node) -> Iterator[URIRef]:
    """Every property IRI in a SHACL property path expression."""
    if isinstance(path, URIRef):
        yield path
        return
    if (path, RDF.first, None) in shapes:  # sequence path
        for step in Collection(shapes, path):
            yield from path_iris(shapes, step)
        return
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        for step in Collection(shapes, alternatives):
            yield from path_iris(shapes, step)
        return
    for wrapper in (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
        inner = shapes.value(path, wrapper)
        if inner is not None:
            yield from path_iris(shapes, inner)
            return
    raise AssertionError(f"unknown path expression {path!r}")


def undeclared_classes(shapes: Graph, ontology: Graph) -> set[Node]:
    used = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH["class"]))
    return used - declared_classes(ontology)


def undeclared_paths(shapes: Graph, ontology: Graph) -> set[Node]:
    used = {iri for path in shapes.objects(None, SH.path) for iri in path_iris(shapes, path)}
    return used - declared_properties(ontology)


def sanad_classes_without_shape(shapes: Graph, ontology: Graph) -> set[Node]:
    ours = {c for c in declared_classes(ontology) if isinstance(c, URIRef) and c in S}
    targeted = set(shapes.objects(None, SH.targetClass))
    return ours - targeted - set(CLASSES_WITHOUT_SHAPE)


def classes_with_several_shapes(shapes: Graph, _ontology: Graph) -> set[Node]:
    targets = list(shapes.objects(None, SH.targetClass))
    return {c for c in targets if targets.count(c) > 1}


def sh_in_values_not_declared(shapes: Graph, ontology: Graph) -> set[Node]:
    """IRIs of sanad's namespaces listed in sh:in that the ontology does not type."""
    values = {v for lst in shapes.objects(None, SH["in"]) for v in Collection(shapes, lst)}
    return {
        v for v in values
        if isinstance(v, URIRef) and str(v).startswith(SANAD_NS)
        and ontology.value(v, RDF.type) is None
    }


def constraints_without_message(shapes: Graph, _ontology: Graph) -> set[Node]:
    """Property shapes, SPARQL constraints and node shapes with node-level constraints that
    lack an English sh:message."""
    node_level = (SH.nodeKind, SH["class"], SH["or"], SH["node"], SH.pattern, SH["in"], SH["not"])
    checked = set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.sparql))
    checked |= {
        s for s in shapes.subjects(RDF.type, SH.NodeShape)
        if any((s, p, None) in shapes for p in node_level)
    }
    return {
        c for c in checked
        if not any(isinstance(m, Literal) and m.language == "en"
                   for m in shapes.objects(c, SH.message))
    }


def shapes_without_readable_iri(shapes: Graph, _ontology: Graph) -> set[Node]:
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property))
    named |= set(shapes.objects(None, SH.sparql))
    return {s for s in named if not (isinstance(s, URIRef) and str(s).startswith(SHAPES_NS))}


@dataclass(frozen=True)
class SyncCheck:
    name: str
    problems: Callable[[Graph, Graph], set[Node]]
    broken_shapes: str  # a shapes snippet that the check must flag against the real ontology


SYNC_CHECKS = [
    SyncCheck(
        "every class used by a shape is declared in the ontology",
        undeclared_classes,
        "shp:X a sh:NodeShape ; sh:targetClass s:NoSuchClass .",
    ),
    SyncCheck(
        "every sh:path IRI is a declared property",
        undeclared_paths,
        "shp:X a sh:NodeShape ; sh:property shp:X-p . "
        "shp:X-p sh:path ( schema:appearance [ sh:zeroOrMorePath s:noSuchProperty ] ) .",
    ),
    SyncCheck(
        "every class minted by sanad has a node shape",
        sanad_classes_without_shape,
        "shp:X a sh:NodeShape ; sh:targetClass s:Appearance .",  # only one of many
    ),
    SyncCheck(
        "no class has two node shapes",
        classes_with_several_shapes,
        "shp:X a sh:NodeShape ; sh:targetClass s:Appearance . "
        "shp:Y a sh:NodeShape ; sh:targetClass s:Appearance .",
    ),
    SyncCheck(
        "every sanad IRI in an sh:in list is declared",
        sh_in_values_not_declared,
        "shp:X-p sh:path s:modality ; sh:in ( s:Asserted s:Rumoured ) .",
    ),
    SyncCheck(
        "every constraint has an English sh:message",
        constraints_without_message,
        "shp:X a sh:NodeShape ; sh:property shp:X-p . shp:X-p sh:path schema:text ; sh:minCount 1 .",
    ),
    SyncCheck(
        "every shape has a readable IRI in the shapes namespace",
        shapes_without_readable_iri,
        'shp:X a sh:NodeShape ; sh:property [ sh:path schema:text ; sh:message "m"@en ] .',
    ),
]


@pytest.mark.parametrize("check", SYNC_CHECKS, ids=lambda c: c.name)
def test_shapes_and_ontology_in_sync(check: SyncCheck, shapes: Graph, ontology: Graph) -> None:
    problems = check.problems(shapes, ontology)
    assert not problems, f"{check.name}: {sorted(map(str, problems))}"


@pytest.mark.parametrize("check", SYNC_CHECKS, ids=lambda c: c.name)
def test_sync_check_can_fail(check: SyncCheck, ontology: Graph) -> None:
    assert check.problems(turtle(check.broken_shapes), ontology)


def test_exceptions_are_current(shapes: Graph, ontology: Graph) -> None:
    """The exception list names real sanad classes that really have no shape."""
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in CLASSES_WITHOUT_SHAPE:
        assert cls in declared_classes(ontology), cls
        assert cls not in targeted, f"{cls} has a shape now: drop it from the exceptions"


def test_node_shapes_cover_instance_classes(shapes: Graph) -> None:
    """The classes that instance data uses, as docs/data-model.md lists them, each have a shape.

    prov:Entity, prov:Activity and prov:Agent have none of their own: instance data always
    carries them beside a class that has one (schema:NewsArticle, s:HandCheck, schema:Person…).
    """
    expected = {
        "http://schema.org/NewsArticle", "http://schema.org/Claim", "http://schema.org/ClaimReview",
        "http://schema.org/Rating", "http://schema.org/Person", "http://schema.org/Organization",
        "http://www.w3.org/ns/oa#TextPositionSelector", "http://www.w3.org/ns/oa#TextQuoteSelector",
        "http://www.w3.org/ns/prov#SoftwareAgent", "http://schema.org/Country",
        "http://schema.org/Place", "http://schema.org/Event", "http://schema.org/Thing",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
        str(S.Appearance), str(S.FieldEvidence), str(S.ClaimVersion), str(S.HandCheck),
        str(S.Extraction), str(S.UnnamedSource), str(S.UnlinkedEntity),
        str(S.ClaimCluster), str(S.ClusterMembership),
    }
    assert {str(c) for c in shapes.objects(None, SH.targetClass)} == expected


def test_relation_vocabulary_names(ontology: Graph) -> None:
    concepts = {c for c in ontology.subjects(SKOS.inScheme, REL.scheme)}
    assert {str(c)[len(str(REL)):] for c in concepts} == RELATIONS
    assert all(isinstance(c, URIRef) and c in REL for c in concepts)


def test_verdict_scale_keys_and_values(ontology: Graph) -> None:
    found = {
        str(ontology.value(c, SKOS.notation)): (c, ontology.value(c, S.ratingValue).toPython())
        for c in ontology.subjects(SKOS.inScheme, VERDICT.scale)
    }
    assert found == VERDICTS


def test_ontology_header(ontology: Graph) -> None:
    """Header: an owl:Ontology with a version IRI, dcterms:modified, title and comment."""
    dcterms = "http://purl.org/dc/terms/"
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert ontology.value(ONTOLOGY_IRI, URIRef(dcterms + "modified")) is not None
    assert ontology.value(ONTOLOGY_IRI, URIRef(dcterms + "title")) is not None
    assert ontology.value(ONTOLOGY_IRI, RDFS.comment) is not None


def test_shapes_sh_in_matches_enumerations(shapes: Graph, ontology: Graph) -> None:
    """The sh:in lists of the shapes are exactly the individuals of the ontology's enumeration
    classes and the concepts of the verdict scale."""
    lists = {
        frozenset(Collection(shapes, lst)) for lst in shapes.objects(None, SH["in"])
        if any(isinstance(v, URIRef) and str(v).startswith(SANAD_NS)
               for v in Collection(shapes, lst))
    }
    enumerations = {frozenset(ontology.subjects(RDF.type, c)) for c in CLASSES_WITHOUT_SHAPE}
    verdicts = frozenset(ontology.subjects(SKOS.inScheme, VERDICT.scale))
    assert lists == enumerations | {verdicts}


def test_ontology_has_no_blank_nodes(ontology: Graph) -> None:
    """The ontology is written to the store as id:graph-vocabulary like any batch, and Virtuoso 7
    refuses blank nodes in INSERT DATA."""
    blank = {n for triple in ontology for n in triple if isinstance(n, BNode)}
    assert not blank, f"{len(blank)} blank nodes, e.g. {sorted(blank)[:3]}"
