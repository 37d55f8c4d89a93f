"""`kg stats` and the network exports (GraphML, GEXF, CSV) on the real sample store."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from kg.analytics.stats import stats, stats_text
from kg.graph.store import KGStore
from kg.query.run import open_target


@pytest.fixture
def summary(sample_store):
    with open_target(sample_store) as t:
        return stats(t, top=5)


def test_counts_agree_with_the_store(sample_store, summary):
    with KGStore(sample_store, create=False) as store:
        counts = store.counts()
    assert summary.counts["Article"] == counts["articles"]
    assert summary.counts["Person"] + summary.counts["Organization"] == counts["actors"]
    for ours, theirs in (("Letter", "letters"), ("Speech", "speeches"), ("Quote", "quotes"), ("Edge", "edges")):
        assert summary.counts[ours] == counts[theirs]
    assert sum(summary.relations.values()) == counts["edges"]


def test_rankings_communities_and_corroboration(summary):
    assert summary.degree[0].label == "Yousef Karimi"
    assert len(summary.degree) == len(summary.pagerank) == 5
    assert all(len(group) >= 2 for group in summary.communities)
    assert any("Yousef Karimi" in group and "Khalil Haddad" in group for group in summary.communities)
    twice = {(e.source, e.relation, e.target) for e in summary.corroborated if e.sources >= 2}
    assert ("Yousef Karimi", "quoted", "Ali Khamenei") in twice  # the Tehran Chronicle and the Gulf Observer
    assert [e.sources for e in summary.corroborated] == sorted((e.sources for e in summary.corroborated), reverse=True)
    text = stats_text(summary)
    for heading in ("Counts", "Most connected actors", "PageRank", "Communities", "Most corroborated edges"):
        assert heading in text
    counts = text.split("\n\n")[0].splitlines()
    edge = next(i for i, line in enumerate(counts) if line.split()[0] == "Edge")
    assert [line.split()[0] for line in counts[edge + 1:edge + 4]] == ["sentLetterTo", "praised", "quoted"]


def test_kg_stats_prints_text_and_json(kg_cli, sample_store, sample_ttl):
    text = kg_cli("stats", "--store", sample_store)
    assert text.exit_code == 0 and text.stdout.startswith("Counts\n")
    data = json.loads(kg_cli("stats", "--graph", sample_ttl, "--top", "3", "--format", "json").stdout)
    assert set(data) == {"counts", "relations", "degree", "pagerank", "communities", "corroborated"}
    assert len(data["pagerank"]) == 3


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_files_read_back_with_every_node_and_edge(kg_cli, sample_store, tmp_path, fmt, read):
    path = tmp_path / f"actors.{fmt}"
    result = kg_cli("export", "--store", sample_store, "-o", path)  # the extension picks the format
    assert result.exit_code == 0, result.stderr
    with open_target(sample_store) as t:
        from kg.analytics.network import to_networkx
        G = to_networkx(t)
    back = read(path)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    karimi = "https://w3id.org/newskg/id/actor/yousef-karimi"
    assert back.nodes[karimi]["label"] == "Yousef Karimi"


def test_csv_export_writes_nodes_and_edges(kg_cli, sample_store, tmp_path):
    folder = tmp_path / "network"
    result = kg_cli("export", "--store", sample_store, "--format", "csv", "-o", folder, "--statements")
    assert result.exit_code == 0, result.stderr
    nodes = list(csv.DictReader(open(folder / "nodes.csv", encoding="utf-8")))
    edges = list(csv.DictReader(open(folder / "edges.csv", encoding="utf-8")))
    ids = {n["id"] for n in nodes}
    assert {"Person", "Organization", "Letter", "Quote"} <= {n["type"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    assert {"sentLetterTo", "praised", "quoted", "sender", "recipient", "speaker"} <= {e["relation"] for e in edges}


def test_rdf_exports_still_work_and_csv_needs_a_folder(kg_cli, sample_store, tmp_path):
    assert kg_cli("export", "--store", sample_store, "-o", tmp_path / "all.trig").exit_code == 0
    (tmp_path / "file").write_text("x")
    result = kg_cli("export", "--store", sample_store, "--format", "csv", "-o", tmp_path / "file")
    assert result.exit_code == 1 and "give -o a folder" in result.stderr
