"""One canonical actor per real actor across articles.

    "Esmaeil Ghaani" (Mehr) and "Esmail Qaani" (The Jerusalem Post)  -> one actor
    "Ali Khamenei" and "Mojtaba Khamenei"                             -> two actors
    "IRGC" and "Islamic Revolutionary Guards Corps"                    -> one actor

Actors are merged through an index of name keys (transliteration skeletons,
organization keys, acronyms), never by comparing every pair, so adding an
article costs the same however many actors are known. The result does not
depend on the order the articles come in.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kg.model import ORGANIZATION, PERSON, Actor, CanonicalActor, Extraction
from kg.nlp.names import acronym, fold, is_acronym, org_key, same_person, skeleton, words

TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "general", "gen", "president", "sen", "rep", "gov"}


def _person_words(name: str) -> list[str]:
    return [w for w in words(name) if w.lower() not in ("al", "el", "bin", "ibn", "de", "van", "von")]


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s or "actor"


def resolve(extractions: Iterable[Extraction]) -> list[dict[str, CanonicalActor]]:
    """For each extraction (in order), a map from its actor keys to canonical actors."""
    items: list[tuple[int, Actor]] = []
    exs = list(extractions)
    for e, ex in enumerate(exs):
        for a in ex.actors:
            items.append((e, a))
    # a deterministic order, whatever order the articles came in
    order = sorted(range(len(items)), key=lambda k: (items[k][1].type, items[k][1].name, exs[items[k][0]].article.id,
                                                      items[k][1].key))
    u = _Union()
    people: dict[str, list[int]] = defaultdict(list)  # surname skeleton -> multi-word persons
    singles: list[int] = []
    orgs: dict[str, int] = {}
    initials: dict[str, set[int]] = defaultdict(set)
    for k in order:
        _, a = items[k]
        u.find(k)
        if a.type == PERSON:
            w = _person_words(a.name)
            if len(w) < 2:
                singles.append(k)
                continue
            for other in people[skeleton(w[-1])]:
                if same_person(w, _person_words(items[other][1].name)):
                    u.union(k, other)
            people[skeleton(w[-1])].append(k)
        else:
            names = (a.name,) + a.aliases
            if a.kind == "state":
                keys = {"state:" + org_key(a.name)}
            else:
                keys = {org_key(x) for x in names if not is_acronym(x)}
                keys |= {"acr:" + x.replace(".", "") for x in names if is_acronym(x)}
                for x in names:  # `IRGC` and `Islamic Revolutionary Guard Corps`, when no other name has those initials
                    if len(x.split()) >= 2 and not is_acronym(x):
                        initials[acronym(x)].add(k)
            for key in sorted(keys):
                if key in orgs:
                    u.union(k, orgs[key])
                else:
                    orgs[key] = k
    for letters, full in sorted(initials.items()):
        acr = orgs.get("acr:" + letters)
        roots = {u.find(f) for f in full}
        if acr is not None and len(roots) == 1:
            u.union(acr, roots.pop())
    for k in singles:
        w = _person_words(items[k][1].name)
        if not w:
            continue
        roots = {u.find(o) for o in people.get(skeleton(w[-1]), []) if same_person(w, _person_words(items[o][1].name))}
        if len(roots) == 1:
            u.union(k, roots.pop())
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(items)):
        groups[u.find(k)].append(k)
    canon: dict[int, CanonicalActor] = {}
    used_ids: dict[str, int] = {}
    for root in sorted(groups, key=lambda r: min(items[k][1].name for k in groups[r])):
        members = [items[k][1] for k in groups[root]]
        label = max((m.name for m in members), key=lambda n: (len(_person_words(n)), len(n), n))
        aliases = sorted({x for m in members for x in (m.name,) + m.aliases} - {label})
        kind = next((m.kind for m in members if m.kind), None)
        base = slug(label)
        cid = base if base not in used_ids else f"{base}-{used_ids[base] + 1}"
        used_ids[base] = used_ids.get(base, 0) + 1
        c = CanonicalActor(id=cid, type=members[0].type if members[0].type in (PERSON, ORGANIZATION) else ORGANIZATION,
                           name=label, aliases=tuple(aliases), kind=kind)
        for k in groups[root]:
            canon[k] = c
    out: list[dict[str, CanonicalActor]] = [dict() for _ in exs]
    for k, (e, a) in enumerate(items):
        out[e][a.key] = canon[k]
    return out
