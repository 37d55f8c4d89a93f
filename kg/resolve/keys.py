"""Index keys of actor names: under which keys a name is filed, so resolution finds candidates by lookup.

Two names that may belong to one actor share at least one key, so the resolver
only ever compares names found under the same key, never every known actor.

    person_keys("Brig.-Gen. Esmaeil Ghaani")   i:esmaeilkani  g:kn/esml  p:kn ...
    org_keys("Izzadin al-Qassam Brigades")     o:izadinkasambrigades  o:kasambrigades  a:IQB ...

Key families (the letter before the colon):

    i  identity: the whole name in its spelling-family form (persons and organizations)
    n  the slug an IRI would be made of, so actors that would share an IRI meet
    g  a person's surname and one given name ("Javad Zarif" and "Mohammad Javad Zarif" meet)
    p  a person's surname alone: published by full names, looked up by a bare surname
    o  an organization name in compact form, also with leading given names stripped
    s  a state's name
    a  initials: published by multi-word organization names, looked up by an acronym
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.nlp import lexicons as lx
from kg.nlp.names import acronym, fold, is_acronym, org_key, skeleton, translit, words

# Lowercase words that stand between the parts of a personal name and are not themselves names.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "della", "dos", "das",
                            "du", "van", "von", "der", "den", "ter", "la", "le", "y"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Arabic given names made with "ad-Din" ("faith"): Izz ad-Din, Izzadin, Izzeddine, Salahuddin, Nureddin.
_DIN_NAME = re.compile(r"^[a-z]{2,}[aeiu]-?d?d(?:i|ee)ne?$")
_NAME_LINKS = frozenset({"ad-din", "al-din", "ud-din", "ed-din", "din", "izz", "izz-ad-din", "abu", "abd", "abdel",
                         "abdul", "bin", "ibn", "umm"})


@cache
def _titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles as word tuples by their first word, longest first ("Brigadier General" before "Brigadier")."""
    tuples = {tuple(t.split()) for t in lx.words("titles.txt")}
    tuples |= {tuple(t.lower().split()) for t in lx.words("titles.txt")}
    out: dict[str, list[tuple[str, ...]]] = {}
    for t in sorted(tuples, key=len, reverse=True):
        out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=65536)
def strip_titles(name: str) -> str:
    """The name without the titles before it: "Brig.-Gen. Esmail Qaani" -> "Esmail Qaani"."""
    parts = name.split()
    titles = _titles()
    changed = True
    while changed and len(parts) > 1:
        changed = False
        for title in titles.get(parts[0], ()):
            n = len(title)
            if n < len(parts) and tuple(parts[:n]) == title:
                parts = parts[n:]
                changed = True
                break
    return " ".join(parts)


def person_words(name: str) -> list[str]:
    """The words of a person's name that identify them: no titles, particles or "Jr."."""
    return list(_person_words(name))


@lru_cache(maxsize=65536)
def _person_words(name: str) -> tuple[str, ...]:
    out = []
    for w in words(strip_titles(name)):
        w = re.sub(r"['’]s$", "", w)
        if fold(w) in NAME_PARTICLES or fold(w).strip(".") in SUFFIXES:
            continue
        out.append(w)
    return tuple(out)


@lru_cache(maxsize=65536)
def person_identity(name: str) -> str:
    """One string per spelling family of a whole personal name: "esmailkani" for Esmail Qaani."""
    return "".join(translit(w) for w in person_words(name))


def org_words(name: str) -> list[str]:
    """The words of an organization name, normalised (org_key), without "the", "al-" and "el-"."""
    return list(_org_words(name))


@lru_cache(maxsize=65536)
def _org_words(name: str) -> tuple[str, ...]:
    out = []
    for w in org_key(strip_titles(name)).split():
        if w in ("the", "al", "el"):
            continue
        out.append(w)
    return tuple(out)


@lru_cache(maxsize=65536)
def org_compact(name: str) -> str:
    """An organization name in one spelling-family string: Izz ad-Din al-Qassam Brigades -> "izadinkasambrigades"."""
    return translit("".join(org_words(name)))


def slug(text: str) -> str:
    """The readable part of an IRI: "Esmail Qaani" -> "esmail-qaani"."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s or "actor"


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in lx.words("org_heads.txt"))


@cache
def _places() -> frozenset[str]:
    names = set(lx.places()) | set(lx.countries()) | set(lx.demonyms())
    return frozenset(fold(n) for n in names)


@lru_cache(maxsize=65536)
def is_given_name_like(word: str) -> bool:
    """A word that can only be part of a personal name: Izzadin, Abdullah, ad-Din (not Jordan, not Stevenage)."""
    w = fold(word).strip(".,")
    if not w or w in _places() or w in _org_heads() or w in lx.common_words():
        return False
    if w in _NAME_LINKS or _DIN_NAME.match(w):
        return True
    return word in lx.given_names() or word.capitalize() in lx.given_names()


def is_distinctive(word: str) -> bool:
    """A word that tells one organization from others: "Qassam" yes; "Brigades", "Labour", "the" no."""
    w = fold(word).strip(".,")
    w = re.sub(r"^(?:al|el)-", "", w)
    return bool(w) and w not in _org_heads() and w not in lx.common_words() and w not in NAME_PARTICLES \
        and len(w) > 1


def org_short_forms(name: str) -> list[str]:
    """Shorter names the organization is also known by: its name without leading given names or a parent's acronym.

    "Izzadin al-Qassam Brigades" -> ["al-Qassam Brigades"]; "IRGC Quds Force" -> ["Quds Force"];
    "Stevenage Labour Party" -> [] (a place names a branch, not the party).
    """
    parts = strip_titles(name).split()
    out = []
    i = 0
    while i < len(parts) - 1:
        w = parts[i]
        pieces = [p for p in w.split("-") if p]
        if is_acronym(w) and fold(w) not in _places() and i == 0:
            pass
        elif fold(w) in _NAME_LINKS or is_given_name_like(w):
            pass
        elif pieces and all(is_given_name_like(p) or fold(p) in _NAME_LINKS for p in pieces):
            pass
        else:
            break
        i += 1
        rest = parts[i:]
        if any(is_distinctive(p) for r in rest for p in r.split("-")):
            out.append(" ".join(rest))
    return out


def person_keys(name: str) -> set[str]:
    w = person_words(name)
    if not w:
        return set()
    keys = {"i:" + person_identity(name), "n:" + slug(strip_titles(name))}
    surname = skeleton(w[-1])
    if len(w) == 1:
        keys.add("b:" + surname)
    else:
        keys.add("p:" + surname)
        keys |= {f"g:{surname}/{skeleton(g)}" for g in w[:-1]}
    return keys


def org_keys(name: str, *, state: bool = False) -> set[str]:
    """Keys of one organization name (an alias gives keys of its own)."""
    compact = org_compact(name)
    if not compact:
        return set()
    keys = {"i:" + compact, "n:" + slug(strip_titles(name))}
    if is_acronym(name.strip()):
        keys.add("o:" + compact)
        keys.add("A:" + name.strip().replace(".", ""))
        return keys
    keys.add(("s:" if state else "o:") + compact)
    if not state:
        keys |= {"o:" + org_compact(short) for short in org_short_forms(name)}
    if len(name.split()) >= 2:
        initials = acronym(name)
        if len(initials) >= 2:
            keys.add("a:" + initials)
    return keys
