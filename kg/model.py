"""The records that flow through the pipeline.

Every record is a frozen dataclass of plain values (strings, ints, tuples), never
a spaCy object, so it pickles across processes and outlives the Doc it came from.
Offsets are character offsets into ``Article.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PERSON = "Person"
ORGANIZATION = "Organization"


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a JSONL line or stdin."""

    id: str
    text: str
    source: str | None = None  # the outlet, "The Jerusalem Post"
    date: str | None = None  # ISO 8601 date of publication, "2021-05-20"
    url: str | None = None
    title: str | None = None
    origin: str = ""  # where it was read from, "feed.jsonl:12", for messages


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: the evidence a reader can click through to."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in the text."""

    start: int
    end: int
    text: str  # the name as written, without a leading title ("Esmail Qaani")
    title: str = ""  # the title or role words before it ("Brig.-Gen.")


@dataclass(frozen=True)
class Actor:
    """A person or organization of one article, with every form it appears under.

    ``key`` is local to the article ("a3"); resolution across articles maps it to a
    canonical actor.
    """

    key: str
    type: str  # PERSON or ORGANIZATION
    name: str  # the fullest form, used as rdfs:label
    aliases: tuple[str, ...] = ()  # every other form seen (skos:altLabel)
    mentions: tuple[Mention, ...] = ()
    kind: str | None = None  # "state", "outlet", or None
    roles: tuple[str, ...] = ()  # titles and roles seen ("commander of the Quds Force")


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said or wrote it.

    "We will win," Ahmadi said.  ->  Quote(text="We will win,", speaker=<Ahmadi>)
    """

    id: str
    text: str
    start: int  # offsets of the words inside the quotation marks
    end: int
    speaker: str | None  # Actor.key, None when nobody could be named
    evidence: Span  # the sentence(s) holding the quote and its attribution
    cue: str | None = None  # the reporting word that attributed it ("said", "according to")
    part_of: str | None = None  # the id of the Letter or Speech it comes from


@dataclass(frozen=True)
class Letter:
    """A written message from one or more senders to one or more recipients."""

    id: str
    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    evidence: Span
    date: str | None = None
    quotes: tuple[str, ...] = ()  # ids of the quotes that are its content
    cites: tuple[str, ...] = ()  # ids of the speeches it refers to


@dataclass(frozen=True)
class Speech:
    """A speech, address or briefing delivered orally by an actor."""

    id: str
    speaker: str
    evidence: Span
    occasion: str | None = None
    date: str | None = None
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """An actor-to-actor edge: ``sentLetterTo``, ``praised`` or ``quoted``."""

    kind: str
    source: str  # Actor.key
    target: str  # Actor.key
    evidence: Span
    via: str | None = None  # the id of the Letter, Speech or Quote it rests on


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    letters: tuple[Letter, ...] = ()
    speeches: tuple[Speech, ...] = ()
    relations: tuple[Relation, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def actor(self, key: str) -> Actor:
        for a in self.actors:
            if a.key == key:
                return a
        raise KeyError(key)


RELATION_KINDS = ("sentLetterTo", "praised", "quoted")


@dataclass(frozen=True)
class CanonicalActor:
    """One real-world actor across all articles: what resolution gives the graph."""

    id: str  # stable slug, the last part of the actor's IRI ("esmail-qaani")
    type: str  # PERSON or ORGANIZATION
    name: str  # rdfs:label
    aliases: tuple[str, ...] = ()  # skos:altLabel, every other form seen
    kind: str | None = None
