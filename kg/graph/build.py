"""Turn the records of each article into RDF: actors, statements, edges and their evidence.

Every IRI is made from the article id, the record id or the canonical actor id, never
from a counter or a random part, so building the same input twice gives the same graph.
Each actor-to-actor edge is asserted as a plain triple (``actor kg:praised actor``) and
reified as one ``kg:Edge`` per triple, which gathers the evidence, articles and
statements of every article that supports it.

What one article says (``article_facts``) is kept apart from what holds across articles
(``actor_description``, ``statement_description``, the counts of ``summarise``): the
store keeps the first in the article's own named graph and recomputes the rest as
articles come and go. ``graph_of`` puts both in one graph.

Offsets and counts are ``xsd:integer``: Oxigraph stores the derived integer types
(``xsd:nonNegativeInteger``) as ``xsd:integer``, and a graph must read back from the store as
it was written.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
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
from kg.resolve.sources import Origins

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
Triple = tuple[URIRef, URIRef, URIRef | Literal]


_ACTOR = str(ID) + "actor/"


def _slug(s: str) -> str:
    return quote(s, safe="")


def actor_iri(actor: CanonicalActor | str) -> URIRef:
    """``id:actor/esmail-qaani``."""
    return URIRef(_ACTOR + _slug(actor if isinstance(actor, str) else actor.id))  # quicker than ID[...]


def article_iri(article_id: str) -> URIRef:
    """``id:article/seed-000``; evidence IRIs extend it with ``#char=B,E``."""
    return ID["article/" + _slug(article_id)]


def statement_iri(kind: str, article_id: str, record_id: str) -> URIRef:
    """``id:letter/seed-000/l1``: stable because record ids are stable within an article.

    A letter or speech reported by several articles is named after its first report.
    """
    return ID[f"{kind}/{_slug(article_id)}/{_slug(record_id)}"]


def edge_iri(kind: str, source: CanonicalActor | str, target: CanonicalActor | str) -> URIRef:
    """``id:edge/praised/esmail-qaani/mohammed-deif``: one reified node per asserted triple."""
    s = source if isinstance(source, str) else source.id
    o = target if isinstance(target, str) else target.id
    return ID[f"edge/{kind}/{_slug(s)}/{_slug(o)}"]


def graph_of(items: Iterable[tuple[Extraction, Mapping[str, CanonicalActor]]]) -> Graph:
    """One graph, with the usual prefixes bound, from every article and its actor mapping.

    Letters and speeches stay one node per article here; ``kg.build`` merges them across articles.
    """
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
    builder = ArticleFacts(ex, actors)
    for t in builder.triples():
        g.add(t)
    for actor in builder.actors.values():
        for t in actor_description(actor):
            g.add(t)
    for s in (*ex.letters, *ex.speeches):
        if s.id in builder.made:
            for t in statement_description(builder.made[s.id], s.date, getattr(s, "occasion", None)):
                g.add(t)
    summarise(g, [actor_iri(a) for a in builder.actors.values()], [*builder.reported, *builder.edges])


def actor_description(actor: CanonicalActor) -> list[Triple]:
    """What holds of an actor across articles: its class, label, other names and kind."""
    node = actor_iri(actor)
    out: list[Triple] = [(node, RDF.type, ACTOR_CLASSES.get(actor.type, KG.Organization)),
                         (node, RDFS.label, Literal(actor.name))]
    out += [(node, SKOS.altLabel, Literal(a)) for a in actor.aliases if a != actor.name]
    if actor.kind:
        out.append((node, KG.kind, Literal(actor.kind)))
    return out


def statement_description(node: URIRef, when: str | None, occasion: str | None) -> list[Triple]:
    """What holds of a letter or speech across its reports: its date and occasion."""
    out: list[Triple] = []
    if when:
        out.append((node, KG.date, _literal_date(when)))
    if occasion:
        out.append((node, KG.occasion, Literal(occasion)))
    return out


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


def summarise(g: Graph, actors: Iterable[URIRef], nodes: Iterable[URIRef]) -> None:
    """Recount what ``g`` says of these actors (kg:articleCount) and letters, speeches and edges (kg:reportCount,
    kg:sourceCount and each kg:origin): the store's ``_summaries`` over one graph."""
    for actor in actors:
        g.set((actor, KG.articleCount, _count(set(g.objects(actor, KG.mentionedIn)))))
    for node in nodes:
        evidence = set(g.objects(node, KG.evidence))
        origins = {g.value(ev, KG.origin) for ev in evidence}
        g.set((node, KG.reportCount, _count({g.value(ev, KG.article) for ev in evidence})))
        g.set((node, KG.sourceCount, _count({str(g.value(ev, KG.origin) or g.value(ev, KG.article) or ev)
                                             for ev in evidence})))
        for origin in origins - {None}:
            g.add((node, KG.origin, origin))


def _count(items: set) -> Literal:
    return Literal(len(items), datatype=XSD.integer)


