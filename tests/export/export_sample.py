"""A small graph built the ordinary way, for the export tests."""
from __future__ import annotations

from rdflib import Graph

from kg.graph.build import graph_of
from kg.model import PERSON, Actor, Article, CanonicalActor, Extraction, Letter, Quote, Relation, Span

TEXT = 'Omar Haddad wrote to Lena Vos.\n"Thank you," Haddad wrote, praising Vos – «merci».'


def span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


def sample_graph(text: str = TEXT) -> Graph:
    """Haddad's letter to Vos and his praise of her; ``text`` replaces the article text."""
    article = Article("haddad-letter", text, source="Coast Radio", date="2024-03-06", url="https://example.org/h")
    praise = span('"Thank you," Haddad wrote, praising Vos')
    thanks = TEXT.index("Thank you,")
    ex = Extraction(
        article=article,
        actors=(Actor("a1", PERSON, "Omar Haddad"), Actor("a2", PERSON, "Lena Vos")),
        letters=(Letter("l1", ("a1",), ("a2",), span("Omar Haddad wrote to Lena Vos.")),),
        quotes=(Quote("q1", "Thank you,", thanks, thanks + 10, "a1", praise, part_of="l1"),),
        relations=(Relation("praised", "a1", "a2", praise, via="l1"),),
    )
    actors = {"a1": CanonicalActor("omar-haddad", PERSON, "Omar Haddad", ("Haddad",)),
              "a2": CanonicalActor("lena-vos", PERSON, "Lena Vos", ("Vos",))}
    return graph_of([(ex, actors)])
