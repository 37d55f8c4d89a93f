"""Turn the records of each article into RDF: actors, statements, edges and their evidence.

Every IRI is made from the article id, the record id or the canonical actor id, never
from a counter or a random part, so building the same input twice gives the same graph.
Each actor-to-actor edge is asserted as a plain triple (``actor kg:praised actor``) and
reified as one ``kg:Edge`` per triple, which gathers the evidence, articles and
statements of every article that supports it.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS

from kg.graph.vocab import ID, KG, NIF
from kg.model import (
    ORGANIZATION,
    PERSON,
    Article,
    CanonicalActor,
    Extraction,
    Letter,
    Quote,
    Relation,
    Span,
    Speech,
)

log = logging.getLogger(__name__)

PREFIXES = {
    "kg": KG._NS,
    "schema": SDO._NS,
    "prov": PROV._NS,
    "skos": SKOS._NS,
    "rdfs": RDFS._NS,
    "foaf": FOAF._NS,
    "nif": NIF._NS,
    "xsd": XSD._NS,
    "dcterms": DCTERMS._NS,
}
RELATIONS = {"sentLetterTo": KG.sentLetterTo, "praised": KG.praised, "quoted": KG.quoted}
ACTOR_CLASSES = {PERSON: KG.Person, ORGANIZATION: KG.Organization}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?")


def _slug(s: str) -> str:
    return quote(s, safe="")


def actor_iri(actor: CanonicalActor) -> URIRef:
    """``id:actor/esmail-qaani``."""
    return ID["actor/" + _slug(actor.id)]


def article_iri(article_id: str) -> URIRef:
    """``id:article/seed-000``; evidence IRIs extend it with ``#char=B,E``."""
    return ID["article/" + _slug(article_id)]


def statement_iri(kind: str, article_id: str, record_id: str) -> URIRef:
    """``id:letter/seed-000/l1``: stable because record ids are stable within an article."""
    return ID[f"{kind}/{_slug(article_id)}/{_slug(record_id)}"]


def edge_iri(kind: str, source: CanonicalActor, target: CanonicalActor) -> URIRef:
    """``id:edge/praised/esmail-qaani/mohammed-deif``: one reified node per asserted triple."""
    return ID[f"edge/{kind}/{_slug(source.id)}/{_slug(target.id)}"]


def graph_of(items: Iterable[tuple[Extraction, Mapping[str, CanonicalActor]]]) -> Graph:
    """One graph, with the usual prefixes bound, from every article and its actor mapping."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for ex, actors in items:
        add_extraction(g, ex, actors)
    return g


def add_extraction(g: Graph, ex: Extraction, actors: Mapping[str, CanonicalActor]) -> None:
    """Add one article's records; ``actors`` maps each ``Actor.key`` to its canonical actor.

    A statement or edge naming an actor missing from ``actors`` is skipped, as is one
    whose evidence cannot be placed in the article text.
    """
    _ArticleBuilder(g, ex, actors).build()


def _literal_date(value: str) -> Literal:
    """xsd:date for "2021-05-20", xsd:dateTime for "2021-05-20T09:30:00", the words as written otherwise."""
    match = ISO_DATE.fullmatch(value)
    if match:
        try:
            (datetime if match[1] else date).fromisoformat(value)
            return Literal(value, datatype=XSD.dateTime if match[1] else XSD.date)
        except ValueError:
            pass
    return Literal(value)


def _count_sources(g: Graph, edge: URIRef) -> None:
    """Set kg:sourceCount: distinct outlets of the edge's articles, an article without one counting alone."""
    sources = {g.value(a, KG.source) or a for a in g.objects(edge, KG.article)}
    g.set((edge, KG.sourceCount, Literal(len(sources), datatype=XSD.nonNegativeInteger)))


