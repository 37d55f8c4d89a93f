"""Choosing what to draw: statements or collapsed edges, relations, sources, dates, focus and size."""
from __future__ import annotations

from datetime import date

import pytest
from viz.names import HAMAS, HANIYEH, LETTER, LONELY, QAANI, QUOTE, SPEECH
from viz.synthetic import synthetic_turtle

from kg.viz import ViewOptions, VizError, open_dataset, read_view, select


def triples(selection):
    return {(lk.source, lk.relation, lk.target) for lk in selection.view.links}


def test_statements_are_drawn_between_their_actors_and_replace_the_letters_edge(tiny):
    s = select(tiny, ViewOptions())
    assert {LETTER, QUOTE, SPEECH} <= set(s.view.nodes)
    assert (QAANI, "sentLetterTo", HANIYEH) not in triples(s)  # the letter node stands for it
    assert {(QAANI, "sender", LETTER), (LETTER, "recipient", HANIYEH)} <= triples(s)


def test_collapse_keeps_only_actors_and_their_edges(tiny):
    s = select(tiny, ViewOptions(statements=False))
    assert {n.kind for n in s.view.nodes.values()} == {"person", "organization"}
    assert triples(s) == {(QAANI, "sentLetterTo", HANIYEH), (HANIYEH, "praised", HAMAS), (HAMAS, "quoted", QAANI)}


def test_an_actor_without_any_link_is_left_out_and_noted(tiny):
    s = select(tiny, ViewOptions(statements=False))
    assert LONELY not in s.view.nodes
    assert any("1 node with no link left out" in n for n in s.notes)


def test_relation_keeps_its_edges_and_the_statements_they_rest_on(tiny):
    s = select(tiny, ViewOptions(relations=("praised",)))
    assert triples(s) == {(HANIYEH, "praised", HAMAS)}
    assert set(s.view.nodes) == {HANIYEH, HAMAS}
    letters = select(tiny, ViewOptions(relations=("sentLetterTo",)))
    assert LETTER in letters.view.nodes and SPEECH not in letters.view.nodes


def test_min_sources_keeps_what_two_outlets_report(tiny):
    s = select(tiny, ViewOptions(min_sources=2, statements=False))
    assert triples(s) == {(QAANI, "sentLetterTo", HANIYEH)}
    with_statements = select(tiny, ViewOptions(min_sources=2))
    assert set(with_statements.view.nodes) == {QAANI, HANIYEH, LETTER}


def test_dates_keep_what_articles_of_the_period_report(tiny):
    s = select(tiny, ViewOptions(since=date(2024, 4, 1), statements=False))
    assert triples(s) == {(QAANI, "sentLetterTo", HANIYEH), (HANIYEH, "praised", HAMAS)}  # not the undated quote
    early = select(tiny, ViewOptions(until=date(2024, 3, 31), statements=False))
    assert triples(early) == {(QAANI, "sentLetterTo", HANIYEH)}


def test_focus_by_another_name_in_any_case_takes_the_neighbourhood(tiny):
    one = select(tiny, ViewOptions(focus="ghaani", hops=1, statements=False))
    assert set(one.view.nodes) == {QAANI, HANIYEH, HAMAS}
    zero = select(tiny, ViewOptions(focus="Esmail Qaani", hops=0, statements=False))
    assert set(zero.view.nodes) == {QAANI}


def test_a_letter_between_two_actors_is_one_hop_as_its_edge_is(tiny):
    s = select(tiny, ViewOptions(focus="Esmail Qaani", hops=1, relations=("sentLetterTo",)))
    assert {QAANI, LETTER, HANIYEH} <= set(s.view.nodes)


def test_focus_uses_the_finder_when_one_is_given(tiny):
    s = select(tiny, ViewOptions(focus="the commander", hops=0), find=lambda name: [QAANI])
    assert set(s.view.nodes) == {QAANI}


def test_unknown_focus_names_the_close_actors(tiny):
    with pytest.raises(VizError, match=r"no actor is named 'Esmail Qani' \(close: Esmail Qaani"):
        select(tiny, ViewOptions(focus="Esmail Qani"))


@pytest.mark.parametrize("options, message", [
    (ViewOptions(relations=("praisd",)), "unknown relation praisd"),
    (ViewOptions(hops=-1), "--hops must be 0 or more"),
    (ViewOptions(max_nodes=0), "--max-nodes must be at least 1"),
    (ViewOptions(since=date(2024, 5, 1), until=date(2024, 1, 1)), "swap them"),
])
def test_bad_options_say_what_to_give(tiny, options, message):
    with pytest.raises(VizError, match=message):
        select(tiny, options)


def test_above_max_nodes_the_most_central_are_kept_and_the_reduction_is_told(tmp_path):
    path = tmp_path / "big.ttl"
    path.write_text(synthetic_turtle(300, 100), encoding="utf-8")
    view = read_view(open_dataset(path))
    s = select(view, ViewOptions(statements=False, max_nodes=50))
    assert len(s.view.nodes) == 50 and s.total == 300
    assert any("kept the 50 most central" in n and "left out 250" in n for n in s.notes)
    full = select(view, ViewOptions(statements=False))
    ranked = sorted(full.centrality.values(), reverse=True)
    assert min(full.centrality[n] for n in s.view.nodes) == ranked[49]
    assert all(lk.source in s.view.nodes and lk.target in s.view.nodes for lk in s.view.links)
