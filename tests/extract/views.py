"""Plain-value views of an Extraction, so the tests compare names rather than keys."""
from __future__ import annotations

from kg.model import Actor, Extraction


def actor(ex: Extraction, name: str) -> Actor:
    """The one actor labelled ``name`` or having it as an alias."""
    found = [a for a in ex.actors if a.name == name or name in a.aliases]
    assert len(found) == 1, f"{name!r} is in {len(found)} actors: {[a.name for a in ex.actors]}"
    return found[0]


def names(ex: Extraction) -> set[str]:
    return {a.name for a in ex.actors}


def quotes(ex: Extraction) -> list[tuple[str, str]]:
    """(quote text, speaker name) in the order of the text."""
    return [(q.text, ex.actor(q.speaker).name) for q in sorted(ex.quotes, key=lambda q: q.start)]


def speaker_of(ex: Extraction, words: str) -> str | None:
    """The speaker's name of the one quote whose text holds ``words``, None when it was not emitted."""
    found = [q for q in ex.quotes if words in q.text]
    assert len(found) <= 1, f"{words!r} is in {len(found)} quotes"
    return ex.actor(found[0].speaker).name if found else None


def letters(ex: Extraction) -> list[tuple[set[str], set[str]]]:
    """(sender names, recipient names) of each letter."""
    return [({ex.actor(k).name for k in lt.senders}, {ex.actor(k).name for k in lt.recipients})
            for lt in ex.letters]


def speeches(ex: Extraction) -> list[tuple[str, str | None, str | None]]:
    """(speaker name, occasion, date) of each speech."""
    return [(ex.actor(s.speaker).name, s.occasion, s.date) for s in ex.speeches]


def relations(ex: Extraction, kind: str | None = None) -> set[tuple[str, str, str]]:
    """(kind, source name, target name) of each relation, of one kind if given."""
    return {(r.kind, ex.actor(r.source).name, ex.actor(r.target).name)
            for r in ex.relations if kind is None or r.kind == kind}
