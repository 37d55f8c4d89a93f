"""A small hand-made article with a letter, a speech, quotes and relations, and its actors."""
from __future__ import annotations

from pathlib import Path

from rdflib import XSD, Literal
from rdflib.namespace import SDO

from kg.model import (
    ORGANIZATION,
    PERSON,
    Actor,
    Article,
    CanonicalActor,
    Extraction,
    Letter,
    Quote,
    Relation,
    Span,
    Speech,
)

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


def count(n: int) -> Literal:
    """An xsd:integer literal, as the graph writes offsets and source counts (Oxigraph keeps no narrower type)."""
    return Literal(n, datatype=XSD.integer)


def iso_date(s: str) -> Literal:
    return Literal(s, datatype=XSD.date)


XSD_DATETIME = XSD.dateTime
DATE_PUBLISHED = SDO.datePublished  # test modules import terms, not namespaces pytest would probe

TEXT = (
    "Foreign Minister Lena Vos sent a letter to Omar Haddad and the Harbour Council on Monday. "
    "In the letter, Vos praised Haddad and quoted his speech at the Spring Forum. "
    "“We stand with you,” Vos wrote. "
    "At the forum Haddad had said that “the harbour belongs to all.” "
    "“Nothing is decided,” an official said, according to the Daily Ledger."
)


def span(sentence: str) -> Span:
    start = TEXT.index(sentence)
    return Span(start, start + len(sentence), sentence)


def quote(qid: str, words: str, sentence: str, speaker: str | None, part_of: str | None = None) -> Quote:
    start = TEXT.index(words)
    return Quote(qid, words, start, start + len(words), speaker, span(sentence), part_of=part_of)


S_LETTER = "Foreign Minister Lena Vos sent a letter to Omar Haddad and the Harbour Council on Monday."
S_PRAISE = "In the letter, Vos praised Haddad and quoted his speech at the Spring Forum."
S_WROTE = "“We stand with you,” Vos wrote."
S_SAID = "At the forum Haddad had said that “the harbour belongs to all.”"
S_LEDGER = "“Nothing is decided,” an official said, according to the Daily Ledger."

CANONICAL = {
    "a1": CanonicalActor("lena-vos", PERSON, "Lena Vos", ("Vos", "Lena Vos", "Minister Vos")),
    "a2": CanonicalActor("omar-haddad", PERSON, "Omar Haddad", ("Haddad",)),
    "a3": CanonicalActor("harbour-council", ORGANIZATION, "Harbour Council"),
    "a4": CanonicalActor("daily-ledger", ORGANIZATION, "Daily Ledger", kind="outlet"),
}


def extraction(article_id: str = "vos-letter", source: str | None = "The Harbour Times",
               date: str | None = "2024-03-05") -> Extraction:
    """The sample article; id, outlet and date vary to build several articles from it."""
    return Extraction(
        article=Article(article_id, TEXT, source=source, date=date,
                        url=f"https://example.org/{article_id}", title="Vos writes to Haddad"),
        actors=(
            Actor("a1", PERSON, "Lena Vos", ("Vos",), kind=None, roles=("Foreign Minister",)),
            Actor("a2", PERSON, "Omar Haddad", ("Haddad",)),
            Actor("a3", ORGANIZATION, "Harbour Council"),
            Actor("a4", ORGANIZATION, "Daily Ledger", kind="outlet"),
        ),
        speeches=(Speech("s1", "a2", span(S_SAID), occasion="Spring Forum", quotes=("q2",)),),
        letters=(Letter("l1", ("a1",), ("a2", "a3"), span(S_LETTER), date="Monday",
                        quotes=("q1",), cites=("s1",)),),
        quotes=(
            quote("q1", "We stand with you,", S_WROTE, "a1", part_of="l1"),
            quote("q2", "the harbour belongs to all.", S_SAID, "a2"),  # part of s1 via Speech.quotes
            quote("q3", "Nothing is decided,", S_LEDGER, None),
        ),
        relations=(
            Relation("praised", "a1", "a2", span(S_PRAISE), via="l1"),
            Relation("sentLetterTo", "a1", "a2", span(S_LETTER), via="l1"),  # also implied by l1
            Relation("quoted", "a1", "a2", span(S_PRAISE)),
        ),
    )
