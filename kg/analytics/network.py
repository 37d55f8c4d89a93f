"""The graph as a networkx graph: actors as nodes, who sent letters to, praised and quoted whom as edges.

    G = to_networkx(target)                   # nx.MultiDiGraph, keyed by relation
    G.nodes["https://w3id.org/newskg/id/actor/khalil-haddad"]
    # {'label': 'Khalil Haddad', 'type': 'Person', 'aliases': 'Haddad; Sheikh Haddad', 'articles': 1}
    G.edges[yousef, khalil, "praised"]        # {'relation': 'praised', 'sources': 1, 'articles': 1, ...}

Node ids are IRIs. Every attribute is a string or a number (never None), so the graph
writes to GraphML and GEXF as it is. With ``statements=True`` the letters, speeches and
quotes are nodes too, linked to their actors by ``sender``, ``recipient`` and ``speaker``
edges and to the letter or speech a quote is part of by ``partOf``.
"""
from __future__ import annotations

import networkx as nx

from kg.query.named import run_named
from kg.query.run import run_query

EDGES = """
SELECT ?edge ?s ?p ?o ?sources (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?edge rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:article ?article .
  OPTIONAL { ?edge kg:sourceCount ?sources }
  VALUES ?p { kg:sentLetterTo kg:praised kg:quoted }
} GROUP BY ?edge ?s ?p ?o ?sources"""
STATEMENTS = """
SELECT ?statement ?type (MIN(?when) AS ?date) (MIN(?words) AS ?text) (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  VALUES (?class ?type) { (kg:Letter "Letter") (kg:Speech "Speech") (kg:Quote "Quote") }
  ?statement a ?class ; kg:article ?article .
  OPTIONAL { ?statement kg:date ?when }
  OPTIONAL { ?statement kg:text|kg:occasion ?words }
} GROUP BY ?statement ?type"""
ROLES = """
SELECT DISTINCT ?statement ?role ?other WHERE {
  VALUES (?p ?role) { (kg:sender "sender") (kg:recipient "recipient") (kg:speaker "speaker") (kg:partOf "partOf") }
  ?statement ?p ?other .
}"""
LABEL_WORDS = 8


def to_networkx(target, statements: bool = False) -> nx.MultiDiGraph:
    """Actors and the edges between them (one per relation and direction), from a target or store."""
    G = nx.MultiDiGraph()
    for actor, name, kind_of, kind, aliases, articles in sorted(run_named(target, "actors").rows,
                                                                  key=lambda r: r[0].value):
        G.add_node(actor.value, **_attrs(label=name.value, type=kind_of.value, kind=_v(kind),
                                         aliases=_v(aliases), articles=int(articles.value)))
    for edge, s, p, o, sources, articles in sorted(run_query(target, EDGES).rows, key=lambda r: r[0].value):
        if s.value in G and o.value in G:
            relation = p.value.rsplit("#", 1)[1]
            n = int(sources.value) if sources is not None else 1
            G.add_edge(s.value, o.value, key=relation, relation=relation, sources=n,
                       articles=int(articles.value), weight=n, edge=edge.value)
    if statements:
        add_statements(G, target)
    return G


def add_statements(G: nx.MultiDiGraph, target) -> None:
    """Letters, speeches and quotes as nodes, with sender, recipient, speaker and partOf edges."""
    for node, kind, date, text, articles in sorted(run_query(target, STATEMENTS).rows, key=lambda r: r[0].value):
        G.add_node(node.value, **_attrs(label=_label(kind.value, _v(text), _v(date)), type=kind.value,
                                        date=_v(date), text=_v(text), articles=int(articles.value)))
    for node, role, other in sorted(run_query(target, ROLES).rows, key=lambda r: (r[0].value, r[1].value,
                                                                                     r[2].value)):
        if node.value not in G or other.value not in G:
            continue
        if role.value == "recipient" or role.value == "partOf":
            G.add_edge(node.value, other.value, key=role.value, relation=role.value)
        else:
            G.add_edge(other.value, node.value, key=role.value, relation=role.value)


def actor_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Actors only, one edge per ordered pair, weighted by the sources of all its relations."""
    D = nx.DiGraph()
    actors = [n for n, d in G.nodes(data=True) if d.get("type") in ("Person", "Organization")]
    D.add_nodes_from((n, G.nodes[n]) for n in actors)
    for s, o, d in G.edges(data=True):
        if s in D and o in D and d.get("relation") in ("sentLetterTo", "praised", "quoted"):
            w = D.edges[s, o]["weight"] if D.has_edge(s, o) else 0
            D.add_edge(s, o, weight=w + d.get("sources", 1))
    return D


def _label(kind: str, text: str | None, date: str | None) -> str:
    words = (text or "").split()
    short = " ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else "")
    return " ".join(x for x in (kind, date, f"“{short}”" if short else "") if x)


def _v(term) -> str | None:
    return None if term is None else term.value


def _attrs(**values) -> dict:
    return {k: v for k, v in values.items() if v is not None and v != ""}
