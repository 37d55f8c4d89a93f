"""Groups of actors more linked to each other than to the rest (Louvain modularity, networkx)."""
from __future__ import annotations

import networkx as nx

SEED = 0  # Louvain visits nodes in random order: a fixed seed gives the same groups every run


def communities(D: nx.DiGraph, smallest: int = 2) -> list[list[str]]:
    """Groups of at least ``smallest`` actors (node ids), largest first, each sorted by label."""
    U = nx.Graph()
    U.add_nodes_from(n for n in D if D.degree(n) > 0)
    for s, o, d in D.edges(data=True):
        w = d.get("weight", 1) + (U.edges[s, o]["weight"] if U.has_edge(s, o) else 0)
        U.add_edge(s, o, weight=w)
    if U.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(U, weight="weight", seed=SEED)

    def label(n: str) -> str:
        return D.nodes[n].get("label", n)

    out = [sorted(g, key=label) for g in groups if len(g) >= smallest]
    return sorted(out, key=lambda g: (-len(g), label(g[0])))
