"""Which part of the graph to draw: relations, sources, dates, an actor's neighbourhood, and a size limit.

``select`` applies the options in a fixed order (statements shown or collapsed, relations,
sources, dates, focus, isolated nodes, size) and says in ``notes`` what each step left
out, so the command and the page can tell the reader what they are looking at.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from kg.errors import KGError
from kg.viz.view import RELATIONS, GraphView, Link, Node

MAX_NODES = 2000
"""Above this many nodes the page is no longer usable: the most central are kept."""
STATEMENT_HOP = 0.5
"""A link to a statement is half a hop: sender -> letter -> recipient is one hop, as sentLetterTo is."""


class VizError(KGError):
    """The view asked for cannot be drawn: an unknown actor or relation, a bad limit."""


@dataclass(frozen=True)
class ViewOptions:
    """What to draw; the defaults draw everything up to ``MAX_NODES`` nodes."""

    focus: str | None = None  # an actor's label or other name
    hops: int = 1
    relations: tuple[str, ...] = ()  # empty: all of RELATIONS
    min_sources: int = 1
    since: date | None = None
    until: date | None = None
    statements: bool = True  # False: only actors, joined by sentLetterTo, praised and quoted
    max_nodes: int = MAX_NODES


@dataclass
class Selection:
    """The part of the graph to draw, each node's centrality, and what was left out and why."""

    view: GraphView
    centrality: dict[str, float]
    notes: list[str] = field(default_factory=list)
    total: int = 0  # nodes before the size limit


Finder = Callable[[str], list[str]]
"""Actor IRIs a name names (kg.query.find_actors over the dataset), best matches first."""


def select(view: GraphView, options: ViewOptions, find: Finder | None = None) -> Selection:
    """The nodes and links ``options`` ask for, with notes on what was left out."""
    check_options(options)
    notes: list[str] = []
    nodes, links = dict(view.nodes), list(view.links)
    nodes, links = _statements_shown(nodes, links, options.statements)
    nodes, links = _relations(nodes, links, options.relations, notes)
    nodes, links = _sources(nodes, links, options.min_sources, notes)
    nodes, links = _dates(nodes, links, options.since, options.until, notes)
    if options.focus:
        actors = focus_actors(view, options.focus, find)
        nodes, links = _neighbourhood(nodes, links, actors, options.hops, notes, options.focus)
    nodes, links = _linked(nodes, links, notes)
    graph = _graph(nodes, links)
    centrality = nx.degree_centrality(graph) if len(graph) > 1 else {n: 1.0 for n in graph}
    total = len(nodes)
    if total > options.max_nodes:
        keep = set(sorted(nodes, key=lambda n: (-centrality[n], nodes[n].label, n))[:options.max_nodes])
        notes.append(f"the view has {total:,} nodes, more than --max-nodes {options.max_nodes:,}: kept the "
                     f"{options.max_nodes:,} most central (by degree) and left out {total - options.max_nodes:,}; "
                     "narrow it with --focus, --relation, --min-sources, --since/--until or --collapse")
        nodes = {n: v for n, v in nodes.items() if n in keep}
        links = [lk for lk in links if lk.source in keep and lk.target in keep]
    return Selection(GraphView(nodes, links), {n: centrality[n] for n in nodes}, notes, total)


def check_options(options: ViewOptions) -> None:
    unknown = [r for r in options.relations if r not in RELATIONS]
    if unknown:
        raise VizError(f"unknown relation {', '.join(unknown)}: --relation takes any of {', '.join(RELATIONS)}, "
                       "separated by commas")
    if options.hops < 0:
        raise VizError(f"--hops must be 0 or more, not {options.hops}")
    if options.max_nodes < 1:
        raise VizError(f"--max-nodes must be at least 1, not {options.max_nodes}")
    if options.since and options.until and options.since > options.until:
        raise VizError(f"--since {options.since} is after --until {options.until}: swap them")


def _statements_shown(nodes: dict[str, Node], links: list[Link], shown: bool):
    """With statements: drop sentLetterTo edges drawn as their letters. Without: drop statements."""
    if shown:
        return nodes, [lk for lk in links
                       if not (lk.relation == "sentLetterTo" and lk.via and all(v in nodes for v in lk.via))]
    actors = {n: v for n, v in nodes.items() if v.is_actor}
    return actors, [lk for lk in links if lk.source in actors and lk.target in actors]


