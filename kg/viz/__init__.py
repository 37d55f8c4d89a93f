"""Offline interactive pictures of the graph: one self-contained HTML page made with pyvis.

    from kg.viz import ViewOptions, visualize
    visualize("kgdata/", "graph.html", ViewOptions(focus="Esmail Qaani", hops=2))

``visualize`` reads a store (read-only) or an RDF file, selects what the options ask
for and writes the page; the returned ``Drawn`` says what it holds and what was left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.viz.dataset import Dataset, open_dataset
from kg.viz.filters import MAX_NODES, Selection, ViewOptions, VizError, select
from kg.viz.offline import check_offline, fetched_urls
from kg.viz.render import render_html, write_html
from kg.viz.view import GraphView, read_view


@dataclass(frozen=True)
class Drawn:
    """What a page shows: nodes and links drawn, the notes on what was left out, the page's size."""

    nodes: int
    links: int
    notes: tuple[str, ...]
    size: int


def actor_finder(data: Dataset):
    """kg.query's actor matching (case- and spelling-tolerant) over ``data``, when kg.query is there."""
    try:
        from kg.query import find_actors
    except ImportError:  # pragma: no cover - kg.query is part of kg; kept apart for partial installs
        return None
    return lambda name: [a.value for a in find_actors(data.db, name)]


def visualize(source: str | Path, output: str | Path, options: ViewOptions | None = None,
              title: str | None = None) -> Drawn:
    """Draw the graph of ``source`` (a store folder or an RDF file) to the HTML file ``output``."""
    data = open_dataset(source)
    selection = select(read_view(data), options or ViewOptions(), actor_finder(data))
    size = write_html(selection, output, title or f"kg: {Path(source).name or source}")
    return Drawn(len(selection.view.nodes), len(selection.view.links), tuple(selection.notes), size)


__all__ = ["Drawn", "GraphView", "MAX_NODES", "Selection", "ViewOptions", "VizError", "check_offline",
           "fetched_urls", "open_dataset", "read_view", "render_html", "select", "visualize", "write_html"]
