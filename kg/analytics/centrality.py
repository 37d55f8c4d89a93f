"""Which actors are central: by degree (their links to and from other actors) and by PageRank.

Both read the actor graph of ``kg.analytics.network.actor_graph``: one edge per ordered
pair of actors, weighted by the number of sources of the letters, praise and quotes
between them, so a link many outlets report counts more.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Ranked:
    node: str
    label: str
    score: float
    incoming: int = 0
    outgoing: int = 0


def by_degree(D: nx.DiGraph, top: int = 10) -> list[Ranked]:
    """Actors with the most links (one per ordered pair, in and out), most first; ties by label."""
    out = [Ranked(n, D.nodes[n].get("label", n), D.in_degree(n) + D.out_degree(n), D.in_degree(n),
                  D.out_degree(n)) for n in D]
    return sorted((r for r in out if r.score > 0), key=lambda r: (-r.score, r.label))[:top]


def by_pagerank(D: nx.DiGraph, top: int = 10) -> list[Ranked]:
    """Actors by PageRank over the weighted edges: those that well-linked actors write to, praise or quote."""
    if D.number_of_edges() == 0:
        return []
    ranks = nx.pagerank(D, weight="weight")
    linked = [n for n in D if D.degree(n) > 0]
    out = [Ranked(n, D.nodes[n].get("label", n), ranks[n], D.in_degree(n), D.out_degree(n)) for n in linked]
    return sorted(out, key=lambda r: (-r.score, r.label))[:top]
