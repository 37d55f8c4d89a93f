"""One canonical actor per real actor across articles.

    "Esmaeil Ghaani" (Mehr) and "Esmail Qaani" (The Jerusalem Post)  -> one actor
    "Ali Khamenei" and "Mojtaba Khamenei"                             -> two actors
    "IRGC" and "Islamic Revolutionary Guards Corps"                    -> one actor
    "al-Qassam Brigades" and "Izzadin al-Qassam Brigades"             -> one actor
    "Labour Party" and "Stevenage Labour Party"                       -> two actors

What is resolved is a ``Form``: the way one article names one actor (its fullest name,
other forms, type and kind). Many articles share a form; resolution maps every form to
an actor.

**Lookup, never a scan.** Every form is filed under keys (``kg.resolve.keys``). Adding
forms recomputes only the *component* they touch: the forms reachable from them through
shared keys. That costs the same whatever else is known, and because the component is
recomputed from scratch the result is a function of the set of forms, never of the order
they came in (``update`` over any sequence of additions equals one ``resolve_forms``).

**The rules**, in this order, each refused when it would break a constraint below:

1. the actors file: a form whose name is listed for a known actor belongs to it;
2. persons with the same name in one spelling family (Qasem/Qassem, Mohammed/Mohammad);
   persons sharing a surname and a given name whose given names are among each
   other's (Javad Zarif, Mohammad Javad Zarif);
3. organizations sharing a name once spelling, "the"/"al-", and given names or a parent's
   acronym before the name are set aside (Guard/Guards, Izzadin al-Qassam Brigades);
4. a bare surname joins the one actor with that surname, and an acronym the one
   organization with those initials; when there are several, it stays apart.

Constraints: a person and an organization never merge; a person's names must all be
parts of one of them (Ali Khamenei and Mojtaba Khamenei have no name that covers
both); two actors of the actors file never merge, nor any pair it says to keep apart.

**IRIs.** An actor's id is the slug of its label: the actors file's canonical name, or
else the fullest name (most words, then alphabetically first), without titles. Actors
whose labels slug alike (a person and an organization both called "Hamas") are numbered
``hamas``, ``hamas_2`` in a fixed order. So an id is deterministic and independent of
input order, but it changes when a fuller name of the actor turns up: the store then
rewrites the graphs of the articles that mention the actor (see ``kg.graph.store``).
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Protocol

from kg.model import ORGANIZATION, PERSON, Actor, CanonicalActor, Extraction
from kg.nlp.names import is_acronym, same_person, same_word, skeleton
from kg.resolve.keys import (
    org_compact,
    org_keys,
    org_words,
    person_identity,
    person_keys,
    person_words,
    slug,
    strip_titles,
)

STRONG = frozenset("ingos")  # key families that connect a component both ways
PULLS = {"p": "b", "a": "A"}  # a full name's surname pulls bare surnames; initials pull acronyms


@dataclass(frozen=True)
class Form:
    """One way of naming an actor: what resolution compares. Many articles share one form."""

    type: str  # PERSON or ORGANIZATION
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    known: bool = False  # an entry of the actors file
    never: tuple[str, ...] = ()  # names the actors file says this actor is not

    @classmethod
    def of(cls, actor: Actor) -> Form:
        kind = actor.kind or None
        return cls(PERSON if actor.type == PERSON else ORGANIZATION, actor.name,
                   tuple(sorted(set(actor.aliases) - {actor.name})), kind)

    @cached_property
    def id(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()[:24]

    def to_json(self) -> str:
        return json.dumps([self.type, self.name, list(self.aliases), self.kind, self.known, list(self.never)],
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Form:
        t, name, aliases, kind, known, never = json.loads(text)
        return cls(t, name, tuple(aliases), kind, known, tuple(never))

    @property
    def sort_key(self) -> tuple:
        return (self.type, self.name, self.aliases, self.kind or "", self.known, self.never)

    @cached_property
    def person(self) -> list[str]:
        return person_words(self.name) if self.type == PERSON else []

    @property
    def is_bare(self) -> bool:
        """A person named by one word only, a surname most of the time ("Khamenei")."""
        return self.type == PERSON and not self.known and len(self.person) == 1

    @property
    def is_acronym_only(self) -> bool:
        return self.type == ORGANIZATION and not self.known and all(is_acronym(n.strip()) for n in self.names)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @cached_property
    def identities(self) -> frozenset[str]:
        """Spelling-family strings of the names that stand for the whole actor (the name; for organizations,
        known actors and never-lists, every alias)."""
        if self.type == PERSON and not self.known:
            return frozenset({identity(PERSON, self.name)} - {""})
        return frozenset({identity(self.type, n) for n in self.names} - {""})

    @cached_property
    def keys(self) -> frozenset[str]:
        if self.type == PERSON:
            keys = set(person_keys(self.name))
            if self.known:
                for alias in self.aliases:
                    keys |= {k for k in person_keys(alias) if k[0] in "in"}
            return frozenset(keys)
        if self.kind == "state":
            return frozenset(org_keys(self.name, state=True))
        return frozenset(k for n in self.names for k in org_keys(n))


@lru_cache(maxsize=65536)
def identity(type_: str, name: str) -> str:
    return person_identity(name) if type_ == PERSON else org_compact(name)


class FormIndex(Protocol):
    """Where the forms already resolved are kept: a store on disk, or memory."""

    def forms_with_key(self, key: str) -> Iterable[Form]: ...

    def actor_of(self, form: Form) -> str | None: ...

    def forms_of_actor(self, actor_id: str) -> Iterable[Form]: ...


@dataclass(frozen=True)
class Decision:
    """A merge the resolver made, or considered and refused, with its reason."""

    merged: bool
    reason: str
    a: Form
    b: Form


@dataclass
class Changes:
    """What an update changes: the actor of each form touched, and the actors to (re)describe or retire."""

    actor_of: dict[str, str | None] = field(default_factory=dict)  # form id -> actor id (None: form gone)
    actors: dict[str, CanonicalActor] = field(default_factory=dict)  # actor id -> description
    members: dict[str, list[Form]] = field(default_factory=dict)  # actor id -> its forms
    retired: set[str] = field(default_factory=set)  # actor ids that no longer exist
    decisions: list[Decision] = field(default_factory=list)


class _Cluster:
    """Forms merged so far, with what the constraints need to know about them."""

    def __init__(self, form: Form):
        self.forms = [form]
        self.known = {form.id} if form.known else set()
        self.idents = set(form.identities) | {identity(form.type, n) for n in form.names}
        self.never = {identity(form.type, n) for n in form.never}
        self.full = [form.person] if len(form.person) >= 2 else []


class _Union:
    def __init__(self, forms: list[Form], decisions: list[Decision]):
        self.forms = forms
        self.parent = list(range(len(forms)))
        self.data = {i: _Cluster(f) for i, f in enumerate(forms)}
        self.decisions = decisions

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def refusal(self, ra: int, rb: int, force: bool) -> str | None:
        a, b = self.data[ra], self.data[rb]
        if a.forms[0].type != b.forms[0].type:
            return "a person and an organization are never one actor"
        if a.known and b.known:
            return "the actors file lists them as two actors"
        if a.never & b.idents or b.never & a.idents:
            return "the actors file says to keep them apart"
        if not force and a.full and b.full and not _covered(a.full + b.full):
            return "they share a surname but no name of theirs holds both sets of given names"
        return None

    def union(self, i: int, j: int, reason: str, *, force: bool = False, record: bool = True) -> bool:
        ra, rb = self.find(i), self.find(j)
        if ra == rb:
            return True
        refused = self.refusal(ra, rb, force)
        if refused:
            self.decisions.append(Decision(False, refused + f" ({reason})", self.forms[i], self.forms[j]))
            return False
        if record:
            self.decisions.append(Decision(True, reason, self.forms[i], self.forms[j]))
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        a, b = self.data[keep], self.data.pop(gone)
        a.forms += b.forms
        a.known |= b.known
        a.idents |= b.idents
        a.never |= b.never
        a.full += b.full
        return True

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.forms)):
            out[self.find(i)].append(i)
        return sorted(out.values())


def _covered(names: list[list[str]]) -> bool:
    """Whether one of these full names holds all the others (same surname, their given names among its own)."""
    widest = max(len(n) for n in names)
    return any(all(same_person(n, m) for n in names) for m in names if len(m) == widest)


def _spelling(a: Form, b: Form) -> str:
    same_length = a.type == PERSON and len(a.person) == len(b.person)
    pairs = [f"{x}/{y}" for x, y in zip(a.person, b.person) if x != y] if same_length else []
    return f", spelled differently ({', '.join(pairs)})" if pairs else ""


def _cluster(forms: list[Form], decisions: list[Decision]) -> _Union:
    """Rules 1-3 over a component: the actors file, same names, same persons, same organizations."""
    u = _Union(forms, decisions)
    by_identity: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        if f.known:
            for ident in f.identities:
                by_identity[ident].append(i)
    # 1. the actors file
    for i, f in enumerate(forms):
        if f.known:
            continue
        idents = [f.identities] if f.type == PERSON else [f.identities]
        pins = sorted({k for ids in idents for ident in ids for k in by_identity.get(ident, ())
                       if forms[k].type == f.type})
        if len(pins) == 1:
            u.union(i, pins[0], f'the actors file lists "{f.name}" under "{forms[pins[0]].name}"', force=True)
        elif len(pins) > 1:
            names = ", ".join(f'"{forms[k].name}"' for k in pins)
            decisions.append(Decision(False, f"the actors file lists it under several actors: {names}",
                                      f, forms[pins[0]]))
    # 2. persons: the same name; then a surname and a given name in common
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        if f.type == PERSON and not f.known:
            for ident in f.identities:
                buckets["i:" + ident].append(i)
            if len(f.person) >= 2:
                for k in f.keys:
                    if k.startswith("g:"):
                        buckets[k].append(i)
    for key in sorted(buckets):
        members = buckets[key]
        if key.startswith("i:"):
            for j in members[1:]:
                u.union(members[0], j, f'the same name{_spelling(forms[members[0]], forms[j])}')
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if u.find(i) != u.find(j) and same_person(forms[i].person, forms[j].person):
                    u.union(i, j, f"the same surname, and the given names of one are among the other's"
                                  f"{_spelling(forms[i], forms[j])}")
    # 3. organizations: a name in common once spelling and leading given names are set aside
    org_buckets: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        if f.type != PERSON and not f.known:
            for k in f.keys:
                if k[0] in "ios" and not k.startswith("n:"):
                    org_buckets[k[2:]].append(i)
    for key in sorted(org_buckets):
        members = org_buckets[key]
        for j in members[1:]:
            a, b = forms[members[0]], forms[j]
            why = "the same name" if a.identities & b.identities else \
                "one name is the other with given names or a parent's acronym before it"
            u.union(members[0], j, why + f" ({key})")
    # a person and an organization of one name: noted, never merged
    people = {ident: i for i, f in enumerate(forms) if f.type == PERSON for ident in f.identities}
    for i, f in enumerate(forms):
        if f.type != PERSON:
            for ident in sorted(f.identities & people.keys()):
                decisions.append(Decision(False, "a person and an organization are never one actor",
                                          forms[people[ident]], f))
                break
    return u


def _attach_candidates(u: _Union, forms: list[Form], root: int, index: FormIndex, added: _Added,
                       removed: set[str], local: Mapping[str, int]) -> list[tuple[str, str | int, Form]]:
    """Up to two actors a bare surname or an acronym could join, as (label, target, a form of it).

    A target is a cluster root of this component (int) or the id of an actor outside it (str).
    """
    f = u.forms[root]
    if f.is_bare:
        word = f.person[0]
        key = "p:" + skeleton(word)

        def fits(g: Form) -> bool:
            return g.type == PERSON and len(g.person) >= 2 and same_word(g.person[-1], word)
    else:
        key = "A:" + f.name.strip().replace(".", "")
        letters = key[2:]
        key = "a:" + letters

        def fits(g: Form) -> bool:
            return g.type == ORGANIZATION and key in g.keys
    found: dict[str | int, Form] = {}
    for g in _with_key(index, added, removed, key):
        if not fits(g):
            continue
        if g.id in local:
            target: str | int = u.find(local[g.id])
        else:
            target = index.actor_of(g) or ""
            if not target:
                continue
        found.setdefault(target, g)
        if len(found) > 1:
            break
    return [(g.name, t, g) for t, g in found.items()]


class _Added(dict):
    """Forms being added, by id, with an index of their keys."""

    def __init__(self, forms: Iterable[Form] = ()):
        super().__init__((f.id, f) for f in forms)
        self.by_key: dict[str, list[Form]] = defaultdict(list)
        for f in self.values():
            for k in f.keys:
                self.by_key[k].append(f)


def _with_key(index: FormIndex, added: _Added, removed: set[str], key: str) -> Iterator[Form]:
    seen = set()
    for f in added.by_key.get(key, ()):
        seen.add(f.id)
        yield f
    for f in index.forms_with_key(key):
        if f.id not in seen and f.id not in removed and f.id not in added:
            seen.add(f.id)
            yield f


def _component(index: FormIndex, added: _Added, removed: Mapping[str, Form]) -> list[Form]:
    """Every live form whose actor may change: reachable from the forms added or removed through shared keys."""
    found: dict[str, Form] = {}
    queue = list(added.values()) + list(removed.values())
    done: set[str] = set()
    gone = set(removed)
    while queue:
        f = queue.pop()
        for key in sorted(f.keys):
            family = key[0]
            wanted = [key] if family in STRONG else []
            if family in PULLS:
                wanted.append(PULLS[family] + key[1:])
            for k in wanted:
                if k in done:
                    continue
                done.add(k)
                for g in _with_key(index, added, gone, k):
                    if g.id not in found:
                        found[g.id] = g
                        queue.append(g)
        if f.id not in gone and f.id not in found:
            found[f.id] = f
    return sorted(found.values(), key=lambda f: f.sort_key)


def describe(forms: list[Form]) -> tuple[str, str, tuple[str, ...], str | None]:
    """Label, type, other names and kind of the actor these forms name."""
    known = sorted((f for f in forms if f.known), key=lambda f: f.sort_key)
    if known:
        label = known[0].name
    else:
        full = [f for f in forms if not f.is_bare and not f.is_acronym_only] or forms
        label = min((strip_titles(f.name) for f in full), key=lambda n: (-_size(forms[0].type, n), n))
    names = {n for f in forms for n in f.names}
    kinds = sorted({f.kind for f in forms if f.kind})
    return label, forms[0].type, tuple(sorted(names - {label})), kinds[0] if kinds else None


def _size(type_: str, name: str) -> int:
    return len(person_words(name)) if type_ == PERSON else len(org_words(name))


def update(index: FormIndex, added: Iterable[Form] = (), removed: Iterable[Form] = ()) -> Changes:
    """Resolve the forms touched when ``added`` forms appear and ``removed`` ones disappear from ``index``.

    ``added`` are forms the index does not hold yet; ``removed`` forms it holds that are no
    longer used. The caller writes the result back to the index.
    """
    added_map = _Added(added)
    removed_map = {f.id: f for f in removed if f.id not in added_map}
    out = Changes()
    if not added_map and not removed_map:
        return out
    forms = _component(index, added_map, removed_map)
    local = {f.id: i for i, f in enumerate(forms)}
    u = _cluster(forms, out.decisions)
    # 4. bare surnames and acronyms join the one actor they can stand for
    outside: dict[str, list[int]] = defaultdict(list)  # actor id outside the component -> roots joining it
    for group in u.groups():
        root = u.find(group[0])
        members = [forms[i] for i in group]
        if not (all(f.is_bare for f in members) or all(f.is_acronym_only for f in members)):
            continue
        rep = min(members, key=lambda f: f.sort_key)
        candidates = _attach_candidates(u, forms, local[rep.id], index, added_map, set(removed_map), local)
        what = "a surname alone" if rep.is_bare else "an acronym"
        if len(candidates) == 1:
            label, target, g = candidates[0]
            if isinstance(target, int):
                label = describe(u.data[u.find(target)].forms)[0]
            reason = f'"{rep.name}" is {what} and "{label}" the only actor it can stand for'
            if isinstance(target, int):
                u.union(local[rep.id], target, reason)
            elif not u.data[root].known:
                outside[target].append(root)
                out.decisions.append(Decision(True, reason, rep, g))
        elif len(candidates) > 1:
            names = " and ".join(f'"{describe(u.data[u.find(c[1])].forms)[0] if isinstance(c[1], int) else c[0]}"'
                                 for c in candidates)
            out.decisions.append(Decision(False, f'"{rep.name}" is {what} that could stand for {names} '
                                                 "(or more): kept apart", rep, candidates[0][2]))
    # ids: the slug of the label, numbered when labels slug alike
    groups = [[forms[i] for i in g] for g in u.groups()]
    joined = {u.find(r) for rs in outside.values() for r in rs}
    own = [g for g in groups if u.find(local[g[0].id]) not in joined]
    by_slug: dict[str, list[list[Form]]] = defaultdict(list)
    for g in own:
        by_slug[slug(describe(g)[0])].append(g)
    for base, gs in by_slug.items():
        gs.sort(key=lambda g: (g[0].type, sorted(f.id for f in g)))
        for n, g in enumerate(gs, 1):
            _set_actor(out, base if n == 1 else f"{base}_{n}", g)
    # actors outside the component that gain or lose bare surnames or acronyms
    previous = {f.id: index.actor_of(f) for f in forms}
    previous.update({fid: index.actor_of(f) for fid, f in removed_map.items()})
    touched = set(outside) | {a for a in previous.values() if a and a not in out.actors}
    for actor_id in sorted(touched):
        kept = [f for f in index.forms_of_actor(actor_id) if f.id not in local and f.id not in removed_map]
        joining = [forms[i] for r in outside.get(actor_id, ()) for i in range(len(forms)) if u.find(i) == r]
        if kept or joining:
            _set_actor(out, actor_id, kept + joining)
        else:
            out.retired.add(actor_id)
    for fid in removed_map:
        out.actor_of[fid] = None
    return out


def _set_actor(out: Changes, actor_id: str, forms: list[Form]) -> None:
    label, type_, aliases, kind = describe(forms)
    out.actors[actor_id] = CanonicalActor(actor_id, type_, label, aliases, kind)
    out.members[actor_id] = sorted(forms, key=lambda f: f.sort_key)
    for f in forms:
        out.actor_of[f.id] = actor_id


class MemoryIndex:
    """A ``FormIndex`` in a dict, for resolving a batch in memory."""

    def __init__(self) -> None:
        self.forms: dict[str, Form] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.actor: dict[str, str] = {}
        self.members: dict[str, set[str]] = defaultdict(set)

    def forms_with_key(self, key: str) -> Iterator[Form]:
        for fid in sorted(self.by_key.get(key, ())):
            yield self.forms[fid]

    def actor_of(self, form: Form) -> str | None:
        return self.actor.get(form.id)

    def forms_of_actor(self, actor_id: str) -> Iterator[Form]:
        for fid in sorted(self.members.get(actor_id, ())):
            yield self.forms[fid]

    def apply(self, added: Iterable[Form], removed: Iterable[Form], changes: Changes) -> None:
        for f in added:
            self.forms[f.id] = f
            for k in f.keys:
                self.by_key[k].add(f.id)
        for f in removed:
            self.forms.pop(f.id, None)
            for k in f.keys:
                self.by_key[k].discard(f.id)
        for fid, actor in changes.actor_of.items():
            old = self.actor.pop(fid, None)
            if old:
                self.members[old].discard(fid)
            if actor:
                self.actor[fid] = actor
                self.members[actor].add(fid)

    def resolved(self) -> dict[str, list[Form]]:
        """Actor id -> its forms."""
        return {a: [self.forms[f] for f in sorted(fs)] for a, fs in sorted(self.members.items()) if fs}


def resolve_forms(forms: Iterable[Form]) -> tuple[dict[str, CanonicalActor], Changes]:
    """Resolve a whole batch: form id -> canonical actor, and the changes (with every decision)."""
    index = MemoryIndex()
    forms = list({f.id: f for f in forms}.values())
    changes = update(index, forms)
    index.apply(forms, (), changes)
    return {fid: changes.actors[a] for fid, a in changes.actor_of.items() if a}, changes


def resolve(extractions: Iterable[Extraction], known: Iterable[Form] = ()) -> list[dict[str, CanonicalActor]]:
    """For each extraction (in order), a map from its actor keys to canonical actors."""
    exs = list(extractions)
    forms = [Form.of(a) for ex in exs for a in ex.actors]
    actors, _ = resolve_forms([*forms, *known])
    return [{a.key: actors[Form.of(a).id] for a in ex.actors} for ex in exs]
