"""Which outlet a report first came from, so corroboration counts independent sources only.

An article that says it carries another outlet's content counts with that outlet; so does
a sentence that names the outlet it took its news from:

    "All Content by Mehr News Agency is licensed under ..."   the article: Mehr News Agency
    "WASHINGTON (AP) — ..."                                   the article: Associated Press
    "The Associated Press contributed to this report."        the article: Associated Press
    source "Tehran Times (content by Mehr News Agency)"       the article: Mehr News Agency
    "..., the Tasnim News Agency reported."                   that sentence: Tasnim News Agency

``Origins(extraction).of(span)`` gives the outlet a piece of evidence counts for: the one
its sentence credits, else the one the article credits, else the article's own outlet,
else None (the article then counts on its own).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kg.model import Extraction, Span
from kg.nlp import lexicons as lx
from kg.nlp.names import fold
from kg.resolve.keys import org_compact

_WORD = r"[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*"
_NAME = r"((?:[Tt]he\s+)?" + _WORD + r"(?:\s+(?:" + _WORD + r"|of|for|and|de|al|el)){0,6})"
ARTICLE_CREDITS = [
    re.compile(r"\b[Aa]ll\s+[Cc]ontent\s+(?:by|from|of)\s+" + _NAME),
    re.compile(r"\b[Cc]ontent\s+(?:by|from|courtesy\s+of)\s+" + _NAME),
    re.compile(r"\b(?:[Oo]riginally|[Ff]irst)\s+(?:published|appeared)\s+(?:by|in|on)\s+" + _NAME),
    re.compile(r"\b[Rr]epublished\s+(?:from|with\s+permission\s+(?:of|from))\s+" + _NAME),
    re.compile(_NAME + r"\s+contributed\s+to\s+this\s+(?:report|story|article)"),
    re.compile(r"(?:©|\([Cc]\)|\b[Cc]opyright)\s*(?:©\s*)?(?:\d{4}\s+)?" + _NAME),
]
# Words one of which each of ARTICLE_CREDITS needs: a text with none of them is not searched.
CREDIT_WORDS = [("ontent",), ("ontent",), ("published", "appeared"), ("epublished",), ("contributed",),
                ("©", "(c)", "(C)", "opyright")]
# A dateline: "WASHINGTON (AP) —", "TEHRAN, March 4, 2024 (Tehran Chronicle) –", at the start of a line.
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z'.-]+(?:[ ,/][A-Za-z0-9 ,.'/-]{0,60}?)?\s*\(([^()\n]{2,40})\)\s*[-–—]")
SENTENCE_CUES = [
    r"according\s+to\s+(?:the\s+)?{o}",
    r"(?:quoted|cited|reported|carried|published)\s+by\s+(?:the\s+)?{o}",
    r"\btold\s+(?:the\s+)?{o}",
    r"\bin\s+an\s+interview\s+with\s+(?:the\s+)?{o}",
    r"{o}(?:\s+news\s+agency)?\s+(?:reported|quoted|cited|said|wrote)",
    r"{o}['’]s?\s+(?:report|reporter|correspondent)",
]
CONTENT_BY = re.compile(r"\(\s*(?:content|reporting)\s+(?:by|from)\s+([^()]+)\)")


@cache
def _outlets() -> dict[str, str]:
    """Every gazetteer name of a news outlet -> its canonical name."""
    return {name: canon for name, (canon, kind, ambiguous) in lx.organizations().items()
            if kind == "outlet" and not ambiguous}


def outlet_names() -> list[str]:
    """Every gazetteer outlet name of more than three letters, longest first: what ``outlets_in`` finds."""
    return sorted((n for n in _outlets() if len(n) > 3), key=len, reverse=True)


@cache
def _outlet_heads() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """Where an outlet name may start, and the names by their first four characters (longest first)."""
    heads: dict[str, list[str]] = {}
    for name in outlet_names():
        heads.setdefault(name[:4], []).append(name)
    first = "".join(sorted({name[0] for name in outlet_names()}))
    return re.compile(r"(?<!\w)[" + re.escape(first) + "]"), {k: tuple(v) for k, v in heads.items()}


_WORD_CHAR = re.compile(r"\w")


def outlets_in(text: str) -> list[str]:
    """The gazetteer's outlet names in ``text``, left to right, longest first where several start at one place.

    The same as ``re.findall`` with every name in one alternation between word boundaries, but a dictionary
    lookup per word instead of two thousand alternatives tried at every character.
    """
    start, heads = _outlet_heads()
    found = []
    pos = 0
    while m := start.search(text, pos):
        at = m.start()
        for name in heads.get(text[at:at + 4], ()):
            end = at + len(name)
            if text.startswith(name, at) and not _WORD_CHAR.match(text, end):
                found.append(name)
                pos = end
                break
        else:
            pos = at + 1
    return found


@cache
def _news_words() -> frozenset[str]:
    return lx.words("news_words.txt")


def outlet_name(name: str) -> str:
    """The name an outlet is counted under: "The Associated Press", "AP" -> "Associated Press"."""
    name = re.sub(r"\s+", " ", name).strip(" .,;:'\"")
    known = _outlets()
    for candidate in (name, re.sub(r"^[Tt]he ", "", name)):
        if candidate in known:
            return known[candidate]
    return re.sub(r"^[Tt]he ", "", name)


def is_outlet(name: str) -> bool:
    """A news outlet by the gazetteer or by its last word ("Capital Wire", "Gulf Observer", "Reuters")."""
    name = name.strip()
    if not name or outlet_name(name) in set(_outlets().values()):
        return bool(name)
    last = fold(name.split()[-1]).strip(".,")
    return last in _news_words()


def origin_key(name: str) -> str:
    """Two names of one outlet give one key."""
    return org_compact(outlet_name(name))


def _trim(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in ("of", "for", "and", "de", "al", "el", "the"):
        words.pop()
    return " ".join(words)


def article_credit(text: str, source: str | None = None) -> str | None:
    """The outlet an article says its content comes from, None when it credits nobody."""
    if source:
        m = CONTENT_BY.search(source)
        if m:
            return outlet_name(m[1])
    credits = [p if any(w in text for w in needs) else None for p, needs in zip(ARTICLE_CREDITS, CREDIT_WORDS)]
    for pattern in filter(None, credits[:4]):
        m = pattern.search(text)
        if m and _trim(m[1]):
            return outlet_name(_trim(m[1]))
    for pattern in filter(None, credits[4:]):
        for m in pattern.finditer(text):
            name = _trim(m[1])
            if name and is_outlet(name):
                return outlet_name(name)
    head = text[:600]
    m = DATELINE.search(head)
    if m and is_outlet(m[1]):
        return outlet_name(m[1])
    return None


def own_outlet(source: str | None) -> str | None:
    """The outlet that published the article, from its source field, without any "(content by ...)" note."""
    if not source:
        return None
    name = CONTENT_BY.sub("", source).strip()
    return outlet_name(name) if name else None


def sentence_credit(sentence: str, outlets: Iterable[str]) -> str | None:
    """The outlet a sentence says its news comes from, among ``outlets`` (names seen in the article)."""
    names = sorted({o for o in outlets if o and o.lower() in sentence.lower()}, key=len, reverse=True)
    for name in names:
        o = re.escape(name).replace(r"\ ", r"\s+")
        for cue in SENTENCE_CUES:
            if re.search(cue.format(o=o), sentence, flags=re.I):
                return outlet_name(name)
    return None


class Origins:
    """The outlet each piece of evidence of one article counts for."""

    def __init__(self, ex: Extraction):
        a = ex.article
        self.credit = article_credit(a.text, a.source)
        self.outlet = own_outlet(a.source)
        names = {n for actor in ex.actors if actor.kind == "outlet" for n in (actor.name, *actor.aliases)}
        self.outlets = names | set(outlets_in(a.text))

    @property
    def article(self) -> str | None:
        """What the whole article counts for: the outlet it credits, else its own."""
        return self.credit or self.outlet

    def of(self, span: Span | None) -> str | None:
        if span is not None:
            found = sentence_credit(span.text, self.outlets)
            if found:
                return found
        return self.article