class ArticleFacts:
    """The triples one article contributes, given its actors' canonical forms and, when merged, its statements' IRIs."""

    def __init__(self, ex: Extraction, actors: Mapping[str, CanonicalActor],
                 statements: Mapping[str, URIRef] | None = None, origins: Origins | None = None):
        self.ex = ex
        self.actors = {k: a for k, a in actors.items() if a.type in ACTOR_CLASSES}
        for a in actors.values():
            if a.type not in ACTOR_CLASSES:
                log.debug("%s: skipped actor %s of unknown type %r", ex.article.id, a.id, a.type)
        self.statements = statements or {}
        self.article = article_iri(ex.article.id)
        self.origins = origins or Origins(ex)
        self.made: dict[str, URIRef] = {}  # record id -> IRI of the letter, speech or quote added
        self.reported: dict[URIRef, None] = {}  # the letters and speeches added
        self.evidence_of: dict[URIRef, URIRef] = {}
        self.quotes: set[URIRef] = set()
        self.edges: dict[URIRef, None] = {}
        self.out: dict[Triple, None] = {}

    def triples(self) -> list[Triple]:
        self.add_article(self.ex.article)
        for actor in self.actors.values():
            self.add((actor_iri(actor), KG.mentionedIn, self.article))
        for speech in self.ex.speeches:
            self.add_speech(speech)
        for letter in self.ex.letters:
            self.add_letter(letter)
        container = {q: s.id for s in (*self.ex.letters, *self.ex.speeches) for q in s.quotes}
        for q in self.ex.quotes:
            self.add_quote(q, q.part_of or container.get(q.id))
        for rel in self.ex.relations:
            self.add_relation(rel)
        return list(self.out)

    def add(self, t: Triple) -> None:
        self.out[t] = None

    def add_article(self, a: Article) -> None:
        node = self.article
        self.add((node, RDF.type, KG.Article))
        self.add((node, RDF.type, NIF.Context))
        self.add((node, NIF.isString, Literal(a.text)))
        for t in article_metadata(a):
            self.add(t)
        if self.origins.credit:
            self.add((node, KG.origin, Literal(self.origins.credit)))

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
        node = URIRef(f"{self.article}#char={start},{end}")
        anchor = text[start:end]
        self.add((node, RDF.type, KG.Evidence))
        self.add((node, RDF.type, NIF.OffsetBasedString))
        self.add((node, NIF.beginIndex, Literal(start, datatype=XSD.integer)))
        self.add((node, NIF.endIndex, Literal(end, datatype=XSD.integer)))
        self.add((node, NIF.anchorOf, Literal(anchor)))
        self.add((node, NIF.referenceContext, self.article))
        self.add((node, KG.article, self.article))
        origin = self.origins.of(Span(start, end, anchor))
        if origin:
            self.add((node, KG.origin, Literal(origin)))
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
        node = self.statements.get(record_id) or statement_iri(kind, self.ex.article.id, record_id)
        self.add((node, RDF.type, cls))
        self.add((node, KG.evidence, evidence))
        self.add((node, KG.article, self.article))
        self.add((node, PROV.wasDerivedFrom, self.article))
        self.made[record_id] = node
        self.evidence_of[node] = evidence
        if cls != KG.Quote:
            self.reported[node] = None
        return node

    def add_speech(self, s: Speech) -> None:
        if not self.known(s.speaker):
            return
        node = self.add_statement("speech", KG.Speech, s.id, s.evidence)
        if node is not None:
            self.add((node, KG.speaker, actor_iri(self.actors[s.speaker])))

    def add_letter(self, letter: Letter) -> None:
        if not (letter.senders and letter.recipients):
            log.debug("%s: skipped letter %s without sender or recipient", self.ex.article.id, letter.id)
            return
        if not self.known(*letter.senders, *letter.recipients):
            return
        node = self.add_statement("letter", KG.Letter, letter.id, letter.evidence)
        if node is None:
            return
        senders = [self.actors[k] for k in letter.senders]
        recipients = [self.actors[k] for k in letter.recipients]
        for a in senders:
            self.add((node, KG.sender, actor_iri(a)))
        for a in recipients:
            self.add((node, KG.recipient, actor_iri(a)))
        for speech_id in letter.cites:
            if speech_id in self.made:
                self.add((node, KG.cites, self.made[speech_id]))
        evidence = self.evidence_of[node]
        for s in senders:
            for r in recipients:
                self.add_edge("sentLetterTo", s, r, evidence, node)

    def add_quote(self, q: Quote, part_of: str | None) -> None:
        if q.speaker is not None and not self.known(q.speaker):
            return
        node = self.add_statement("quote", KG.Quote, q.id, q.evidence)
        if node is None:
            return
        self.quotes.add(node)
        self.add((node, KG.text, Literal(q.text)))
        if q.speaker is not None:
            self.add((node, KG.speaker, actor_iri(self.actors[q.speaker])))
        whole = self.made.get(part_of) if part_of else None
        if whole is not None and whole not in self.quotes:
            self.add((node, KG.partOf, whole))

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
        s, p, o = actor_iri(source), RELATIONS[kind], actor_iri(target)
        self.add((s, p, o))
        edge = edge_iri(kind, source, target)
        self.add((edge, RDF.type, KG.Edge))
        self.add((edge, RDF.type, RDF.Statement))
        self.add((edge, RDF.subject, s))
        self.add((edge, RDF.predicate, p))
        self.add((edge, RDF.object, o))
        self.add((edge, KG.evidence, evidence))
        self.add((edge, KG.article, self.article))
        if via is not None:
            self.add((edge, KG.via, via))
        self.edges[edge] = None


def article_metadata(a: Article) -> Iterator[Triple]:
    """What the article's reader would cite: outlet, date, address and headline."""
    node = article_iri(a.id)
    if a.source:
        yield node, KG.source, Literal(a.source)
    if a.date:
        yield node, SDO.datePublished, _literal_date(a.date)
    if a.url:
        yield node, SDO.url, Literal(a.url, datatype=XSD.anyURI)
    if a.title:
        yield node, SDO.headline, Literal(a.title)
