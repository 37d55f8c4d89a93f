"""Reading a graph for drawing: actors, statements, relations, and the evidence behind each."""
from __future__ import annotations

from collections import Counter

import pytest
from viz.names import HAMAS, HANIYEH, LETTER, QAANI, QUOTE, SPEECH

from kg.errors import StoreError
from kg.viz import open_dataset, read_view


def test_read_view_finds_every_actor_and_statement_by_kind(tiny):
    kinds = Counter(n.kind for n in tiny.nodes.values())
    assert kinds == {"person": 2, "organization": 2, "letter": 1, "speech": 1, "quote": 1}
    assert tiny.nodes[QAANI].label == "Esmail Qaani"
    assert tiny.nodes[QAANI].aliases == ("Ghaani", "Qaani")
    assert tiny.nodes[SPEECH].detail == "Quds Day"
    assert tiny.nodes[QUOTE].detail == "We stand beside you"


def test_read_view_links_actors_by_relation_and_statements_by_role(tiny):
    links = {(lk.source, lk.relation, lk.target) for lk in tiny.links}
    assert (QAANI, "sentLetterTo", HANIYEH) in links
    assert (HANIYEH, "praised", HAMAS) in links
    assert (HAMAS, "quoted", QAANI) in links
    assert {(QAANI, "sender", LETTER), (LETTER, "recipient", HANIYEH), (HANIYEH, "speaker", SPEECH),
            (QAANI, "speaker", QUOTE), (QUOTE, "partOf", LETTER)} <= links


def test_an_edge_carries_its_sources_and_each_sentence_with_outlet_date_and_url(tiny):
    letter_edge = next(lk for lk in tiny.links if lk.relation == "sentLetterTo")
    assert letter_edge.sources == 2
    assert letter_edge.via == (LETTER,)
    assert [(e.outlet, e.date, e.url) for e in letter_edge.evidence] == [
        ("Tasnim", "2024-03-04", "https://tasnim.example/1"), ("Al Jazeera", "2024-05-01", "https://jazeera.example/2")]
    assert letter_edge.evidence[0].sentence == "Qaani sent a letter to Ismail Haniyeh."


def test_a_statement_counts_the_outlets_that_report_it(tiny):
    assert tiny.nodes[LETTER].sources == 2
    assert tiny.nodes[LETTER].dates == {"2024-03-04", "2024-05-01"}
    assert tiny.nodes[SPEECH].sources == 1


def test_a_trig_export_reads_like_the_turtle_it_holds(tiny, tiny_path, tmp_path):
    import pyoxigraph as ox

    trig = tmp_path / "tiny.trig"
    db = ox.Store()
    db.load(path=str(tiny_path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/newskg/id/graph/x"))
    db.dump(str(trig), format=ox.RdfFormat.TRIG)
    again = read_view(open_dataset(trig))
    assert set(again.nodes) == set(tiny.nodes)
    assert sorted((lk.source, lk.relation, lk.target) for lk in again.links) == \
        sorted((lk.source, lk.relation, lk.target) for lk in tiny.links)


@pytest.mark.parametrize("name, problem", [
    ("missing.ttl", "there is no file or store"),
    ("graph.csv", "cannot tell the format"),
])
def test_open_dataset_says_what_to_give_instead(tmp_path, name, problem):
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("a,b\n")
    with pytest.raises(StoreError, match=problem):
        open_dataset(path)


def test_open_dataset_refuses_a_folder_that_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="there is no store"):
        open_dataset(tmp_path)


def test_open_dataset_reports_bad_turtle_with_the_parser_message(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match="not valid"):
        open_dataset(path)
