"""A graph that grows article by article: Oxigraph on disk, one transaction and one named graph per article.

The dataset's named graphs (all under ``https://w3id.org/newskg/id/``):

    graph/<article>       what the article says: its text, evidence, statements, edges, the actors it mentions
    provenance            PROV-O: each article graph, the article it was derived from (outlet, url, date,
                          title), its content hash, when it was made and by which pipeline and kg version
    resolution            what holds across articles: each actor's class, label and other names; each
                          letter's and speech's date and occasion; and what the article graphs add up to
                          (``_summaries``): each actor's kg:articleCount, each letter's, speech's and
                          edge's kg:reportCount, kg:sourceCount and origins, each edge's triple
    index/...             internal, never exported: each article's records, the name forms and reports
                          it uses, the keys they are filed under, and what each resolves to

**One transaction per article.** pyoxigraph has no transaction object, but it applies one
SPARQL Update request atomically: all of its operations or none, even when the process is
killed in the middle (RocksDB commits the request as one write batch). So ``ingest`` first
works out everything an article changes (its own graphs, the actors and statements that
resolution regroups, the graphs of other articles whose actors or statements were renamed,
the actors, statements and edges whose counts move) by reading the store, then writes it all as
one request.
A killed ingest leaves the store as it was before that article; running the build again
adds it. Only one process can open a store at a time (Oxigraph holds a lock), so no other
writer can slip in between the reads and the write.

**Re-ingesting.** The store records each article's content hash: the same article again is
"unchanged" and costs one lookup; a changed text under the same id replaces the article's
graphs and everything derived from them.

**Resolution by lookup.** Actors and statements are regrouped by ``kg.resolve.actors.update``
and ``kg.resolve.statements.update`` over an index kept in the store (``kg:nameKey`` and
``kg:reportKey`` triples), so adding an article reads the forms and reports filed under its
own keys, never every actor. When a regrouping renames an actor (a fuller name turned up)
or a statement, the graphs of the articles that mention it are rebuilt from their stored
records in the same transaction, so the store always equals a fresh build of all its
articles in one go, whatever order they came in (``verify`` checks exactly that).
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from functools import cache, lru_cache
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.namespace import PROV, SDO, SKOS

from kg.errors import StoreError
from kg.graph.build import (
    ArticleFacts,
    actor_description,
    actor_iri,
    article_iri,
    article_metadata,
    statement_description,
)
from kg.graph.vocab import ID, KG
from kg.model import (
    Actor,
    Article,
    CanonicalActor,
    Extraction,
    Letter,
    Mention,
    Quote,
    Relation,
    Span,
    Speech,
)
from kg.resolve import actors as actor_resolution
from kg.resolve import statements as statement_resolution
from kg.resolve.actors import Changes, Form
from kg.resolve.known import Reviewed
from kg.resolve.sources import Origins
from kg.resolve.statements import LETTER, SPEECH, Report, StatementChanges

FORMAT = 2  # 2: the resolution graph keeps summaries (_summaries); a store of format 1 gains them
PROVENANCE = ID["provenance"]
RESOLUTION = ID["resolution"]
INDEX = str(ID["index/"])
FORMS = ID["index/forms"]
LINKS = ID["index/resolution"]
KNOWN = ID["index/known"]
STORE_NODE = ID["index/store"]
RDF_TYPE = str(RDF.type)
PAUSE = "KG_STORE_PAUSE_BEFORE_COMMIT"  # test hook: an article id (or *) to pause before committing
SPILL = "KG_SCRATCH_SPILL_AFTER"  # characters a one-shot build keeps in memory before its store moves to disk
SPILL_AFTER = 60_000_000  # about 120 MB of Oxigraph's in-memory store: some 2,400 articles of the BBC corpus
SPILL_BATCH = 20_000  # quads per write when a scratch store moves to disk
REOPEN_AFTER = 8_000_000  # characters of updates between reopenings of a store on disk: Oxigraph keeps memory
                          # for what was written (~0.15 MB an article) until the store is closed


_ID = str(ID)  # IRIs made often are made from the text: ID[...] (rdflib's Namespace) takes longer


def graph_iri(article_id: str) -> URIRef:
    """``id:graph/seed-000``: the named graph of what one article says."""
    return URIRef(_ID + "graph/" + quote(article_id, safe=""))


def index_iri(article_id: str) -> URIRef:
    return URIRef(_ID + "index/article/" + quote(article_id, safe=""))


def form_iri(form: Form | str) -> URIRef:
    return URIRef(_ID + "form/" + (form if isinstance(form, str) else form.id))


def report_iri(report: Report | str) -> URIRef:
    """``id:report/letter/seed-000/l0``: one article's report of a letter or speech."""
    return ID["report/" + (report if isinstance(report, str) else report.id)]


def _article_of(report_id: str) -> str:
    return unquote(report_id.split("/")[1])


def content_hash(a: Article) -> str:
    """What decides whether an article changed: its text and metadata."""
    data = json.dumps([a.text, a.source, a.date, a.url, a.title], ensure_ascii=False)
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()


@cache
def kg_version() -> str:
    try:
        return version("kg")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


# --- records as JSON -------------------------------------------------------------------------------------

