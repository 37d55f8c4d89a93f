from __future__ import annotations

import re

import pytest
from graph_sample import ONTOLOGY
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.graph.vocab import KG

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


def kg_terms(g: Graph) -> set[URIRef]:
    return {t for t in g.all_nodes() if isinstance(t, URIRef) and t.startswith(str(KG._NS))}


def test_kg_lists_exactly_the_terms_declared_in_the_ontology(ontology):
    declared = {s for s, t in ontology.subject_objects(RDF.type) if t in DECLARATIONS and s in kg_terms(ontology)}
    assert declared == set(dir(KG))


def test_every_kg_term_used_in_the_ontology_is_declared(ontology):
    assert kg_terms(ontology) <= set(dir(KG))


def test_every_term_has_a_label_and_a_comment(ontology):
    for term in dir(KG):
        assert ontology.value(term, RDFS.label), term
        assert ontology.value(term, RDFS.comment), term


def test_misspelt_term_is_an_error():
    with pytest.raises(AttributeError):
        KG.sendr


def test_shapes_use_only_declared_terms():
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    in_sparql = {KG._NS[w] for o in shapes.objects(None, None) for w in re.findall(r"\bkg:(\w+)", str(o))}
    used = kg_terms(shapes) | in_sparql
    assert used <= set(dir(KG))
