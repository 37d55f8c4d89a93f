"""The actor network for Gephi, Cytoscape and spreadsheets: GraphML, GEXF, or nodes.csv + edges.csv.

The network is ``kg.analytics.network.to_networkx``: actors as nodes (label, type, kind,
aliases, articles), ``sentLetterTo``, ``praised`` and ``quoted`` edges with their number
of independent sources and of articles; letters, speeches and quotes too when asked.
"""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from kg.errors import KGError

NETWORK_FORMATS = ("graphml", "gexf", "csv")
NODE_COLUMNS = ("id", "label", "type", "kind", "aliases", "articles", "date", "text")
EDGE_COLUMNS = ("source", "target", "relation", "sources", "articles", "edge")


def write_network(G: nx.MultiDiGraph, dest: str | Path, fmt: str) -> list[Path]:
    """Write ``G`` to ``dest`` (a file; a folder for csv); return the files written."""
    dest = Path(dest)
    if fmt == "graphml":
        nx.write_graphml(G, dest)
        return [dest]
    if fmt == "gexf":
        nx.write_gexf(G, dest)
        return [dest]
    if fmt == "csv":
        return write_csv(G, dest)
    raise KGError(f"unknown network format {fmt!r}: use one of {', '.join(NETWORK_FORMATS)}")


def write_csv(G: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """``folder``/nodes.csv and ``folder``/edges.csv, one row per node and per edge, with a header."""
    if folder.exists() and not folder.is_dir():
        raise KGError(f"{folder} is a file: give -o a folder for nodes.csv and edges.csv")
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    node_cols = [c for c in NODE_COLUMNS if c == "id" or any(c in d for _, d in G.nodes(data=True))]
    with open(nodes, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(node_cols)
        for n, d in G.nodes(data=True):
            w.writerow([n if c == "id" else d.get(c, "") for c in node_cols])
    with open(edges, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(EDGE_COLUMNS)
        for s, o, d in G.edges(data=True):
            w.writerow([s, o, *(d.get(c, "") for c in EDGE_COLUMNS[2:])])
    return [nodes, edges]
