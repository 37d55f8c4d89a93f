"""Token-level views of the lexicons, built once: multi-word entries as tuples of token texts."""
from __future__ import annotations

from functools import cache

from kg.nlp import lexicons as lx


def _tuples(names) -> dict[tuple[str, ...], str]:
    return {tuple(n.split()): n for n in names}


@cache
def titles() -> dict[tuple[str, ...], str]:
    return _tuples(lx.words("titles.txt"))


@cache
def organizations() -> dict[tuple[str, ...], tuple[str, str, bool]]:
    return {tuple(k.split()): v for k, v in lx.organizations().items()}


@cache
def states() -> dict[tuple[str, ...], str]:
    names = dict(lx.countries())
    for capital, state in lx.capitals().items():
        names.setdefault(capital, state)
    return {tuple(k.split()): v for k, v in names.items()}


@cache
def places() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in lx.places())


@cache
def max_len() -> int:
    return max([len(k) for d in (titles(), organizations(), states()) for k in d] + [len(p) for p in places()] + [1])


@cache
def org_heads() -> frozenset[str]:
    return lx.words("org_heads.txt")


@cache
def news_words() -> frozenset[str]:
    return lx.words("news_words.txt") if (lx.HERE / "news_words.txt").exists() else frozenset(
        {"news", "radio", "tv", "television", "times", "post", "press", "agency", "journal", "channel"})


@cache
def particles() -> frozenset[str]:
    return lx.words("particles.txt")


@cache
def verbs() -> dict[str, str]:
    return lx.classes("verbs.tsv")


@cache
def cues() -> dict[str, str]:
    return lx.classes("cue_words.tsv")


@cache
def cue_set(cls: str) -> frozenset[str]:
    return frozenset(w for w, c in cues().items() if c == cls)


@cache
def roles() -> dict[str, str]:
    """Role nouns, lowercased (`mp`, `ceo`) -> class."""
    return {w.lower(): c for w, c in lx.classes("role_nouns.txt").items()}


def verb_class(lower: str) -> str | None:
    """The statement class of a verb form ("praised" -> "praise"), None for other words."""
    v = verbs()
    return v.get(lower) or v.get(lx.lemma(lower))


def is_common(word: str) -> bool:
    return word.lower() in lx.common_words()
