"""What ``kg stats`` reports: counts by type, the most central actors, communities, the best-corroborated edges."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from kg.analytics.centrality import Ranked, by_degree, by_pagerank
from kg.analytics.communities import communities
from kg.analytics.network import actor_graph, to_networkx
from kg.query.run import run_query

TYPES = ("Person", "Organization", "Article", "Letter", "Speech", "Quote", "Edge", "Evidence")
COUNTS = """
SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES (?class ?type) { (kg:Person "Person") (kg:Organization "Organization") (kg:Article "Article")
                          (kg:Letter "Letter") (kg:Speech "Speech") (kg:Quote "Quote") (kg:Edge "Edge")
                          (kg:Evidence "Evidence") }
  ?x a ?class .
} GROUP BY ?type"""
RELATIONS = """
SELECT ?relation (COUNT(DISTINCT ?edge) AS ?n) WHERE {
  VALUES (?p ?relation) { (kg:sentLetterTo "sentLetterTo") (kg:praised "praised") (kg:quoted "quoted") }
  ?edge rdf:predicate ?p .
} GROUP BY ?relation"""


@dataclass(frozen=True)
class Corroborated:
    source: str
    relation: str
    target: str
    sources: int
    articles: int


@dataclass(frozen=True)
class Stats:
    counts: dict[str, int]  # nodes by type
    relations: dict[str, int]  # edges by relation
    degree: list[Ranked]
    pagerank: list[Ranked]
    communities: list[list[str]]  # actor labels
    corroborated: list[Corroborated]

    def as_dict(self) -> dict:
        return asdict(self)


def stats(target, top: int = 10) -> Stats:
    """Everything ``kg stats`` prints, ``top`` of each ranking."""
    counts = {t: 0 for t in TYPES}
    counts.update({kind.value: int(n.value) for kind, n in run_query(target, COUNTS).rows})
    relations = {r: 0 for r in ("sentLetterTo", "praised", "quoted")}
    relations.update({rel.value: int(n.value) for rel, n in run_query(target, RELATIONS).rows})
    G = to_networkx(target)
    D = actor_graph(G)
    groups = [[D.nodes[n].get("label", n) for n in g] for g in communities(D)]
    edges = [Corroborated(G.nodes[s]["label"], d["relation"], G.nodes[o]["label"], d["sources"], d["articles"])
             for s, o, d in G.edges(data=True)]
    edges.sort(key=lambda e: (-e.sources, -e.articles, e.source, e.relation, e.target))
    return Stats(counts, relations, by_degree(D, top), by_pagerank(D, top), groups[:top], edges[:top])


def stats_text(s: Stats, width: int = 100) -> str:
    """The report as people read it: a section each, aligned."""
    lines = ["Counts"]
    for name, n in s.counts.items():
        lines.append(f"  {name:<14}{n:>9,}")
        if name == "Edge":  # the edges by relation, under their total
            lines += [f"  {'  ' + rel:<14}{m:>9,}" for rel, m in s.relations.items()]
    lines += ["", "Most connected actors (degree: links to and from other actors)"]
    lines += [f"  {_cut(r.label, 48):<48} {int(r.score):>5}  ({r.incoming} in, {r.outgoing} out)" for r in s.degree]
    lines += ["", "Most central actors (PageRank over source-weighted edges)"]
    lines += [f"  {_cut(r.label, 48):<48} {r.score:.4f}" for r in s.pagerank]
    lines += ["", f"Communities (Louvain; the {len(s.communities)} largest)"]
    for i, group in enumerate(s.communities, 1):
        shown = "; ".join(group[:8]) + (f"; … {len(group) - 8} more" if len(group) > 8 else "")
        lines.append(_cut(f"  {i:>2}. ({len(group)}) {shown}", width))
    lines += ["", "Most corroborated edges (independent sources, articles)"]
    lines += [_cut(f"  {e.sources:>3} {e.articles:>4}  {e.source} {e.relation} {e.target}", width)
              for e in s.corroborated]
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