def _plain(value):
    """A record as JSON values, like ``dataclasses.asdict`` in a third of the time (no deep copies)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in vars(value).items()}
    return value


def encode(ex: Extraction) -> str:
    data = _plain(ex)
    data.pop("sentences", None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> Extraction:
    d = json.loads(text)

    def span(x: dict) -> Span:
        return Span(**x)

    return Extraction(
        article=Article(**d["article"]),
        actors=tuple(Actor(**{**a, "aliases": tuple(a["aliases"]), "roles": tuple(a["roles"]),
                              "mentions": tuple(Mention(**m) for m in a["mentions"])}) for a in d["actors"]),
        quotes=tuple(Quote(**{**q, "evidence": span(q["evidence"])}) for q in d["quotes"]),
        letters=tuple(Letter(**{**lt, "senders": tuple(lt["senders"]), "recipients": tuple(lt["recipients"]),
                                "quotes": tuple(lt["quotes"]), "cites": tuple(lt["cites"]),
                                "evidence": span(lt["evidence"])}) for lt in d["letters"]),
        speeches=tuple(Speech(**{**s, "quotes": tuple(s["quotes"]), "evidence": span(s["evidence"])})
                       for s in d["speeches"]),
        relations=tuple(Relation(**{**r, "evidence": span(r["evidence"])}) for r in d["relations"]),
    )


class _Seen:
    """The forms met lately, by id, so that each is decoded and keyed once, not at every article that uses it.

    A form's id is the hash of all it holds, so a form kept here is never stale; at most ``size`` are kept.
    """

    def __init__(self, size: int = 16384):
        self.size = size
        self.forms: OrderedDict[str, Form] = OrderedDict()

    def get(self, form: Form) -> Form:
        """The form seen before with the same id (its keys already worked out), else ``form``."""
        return self._keep(form.id, lambda: form)

    def decoded(self, fid: str, text: str) -> Form:
        return self._keep(fid, lambda: Form.from_json(text))

    def _keep(self, fid: str, make) -> Form:
        f = self.forms.get(fid)
        if f is None:
            f = self.forms[fid] = make()
            if len(self.forms) > self.size:
                self.forms.popitem(last=False)
        else:
            self.forms.move_to_end(fid)
        return f


_seen = _Seen()


def forms_of(ex: Extraction) -> dict[str, Form]:
    """Actor key -> its name form."""
    return {a.key: _seen.get(Form.of(a)) for a in ex.actors}


class Prepared:
    """An article's records with what follows from them alone: their JSON, their name forms (ids and keys
    worked out) and the outlets its evidence counts for. Made where the article was extracted (a worker),
    so the process that writes the store only resolves and writes."""

    __slots__ = ("ex", "record", "forms", "origins")

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.record = encode(ex)
        self.forms = {a.key: Form.of(a) for a in ex.actors}
        for f in self.forms.values():
            f.id, f.keys, f.identities, f.person  # noqa: B018  (cached on the form, sent along with it)
        self.origins = Origins(ex)

    def __getstate__(self):
        return self.ex, self.record, self.forms, self.origins

    def __setstate__(self, state) -> None:
        self.ex, self.record, self.forms, self.origins = state


def reports_of(ex: Extraction, actor_of: dict[str, str]) -> list[Report]:
    """The article's letters and speeches as reports, with actor ids from ``actor_of`` (actor key -> id)."""
    out = []
    for lt in ex.letters:
        if lt.senders and lt.recipients and all(k in actor_of for k in (*lt.senders, *lt.recipients)):
            out.append(Report(LETTER, ex.article.id, lt.id, tuple(sorted({actor_of[k] for k in lt.senders})),
                              tuple(sorted({actor_of[k] for k in lt.recipients})), lt.date))
    for s in ex.speeches:
        if s.speaker in actor_of:
            out.append(Report(SPEECH, ex.article.id, s.id, (actor_of[s.speaker],), (), s.date, s.occasion))
    return out


# --- terms ---------------------------------------------------------------------------------------------

def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def sparql_term(t) -> str:
    """An rdflib term in SPARQL (and N-Triples) syntax."""
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        s = f'"{_escape(str(t))}"'
        if t.language:
            return f"{s}@{t.language}"
        if t.datatype is not None and t.datatype != XSD.string:
            return f"{s}^^<{t.datatype}>"
        return s
    if isinstance(t, BNode):  # pragma: no cover - the graph has none
        return f"_:{t}"
    raise TypeError(f"not an RDF term: {t!r}")