class _ArticleBuilder:
    """Adds one Extraction to a graph; holds the IRIs made so far so records can link up."""

    def __init__(self, g: Graph, ex: Extraction, actors: Mapping[str, CanonicalActor]):
        self.g = g
        self.ex = ex
        self.actors = {k: a for k, a in actors.items() if a.type in ACTOR_CLASSES}
        for a in actors.values():
            if a.type not in ACTOR_CLASSES:
                log.debug("%s: skipped actor %s of unknown type %r", ex.article.id, a.id, a.type)
        self.article = article_iri(ex.article.id)
        self.made: dict[str, URIRef] = {}  # record id -> IRI of the letter, speech or quote added
        self.edges: set[URIRef] = set()

    def build(self) -> None:
        self.add_article(self.ex.article)
        for actor in self.actors.values():
            self.add_actor(actor)
        for speech in self.ex.speeches:
            self.add_speech(speech)
        for letter in self.ex.letters:
            self.add_letter(letter)
        container = {q: s.id for s in (*self.ex.letters, *self.ex.speeches) for q in s.quotes}
        for q in self.ex.quotes:
            self.add_quote(q, q.part_of or container.get(q.id))
        for rel in self.ex.relations:
            self.add_relation(rel)
        for edge in self.edges:
            _count_sources(self.g, edge)

    def add_article(self, a: Article) -> None:
        g, node = self.g, self.article
        g.add((node, RDF.type, KG.Article))
        g.add((node, RDF.type, NIF.Context))
        g.add((node, NIF.isString, Literal(a.text)))
        if a.source:
            g.add((node, KG.source, Literal(a.source)))
        if a.date:
            g.add((node, SDO.datePublished, _literal_date(a.date)))
        if a.url:
            g.add((node, SDO.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.title:
            g.add((node, SDO.headline, Literal(a.title)))

    def add_actor(self, actor: CanonicalActor) -> None:
        g, node = self.g, actor_iri(actor)
        g.add((node, RDF.type, ACTOR_CLASSES[actor.type]))
        g.add((node, RDFS.label, Literal(actor.name)))
        for alias in actor.aliases:
            if alias != actor.name:
                g.add((node, SKOS.altLabel, Literal(alias)))
        if actor.kind:
            g.add((node, KG.kind, Literal(actor.kind)))
        g.add((node, KG.mentionedIn, self.article))

    def add_evidence(self, span: Span) -> URIRef | None:
        """The NIF string for a span; offsets that fall outside the text are re-found by its words."""
        text = self.ex.article.text
        start, end = span.start, span.end
        if not 0 <= start <= end <= len(text):
            start = text.find(span.text) if span.text else -1
            if start < 0:
                log.debug("%s: evidence %r is not in the article text", self.ex.article.id, span)
                return None
            end = start + len(span.text)
        g, node = self.g, URIRef(f"{self.article}#char={start},{end}")
        g.add((node, RDF.type, KG.Evidence))
        g.add((node, RDF.type, NIF.OffsetBasedString))
        g.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(text[start:end])))
        g.add((node, NIF.referenceContext, self.article))
        g.add((node, KG.article, self.article))
        return node

    def known(self, *keys: str) -> bool:
        missing = [k for k in keys if k not in self.actors]
        if missing:
            log.debug("%s: skipped a record naming unknown actors %s", self.ex.article.id, missing)
        return not missing

    def add_statement(self, kind: str, cls: URIRef, record_id: str, span: Span) -> URIRef | None:
        """The node every letter, speech and quote shares: type, evidence, article."""
        evidence = self.add_evidence(span)
        if evidence is None:
            return None
        g, node = self.g, statement_iri(kind, self.ex.article.id, record_id)
        g.add((node, RDF.type, cls))
        g.add((node, KG.evidence, evidence))
        g.add((node, KG.article, self.article))
        g.add((node, PROV.wasDerivedFrom, self.article))
        self.made[record_id] = node
        return node

    def add_speech(self, s: Speech) -> None:
        if not self.known(s.speaker):
            return
        node = self.add_statement("speech", KG.Speech, s.id, s.evidence)
        if node is None:
            return
        self.g.add((node, KG.speaker, actor_iri(self.actors[s.speaker])))
        if s.occasion:
            self.g.add((node, KG.occasion, Literal(s.occasion)))
        if s.date:
            self.g.add((node, KG.date, _literal_date(s.date)))

    def add_letter(self, letter: Letter) -> None:
        if not (letter.senders and letter.recipients):
            log.debug("%s: skipped letter %s without sender or recipient", self.ex.article.id, letter.id)
            return
        if not self.known(*letter.senders, *letter.recipients):
            return
        node = self.add_statement("letter", KG.Letter, letter.id, letter.evidence)
        if node is None:
            return
        g = self.g
        senders = [self.actors[k] for k in letter.senders]
        recipients = [self.actors[k] for k in letter.recipients]
        for a in senders:
            g.add((node, KG.sender, actor_iri(a)))
        for a in recipients:
            g.add((node, KG.recipient, actor_iri(a)))
        if letter.date:
            g.add((node, KG.date, _literal_date(letter.date)))
        for speech_id in letter.cites:
            if speech_id in self.made:
                g.add((node, KG.cites, self.made[speech_id]))
        evidence = g.value(node, KG.evidence)
        for s in senders:
            for r in recipients:
                self.add_edge("sentLetterTo", s, r, evidence, node)

    def add_quote(self, q: Quote, part_of: str | None) -> None:
        if q.speaker is not None and not self.known(q.speaker):
            return
        node = self.add_statement("quote", KG.Quote, q.id, q.evidence)
        if node is None:
            return
        self.g.add((node, KG.text, Literal(q.text)))
        if q.speaker is not None:
            self.g.add((node, KG.speaker, actor_iri(self.actors[q.speaker])))
        whole = self.made.get(part_of) if part_of else None
        if whole is not None and (whole, RDF.type, KG.Quote) not in self.g:
            self.g.add((node, KG.partOf, whole))

    def add_relation(self, rel: Relation) -> None:
        if rel.kind not in RELATIONS:
            log.debug("%s: skipped relation of unknown kind %r", self.ex.article.id, rel.kind)
            return
        if not self.known(rel.source, rel.target):
            return
        evidence = self.add_evidence(rel.evidence)
        if evidence is None:
            return
        via = self.made.get(rel.via) if rel.via else None
        self.add_edge(rel.kind, self.actors[rel.source], self.actors[rel.target], evidence, via)

    def add_edge(self, kind: str, source: CanonicalActor, target: CanonicalActor,
                 evidence: URIRef, via: URIRef | None) -> None:
        """Assert ``source kind target`` and add this article's support to its reified edge."""
        g, s, p, o = self.g, actor_iri(source), RELATIONS[kind], actor_iri(target)
        g.add((s, p, o))
        edge = edge_iri(kind, source, target)
        g.add((edge, RDF.type, KG.Edge))
        g.add((edge, RDF.type, RDF.Statement))
        g.add((edge, RDF.subject, s))
        g.add((edge, RDF.predicate, p))
        g.add((edge, RDF.object, o))
        g.add((edge, KG.evidence, evidence))
        g.add((edge, KG.article, self.article))
        if via is not None:
            g.add((edge, KG.via, via))
        self.edges.add(edge)