def _relations(nodes, links, relations: tuple[str, ...], notes: list[str]):
    """Only edges of ``relations``, and the statements they rest on (letters, for sentLetterTo)."""
    if not relations or set(relations) == set(RELATIONS):
        return nodes, links
    wanted = set(relations)
    kept = [lk for lk in links if lk.relation not in RELATIONS or lk.relation in wanted]
    statements = {v for lk in kept if lk.relation in RELATIONS for v in lk.via}
    if "sentLetterTo" in wanted:
        statements |= {n for n, v in nodes.items() if v.kind == "letter"}
    dropped = {n for n, v in nodes.items() if not v.is_actor and n not in statements}
    notes.append(f"only {', '.join(relations)}" + (f" ({len(dropped)} statements that carry none of them left out)"
                                                  if dropped else ""))
    return ({n: v for n, v in nodes.items() if n not in dropped},
            [lk for lk in kept if lk.source not in dropped and lk.target not in dropped])


def _sources(nodes, links, least: int, notes: list[str]):
    """Only edges and statements with at least ``least`` independent sources."""
    if least <= 1:
        return nodes, links
    dropped = {n for n, v in nodes.items() if not v.is_actor and v.sources < least}
    kept = [lk for lk in links if lk.source not in dropped and lk.target not in dropped
            and (lk.relation not in RELATIONS or lk.sources >= least)]
    notes.append(f"only edges and statements with at least {least} independent sources "
                 f"({len(links) - len(kept)} links left out)")
    return {n: v for n, v in nodes.items() if n not in dropped}, kept


def _dates(nodes, links, since: date | None, until: date | None, notes: list[str]):
    """Only edges and statements reported in an article dated within [since, until]."""
    if since is None and until is None:
        return nodes, links
    low, high = (since or date.min).isoformat(), (until or date.max).isoformat()

    def within(dates: set[str]) -> bool:
        return any(low <= d <= high for d in dates)

    dropped = {n for n, v in nodes.items() if not v.is_actor and not within(v.dates)}
    kept = [lk for lk in links if lk.source not in dropped and lk.target not in dropped
            and (lk.relation not in RELATIONS or within(lk.dates))]
    span = f"from {since or 'the start'} to {until or 'the end'}"
    notes.append(f"only what articles dated {span} report ({len(links) - len(kept)} links left out; "
                 "undated articles count as outside)")
    return {n: v for n, v in nodes.items() if n not in dropped}, kept


def focus_actors(view: GraphView, name: str, find: Finder | None = None) -> list[str]:
    """The actors ``name`` names: by the finder when given, else by label or other name in any case."""
    found = [a for a in (find(name) if find else []) if a in view.nodes]
    if not found:
        wanted = " ".join(name.split()).casefold()
        found = sorted(n for n, v in view.nodes.items()
                       if v.is_actor and wanted in {x.casefold() for x in (v.label, *v.aliases)})
    if found:
        return found
    names = sorted({x for v in view.nodes.values() if v.is_actor for x in (v.label, *v.aliases)})
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f" (close: {', '.join(close)})" if close else ""
    raise VizError(f"no actor is named {name!r}{hint}: give --focus a name or other name of an actor, as "
                   "`kg actors --store DIR` lists them")


def _neighbourhood(nodes, links, actors: list[str], hops: int, notes: list[str], name: str):
    """The nodes within ``hops`` of the focus actors, a link to a statement counting half a hop."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for lk in links:
        weight = 1.0 if lk.relation in RELATIONS else STATEMENT_HOP
        if not graph.has_edge(lk.source, lk.target) or graph[lk.source][lk.target]["weight"] > weight:
            graph.add_edge(lk.source, lk.target, weight=weight)
    starts = [a for a in actors if a in graph]
    reach = nx.multi_source_dijkstra_path_length(graph, starts, cutoff=hops, weight="weight") if starts else {}
    labels = ", ".join(nodes[a].label if a in nodes else a for a in actors)
    notes.append(f"only what lies within {hops} hop{'s' if hops != 1 else ''} of {labels}"
                 + (f" (named by {name!r})" if labels.casefold() != name.casefold() else ""))
    keep = set(reach) | set(starts)
    return ({n: v for n, v in nodes.items() if n in keep},
            [lk for lk in links if lk.source in keep and lk.target in keep])


def _linked(nodes, links, notes: list[str]):
    """Drop nodes that no link reaches: an actor only mentioned, a quote with no speaker."""
    linked = {lk.source for lk in links} | {lk.target for lk in links}
    alone = [n for n in nodes if n not in linked]
    if alone and links:
        notes.append(f"{len(alone)} node{'s' if len(alone) != 1 else ''} with no link left out")
    return {n: v for n, v in nodes.items() if n in linked or not links}, links


def _graph(nodes: dict[str, Node], links: list[Link]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((lk.source, lk.target) for lk in links)
    return graph