def _rdflib(t):
    """A pyoxigraph term as rdflib's."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value, datatype=None if dt == str(XSD.string) else URIRef(dt))
    if isinstance(t, ox.BlankNode):  # pragma: no cover
        return BNode(t.value)
    raise TypeError(f"not an RDF term: {t!r}")


def _id_after(node, prefix: URIRef) -> str:
    return unquote(node.value[len(str(prefix)):])


# --- the store's index, as resolution sees it ----------------------------------------------------------

class _Forms:
    """``FormIndex`` over the store: forms by key, the actor of a form, the forms of an actor."""

    def __init__(self, db: ox.Store):
        self.db = db
        self.cache: dict[str, Form] = {}

    def form(self, node: ox.NamedNode) -> Form | None:
        fid = node.value.rsplit("/", 1)[1]
        if fid not in self.cache:
            for q in self.db.quads_for_pattern(node, _N(KG.record), None, _N(FORMS)):
                self.cache[fid] = _seen.decoded(fid, q.object.value)
                break
            else:
                return None
        return self.cache[fid]

    def forms_with_key(self, key: str) -> Iterator[Form]:
        for q in self.db.quads_for_pattern(None, _N(KG.nameKey), ox.Literal(key), _N(FORMS)):
            f = self.form(q.subject)
            if f is not None:
                yield f

    def actor_of(self, form: Form | str) -> str | None:
        for q in self.db.quads_for_pattern(_N(form_iri(form)), _N(KG.resolvedTo), None, _N(LINKS)):
            return _id_after(q.object, ID["actor/"])
        return None

    def forms_of_actor(self, actor_id: str) -> Iterator[Form]:
        for q in self.db.quads_for_pattern(None, _N(KG.resolvedTo), _N(actor_iri(actor_id)), _N(LINKS)):
            f = self.form(q.subject)
            if f is not None:
                yield f

    def exists(self, form: Form) -> bool:
        return self.form(_N(form_iri(form))) is not None

    def used(self, form: Form, besides: set[str]) -> bool:
        """Whether an article (or the actors file) other than the index graphs ``besides`` uses the form."""
        for q in self.db.quads_for_pattern(None, _N(KG.hasForm), _N(form_iri(form)), None):
            if q.graph_name.value not in besides:
                return True
        return False


class _Reports:
    """``ReportIndex`` over the store."""

    def __init__(self, db: ox.Store):
        self.db = db

    def reports_with_key(self, key: str) -> Iterator[Report]:
        for q in self.db.quads_for_pattern(None, _N(KG.reportKey), ox.Literal(key), None):
            for r in self.db.quads_for_pattern(q.subject, _N(KG.record), None, q.graph_name):
                yield Report.from_json(r.object.value)
                break

    def statement_of(self, report: Report | str) -> str | None:
        for q in self.db.quads_for_pattern(_N(report_iri(report)), _N(KG.resolvedTo), None, _N(LINKS)):
            return q.object.value[len(str(ID)):]
        return None


def _N(iri) -> ox.NamedNode:
    return _node(str(iri))


class _Request:
    """One write: graphs to drop, subjects to clear, data to insert, then final SPARQL operations.

    ``text()`` is all of it as one SPARQL Update request (applied atomically); ``apply_quads`` writes
    it piece by piece, the inserts as quads, for a scratch store that needs no atomicity (no SPARQL
    text to make and parse). Not Oxigraph's bulk loader: each load adds files that every later
    lookup must search, and resolution looks up at every article (the BBC corpus took 1.5 times as long).
    """

    def __init__(self) -> None:
        self.drops: dict[str, None] = {}
        self.deletes: list[tuple[URIRef, list[URIRef]]] = []
        self.inserts: dict[URIRef, list[tuple]] = {}
        self.last: list[str] = []

    def drop(self, graph: URIRef) -> None:
        self.drops[str(graph)] = None

    def clear_subjects(self, graph: URIRef, subjects: Iterable[URIRef]) -> None:
        subjects = sorted(set(subjects), key=sparql_term)
        if subjects:
            self.deletes.append((graph, subjects))

    def insert(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        self.inserts.setdefault(graph, []).extend(triples)

    def text(self) -> str:
        ops = [f"DROP SILENT GRAPH <{g}>" for g in self.drops]
        for g, subjects in self.deletes:
            values = " ".join(sparql_term(s) for s in subjects)
            ops.append(f"DELETE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
                       f"GRAPH <{g}> {{ ?s ?p ?o }} }}")
        if any(self.inserts.values()):
            body = "\n".join(f"GRAPH <{g}> {{\n" + "\n".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} ."
                                                            for s, p, o in triples) + "\n}"
                             for g, triples in self.inserts.items() if triples)
            ops.append("INSERT DATA {\n" + body + "\n}")
        return " ;\n".join(ops + self.last)

    def apply_quads(self, db: ox.Store) -> int:
        """Write it all to ``db``, not atomically; roughly the characters the request's text would have."""
        for g in self.drops:
            db.remove_graph(ox.NamedNode(g))
        for g, subjects in self.deletes:
            graph = _node(g)
            for s in subjects:
                for q in list(db.quads_for_pattern(_node(s), None, None, graph)):
                    db.remove(q)
        quads, size = [], 0
        for g, triples in self.inserts.items():
            graph = _node(g)
            for s, p, o in triples:
                obj = _ox(o)
                quads.append(ox.Quad(_node(s), _node(p), obj, graph))
                size += 100 + (len(o) if isinstance(o, Literal) else 0)
        if quads:
            db.extend(quads)
        if self.last:
            db.update(" ;\n".join(self.last))
        return size


class _Counted:
    """The actors, letters and speeches, and edges whose summaries an ingest must recount."""

    def __init__(self) -> None:
        self.actors: set[URIRef] = set()
        self.statements: set[URIRef] = set()
        self.edges: set[URIRef] = set()

    def drop(self, db: ox.Store, graph: URIRef) -> None:
        """What an article graph about to be dropped counted for."""
        g = _N(graph)
        self.actors |= {URIRef(q.subject.value) for q in db.quads_for_pattern(None, _N(KG.mentionedIn), None, g)}
        for cls, into in ((KG.Letter, self.statements), (KG.Speech, self.statements), (KG.Edge, self.edges)):
            into |= {URIRef(q.subject.value) for q in db.quads_for_pattern(None, _N(RDF.type), _N(cls), g)}

    def add(self, facts: ArticleFacts) -> None:
        """What an article graph about to be written counts for."""
        self.actors |= {actor_iri(a) for a in facts.actors.values()}
        self.statements |= set(facts.reported)
        self.edges |= set(facts.edges)


@lru_cache(maxsize=65536)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _ox(t) -> ox.NamedNode | ox.Literal:
    """An rdflib term as pyoxigraph's: the term ``sparql_term`` writes, without the text."""
    if isinstance(t, URIRef):
        return _node(t)
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None and t.datatype != XSD.string:
            return ox.Literal(str(t), datatype=_node(t.datatype))
        return ox.Literal(str(t))
    raise TypeError(f"not an RDF term: {t!r}")


SUMMARY = (KG.articleCount, KG.reportCount, KG.sourceCount, KG.origin, RDF.type, RDF.subject, RDF.predicate,
           RDF.object)
"""What the resolution graph sums up of actors, letters, speeches and edges from the article graphs (``_summaries``)."""
_SUMMED = frozenset(str(p) for p in SUMMARY)


