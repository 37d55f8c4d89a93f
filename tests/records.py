"""Extraction records written by hand, for tests of resolution and the store that need no NLP.

    article("a", "Esmail Qaani wrote to Mohammed Deif.", source="The Jerusalem Post",
            actors=[person("q", "Esmail Qaani", "Qaani"), person("d", "Mohammed Deif")],
            letters=[("l0", "q", "d", "Esmail Qaani wrote to Mohammed Deif.")])
"""
from __future__ import annotations

from kg.model import ORGANIZATION, PERSON, Actor, Article, Extraction, Letter, Relation, Span, Speech


def person(key: str, name: str, *aliases: str) -> Actor:
    return Actor(key, PERSON, name, tuple(aliases))


def org(key: str, name: str, *aliases: str, kind: str | None = None) -> Actor:
    return Actor(key, ORGANIZATION, name, tuple(aliases), kind=kind)


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def article(aid: str, text: str, *, source: str | None = None, date: str | None = None,
            actors=(), letters=(), speeches=(), relations=()) -> Extraction:
    """``letters``: (id, sender key(s), recipient key(s), sentence[, date]); ``speeches``: (id, speaker,
    sentence, occasion[, date]); ``relations``: (kind, source, target, sentence)."""
    def keys(k):
        return (k,) if isinstance(k, str) else tuple(k)

    return Extraction(
        article=Article(aid, text, source=source, date=date),
        actors=tuple(actors),
        letters=tuple(Letter(lt[0], keys(lt[1]), keys(lt[2]), span(text, lt[3]), date=lt[4] if len(lt) > 4 else None)
                      for lt in letters),
        speeches=tuple(Speech(s[0], s[1], span(text, s[2]), occasion=s[3], date=s[4] if len(s) > 4 else None)
                       for s in speeches),
        relations=tuple(Relation(r[0], r[1], r[2], span(text, r[3])) for r in relations),
    )


QAANI_MEHR = article(
    "mehr-qaani", "Brigadier General Esmaeil Ghaani sent a letter to Mohammed Deif, commander of the "
    "Izz ad-Din al-Qassam Brigades. Ghaani praised Deif. All Content by Mehr News Agency is licensed under "
    "a Creative Commons Attribution 4.0 International License.",
    source="Tehran Times",
    actors=[person("a", "Esmaeil Ghaani", "Brigadier General Esmaeil Ghaani", "Ghaani"),
            person("b", "Mohammed Deif", "Deif"),
            org("c", "Izz ad-Din al-Qassam Brigades", "al-Qassam Brigades", kind="armed")],
    letters=[("l0", "a", "b", "Brigadier General Esmaeil Ghaani sent a letter to Mohammed Deif, commander of "
                              "the Izz ad-Din al-Qassam Brigades.")],
    relations=[("praised", "a", "b", "Ghaani praised Deif.")],
)
QAANI_MEHR_ITSELF = article(
    "mehr-own", "Esmail Qaani sent a letter to Mohammed Deif. Qaani praised Deif.",
    source="Mehr News Agency", date="2021-05-19",
    actors=[person("a", "Esmail Qaani", "Qaani"), person("b", "Mohammed Deif", "Deif")],
    letters=[("l0", "a", "b", "Esmail Qaani sent a letter to Mohammed Deif.")],
    relations=[("praised", "a", "b", "Qaani praised Deif.")],
)
QAANI_JPOST = article(
    "jpost-qaani", "The IRGC Quds Force chief Esmail Qaani wrote to Mohammed Deif of the Izzadin al-Qassam "
    "Brigades. The Islamic Revolutionary Guards Corps (IRGC) backs Hamas. Qaani praised Deif.",
    source="The Jerusalem Post", date="2021-05-20",
    actors=[person("q", "Esmail Qaani", "Brig.-Gen. Esmail Qaani", "Qaani"), person("d", "Mohammed Deif", "Deif"),
            org("z", "Izzadin al-Qassam Brigades"), org("i", "Islamic Revolutionary Guards Corps", "IRGC"),
            org("f", "Quds Force", "IRGC Quds Force", kind="armed")],
    letters=[("l0", "q", "d", "The IRGC Quds Force chief Esmail Qaani wrote to Mohammed Deif of the Izzadin "
                              "al-Qassam Brigades.")],
    relations=[("praised", "q", "d", "Qaani praised Deif.")],
)
KHAMENEI_ALI = article(
    "ali", "Supreme Leader Ali Khamenei praised the Quds Force in a speech marking International Quds Day.",
    source="Press TV",
    actors=[person("k", "Ali Khamenei", "Supreme Leader Ali Khamenei", "Khamenei"), org("f", "Quds Force")],
    speeches=[("s0", "k", "Supreme Leader Ali Khamenei praised the Quds Force in a speech marking International "
                          "Quds Day.", "International Quds Day")],
    relations=[("praised", "k", "f", "Supreme Leader Ali Khamenei praised the Quds Force in a speech marking "
                                     "International Quds Day.")],
)
KHAMENEI_BARE = article(
    "bare", "Ayatollah Khamenei spoke on Al-Quds Day.",
    source="Al-Alam",
    actors=[person("k", "Khamenei", "Ayatollah Khamenei")],
    speeches=[("s0", "k", "Ayatollah Khamenei spoke on Al-Quds Day.", "Al-Quds Day")],
)
KHAMENEI_MOJTABA = article(
    "mojtaba", "Mojtaba Khamenei thanked the IRGC.",
    actors=[person("m", "Mojtaba Khamenei", "Khamenei"), org("i", "IRGC")],
    relations=[("praised", "m", "i", "Mojtaba Khamenei thanked the IRGC.")],
)
SOLEIMANI = article(
    "soleimani", "The Islamic Revolutionary Guard Corps remembered General Qassem Soleimani. The Qasem "
    "Soleimani Foundation held a ceremony.",
    source="Tasnim News Agency",
    actors=[person("s", "Qassem Soleimani", "General Qassem Soleimani", "Soleimani"),
            org("i", "Islamic Revolutionary Guard Corps"), org("f", "Qasem Soleimani Foundation")],
    relations=[("praised", "i", "s", "The Islamic Revolutionary Guard Corps remembered General Qassem Soleimani.")],
)
LABOUR = article(
    "labour", "The Labour Party and the Stevenage Labour Party wrote to the council.",
    source="BBC News",
    actors=[org("l", "Labour Party"), org("s", "Stevenage Labour Party"), org("c", "Stevenage Borough Council")],
    letters=[("l0", ("l", "s"), "c", "The Labour Party and the Stevenage Labour Party wrote to the council.")],
)
POOL = [QAANI_MEHR, QAANI_MEHR_ITSELF, QAANI_JPOST, KHAMENEI_ALI, KHAMENEI_BARE, KHAMENEI_MOJTABA, SOLEIMANI, LABOUR]
