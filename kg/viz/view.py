"""The graph as a picture sees it: actors and statements as nodes, relations as links, each with its evidence.

``read_view`` asks a dataset (a store or an RDF file) for actors, letters, speeches, quotes,
the reified ``kg:Edge`` relations and the evidence sentences with their articles' outlet,
date and address, and returns plain records for filtering and drawing.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

from rdflib import RDF, RDFS
from rdflib.namespace import SDO, SKOS

from kg.graph.vocab import KG, NIF
from kg.viz.dataset import Dataset

ACTOR_KINDS = {str(KG.Person): "person", str(KG.Organization): "organization"}
STATEMENT_KINDS = {str(KG.Letter): "letter", str(KG.Speech): "speech", str(KG.Quote): "quote"}
RELATIONS = ("sentLetterTo", "praised", "quoted")
"""The actor-to-actor relations, by their local names in the kg: namespace."""
ROLES = ("sender", "recipient", "speaker", "partOf", "cites")
"""The links between actors and statements, shown when statements are."""


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a node or link, and where it was published."""

    sentence: str
    article: str  # the article's IRI
    origin: str  # who the sentence credits (an outlet), or the article: what counts as one source
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    headline: str | None = None


@dataclass(frozen=True)
class Article:
    iri: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    headline: str | None = None


@dataclass
class Node:
    """An actor (person, organization) or a statement (letter, speech, quote)."""

    id: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    detail: str = ""  # an organization's kind, a quote's words, a speech's occasion
    date: str | None = None  # a letter's or speech's own date
    evidence: tuple[Evidence, ...] = ()
    articles: tuple[Article, ...] = ()  # for an actor: the articles that mention it
    parties: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> actor ids, for statements

    @property
    def is_actor(self) -> bool:
        return self.kind in ("person", "organization")

    @property
    def sources(self) -> int:
        """Independent sources: distinct origins of the evidence (an actor counts its articles' outlets)."""
        if self.is_actor:
            return len({a.outlet or a.iri for a in self.articles})
        return len({e.origin for e in self.evidence})

    @property
    def dates(self) -> set[str]:
        """The ISO dates (YYYY-MM-DD) of the articles behind the node."""
        found = (e.date for e in self.evidence) if not self.is_actor else (a.date for a in self.articles)
        return {d[:10] for d in found if d and _iso(d)}


@dataclass
class Link:
    """A relation between two nodes: an actor-to-actor edge, or a role linking an actor and a statement."""

    source: str
    target: str
    relation: str
    count: int = 0  # kg:sourceCount for an edge; a role link takes its statement's
    evidence: tuple[Evidence, ...] = ()
    via: tuple[str, ...] = ()  # the statements an edge rests on

    @property
    def sources(self) -> int:
        return self.count or len({e.origin for e in self.evidence})

    @property
    def dates(self) -> set[str]:
        return {e.date[:10] for e in self.evidence if e.date and _iso(e.date)}


@dataclass
class GraphView:
    """Everything there is to draw: nodes by id, and links between them."""

    nodes: dict[str, Node]
    links: list[Link]

    def actor_links(self) -> list[Link]:
        return [lk for lk in self.links if lk.relation in RELATIONS]

    def role_links(self) -> list[Link]:
        return [lk for lk in self.links if lk.relation in ROLES]


