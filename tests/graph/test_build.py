from __future__ import annotations

import dataclasses
import re
import warnings

import pytest
from graph_sample import (
    CANONICAL,
    DATE_PUBLISHED,
    ONTOLOGY,
    S_LETTER,
    S_PRAISE,
    TEXT,
    XSD_DATETIME,
    count,
    extraction,
    iso_date,
    span,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.graph.build import actor_iri, add_extraction, article_iri, edge_iri, graph_of, statement_iri
from kg.graph.vocab import KG, NIF
from kg.model import Letter, Quote, Relation, Span

VOS, HADDAD, COUNCIL, LEDGER = (actor_iri(CANONICAL[k]) for k in ("a1", "a2", "a3", "a4"))
ARTICLE = article_iri("vos-letter")
LETTER = statement_iri("letter", "vos-letter", "l1")
SPEECH = statement_iri("speech", "vos-letter", "s1")


def quote_iri(qid: str) -> URIRef:
    return statement_iri("quote", "vos-letter", qid)


@pytest.fixture
def g(sample, canonical) -> Graph:
    return graph_of([(sample, canonical)])


def conforms(g: Graph, **options) -> tuple[bool, str]:
    with warnings.catch_warnings():  # pyshacl uses rdflib APIs that rdflib 7 deprecates
        warnings.simplefilter("ignore", DeprecationWarning)
        ok, _, report = validate(g, shacl_graph=str(ONTOLOGY / "shapes.ttl"), shacl_graph_format="turtle",
                                 allow_warnings=True, **options)  # sh:Warning results (a quote without a
                                                                  # speaker) do not fail a graph
    return ok, report


def test_graph_of_types_and_labels_actors(g):
    assert (VOS, RDF.type, KG.Person) in g
    assert (COUNCIL, RDF.type, KG.Organization) in g
    assert g.value(VOS, RDFS.label) == Literal("Lena Vos")
    assert list(g.objects(VOS, RDFS.label)) == [Literal("Lena Vos")]
    assert g.value(LEDGER, KG.kind) == Literal("outlet")
    assert (VOS, KG.mentionedIn, ARTICLE) in g


def test_graph_of_alt_labels_every_alias_but_the_label(g):
    assert set(g.objects(VOS, SKOS.altLabel)) == {Literal("Vos"), Literal("Minister Vos")}
    assert set(g.objects(COUNCIL, SKOS.altLabel)) == set()


def test_graph_of_describes_the_article_with_its_text(g, sample):
    assert (ARTICLE, RDF.type, KG.Article) in g
    assert (ARTICLE, RDF.type, NIF.Context) in g
    assert g.value(ARTICLE, NIF.isString) == Literal(TEXT)
    assert g.value(ARTICLE, KG.source) == Literal("The Harbour Times")
    assert g.value(ARTICLE, DATE_PUBLISHED) == iso_date("2024-03-05")


def test_letter_has_senders_recipients_and_evidence(g):
    assert (LETTER, RDF.type, KG.Letter) in g
    assert set(g.objects(LETTER, KG.sender)) == {VOS}
    assert set(g.objects(LETTER, KG.recipient)) == {HADDAD, COUNCIL}
    assert g.value(LETTER, KG.date) == Literal("Monday")  # not ISO: kept as written
    evidence = g.value(LETTER, KG.evidence)
    assert g.value(evidence, NIF.anchorOf) == Literal(S_LETTER)
    assert g.value(LETTER, KG.article) == ARTICLE


def test_letter_implies_sent_letter_to_each_recipient(g):
    assert (VOS, KG.sentLetterTo, HADDAD) in g
    assert (VOS, KG.sentLetterTo, COUNCIL) in g
    edge = edge_iri("sentLetterTo", CANONICAL["a1"], CANONICAL["a3"])
    assert (edge, RDF.subject, VOS) in g and (edge, RDF.object, COUNCIL) in g
    assert g.value(edge, KG.via) == LETTER
    assert g.value(edge, KG.evidence) == g.value(LETTER, KG.evidence)


def test_explicit_sent_letter_to_is_not_duplicated(g):
    edges = set(g.subjects(RDF.predicate, KG.sentLetterTo))
    assert len(edges) == 2
    edge = edge_iri("sentLetterTo", CANONICAL["a1"], CANONICAL["a2"])
    assert len(list(g.objects(edge, KG.evidence))) == 1


def test_edge_evidence_offsets_index_the_article_text(g):
    rows = list(g.query("""
        SELECT ?p ?begin ?end ?anchor ?text WHERE {
            ?edge rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?ev .
            ?ev nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ;
                nif:referenceContext ?article .
            ?article nif:isString ?text .
        }""", initNs={"kg": KG._NS, "nif": NIF._NS}))
    assert {str(r.p).rsplit("#")[1] for r in rows} == {"sentLetterTo", "praised", "quoted"}
    for r in rows:
        assert str(r.text)[int(r.begin):int(r.end)] == str(r.anchor)
    praised = [r for r in rows if r.p == KG.praised]
    assert [str(r.anchor) for r in praised] == [S_PRAISE]


def test_evidence_iri_is_the_article_iri_with_a_char_fragment(g):
    evidence = g.value(LETTER, KG.evidence)
    start = TEXT.index(S_LETTER)
    assert evidence == URIRef(f"{ARTICLE}#char={start},{start + len(S_LETTER)}")


def test_reified_praise_rests_on_the_letter(g):
    edge = edge_iri("praised", CANONICAL["a1"], CANONICAL["a2"])
    assert (VOS, KG.praised, HADDAD) in g
    assert (edge, RDF.type, KG.Edge) in g
    assert g.value(edge, KG.via) == LETTER
    assert g.value(edge, KG.article) == ARTICLE
    assert g.value(edge, KG.sourceCount) == count(1)


def test_quote_part_of_letter_and_speech(g):
    assert g.value(quote_iri("q1"), KG.partOf) == LETTER
    assert g.value(quote_iri("q2"), KG.partOf) == SPEECH  # from Speech.quotes
    assert g.value(quote_iri("q1"), KG.text) == Literal("We stand with you,")
    assert g.value(quote_iri("q1"), KG.speaker) == VOS


def test_quote_without_speaker_has_none(g):
    q3 = quote_iri("q3")
    assert (q3, RDF.type, KG.Quote) in g
    assert g.value(q3, KG.speaker) is None


def test_letter_cites_speech(g):
    assert (LETTER, KG.cites, SPEECH) in g
    assert g.value(SPEECH, KG.speaker) == HADDAD
    assert g.value(SPEECH, KG.occasion) == Literal("Spring Forum")


def test_iso_dates_are_typed():
    ex = extraction(date="2024-03-05T09:30:00")
    ex = dataclasses.replace(ex, letters=(dataclasses.replace(ex.letters[0], date="2024-03-04"),))
    g = graph_of([(ex, CANONICAL)])
    assert g.value(LETTER, KG.date) == iso_date("2024-03-04")
    assert g.value(ARTICLE, DATE_PUBLISHED).datatype == XSD_DATETIME
    assert conforms(g)[0]


def test_statements_naming_unknown_actors_are_skipped(sample):
    actors = {k: v for k, v in CANONICAL.items() if k != "a3"}  # the council is not resolved
    g = graph_of([(sample, actors)])
    assert (LETTER, RDF.type, KG.Letter) not in g
    assert (VOS, KG.sentLetterTo, HADDAD) in g  # the explicit relation still stands
    assert (VOS, KG.praised, HADDAD) in g
    assert g.value(edge_iri("praised", CANONICAL["a1"], CANONICAL["a2"]), KG.via) is None
    assert (quote_iri("q1"), KG.partOf, None) not in g
    assert conforms(g)[0]


def test_letter_without_recipient_is_skipped(sample, canonical):
    ex = dataclasses.replace(sample, letters=(Letter("l2", ("a1",), (), span(S_LETTER)),))
    g = graph_of([(ex, canonical)])
    assert not list(g.subjects(RDF.type, KG.Letter))


def test_evidence_outside_the_text_is_found_again_by_its_words(sample, canonical):
    ex = dataclasses.replace(sample, relations=(
        Relation("praised", "a1", "a2", Span(5000, 5000 + len(S_PRAISE), S_PRAISE)),))
    g = graph_of([(ex, canonical)])
    edge = edge_iri("praised", CANONICAL["a1"], CANONICAL["a2"])
    evidence = g.value(edge, KG.evidence)
    assert int(g.value(evidence, NIF.beginIndex)) == TEXT.index(S_PRAISE)

    lost = dataclasses.replace(sample, relations=(Relation("praised", "a1", "a2", Span(5000, 5010, "nowhere")),))
    assert (VOS, KG.praised, HADDAD) not in graph_of([(lost, canonical)])


def test_source_count_counts_distinct_outlets():
    items = [
        (extraction("a", source="The Harbour Times"), CANONICAL),
        (extraction("b", source="The Harbour Times"), CANONICAL),
        (extraction("c", source="Coast Radio"), CANONICAL),
        (extraction("d", source=None), CANONICAL),
    ]
    g = graph_of(items)
    edge = edge_iri("praised", CANONICAL["a1"], CANONICAL["a2"])
    assert len(set(g.objects(edge, KG.article))) == 4
    assert g.value(edge, KG.sourceCount) == count(3)
    assert len(list(g.objects(edge, KG.sourceCount))) == 1


def test_add_extraction_keeps_source_count_current():
    g = graph_of([(extraction("a", source="The Harbour Times"), CANONICAL)])
    add_extraction(g, extraction("c", source="Coast Radio"), CANONICAL)
    edge = edge_iri("praised", CANONICAL["a1"], CANONICAL["a2"])
    assert g.value(edge, KG.sourceCount) == count(2)


def test_building_twice_gives_an_isomorphic_graph(sample, canonical):
    assert isomorphic(graph_of([(sample, canonical)]), graph_of([(extraction(), dict(CANONICAL))]))


@settings(max_examples=20, deadline=None)
@given(st.permutations([("a", "The Harbour Times"), ("b", "Coast Radio"), ("c", None), ("d", "Coast Radio")]))
def test_building_does_not_depend_on_article_order(order):
    g1 = graph_of((extraction(i, source=s), CANONICAL) for i, s in sorted(order, key=lambda x: x[0]))
    g2 = graph_of((extraction(i, source=s), CANONICAL) for i, s in order)
    assert isomorphic(g1, g2)


def test_built_graph_conforms_to_the_shapes(g):
    ok, report = conforms(g)
    assert ok, report


def test_built_graph_conforms_with_the_ontology_inferred(g):
    """Domains, ranges and superclasses of kg.ttl add types; none may break a shape."""
    ok, report = conforms(g, ont_graph=str(ONTOLOGY / "kg.ttl"), ont_graph_format="turtle", inference="rdfs")
    assert ok, report


def test_letter_lacking_a_recipient_fails_validation(g):
    g.remove((LETTER, KG.recipient, None))
    ok, report = conforms(g)
    assert not ok
    assert "recipient" in report


def test_evidence_whose_anchor_is_not_the_text_fails_validation(g):
    evidence = g.value(LETTER, KG.evidence)
    g.set((evidence, NIF.anchorOf, Literal("Something else entirely")))
    ok, report = conforms(g)
    assert not ok
    assert "anchorOf" in report


def test_reified_edge_without_its_triple_fails_validation(g):
    g.remove((VOS, KG.praised, HADDAD))
    assert not conforms(g)[0]


def test_quote_with_two_texts_fails_validation(g):
    g.add((quote_iri("q1"), KG.text, Literal("another")))
    assert not conforms(g)[0]


def test_only_quotes_and_speeches_carry_speaker_or_text_like_properties(g):
    """An evaluator reads any property named speaker/author/creator/text/content/value."""
    readers = {"speaker", "author", "creator", "text", "content", "value"}
    for s, p, _ in g:
        if re.split(r"[#/]", str(p))[-1] in readers:
            assert {KG.Quote, KG.Speech} & set(g.objects(s, RDF.type)), (s, p)


def test_quote_with_unknown_speaker_is_skipped(sample, canonical):
    ex = dataclasses.replace(sample, quotes=(Quote("q9", "We stand with you,", 0, 1, "a9", span(S_PRAISE)),))
    assert (quote_iri("q9"), None, None) not in graph_of([(ex, canonical)])


def _praised_count(exs) -> int:
    from kg.resolve.actors import resolve

    canon = resolve(exs)
    g = graph_of(zip(exs, canon))
    qaani = canon[0]["a"]
    deif = canon[0]["b"]
    return int(g.value(edge_iri("praised", qaani, deif), KG.sourceCount))


def test_two_outlets_are_two_sources():
    from records import QAANI_JPOST, QAANI_MEHR_ITSELF

    assert _praised_count([QAANI_MEHR_ITSELF, QAANI_JPOST]) == 2


def test_an_article_carrying_another_outlets_content_counts_with_that_outlet():
    from records import QAANI_JPOST, QAANI_MEHR, QAANI_MEHR_ITSELF

    assert _praised_count([QAANI_MEHR, QAANI_MEHR_ITSELF]) == 1  # Tehran Times with Mehr's content, and Mehr
    assert _praised_count([QAANI_MEHR, QAANI_MEHR_ITSELF, QAANI_JPOST]) == 2


def test_evidence_and_article_say_where_the_news_came_from():
    from records import QAANI_MEHR

    from kg.resolve.actors import resolve

    g = graph_of(zip([QAANI_MEHR], resolve([QAANI_MEHR])))
    article = article_iri("mehr-qaani")
    assert g.value(article, KG.origin) == Literal("Mehr News Agency")
    assert g.value(article, KG.source) == Literal("Tehran Times")
    assert {o for ev in g.subjects(RDF.type, KG.Evidence) for o in g.objects(ev, KG.origin)} == \
        {Literal("Mehr News Agency")}