def _summaries(actors: Iterable[URIRef], statements: Iterable[URIRef], edges: Iterable[URIRef]) -> list[str]:
    """Operations that recount, from all article graphs, what the resolution graph sums up of these nodes.

    Of an actor, kg:articleCount: the articles that mention it. Of a letter, a speech or an
    edge: its class, kg:reportCount (the articles that report it), kg:sourceCount (distinct
    kg:origin values of its evidence, an evidence without one counting as its article) and each
    of those origins; of an edge, also its rdf:subject, rdf:predicate and rdf:object. Listings
    read these (one row per node in the resolution graph) instead of every report.
    """
    edge_terms = {sparql_term(e) for e in edges}
    actors = " ".join(sorted(sparql_term(a) for a in actors))
    edges = " ".join(sorted(edge_terms))
    nodes = " ".join(sorted({sparql_term(n) for n in statements} | edge_terms))
    r, articles = f"<{RESOLUTION}>", f'FILTER(STRSTARTS(STR(?g), "{ID["graph/"]}"))'
    ops = []
    if actors:
        ops += [
            f"DELETE {{ GRAPH {r} {{ ?a <{KG.articleCount}> ?n }} }} WHERE {{ VALUES ?a {{ {actors} }} "
            f"GRAPH {r} {{ ?a <{KG.articleCount}> ?n }} }}",
            f"INSERT {{ GRAPH {r} {{ ?a <{KG.articleCount}> ?n }} }} WHERE {{ SELECT ?a (COUNT(DISTINCT ?g) AS ?n) "
            f"WHERE {{ VALUES ?a {{ {actors} }} GRAPH ?g {{ ?a <{KG.mentionedIn}> ?article }} {articles} }} "
            f"GROUP BY ?a }}",
        ]
    if nodes:
        summed = " ".join(f"<{p}>" for p in SUMMARY if p != KG.articleCount)
        ops += [
            f"DELETE {{ GRAPH {r} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {nodes} }} VALUES ?p {{ {summed} }} "
            f"GRAPH {r} {{ ?s ?p ?o }} }}",
            f"INSERT {{ GRAPH {r} {{ ?s a ?class ; <{KG.reportCount}> ?n ; <{KG.sourceCount}> ?m }} }} WHERE {{ "
            f"SELECT ?s ?class (COUNT(DISTINCT ?g) AS ?n) (COUNT(DISTINCT ?o) AS ?m) WHERE {{ "
            f"VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s a ?class ; <{KG.evidence}> ?ev "
            f"OPTIONAL {{ ?ev <{KG.origin}> ?o0 }} }} FILTER(?class IN (<{KG.Letter}>, <{KG.Speech}>, <{KG.Edge}>)) "
            f"BIND(COALESCE(?o0, ?g) AS ?o) {articles} }} GROUP BY ?s ?class }}",
            f"INSERT {{ GRAPH {r} {{ ?s <{KG.origin}> ?o }} }} WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ "
            f"VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s <{KG.evidence}> ?ev . ?ev <{KG.origin}> ?o }} {articles} }} }}",
        ]
    if edges:
        ops.append(
            f"INSERT {{ GRAPH {r} {{ ?e <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o }} }} WHERE {{ "
            f"SELECT DISTINCT ?e ?s ?p ?o WHERE {{ VALUES ?e {{ {edges} }} "
            f"GRAPH ?g {{ ?e <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o }} {articles} }} }}")
    return ops