def _iso(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


# --- reading --------------------------------------------------------------------------------------------

PREFIXES = f"""PREFIX kg: <{KG._NS}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
PREFIX schema: <{SDO._NS}>
PREFIX nif: <{NIF._NS}>
"""
ARTICLES = PREFIXES + """SELECT DISTINCT ?a ?outlet ?date ?url ?headline WHERE {
  ?a a kg:Article .
  OPTIONAL { ?a kg:source ?outlet } OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:url ?url } OPTIONAL { ?a schema:headline ?headline }
}"""
EVIDENCE = PREFIXES + """SELECT DISTINCT ?ev ?text ?a ?origin WHERE {
  ?ev a kg:Evidence ; nif:anchorOf ?text ; kg:article ?a .
  OPTIONAL { ?ev kg:origin ?origin }
}"""
ACTORS = PREFIXES + """SELECT DISTINCT ?x ?class ?p ?o WHERE {
  VALUES ?class { kg:Person kg:Organization }
  ?x a ?class .
  OPTIONAL { ?x ?p ?o FILTER(?p IN (rdfs:label, skos:altLabel, kg:kind, kg:mentionedIn)) }
}"""
STATEMENTS = PREFIXES + """SELECT DISTINCT ?x ?class ?p ?o WHERE {
  VALUES ?class { kg:Letter kg:Speech kg:Quote }
  ?x a ?class ; ?p ?o .
  FILTER(?p IN (kg:sender, kg:recipient, kg:speaker, kg:text, kg:date, kg:occasion, kg:partOf, kg:cites,
                kg:evidence))
}"""
EDGES = PREFIXES + """SELECT DISTINCT ?e ?p ?o WHERE {
  ?e a kg:Edge ; ?p ?o .
  FILTER(?p IN (rdf:subject, rdf:predicate, rdf:object, kg:evidence, kg:sourceCount, kg:via))
}"""


def read_view(data: Dataset) -> GraphView:
    """Every actor, statement and relation of ``data``, with evidence."""
    articles = _articles(data)
    evidence = _evidence(data, articles)
    nodes = _actors(data, articles)
    nodes.update(_statements(data, evidence))
    links = _edges(data, evidence) + _roles(nodes)
    links = sorted((lk for lk in links if lk.source in nodes and lk.target in nodes),
                   key=lambda lk: (lk.relation, lk.source, lk.target))
    return GraphView(dict(sorted(nodes.items())), links)


def _articles(data: Dataset) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for r in data.rows(ARTICLES):
        old = out.get(r["a"])
        out[r["a"]] = Article(r["a"], r.get("outlet") or (old and old.outlet), r.get("date") or (old and old.date),
                              r.get("url") or (old and old.url), r.get("headline") or (old and old.headline))
    return out


def _evidence(data: Dataset, articles: dict[str, Article]) -> dict[str, Evidence]:
    out = {}
    for r in data.rows(EVIDENCE):
        a = articles.get(r["a"]) or Article(r["a"])
        out[r["ev"]] = Evidence(r["text"], a.iri, r.get("origin") or a.iri, a.outlet, a.date, a.url, a.headline)
    return out


def _actors(data: Dataset, articles: dict[str, Article]) -> dict[str, Node]:
    about: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    for r in data.rows(ACTORS):
        kinds[r["x"]] = ACTOR_KINDS[r["class"]]
        if "p" in r:
            about[r["x"]][r["p"]].append(r["o"])
    out = {}
    for iri, kind in kinds.items():
        props = about[iri]
        labels = sorted(set(props[str(RDFS.label)]))
        label = labels[0] if labels else _local_name(iri)
        aliases = tuple(sorted(set(props[str(SKOS.altLabel)]) - {label}))
        mentioned = tuple(articles.get(a) or Article(a) for a in sorted(set(props[str(KG.mentionedIn)])))
        detail = ", ".join(sorted(set(props[str(KG.kind)])))
        out[iri] = Node(iri, kind, label, aliases, detail, articles=mentioned)
    return out


def _statements(data: Dataset, evidence: dict[str, Evidence]) -> dict[str, Node]:
    about: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    for r in data.rows(STATEMENTS):
        kinds[r["x"]] = STATEMENT_KINDS[r["class"]]
        about[r["x"]][r["p"]].append(r["o"])
    out = {}
    for iri, kind in kinds.items():
        props = {p.rsplit("#", 1)[-1]: sorted(set(v)) for p, v in about[iri].items()}
        found = tuple(sorted((evidence[e] for e in props.get("evidence", ()) if e in evidence),
                             key=lambda e: (e.date or "", e.article, e.sentence)))
        parties = {role: tuple(props[role]) for role in ROLES if props.get(role)}
        when = props.get("date", [None])[0]
        text = props.get("text", [""])[0]
        occasion = props.get("occasion", [""])[0]
        out[iri] = Node(iri, kind, _statement_label(kind, when, text, occasion), (), text or occasion, when,
                        found, parties=parties)
    return out


def _statement_label(kind: str, when: str | None, text: str, occasion: str) -> str:
    if kind == "quote":
        words = " ".join(text.split())
        return "\u201c" + (words[:28].rstrip() + "\u2026" if len(words) > 30 else words) + "\u201d"
    if kind == "speech" and occasion:
        return "speech: " + (occasion[:28].rstrip() + "\u2026" if len(occasion) > 30 else occasion)
    return f"{kind} {when}" if when else kind


def _edges(data: Dataset, evidence: dict[str, Evidence]) -> list[Link]:
    about: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in data.rows(EDGES):
        about[r["e"]][r["p"]].append(r["o"])
    out = []
    for iri in sorted(about):
        props = about[iri]
        subject, predicate, obj = (props[str(t)][0] if props[str(t)] else None
                                   for t in (RDF.subject, RDF.predicate, RDF.object))
        relation = predicate.rsplit("#", 1)[-1] if predicate else None
        if subject is None or obj is None or relation not in RELATIONS:
            continue
        found = tuple(sorted((evidence[e] for e in set(props[str(KG.evidence)]) if e in evidence),
                             key=lambda e: (e.date or "", e.article, e.sentence)))
        counts = [int(c) for c in props[str(KG.sourceCount)] if c.isdigit()]
        out.append(Link(subject, obj, relation, max(counts, default=0), found, tuple(sorted(set(props[str(KG.via)])))))
    return out


def _roles(nodes: dict[str, Node]) -> list[Link]:
    """Links from senders and speakers to their statements, from letters to recipients, quotes to letters."""
    out = []
    for node in nodes.values():
        if node.is_actor:
            continue
        count = node.sources
        for role, others in node.parties.items():
            for other in others:
                if role in ("sender", "speaker"):
                    out.append(Link(other, node.id, role, count, node.evidence))
                else:
                    out.append(Link(node.id, other, role, count, node.evidence))
    return out


def _local_name(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1]).replace("-", " ")
