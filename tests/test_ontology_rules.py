"""The ontology follows its own rules: SPARQL queries over ontology/sanad.ttl that must return
no rows, one test each, and each run on a small broken input that it must catch.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rdflib import Graph
from rdflib.term import Node

from sanad.ontology import sparql_prefixes

from .utils.vocabulary import turtle


@dataclass(frozen=True)
class Rule:
    name: str
    query: str
    broken: str  # Turtle that the rule must flag


SANAD_TERM = """
    ?term a ?type .
    FILTER (STRSTARTS(STR(?term), "https://w3id.org/sanad/") && ?term != <https://w3id.org/sanad/ontology>)
"""

RULES = [
    Rule(
        "every sanad term has rdfs:label in English and in Arabic",
        f"""SELECT DISTINCT ?term WHERE {{
            {SANAD_TERM}
            FILTER (NOT EXISTS {{ ?term rdfs:label ?en FILTER (LANG(?en) = "en") }}
                 || NOT EXISTS {{ ?term rdfs:label ?ar FILTER (LANG(?ar) = "ar") }})
        }}""",
        's:Broken a owl:Class ; rdfs:label "broken"@en .',
    ),
    Rule(
        "every sanad term has an English definition (skos:definition or rdfs:comment)",
        f"""SELECT DISTINCT ?term WHERE {{
            {SANAD_TERM}
            FILTER NOT EXISTS {{
                ?term skos:definition|rdfs:comment ?definition FILTER (LANG(?definition) = "en")
            }}
        }}""",
        's:Broken a owl:Class ; rdfs:label "broken"@en , "مكسور"@ar .',
    ),
    Rule(
        "every sanad term is rdfs:isDefinedBy the sanad ontology",
        f"""SELECT DISTINCT ?term WHERE {{
            {SANAD_TERM}
            FILTER NOT EXISTS {{ ?term rdfs:isDefinedBy <https://w3id.org/sanad/ontology> }}
        }}""",
        "verdict:Broken a skos:Concept .",
    ),
    Rule(
        "reused terms carry English and Arabic labels and are not defined by sanad",
        """SELECT DISTINCT ?term WHERE {
            VALUES ?type { owl:Class rdf:Property owl:ObjectProperty owl:DatatypeProperty
                           owl:AnnotationProperty }
            ?term a ?type .
            FILTER (isIRI(?term) && !STRSTARTS(STR(?term), "https://w3id.org/sanad/"))
            FILTER (NOT EXISTS { ?term rdfs:label ?en FILTER (LANG(?en) = "en") }
                 || NOT EXISTS { ?term rdfs:label ?ar FILTER (LANG(?ar) = "ar") }
                 || EXISTS { ?term rdfs:isDefinedBy <https://w3id.org/sanad/ontology> })
        }""",
        'schema:Thing a owl:Class ; rdfs:label "thing"@en , "شيء"@ar ; '
        "rdfs:isDefinedBy <https://w3id.org/sanad/ontology> .",
    ),
    Rule(
        "every s: property has rdfs:domain and rdfs:range",
        """SELECT DISTINCT ?property WHERE {
            VALUES ?type { rdf:Property owl:ObjectProperty owl:DatatypeProperty }
            ?property a ?type .
            FILTER STRSTARTS(STR(?property), "https://w3id.org/sanad/ontology#")
            FILTER (NOT EXISTS { ?property rdfs:domain ?domain }
                 || NOT EXISTS { ?property rdfs:range ?range })
        }""",
        "s:broken a owl:ObjectProperty ; rdfs:domain schema:Claim .",
    ),
    Rule(
        "every s: class and individual is typed with an s: or reused class, never left untyped",
        """SELECT DISTINCT ?term WHERE {
            { ?term ?p ?o } UNION { ?s ?p ?term }
            FILTER (isIRI(?term) && STRSTARTS(STR(?term), "https://w3id.org/sanad/ontology#"))
            FILTER NOT EXISTS { ?term a ?type }
        }""",
        "s:Broken rdfs:subClassOf prov:Activity .",
    ),
    Rule(
        "every rel: concept is in rel:scheme, an rdf:Property, with @en/@ar prefLabels and a definition",
        """SELECT DISTINCT ?concept WHERE {
            { ?concept a skos:Concept } UNION { ?concept skos:inScheme ?anyScheme }
            FILTER STRSTARTS(STR(?concept), "https://w3id.org/sanad/relation/")
            FILTER (NOT EXISTS { ?concept skos:inScheme rel:scheme }
                 || NOT EXISTS { ?concept a rdf:Property }
                 || NOT EXISTS { ?concept skos:prefLabel ?en FILTER (LANG(?en) = "en") }
                 || NOT EXISTS { ?concept skos:prefLabel ?ar FILTER (LANG(?ar) = "ar") }
                 || NOT EXISTS { ?concept skos:altLabel ?verb FILTER (LANG(?verb) = "ar") }
                 || NOT EXISTS { ?concept skos:definition ?d FILTER (LANG(?d) = "en") })
        }""",
        'rel:broken a skos:Concept ; skos:inScheme rel:scheme ; skos:prefLabel "broken"@en .',
    ),
    Rule(
        "every rel: concept maps to Wikidata or says in a scope note that nothing fits",
        """SELECT DISTINCT ?concept WHERE {
            ?concept skos:inScheme rel:scheme .
            FILTER NOT EXISTS { ?concept skos:exactMatch|skos:closeMatch ?wikidata }
            FILTER NOT EXISTS { ?concept skos:scopeNote ?note FILTER (LANG(?note) = "en") }
        }""",
        "rel:broken skos:inScheme rel:scheme .",
    ),
    Rule(
        "every Wikidata mapping is a direct-property IRI wdt:P<n>, cited in the concept's comment",
        """SELECT DISTINCT ?concept ?target WHERE {
            ?concept skos:exactMatch|skos:closeMatch|skos:broadMatch|skos:narrowMatch|skos:relatedMatch
                     ?target .
            FILTER (REGEX(STR(?target), "^https?://([a-z]+\\\\.)?wikidata\\\\.org/"))
            FILTER (!REGEX(STR(?target), "^http://www\\\\.wikidata\\\\.org/prop/direct/P[1-9][0-9]*$")
                 || NOT EXISTS {
                        ?concept rdfs:comment ?comment
                        FILTER CONTAINS(STR(?comment), STRAFTER(STR(?target), "/direct/"))
                    })
        }""",
        "rel:broken skos:closeMatch <http://www.wikidata.org/entity/Q5> . "
        "rel:broken2 skos:exactMatch wdt:P0530 .",
    ),
    Rule(
        "every verdict concept is in verdict:scale with a notation, a rating value and labels",
        """SELECT DISTINCT ?concept WHERE {
            { ?concept a skos:Concept } UNION { ?concept skos:inScheme ?anyScheme }
            FILTER STRSTARTS(STR(?concept), "https://w3id.org/sanad/verdict/")
            FILTER (NOT EXISTS { ?concept skos:inScheme verdict:scale }
                 || NOT EXISTS { ?concept skos:notation ?notation }
                 || NOT EXISTS { ?concept s:ratingValue ?value FILTER (DATATYPE(?value) = xsd:integer) }
                 || NOT EXISTS { ?concept skos:prefLabel ?en FILTER (LANG(?en) = "en") }
                 || NOT EXISTS { ?concept skos:prefLabel ?ar FILTER (LANG(?ar) = "ar") }
                 || NOT EXISTS { ?concept skos:altLabel ?alt }
                 || NOT EXISTS { ?concept skos:definition ?d FILTER (LANG(?d) = "en") })
        }""",
        'verdict:Broken a skos:Concept ; skos:inScheme verdict:scale ; skos:notation "broken" .',
    ),
    Rule(
        "SKOS labels: one prefLabel per language, no altLabel equal to a prefLabel",
        """SELECT DISTINCT ?concept WHERE {
            { ?concept skos:prefLabel ?a , ?b FILTER (?a != ?b && LANG(?a) = LANG(?b)) }
            UNION
            { ?concept skos:prefLabel ?label ; skos:altLabel ?label }
        }""",
        'rel:broken skos:prefLabel "x"@en ; skos:altLabel "x"@en .',
    ),
    Rule(
        "no two concepts of a scheme share a notation",
        """SELECT DISTINCT ?notation WHERE {
            ?a skos:inScheme ?scheme ; skos:notation ?notation .
            ?b skos:inScheme ?scheme ; skos:notation ?notation .
            FILTER (?a != ?b)
        }""",
        'verdict:A skos:inScheme verdict:scale ; skos:notation "x" . '
        'verdict:B skos:inScheme verdict:scale ; skos:notation "x" .',
    ),
]

QUERY_PREFIXES = sparql_prefixes() + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"


def violations(graph: Graph, rule: Rule) -> list[tuple[Node, ...]]:
    return [tuple(row) for row in graph.query(QUERY_PREFIXES + rule.query)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_ontology_rule(rule: Rule, ontology: Graph) -> None:
    rows = violations(ontology, rule)
    assert not rows, f"{rule.name}: {[tuple(map(str, row)) for row in rows]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_ontology_rule_can_fail(rule: Rule) -> None:
    assert violations(turtle(rule.broken), rule)