class KGStore:
    """A knowledge graph kept in an Oxigraph store: on disk in ``path``/oxigraph, or in memory.

    ``read_only=True`` opens an existing store without its lock, so a build may write to it
    meanwhile; the store is then seen as it was when opened, and cannot be written.
    """

    def __init__(self, path: str | Path | None = None, *, pipeline: str = "builtin",
                 timestamps: bool | None = None, create: bool = True, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.pipeline = pipeline
        self.timestamps = self.path is not None if timestamps is None else timestamps
        self.read_only = read_only
        self.db = _open_read_only(self.path) if read_only else _open(self.path, create)
        self.written = 0  # characters of updates since the store was opened
        self.is_scratch = False
        self.forms = _Forms(self.db)
        self.reports = _Reports(self.db)
        self._ready: dict[str, Prepared] = {}  # during a commit: the articles a worker prepared
        self._check_format()

    @classmethod
    def scratch(cls, *, pipeline: str = "builtin", spill_after: int | None = None) -> KGStore:
        """A one-shot build's graph, gone when closed: in memory while it is small (Oxigraph's in-memory
        store writes and reads several times faster than RocksDB), moved to a new temporary folder
        (under $TMPDIR) once ``spill_after`` characters have been written to it (default: $KG_SCRATCH_SPILL_AFTER
        or ``SPILL_AFTER``), so that memory stays flat however many articles come."""
        store = cls(None, pipeline=pipeline, timestamps=False)
        store.is_scratch = True
        store.spill_after = spill_after if spill_after is not None else _spill_after()
        store._spill_if_due()
        return store

    def _spill_if_due(self) -> None:
        """A scratch store in memory that has grown past ``spill_after`` moves to a temporary folder on disk."""
        if not self.is_scratch or self.path is not None or self.written < self.spill_after:
            return
        path = Path(tempfile.mkdtemp(prefix="kg-build-"))
        try:
            disk, size = _open(path, create=True), 0
            quads = self.db.quads_for_pattern(None, None, None, None)
            while batch := list(islice(quads, SPILL_BATCH)):
                disk.extend(batch)
                size += sum(100 + (len(q.object.value) if isinstance(q.object, ox.Literal) else 0) for q in batch)
                if size >= REOPEN_AFTER:  # as in _reopen: what RocksDB keeps for the writes goes back
                    disk.flush()
                    disk, size = None, 0
                    disk = _open(path, create=False)
            disk.flush()
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        self.path = path
        self.db = self.forms.db = self.reports.db = disk
        self.written = 0
        _give_back_memory()

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.path is not None and self.db is not None and not self.read_only:
            self.db.flush()
        self.db = self.forms.db = self.reports.db = None  # releases the lock
        if self.is_scratch and self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)

    def _check_format(self) -> None:
        marks = list(self.db.quads_for_pattern(_N(STORE_NODE), _N(KG.record), None, _N(KNOWN)))
        if marks:
            found = json.loads(marks[0].object.value).get("format")
            if found == 1 and not self.read_only:
                self._add_summaries()
            elif found == 1:
                raise StoreError(f"{self.where} was made by an older kg (format 1, without the counts that "
                                 f"listings read): any command that writes to it brings it up to date, e.g. "
                                 f"`kg actors --store {self.path}`")
            elif found != FORMAT:
                raise StoreError(f"{self.where}: a store of format {found}, this kg reads format {FORMAT}; "
                                 "build a new store")
            return
        if self.read_only:
            raise StoreError(f"{self.path} is not a store kg made: give a folder made by "
                             "`kg build INPUT... --store DIR`")
        if next(iter(self.db.quads_for_pattern(None, None, None, None)), None) is not None:
            raise StoreError(f"{self.where}: this is an Oxigraph store but not one kg made; "
                             "give --store a new folder")
        self.db.update(f'INSERT DATA {{ GRAPH <{KNOWN}> {{ <{STORE_NODE}> <{KG.record}> '
                       f'"{_escape(json.dumps({"format": FORMAT}))}" }} }}')

    def _add_summaries(self) -> None:
        """Bring a store of format 1 up to date: every summary counted, in one transaction with the new format mark."""
        def subjects(cls: URIRef, graph: URIRef | None = None) -> set[URIRef]:
            return {URIRef(q.subject.value) for q in self.db.quads_for_pattern(
                None, _N(RDF.type), _N(cls), _N(graph) if graph is not None else None)}

        actors = subjects(KG.Person, RESOLUTION) | subjects(KG.Organization, RESOLUTION)
        ops = _summaries(actors, subjects(KG.Letter) | subjects(KG.Speech), subjects(KG.Edge))
        mark = _escape(json.dumps({"format": FORMAT}))
        ops += [f"DELETE WHERE {{ GRAPH <{KNOWN}> {{ <{STORE_NODE}> <{KG.record}> ?any }} }}",
                f'INSERT DATA {{ GRAPH <{KNOWN}> {{ <{STORE_NODE}> <{KG.record}> "{mark}" }} }}']
        self.db.update(" ;\n".join(ops))

    @property
    def where(self) -> str:
        return f"the store {self.path}" if self.path is not None else "the in-memory store"

    # --- reading ---------------------------------------------------------------------------------------

    def stored_hash(self, article_id: str) -> str | None:
        for q in self.db.quads_for_pattern(_N(graph_iri(article_id)), _N(KG.contentHash), None, _N(PROVENANCE)):
            return q.object.value
        return None

    def status(self, article: Article) -> str:
        """"added" for an article the store lacks, "unchanged" for one it holds as is, else "replaced"."""
        stored = self.stored_hash(article.id)
        if stored is None:
            return "added"
        return "unchanged" if stored == content_hash(article) else "replaced"

    def record(self, article_id: str) -> Extraction | None:
        """The records an article was built from."""
        for q in self.db.quads_for_pattern(_N(article_iri(article_id)), _N(KG.record), None,
                                           _N(index_iri(article_id))):
            return decode(q.object.value)
        return None

    def article_ids(self) -> list[str]:
        rows = self.db.query(f"SELECT ?g WHERE {{ GRAPH <{PROVENANCE}> {{ ?g <{KG.contentHash}> ?h }} }}")
        return sorted(_id_after(r["g"], ID["graph/"]) for r in rows)

    def known(self) -> list[Form]:
        """The actors file in use: its entries as forms."""
        out = []
        for q in self.db.quads_for_pattern(_N(KNOWN), _N(KG.hasForm), None, _N(KNOWN)):
            f = self.forms.form(q.object)
            if f is not None:
                out.append(f)
        return sorted(out, key=lambda f: f.sort_key)

    def counts(self) -> dict[str, int]:
        """Articles, actors, letters, speeches, quotes and edges the store holds."""
        def n(query: str) -> int:
            return int(next(iter(self.db.query(query)))["n"].value)

        out = {"articles": n(f"SELECT (COUNT(?g) AS ?n) WHERE {{ GRAPH <{PROVENANCE}> {{ ?g <{KG.contentHash}> ?h }} "
                             "}"),
               "actors": n(f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH <{RESOLUTION}> {{ ?a a ?c }} "
                           f"VALUES ?c {{ <{KG.Person}> <{KG.Organization}> }} }}")}
        for name, cls in (("letters", KG.Letter), ("speeches", KG.Speech), ("quotes", KG.Quote), ("edges", KG.Edge)):
            out[name] = n(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{cls}> }} }}")
        return out

    # --- writing ---------------------------------------------------------------------------------------

    def ingest(self, extractions: Sequence[Extraction | Prepared], *,
               when: datetime | None = None) -> dict[str, str]:
        """Add articles in one transaction; article id -> "added", "unchanged" or "replaced".

        A later extraction with the id of an earlier one in ``extractions`` replaces it.
        """
        ready = {p.ex.article.id: p for p in extractions if isinstance(p, Prepared)}
        records = [p.ex if isinstance(p, Prepared) else p for p in extractions]
        batch = {ex.article.id: ex for ex in records}
        statuses = {aid: self.status(ex.article) for aid, ex in batch.items()}
        new = {aid: ex for aid, ex in batch.items() if statuses[aid] != "unchanged"}
        if new:
            stamp = when or (datetime.now(timezone.utc) if self.timestamps else None)
            self._ready = {aid: p for aid, p in ready.items() if p.ex is new.get(aid)}
            try:
                self._commit(new, stamp=stamp)
            finally:
                self._ready = {}
        return statuses

    def _prepared(self, ex: Extraction) -> Prepared | None:
        """What a worker worked out for ``ex``, if it did."""
        p = self._ready.get(ex.article.id)
        return p if p is not None and p.ex is ex else None

    def _forms_of(self, ex: Extraction) -> dict[str, Form]:
        p = self._prepared(ex)
        return forms_of(ex) if p is None else {k: _seen.get(f) for k, f in p.forms.items()}

    def use_actors_file(self, known: Iterable[Form]) -> bool:
        """Make ``known`` (the actors file's entries) the known actors; True when that changed anything."""
        known = sorted({f.id: f for f in known}.values(), key=lambda f: f.sort_key)
        if [f.id for f in known] == [f.id for f in self.known()]:
            return False
        self._commit({}, known=known)
        return True

    def _commit(self, new: dict[str, Extraction], *, stamp: datetime | None = None,
                known: list[Form] | None = None) -> None:
        req = _Request()
        self.forms.cache.clear()
        old = {aid: self.record(aid) for aid in new}
        replaced = {aid: ex for aid, ex in old.items() if ex is not None}
        # 1. name forms: the new ones, and those nobody uses any more
        new_forms = {f.id: f for ex in new.values() for f in self._forms_of(ex).values()}
        gone_graphs = {str(index_iri(aid)) for aid in replaced}
        dropping = {f.id: f for ex in replaced.values() for f in forms_of(ex).values() if f.id not in new_forms}
        if known is not None:
            old_known = {f.id: f for f in self.known()}
            new_forms.update({f.id: f for f in known})
            dropping.update({fid: f for fid, f in old_known.items() if fid not in new_forms})
            gone_graphs.add(str(KNOWN))
        added = [f for f in new_forms.values() if not self.forms.exists(f)]
        removed = [f for f in dropping.values() if not self.forms.used(f, gone_graphs)]
        changes = actor_resolution.update(self.forms, added, removed)
        before = {fid: self.forms.actor_of(fid) for fid in changes.actor_of}
        moved = {fid for fid, actor in changes.actor_of.items() if actor and before[fid] not in (None, actor)}
        # 2. the articles to (re)build: the new ones, and those using a form whose actor was renamed
        rebuild: dict[str, Extraction] = {}
        for fid in sorted(moved):
            for q in self.db.quads_for_pattern(None, _N(KG.hasForm), _N(form_iri(fid)), None):
                g = q.graph_name.value
                if g.startswith(str(ID["index/article/"])):
                    aid = _id_after(q.graph_name, ID["index/article/"])
                    if aid not in new and aid not in rebuild:
                        rebuild[aid] = self.record(aid)

        def actor_ids(ex: Extraction) -> dict[str, str]:
            out = {}
            for key, f in self._forms_of(ex).items():
                actor = changes.actor_of.get(f.id) if f.id in changes.actor_of else self.forms.actor_of(f)
                if actor:
                    out[key] = actor
            return out

        # 3. reports of letters and speeches, regrouped under their keys
        mappings = {aid: actor_ids(ex) for aid, ex in {**new, **rebuild}.items()}
        added_reports = [r for aid, ex in {**new, **rebuild}.items() for r in reports_of(ex, mappings[aid])]
        removed_reports = [r for aid in (*replaced, *rebuild) for r in self._reports_in(aid)]
        regrouped = statement_resolution.update(self.reports, added_reports, removed_reports)
        for rid, sid in regrouped.statement_of.items():
            aid = _article_of(rid)
            if sid is not None and aid not in new and aid not in rebuild and self.reports.statement_of(rid) != sid:
                rebuild[aid] = self.record(aid)
                mappings[aid] = actor_ids(rebuild[aid])
        statement_of = self._statement_map(regrouped)
        # 4. the article graphs, their index graphs and their provenance; what they count for
        counted = _Counted()
        for aid in (*replaced, *rebuild):
            counted.drop(self.db, graph_iri(aid))
            req.drop(graph_iri(aid))
            req.drop(index_iri(aid))
        for aid, ex in {**new, **rebuild}.items():
            counted.add(self._write_article(req, ex, mappings[aid], statement_of))
        for aid in replaced:
            req.clear_subjects(PROVENANCE, [graph_iri(aid), article_iri(aid)])
        for aid, ex in new.items():
            req.insert(PROVENANCE, self._provenance(ex.article, stamp))
        # 5. the forms and what they resolve to; actors' descriptions
        for f in added:
            req.insert(FORMS, [(form_iri(f), RDF.type, KG.NameForm), (form_iri(f), KG.record, Literal(f.to_json())),
                               *((form_iri(f), KG.nameKey, Literal(k)) for k in sorted(f.keys))])
        req.clear_subjects(FORMS, [form_iri(f) for f in removed])
        links = [form_iri(fid) for fid in changes.actor_of]
        req.clear_subjects(LINKS, links)
        req.insert(LINKS, [(form_iri(fid), KG.resolvedTo, actor_iri(a)) for fid, a in changes.actor_of.items() if a])
        self._describe_actors(req, changes)
        if known is not None:
            req.clear_subjects(KNOWN, [KNOWN])
            req.insert(KNOWN, [(KNOWN, KG.hasForm, form_iri(f)) for f in known])
        # 6. reports and statements
        req.clear_subjects(LINKS, [report_iri(rid) for rid in regrouped.statement_of])
        req.insert(LINKS, [(report_iri(rid), KG.resolvedTo, ID[sid])
                           for rid, sid in regrouped.statement_of.items() if sid])
        self._describe_statements(req, regrouped)
        # 7. the summaries of every actor, statement and edge touched, recounted inside the transaction
        counted.actors |= {actor_iri(a) for a in (*changes.actors, *changes.retired)}
        counted.statements |= {ID[sid] for sid in (*regrouped.statements, *regrouped.retired)}
        req.last += _summaries(counted.actors, counted.statements, counted.edges)
        self._pause(new)
        if self.is_scratch:  # deleted after the build: nothing to keep whole if it stops half way
            self.written += req.apply_quads(self.db)
        else:
            text = req.text()
            self.db.update(text)
            self.written += len(text)
        self.forms.cache.clear()
        self._spill_if_due()
        if self.path is not None and self.written >= REOPEN_AFTER:
            self._reopen()

    def _reopen(self) -> None:
        """Close the database and open it again: this gives back the memory RocksDB kept for the writes so far.

        (For that instant the lock is released; another kg that takes it makes this build stop with "in use".)
        """
        self.db.flush()
        self.db = self.forms.db = self.reports.db = None
        self.db = self.forms.db = self.reports.db = _open(self.path, create=False)
        self.written = 0

    def _reports_in(self, aid: str) -> list[Report]:
        out = []
        for q in self.db.quads_for_pattern(None, _N(KG.reportKey), None, _N(index_iri(aid))):
            for r in self.db.quads_for_pattern(q.subject, _N(KG.record), None, _N(index_iri(aid))):
                out.append(Report.from_json(r.object.value))
                break
        return list({r.id: r for r in out}.values())

    def _statement_map(self, regrouped: StatementChanges):
        def statement_of(report: Report) -> URIRef | None:
            sid = regrouped.statement_of.get(report.id) if report.id in regrouped.statement_of else \
                self.reports.statement_of(report)
            return ID[sid] if sid else None
        return statement_of

    def _write_article(self, req: _Request, ex: Extraction, actor_of: dict[str, str], statement_of) -> ArticleFacts:
        """Queue the article's graph and its index graph; return its facts."""
        aid = ex.article.id
        forms = self._forms_of(ex)
        ready = self._prepared(ex)
        actors = {key: CanonicalActor(actor_of[key], forms[key].type, forms[key].name)
                  for key in forms if key in actor_of}
        statements = {}
        for r in reports_of(ex, actor_of):
            node = statement_of(r)
            if node is not None:
                statements[r.record] = node
        facts = ArticleFacts(ex, actors, statements, origins=ready.origins if ready else None)
        req.insert(graph_iri(aid), facts.triples())
        node, idx = article_iri(aid), index_iri(aid)
        rows = [(node, KG.record, Literal(ready.record if ready else encode(ex)))]
        rows += [(node, KG.hasForm, form_iri(f)) for f in sorted({f.id for f in forms.values()})]
        for r in reports_of(ex, actor_of):
            rows += [(report_iri(r), RDF.type, KG.Report), (report_iri(r), KG.record, Literal(r.to_json())),
                     *((report_iri(r), KG.reportKey, Literal(k)) for k in sorted(r.keys))]
        req.insert(idx, rows)
        return facts

    def _provenance(self, a: Article, stamp: datetime | None) -> list[tuple]:
        v = kg_version()
        graph, activity, agent = graph_iri(a.id), ID[f"activity/kg-{v}/{quote(self.pipeline, safe='')}"], \
            ID[f"agent/kg-{v}"]
        label = "the built-in rule pipeline" if self.pipeline == "builtin" else f"the spaCy pipeline {self.pipeline}"
        out = [(graph, RDF.type, PROV.Entity), (graph, PROV.wasDerivedFrom, article_iri(a.id)),
               (graph, PROV.wasGeneratedBy, activity), (graph, KG.contentHash, Literal(content_hash(a))),
               (article_iri(a.id), RDF.type, KG.Article), *article_metadata(a),
               (activity, RDF.type, PROV.Activity), (activity, RDFS.label, Literal(f"kg {v} with {label}")),
               (activity, KG.pipeline, Literal(self.pipeline)), (activity, PROV.wasAssociatedWith, agent),
               (agent, RDF.type, PROV.SoftwareAgent), (agent, RDFS.label, Literal(f"kg {v}")),
               (agent, SDO.softwareVersion, Literal(v))]
        if stamp is not None:
            out.append((graph, PROV.generatedAtTime,
                        Literal(stamp.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
                                datatype=XSD.dateTime)))
        return out

    def _describe_actors(self, req: _Request, changes: Changes) -> None:
        stale = set(changes.retired)
        for actor_id, actor in changes.actors.items():
            triples = set(actor_description(actor))
            stored = {(_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object))
                      for q in self.db.quads_for_pattern(_N(actor_iri(actor_id)), None, None, _N(RESOLUTION))
                      if q.predicate.value != KG.articleCount}
            if stored != triples:
                stale.add(actor_id)
                req.insert(RESOLUTION, sorted(triples))
        req.clear_subjects(RESOLUTION, [actor_iri(a) for a in stale])

    def _describe_statements(self, req: _Request, regrouped: StatementChanges) -> None:
        stale = set(regrouped.retired)
        for sid, s in regrouped.statements.items():
            node = ID[sid]
            triples = set(statement_description(node, s.date, s.occasion))
            stored = {(_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object))
                      for q in self.db.quads_for_pattern(_N(node), None, None, _N(RESOLUTION))
                      if q.predicate.value not in _SUMMED}
            if stored != triples:
                stale.add(sid)
                req.insert(RESOLUTION, sorted(triples))
        req.clear_subjects(RESOLUTION, [ID[s] for s in stale])

    def _pause(self, new: dict[str, Extraction]) -> None:
        wanted = os.environ.get(PAUSE)
        if wanted and (wanted == "*" or wanted in new):
            print(f"kg: pausing before committing {', '.join(sorted(new))}", file=sys.stderr, flush=True)
            time.sleep(3600)

    # --- review, checks, export --------------------------------------------------------------------------

    def actors(self) -> list[tuple[CanonicalActor, int]]:
        """Every actor with the number of articles that mention it, by id."""
        out = []
        for cls, kind in ((KG.Person, "Person"), (KG.Organization, "Organization")):
            for q in self.db.quads_for_pattern(None, _N(RDF.type), _N(cls), _N(RESOLUTION)):
                node = q.subject
                about = self.about(node, _N(RESOLUTION))
                label = next((o.value for p, o in about if p.value == str(RDFS.label)), "")
                aliases = tuple(o.value for p, o in about if p.value == str(SKOS.altLabel))
                kind_of = next((o.value for p, o in about if p.value == str(KG.kind)), None)
                n = sum(1 for _ in self.db.quads_for_pattern(node, _N(KG.mentionedIn), None, None))
                out.append((CanonicalActor(_id_after(node, ID["actor/"]), kind, label, aliases, kind_of), n))
        return sorted(out, key=lambda x: x[0].id)

    def all_forms(self) -> dict[str, Form]:
        rows = self.db.quads_for_pattern(None, _N(KG.record), None, _N(FORMS))
        return {q.subject.value.rsplit("/", 1)[1]: Form.from_json(q.object.value) for q in rows}

    def articles_of(self, form: Form) -> list[str]:
        """The articles that use a name form."""
        out = set()
        for q in self.db.quads_for_pattern(None, _N(KG.hasForm), _N(form_iri(form)), None):
            if q.graph_name.value.startswith(str(ID["index/article/"])):
                out.add(_id_after(q.graph_name, ID["index/article/"]))
        return sorted(out)

    def review(self) -> list[Reviewed]:
        """The merges resolution made across articles, and those it considered and refused, over the whole store.

        Merges of two forms with one name, and what the actors file decided, are left out.
        """
        forms = self.all_forms()
        actors, changes = actor_resolution.resolve_forms(forms.values())
        articles: dict[tuple[str, str], set[str]] = {}  # (type, name) -> articles using a form of that name
        for f in forms.values():
            articles.setdefault((f.type, f.name), set()).update(self.articles_of(f))
        seen: dict[tuple, Reviewed] = {}
        for d in changes.decisions:
            if d.merged and (d.a.name == d.b.name or d.a.known or d.b.known):
                continue
            key = (d.merged, d.a.type, d.a.name, d.b.type, d.b.name, d.reason)
            seen.setdefault(key, Reviewed(d, actors[d.a.id], actors[d.b.id],
                                          tuple(sorted(articles[d.a.type, d.a.name])),
                                          tuple(sorted(articles[d.b.type, d.b.name]))))
        return list(seen.values())

    def exported_graphs(self) -> list[ox.NamedNode]:
        """The named graphs an export holds: every article's, provenance and resolution (not the index)."""
        return sorted((g for g in self.db.named_graphs() if isinstance(g, ox.NamedNode)
                       and not g.value.startswith(INDEX)), key=lambda g: g.value)

    def subjects(self, graph: ox.NamedNode | None = None) -> list:
        """The subjects of one exported graph, or of all of them, in a fixed order."""
        if graph is None:
            q = f'SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRSTARTS(STR(?g), "{INDEX}")) }}'
        else:
            q = f"SELECT DISTINCT ?s WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
        return sorted((row["s"] for row in self.db.query(q)), key=str)

    def about(self, subject, graph: ox.NamedNode | None = None) -> list[tuple]:
        """(predicate, object) pairs of one subject in one exported graph, or in all of them, sorted."""
        pairs = {(q.predicate, q.object) for q in self.db.quads_for_pattern(subject, None, None, graph)
                 if graph is not None or not q.graph_name.value.startswith(INDEX)}
        return sorted(pairs, key=lambda po: (po[0].value != RDF_TYPE, str(po[0]), str(po[1])))

    def verify(self) -> list[str]:
        """Problems found: articles half there, or a store that differs from building its articles afresh."""
        from kg.export.dataset import write_dataset

        problems = []
        ids = set(self.article_ids())
        graphs = {_id_after(g, ID["graph/"]) for g in self.exported_graphs() if g.value.startswith(str(ID["graph/"]))}
        indexed = {_id_after(g, ID["index/article/"]) for g in self.db.named_graphs()
                   if g.value.startswith(str(ID["index/article/"]))}
        for aid in sorted(ids ^ graphs):
            problems.append(f"article {aid}: {'no graph' if aid in ids else 'a graph but no provenance'}")
        for aid in sorted(ids ^ indexed):
            problems.append(f"article {aid}: {'no records' if aid in ids else 'records but no provenance'}")
        fresh = KGStore(pipeline=self.pipeline, timestamps=False)
        if self.known():
            fresh.use_actors_file(self.known())
        fresh.ingest([self.record(aid) for aid in sorted(ids & indexed)])
        mine, theirs = _lines(self, write_dataset), _lines(fresh, write_dataset)
        for line in sorted(mine - theirs)[:20]:
            problems.append(f"only in the store: {line}")
        for line in sorted(theirs - mine)[:20]:
            problems.append(f"only in a fresh build: {line}")
        return problems


