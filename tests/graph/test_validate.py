"""SHACL validation: the shapes cover every class, `make demo`'s export conforms, broken graphs are named."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH

from kg.graph.validate import SHAPES, report_text, union_graph, validate
from kg.graph.vocab import KG, NIF
from kg.query.run import open_target

ROOT = Path(__file__).resolve().parents[2]
LETTER = URIRef("https://w3id.org/newskg/id/letter/tehran-chronicle-karimi-letter/l0")


def test_every_class_of_the_ontology_has_a_shape():
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    shapes = Graph().parse(SHAPES)
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and c in KG}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes and classes <= targeted, sorted(classes - targeted)


def test_a_fresh_build_of_the_examples_conforms_for_pyshacl_itself(sample_ttl):
    """What `make demo` writes to exports/sample.ttl, built afresh (the committed file may lag the code)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ok, _, text = pyshacl_validate(Graph().parse(sample_ttl), shacl_graph=str(SHAPES))
    assert ok, text


def test_a_store_conforms_with_its_provenance(sample_store):
    with open_target(sample_store) as t:
        data = union_graph(t.db)
    assert (None, KG.contentHash, None) in data  # the provenance graph is checked too
    assert not any(str(g).startswith("https://w3id.org/newskg/id/index/") for g in data.subjects())
    report = validate(data)
    assert report.conforms and not report.problems, report_text(report, "store")


@pytest.fixture
def graph(sample_ttl) -> Graph:
    return Graph().parse(sample_ttl)


def test_a_letter_without_recipients_is_a_violation_in_words(graph):
    graph.remove((LETTER, KG.recipient, None))
    report = validate(graph)
    assert not report.conforms
    assert [(p.focus, p.message, p.shape) for p in report.violations] == [
        ("id:letter/tehran-chronicle-karimi-letter/l0", "has no kg:recipient", "LetterShape")]


def test_evidence_that_is_not_the_article_text_is_named(graph):
    evidence = graph.value(LETTER, KG.evidence)
    graph.set((evidence, NIF.anchorOf, Literal("not what the article says")))
    messages = [p.message for p in validate(graph).violations]
    assert any("anchorOf is not the article text" in m for m in messages)


def test_a_quote_without_speaker_is_a_warning_not_a_violation(graph):
    quote = next(graph.subjects(RDF.type, KG.Quote))
    graph.remove((quote, KG.speaker, None))
    report = validate(graph)
    assert report.conforms
    assert [p.message for p in report.warnings] == ["kg:speaker: a quote whose speaker could not be named"]


def test_an_edge_whose_triple_is_not_asserted_is_named(graph):
    edge = next(graph.subjects(RDF.type, KG.Edge))
    s, p, o = (graph.value(edge, x) for x in (RDF.subject, RDF.predicate, RDF.object))
    graph.remove((s, p, o))
    problems = validate(graph).violations
    assert [(x.focus, x.shape) for x in problems] == [("kg:Edge", "EdgesAssertedShape")]
    assert problems[0].message.endswith(str(edge).replace("https://w3id.org/newskg/id/", "id:"))


def test_the_stores_index_must_not_leak_into_an_export(graph):
    graph.add((URIRef("https://w3id.org/newskg/id/form/abc"), RDF.type, KG.NameForm))
    assert [p.shape for p in validate(graph).violations] == ["InternalShape"]


def test_kg_validate_exits_1_on_violations_and_prints_each(kg_cli, sample_ttl, tmp_path, graph):
    ok = kg_cli("validate", sample_ttl)
    assert ok.exit_code == 0 and "conforms to" in ok.stdout and "0 violations" in ok.stdout
    graph.remove((LETTER, KG.sender, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    result = kg_cli("validate", broken)
    assert result.exit_code == 1
    assert "violation id:letter/tehran-chronicle-karimi-letter/l0: has no kg:sender  [LetterShape]" in result.stdout
    assert "does not conform" in result.stdout.splitlines()[-1]


def test_kg_validate_a_store(kg_cli, sample_store):
    result = kg_cli("validate", "--store", sample_store)
    assert result.exit_code == 0, result.stdout
