"""Name normalising: transliteration keys, acronyms and name comparison.

Used within an article (Ghaani and Qaani in one text) and across articles (the
resolver's index), so it lives before both stages.

    >>> same_name("Esmaeil Ghaani", "Esmail Qaani")
    True
    >>> same_name("Hossein Salami", "Hassan Salami")
    False
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PREFIXES = ("al-", "el-", "al ", "el ", "ul-", "as-", "ash-", "ad-", "an-", "ar-", "at-", "az-")
SKIP_IN_ACRONYM = {"of", "the", "for", "and", "on", "in", "to", "a", "an", "&", "de", "du", "des", "la", "le"}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})
# Spelling classes of romanised Arabic, Persian, Turkish, Russian names, applied in order.
_RULES = [
    (r"^(?:al|el|ul|as|ash|ad|an|ar|at|az)-", ""),
    (r"['\-]", ""),
    (r"kh", "x"), (r"gh", "q"), (r"q", "k"), (r"ck", "k"), (r"c(?=[aou]|[^aeiouy]|$)", "k"),
    (r"ph", "f"), (r"th", "t"), (r"dh", "d"), (r"dj", "j"), (r"zh", "j"), (r"w", "v"),
    (r"ou|oo", "u"), (r"ee|ie|ey", "i"), (r"ay", "ai"), (r"aa", "a"), (r"(?<=[aeiou])y(?=[aeiou])", "i"),
    (r"(?<=[^aeiou])y(?=[^aeiou]|$)", "i"), (r"([a-z])\1+", r"\1"), (r"(?<=[aeiou])h$", ""),
]
_COMPILED = [(re.compile(p), r) for p, r in _RULES]


def fold(text: str) -> str:
    """Lowercase, without diacritics, with one kind of apostrophe and hyphen."""
    s = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def translit(word: str) -> str:
    """A spelling key of one name word: Ghaani and Qaani -> "kani"; Qassem, Qasem, Kassem -> "kasem"."""
    s = fold(word)
    for pat, rep in _COMPILED:
        s = pat.sub(rep, s)
    return s


def skeleton(word: str) -> str:
    """The consonants of a spelling key, with its first letter: the index key for lookups."""
    t = translit(word)
    return t[:1] + re.sub(r"[aeiou]", "", t[1:])


def _distance(a: str, b: str) -> float:
    """Edit distance where one vowel for another costs half (Mohammed/Muhammad: 1)."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            sub = 0 if ca == cb else 0.5 if ca in "aeiou" and cb in "aeiou" else 1
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word (Soleimani/Suleimani, Mohammed/Muhammad, Deif/Dayf)."""
    if a == b or fold(a) == fold(b):
        return True
    ta, tb = translit(a), translit(b)
    if ta == tb:
        return True
    if skeleton(a) != skeleton(b) or min(len(ta), len(tb)) < 3:
        return False
    shortest = min(len(ta), len(tb))
    return _distance(ta, tb) <= (0.5 if shortest <= 5 else max(1, shortest // 4))


def words(name: str) -> list[str]:
    """The words of a name, without the Arabic article as a separate word."""
    out = []
    for w in re.split(r"[\s]+", name.strip()):
        w = w.strip(".,")
        if not w:
            continue
        out.append(w)
    return out


def same_name(a: str, b: str) -> bool:
    """Full names that are spellings of each other, word by word."""
    wa, wb = words(a), words(b)
    return len(wa) == len(wb) and all(same_word(x, y) for x, y in zip(wa, wb))


def name_key(name: str) -> str:
    """One key per spelling family of a full name: "esml kn" for Esmail Qaani and Esmaeil Ghaani."""
    return " ".join(skeleton(w) for w in words(name))


def acronym(name: str) -> str:
    """The initials of a name's capitalised words: Islamic Revolutionary Guard Corps -> IRGC."""
    letters = []
    for w in re.split(r"[\s-]+", name):
        if not w or fold(w) in SKIP_IN_ACRONYM:
            continue
        if w.lower().startswith(("al-", "el-")):
            w = w[3:]
        if w[:1].isupper():
            letters.append(w[0])
    return "".join(letters)


def is_acronym(token: str) -> bool:
    """IRGC, U.N., PLO, E3, G20: two to seven capitals (digits after the first), maybe with dots."""
    t = token.replace(".", "")
    return 2 <= len(t) <= 7 and t[0].isalpha() and t.isalnum() and t.isupper() and \
        sum(c.isalpha() for c in t) >= 1 and not t.isdigit()


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names (as word lists) of one person: same surname, compatible given names.

    ["Javad", "Zarif"] and ["Mohammad", "Javad", "Zarif"]: True; ["Ali", "Khamenei"] and
    ["Mojtaba", "Khamenei"]: False.
    """
    if not a or not b or not same_word(a[-1], b[-1]):
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(same_word(x, y) for y in long_[:-1]) for x in short[:-1])


def org_key(text: str) -> str:
    """A key for organization names that differ only in form: `The Islamic Revolutionary Guards Corps`."""
    s = fold(text)
    s = re.sub(r"^the ", "", s)
    s = s.replace("organisation", "organization").replace("centre", "center").replace("defence", "defense")
    s = re.sub(r"\bguards\b", "guard", s)
    s = re.sub(r"'s\b", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()
