"""Draw a selection as one self-contained HTML page with pyvis: vis-network, styles and data all inline.

pyvis builds the nodes, edges and options; the page is rendered from our own template
(``templates/graph.html``), which inlines the vis-network script and stylesheet shipped
in the pyvis package and adds a legend, a details panel and a search box, and no
Bootstrap or other CDN link. ``check_offline`` verifies the result fetches nothing.

Tooltips are HTML built here with every piece of article text escaped; the page turns
them into elements (vis-network shows a plain string as text).
"""
from __future__ import annotations

import math
from html import escape
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import pyvis
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from kg.viz.filters import Selection
from kg.viz.offline import check_offline
from kg.viz.view import RELATIONS, Evidence, Link, Node

STYLES = {  # node kind -> (colour, vis-network shape, legend name)
    "person": ("#0072B2", "dot", "person"),
    "organization": ("#E69F00", "square", "organization"),
    "letter": ("#009E73", "diamond", "letter"),
    "speech": ("#CC79A7", "triangle", "speech"),
    "quote": ("#8C8C8C", "star", "quote"),
}
LINK_COLOURS = {
    "sentLetterTo": "#009E73", "praised": "#D55E00", "quoted": "#56B4E9",
    "sender": "#A0A0A0", "recipient": "#A0A0A0", "speaker": "#A0A0A0", "partOf": "#C8C8C8", "cites": "#C8C8C8",
}
SHOWN_EVIDENCE = 5
"""Evidence sentences a tooltip lists before saying how many more there are."""
SENTENCE_CHARS = 400
VIS = "vis-9.1.2"


# --- tooltips -------------------------------------------------------------------------------------------