def _lines(store: KGStore, write) -> set[str]:
    import io

    out = io.BytesIO()
    write(store, out, "nquads")
    return {line for line in out.getvalue().decode("utf-8").splitlines()
            if line and str(PROV.generatedAtTime) not in line}


def _give_back_memory() -> None:
    """Return the memory freed so far to the system (glibc keeps freed memory for reuse; an in-memory store
    that moved to disk leaves a lot of it). Elsewhere than glibc, nothing to do."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _spill_after() -> int:
    value = os.environ.get(SPILL)
    if value is None:
        return SPILL_AFTER
    try:
        return int(value)
    except ValueError:
        raise StoreError(f"${SPILL} must be a number of characters, not {value!r}") from None


def _open_read_only(path: Path | None, tries: int = 5) -> ox.Store:
    """Oxigraph's read-only view of ``path``/oxigraph: no lock taken.

    A writer may remove files between our reading the store's manifest and its files (it
    compacts as it goes); opening again then sees the new manifest, so a few tries are made.
    """
    if path is None:
        raise StoreError("an in-memory store cannot be opened read-only: give a store folder")
    db_dir = path / "oxigraph"
    if not db_dir.is_dir():
        raise StoreError(f"there is no store in {path}: make one with `kg build INPUT... --store {path}`")
    for attempt in range(1, tries + 1):
        try:
            return ox.Store.read_only(str(db_dir))
        except (OSError, RuntimeError) as e:
            error = getattr(e, "strerror", None) or e
            if attempt < tries:
                time.sleep(0.05 * attempt)
    raise StoreError(f"cannot open the store {path}: {error}; if a build is writing to it, try again when it is done")


def _open(path: Path | None, create: bool) -> ox.Store:
    if path is None:
        return ox.Store()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder; give --store a folder")
    db_dir = path / "oxigraph"
    if not create and not db_dir.is_dir():
        raise StoreError(f"there is no store in {path}: make one with `kg build INPUT... --store {path}`")
    try:
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(db_dir))
    except OSError as e:
        text = str(e)
        if "lock" in text.lower():
            raise StoreError(f"the store {path} is in use by another kg process (it holds {db_dir / 'LOCK'}); "
                             "wait for it to finish, then run this again") from None
        if "corrupt" in text.lower() or "Corruption" in text:
            raise StoreError(f"the store {path} is damaged and cannot be opened ({text}); "
                             "restore it from a backup or build it again") from None
        raise StoreError(f"cannot open the store {path}: {getattr(e, 'strerror', None) or text}") from None
    except RuntimeError as e:
        raise StoreError(f"the store {path} is damaged and cannot be opened ({e}); "
                         "restore it from a backup or build it again") from None
