"""The word lists the rule components use, loaded once from the data files beside this module.

Every file: one entry per line, ``#`` starts a comment, fields are separated by a tab.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([f.strip() for f in line.split("\t")])
    return rows


@cache
def words(name: str) -> frozenset[str]:
    """The first field of every line of ``name``."""
    return frozenset(r[0] for r in _rows(name))


@cache
def classes(name: str) -> dict[str, str]:
    """First field -> second field (the word's class) of every line of ``name``."""
    out: dict[str, str] = {}
    for r in _rows(name):
        out.setdefault(r[0], r[1] if len(r) > 1 else "")
    return out


def of_class(name: str, cls: str) -> frozenset[str]:
    return frozenset(w for w, c in classes(name).items() if c == cls)


@cache
def given_names() -> dict[str, str]:
    """Given name -> gender ("m", "f" or "u"); names that are also ordinary words are left out."""
    if not (HERE / "given_names.tsv").exists():
        return {}
    out = {}
    for r in _rows("given_names.tsv"):
        if len(r) > 2 and r[2] == "common":
            continue
        out.setdefault(r[0], r[1] if len(r) > 1 else "u")
    return out


@cache
def ambiguous_given_names() -> frozenset[str]:
    """Given names that are also ordinary words ("Will", "Grant"): a name only beside another name."""
    if not (HERE / "given_names.tsv").exists():
        return frozenset()
    return frozenset(r[0] for r in _rows("given_names.tsv") if len(r) > 2 and r[2] == "common")


@cache
def countries() -> dict[str, str]:
    """Every name of a state (and its capital) -> the state's canonical name."""
    out: dict[str, str] = {}
    if not (HERE / "countries.tsv").exists():
        return out
    for r in _rows("countries.tsv"):
        canon = r[0]
        out[canon] = canon
        for alias in (r[1].split("|") if len(r) > 1 and r[1] else []):
            out.setdefault(alias, canon)
    return out


@cache
def capitals() -> dict[str, str]:
    out: dict[str, str] = {}
    if not (HERE / "countries.tsv").exists():
        return out
    for r in _rows("countries.tsv"):
        if len(r) > 3 and r[3]:
            out.setdefault(r[3], r[0])
    return out


@cache
def demonyms() -> dict[str, str]:
    """Demonym adjective ("Iranian") -> state; adjectives of peoples ("Kurdish") -> ""."""
    out: dict[str, str] = {w: "" for w in words("peoples.txt")}
    if not (HERE / "countries.tsv").exists():
        return out
    for r in _rows("countries.tsv"):
        for d in (r[2].split("|") if len(r) > 2 and r[2] else []):
            out.setdefault(d, r[0])
    return out


@cache
def organizations() -> dict[str, tuple[str, str, bool]]:
    """Every name of a well-known organization -> (canonical name, kind, ambiguous)."""
    out: dict[str, tuple[str, str, bool]] = {}
    if not (HERE / "orgs.tsv").exists():
        return out
    for r in _rows("orgs.tsv"):
        canon, kind = r[0], (r[1] if len(r) > 1 else "other")
        ambiguous = len(r) > 3 and r[3] == "ambiguous"
        out.setdefault(canon, (canon, kind, False))
        for alias in (r[2].split("|") if len(r) > 2 and r[2] else []):
            out.setdefault(alias, (canon, kind, ambiguous))
    return out


@cache
def places() -> frozenset[str]:
    return words("places.txt") if (HERE / "places.txt").exists() else frozenset()


@cache
def common_words() -> frozenset[str]:
    return words("common_words.txt") | words("function_words.txt")


@cache
def _lemma_table() -> dict[str, str]:
    import gzip
    import json

    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data/en_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(data.read_bytes()))


def lemma(word: str) -> str:
    """The lookup lemma of a lowercase word ("said" -> "say"), the word itself when unknown."""
    return _lemma_table().get(word, word)


@cache
def _verb_forms() -> frozenset[str]:
    import gzip
    import json

    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    index = json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes()))["verb"]
    irregular = json.loads(gzip.decompress((data / "en_lemma_exc.json.gz").read_bytes()))["verb"]
    return frozenset(index) | frozenset(irregular)


def is_past_verb(word: str) -> bool:
    """A past tense or participle of a known verb: "praised", "sent", "told" (not "letter")."""
    w = word.lower()
    if w.endswith("ed"):
        base = lemma(w)
        return base != w and base in _verb_forms() or len(w) > 4 and (w[:-1] in _verb_forms() or w[:-2] in _verb_forms())
    return w in _verb_forms() and lemma(w) != w and w not in ("left", "whose", "found")


def is_verb(word: str) -> bool:
    """A form of a known verb, any tense: "consider", "praised", "sent"."""
    w = word.lower()
    return w in _verb_forms() or lemma(w) in _verb_forms() and lemma(w) != w