def _link(url: str | None, text: str) -> str:
    """An article link, only for http(s) addresses; the text alone otherwise."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(text)}</a>'
    return escape(text)


def _where(outlet: str | None, when: str | None, url: str | None, headline: str | None) -> str:
    parts = [escape(p) for p in (outlet, when) if p]
    if url or headline:
        parts.append(_link(url, headline or "article"))
    return " \u00b7 ".join(parts) or "an undated article of unknown outlet"


def _cut(text: str, n: int = SENTENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n].rstrip() + "\u2026"


def evidence_html(evidence: tuple[Evidence, ...]) -> str:
    """The sentences, each with its outlet, date and a link to the article."""
    items = [f'<li><q>{escape(_cut(e.sentence))}</q><br><span class="where">'
             f'{_where(e.outlet, e.date, e.url, e.headline)}</span></li>' for e in evidence[:SHOWN_EVIDENCE]]
    more = len(evidence) - SHOWN_EVIDENCE
    if more > 0:
        items.append(f"<li>and {more} more</li>")
    return f'<ul class="evidence">{"".join(items)}</ul>' if items else ""


def node_tooltip(node: Node, labels: dict[str, str]) -> str:
    """What hovering a node shows: its name and kind, other names, and where it was reported."""
    kind = STYLES[node.kind][2] + (f" ({node.detail})" if node.is_actor and node.detail else "")
    out = [f"<b>{escape(node.label)}</b> <i>{escape(kind)}</i>"]
    if node.aliases:
        out.append(f"<div>also named: {escape(', '.join(node.aliases))}</div>")
    if node.is_actor:
        out.append(f"<div>mentioned in {len(node.articles)} article{'s' if len(node.articles) != 1 else ''}:</div>")
        items = [f"<li>{_where(a.outlet, a.date, a.url, a.headline or a.iri.rsplit('/', 1)[-1])}</li>"
                 for a in node.articles[:SHOWN_EVIDENCE]]
        if len(node.articles) > SHOWN_EVIDENCE:
            items.append(f"<li>and {len(node.articles) - SHOWN_EVIDENCE} more</li>")
        out.append(f'<ul class="evidence">{"".join(items)}</ul>')
        return "".join(out)
    for role, who in node.parties.items():
        out.append(f"<div>{escape(role)}: {escape(', '.join(labels.get(a, a) for a in who))}</div>")
    if node.kind == "quote" and node.detail:
        out.append(f"<div><q>{escape(_cut(node.detail))}</q></div>")
    elif node.detail:
        out.append(f"<div>occasion: {escape(node.detail)}</div>")
    if node.date:
        out.append(f"<div>date: {escape(node.date)}</div>")
    out.append(f"<div>{node.sources} independent source{'s' if node.sources != 1 else ''}:</div>")
    out.append(evidence_html(node.evidence))
    return "".join(out)


def link_tooltip(link: Link, labels: dict[str, str]) -> str:
    """What hovering a link shows: who did what to whom, how many sources say so, and the sentences."""
    source, target = labels.get(link.source, link.source), labels.get(link.target, link.target)
    out = [f"<b>{escape(source)}</b> {escape(link.relation)} <b>{escape(target)}</b>"]
    if link.evidence:  # an edge's own, or for a role link its statement's
        n = link.sources
        out.append(f"<div>{n} independent source{'s' if n != 1 else ''}:</div>")
        out.append(evidence_html(link.evidence))
    return "".join(out)


# --- the page -------------------------------------------------------------------------------------------

def physics(n: int) -> dict:
    """Force-directed layout that settles: a fixed budget of iterations (fewer for big graphs), then off.

    The page turns physics off when stabilization ends, so the graph stays still.
    """
    iterations = max(100, min(400, 100_000 // max(n, 1)))
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"theta": 0.5 if n <= 100 else 1.0, "gravitationalConstant": -60,
                             "centralGravity": 0.01, "springLength": 100, "springConstant": 0.08,
                             "damping": 0.4, "avoidOverlap": 0.2},
        "minVelocity": 1.0,
        "timestep": 0.5,
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
    }


def vis_options(n: int) -> dict:
    big = n > 300
    return {
        "physics": physics(n),
        "layout": {"improvedLayout": n <= 100, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
                        "multiselect": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3}},
    }


def node_size(centrality: float, most: float) -> float:
    return round(8 + 32 * math.sqrt(centrality / most), 1) if most > 0 else 12.0


def link_width(sources: int) -> float:
    return min(10.0, 1.0 + 1.5 * (max(sources, 1) - 1))


def parallel_curves(links: list[Link]) -> dict[int, dict]:
    """Curves for links that share their two nodes, so they do not draw over each other; others stay straight.

    vis-network's "dynamic" curves would do this for every edge, at the cost of a physics node each.
    """
    pairs: dict[frozenset, list[int]] = {}
    for i, lk in enumerate(links):
        pairs.setdefault(frozenset((lk.source, lk.target)), []).append(i)
    out = {}
    for members in pairs.values():
        if len(members) > 1:
            for k, i in enumerate(members):
                out[i] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 + 0.2 * k, 2)}
    return out


def network(selection: Selection) -> Network:
    """The pyvis network of a selection: styled nodes and links with tooltips, and the layout options."""
    view = selection.view
    labels = {n: v.label for n, v in view.nodes.items()}
    most = max(selection.centrality.values(), default=0.0)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node in sorted(view.nodes.values(), key=lambda v: v.id):
        colour, shape, _ = STYLES[node.kind]
        net.add_node(node.id, label=node.label, shape=shape, color=colour,
                     size=node_size(selection.centrality.get(node.id, 0.0), most),
                     title=node_tooltip(node, labels), kind=node.kind)
    curves = parallel_curves(view.links)
    for i, lk in enumerate(view.links):
        dashed = lk.relation in ("partOf", "cites")
        net.add_edge(lk.source, lk.target, label=lk.relation, title=link_tooltip(lk, labels),
                     width=link_width(lk.sources) if lk.relation in RELATIONS else 1,
                     color=LINK_COLOURS[lk.relation], dashes=dashed, relation=lk.relation, sources=lk.sources,
                     **({"smooth": curves[i]} if i in curves else {}))
    net.options = vis_options(len(view.nodes))
    return net


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(files("kg.viz") / "templates")), autoescape=False)


def _vis_file(name: str) -> str:
    """A file of the vis-network build pyvis ships (9.1.2), to inline."""
    return (Path(pyvis.__file__).parent / "templates" / "lib" / VIS / name).read_text(encoding="utf-8")


def render_html(selection: Selection, title: str) -> str:
    """The page: pyvis's nodes, edges and options in our template, checked to fetch nothing."""
    net = network(selection)
    net.heading = title
    net.templateEnv = _environment()
    net.path = "graph.html"
    kinds = sorted({v.kind for v in selection.view.nodes.values()}, key=list(STYLES).index)
    relations = sorted({lk.relation for lk in selection.view.links}, key=list(LINK_COLOURS).index)
    net.templateEnv.globals.update(
        legend_nodes=[(k, *STYLES[k]) for k in kinds],
        legend_links=[(r, LINK_COLOURS[r]) for r in relations],
        notes=selection.notes,
        counts={"nodes": len(selection.view.nodes), "links": len(selection.view.links), "total": selection.total},
        vis_js=_vis_file("vis-network.min.js"),
        vis_css=_vis_file("vis-network.css"),
    )
    html = net.generate_html(name="graph.html")
    check_offline(html)
    return html


def write_html(selection: Selection, path: str | Path, title: str) -> int:
    """Write the page to ``path``; return its size in bytes."""
    data = render_html(selection, title).encode("utf-8")
    Path(path).write_bytes(data)
    return len(data)
