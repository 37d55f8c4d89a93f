"""The actor network, centrality and communities: on a small graph made by hand, and on the real sample store."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.centrality import by_degree, by_pagerank
from kg.analytics.communities import communities
from kg.analytics.network import actor_graph, to_networkx
from kg.query.run import open_target, run_query


def actors(*edges) -> nx.MultiDiGraph:
    """A MultiDiGraph as to_networkx makes it, from (source, relation, target, sources) tuples."""
    G = nx.MultiDiGraph()
    for s, rel, o, n in edges:
        for node in (s, o):
            G.add_node(node, label=node.upper(), type="Person")
        G.add_edge(s, o, key=rel, relation=rel, sources=n, articles=n, weight=n)
    return G


TWO_CAMPS = actors(("a", "praised", "b", 1), ("b", "praised", "a", 1), ("a", "sentLetterTo", "c", 2),
                   ("c", "quoted", "b", 1), ("x", "praised", "y", 1), ("y", "sentLetterTo", "z", 1),
                   ("z", "quoted", "x", 3), ("c", "quoted", "x", 1))


def test_actor_graph_adds_up_sources_of_all_relations_between_a_pair():
    G = actors(("a", "praised", "b", 2), ("a", "quoted", "b", 3), ("b", "praised", "a", 1))
    D = actor_graph(G)
    assert D.edges["a", "b"]["weight"] == 5 and D.edges["b", "a"]["weight"] == 1


def test_degree_counts_links_both_ways_ties_by_label():
    top = by_degree(actor_graph(TWO_CAMPS), top=5)
    assert [(r.node, r.score, r.incoming, r.outgoing) for r in top] == [
        ("a", 3, 1, 2), ("b", 3, 2, 1), ("c", 3, 1, 2), ("x", 3, 2, 1), ("y", 2, 1, 1)]


def test_pagerank_favours_actors_well_linked_actors_point_to():
    ranked = by_pagerank(actor_graph(TWO_CAMPS), top=8)
    assert abs(sum(r.score for r in ranked) - 1) < 1e-6
    assert ranked[0].node == "x"  # z points at x with three sources, and c too
    assert by_pagerank(nx.DiGraph()) == []


def test_communities_split_the_two_camps_the_same_way_every_time():
    groups = communities(actor_graph(TWO_CAMPS))
    assert sorted(map(sorted, groups)) == [["a", "b", "c"], ["x", "y", "z"]]
    assert communities(actor_graph(TWO_CAMPS)) == groups


@pytest.fixture
def store(sample_store):
    with open_target(sample_store) as t:
        yield t


def test_the_sample_network_has_every_actor_and_every_edge(store):
    G = to_networkx(store)
    n_actors = run_query(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { VALUES ?c { kg:Person kg:Organization } "
                                "?a a ?c }").rows[0][0].value
    n_edges = run_query(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Edge }").rows[0][0].value
    assert G.number_of_nodes() == int(n_actors) and G.number_of_edges() == int(n_edges)
    for _, _, key, d in G.edges(keys=True, data=True):
        assert key == d["relation"] in ("sentLetterTo", "praised", "quoted")
        assert d["sources"] >= 1 and d["articles"] >= 1
    for _, d in G.nodes(data=True):
        assert d["type"] in ("Person", "Organization") and d["label"] and d["articles"] >= 1
        assert None not in d.values()


def test_statements_join_the_network_through_their_roles(store):
    G = to_networkx(store, statements=True)
    letters = [n for n, d in G.nodes(data=True) if d["type"] == "Letter"]
    assert letters
    for letter in letters:
        assert any(d["relation"] == "sender" for _, _, d in G.in_edges(letter, data=True))
        assert any(d["relation"] == "recipient" for _, _, d in G.out_edges(letter, data=True))
    quotes = [n for n, d in G.nodes(data=True) if d["type"] == "Quote"]
    assert all(G.nodes[q]["text"] for q in quotes)
