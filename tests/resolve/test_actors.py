"""Resolution of name forms into actors: what merges, what stays apart, ids, order and lookups."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import ORGANIZATION, PERSON
from kg.resolve.actors import Form, MemoryIndex, resolve_forms, update


def Per(name: str, *aliases: str) -> Form:
    return Form(PERSON, name, tuple(sorted(aliases)))


def Org(name: str, *aliases: str, kind: str | None = None) -> Form:
    return Form(ORGANIZATION, name, tuple(sorted(aliases)), kind)


def groups(forms: list[Form]) -> set[frozenset[str]]:
    actors, _ = resolve_forms(forms)
    out: dict[str, set[str]] = {}
    for f in forms:
        out.setdefault(actors[f.id].id, set()).add(f.name)
    return {frozenset(g) for g in out.values()}


def one(*forms: Form) -> None:
    assert groups(list(forms)) == {frozenset(f.name for f in forms)}, groups(list(forms))


def apart(*forms: Form) -> None:
    assert groups(list(forms)) == {frozenset({f.name}) for f in forms}, groups(list(forms))


@pytest.mark.parametrize("a, b", [
    ("Esmaeil Ghaani", "Esmail Qaani"),
    ("Qasem Soleimani", "Qassem Soleimani"),
    ("Mohammed Deif", "Mohammad Deif"),
    ("Hamad al-Rumaithi", "Hamad el-Rumaithi"),
    ("Yousef Karimi", "Yusuf Kareemi"),
    ("Javad Zarif", "Mohammad Javad Zarif"),
])
def test_spellings_of_one_person_are_one_actor(a, b):
    one(Per(a), Per(b))


def test_titles_are_not_part_of_the_name():
    actors, _ = resolve_forms([Per("Brig.-Gen. Esmail Qaani"), Per("Brigadier General Esmail Qaani")])
    assert {a.name for a in actors.values()} == {"Esmail Qaani"}


def test_people_who_share_only_a_surname_stay_apart():
    apart(Per("Ali Khamenei"), Per("Mojtaba Khamenei"))


def test_a_name_that_covers_both_joins_partial_names():
    one(Per("Mohammad Zarif"), Per("Javad Zarif"), Per("Mohammad Javad Zarif"))
    assert groups([Per("Mohammad Zarif"), Per("Javad Zarif")]) == {frozenset({"Mohammad Zarif"}),
                                                              frozenset({"Javad Zarif"})}


def test_bare_surname_joins_the_only_actor_with_it():
    one(Per("Khamenei", "Ayatollah Khamenei"), Per("Ali Khamenei"))


def test_bare_surname_of_two_actors_stays_apart():
    forms = [Per("Khamenei", "Ayatollah Khamenei"), Per("Ali Khamenei"), Per("Mojtaba Khamenei")]
    assert groups(forms) == {frozenset({"Khamenei"}), frozenset({"Ali Khamenei"}), frozenset({"Mojtaba Khamenei"})}
    _, changes = resolve_forms(forms)
    refused = [d for d in changes.decisions if not d.merged and d.a.name == "Khamenei"]
    assert refused and "Ali Khamenei" in refused[0].reason and "Mojtaba Khamenei" in refused[0].reason


def test_a_person_and_an_organization_named_after_them_stay_apart():
    apart(Per("Qasem Soleimani"), Org("Qasem Soleimani Foundation"))
    apart(Per("Hamas"), Org("Hamas"))
    _, changes = resolve_forms([Per("Hamas"), Org("Hamas")])
    assert any(not d.merged and "person and an organization" in d.reason for d in changes.decisions)


@pytest.mark.parametrize("a, b", [
    ("Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guards Corps"),
    ("Islamic Revolutionary Guard Corps", "The Islamic Revolutionary Guard Corps"),
    ("al-Qassam Brigades", "Izzadin al-Qassam Brigades"),
    ("Izz ad-Din al-Qassam Brigades", "Izzadin al-Qassam Brigades"),
    ("Qassam Brigades", "Izzedine al-Qassam Brigades"),
    ("Quds Force", "IRGC Quds Force"),
    ("Abdullah Azzam Brigades", "Azzam Brigades"),
])
def test_forms_of_one_organization_are_one_actor(a, b):
    one(Org(a), Org(b))


@pytest.mark.parametrize("a, b", [
    ("Labour Party", "Stevenage Labour Party"),  # a place names a branch
    ("Labour Party", "Scottish Labour Party"),  # so does a people's adjective
    ("Labour Party", "UK Labour Party"),  # a country, though an acronym
    ("Labour Party", "Jordan Labour Party"),  # a given name that is also a country
    ("Republicans", "Young Republicans"),  # a given name that is also a word
    ("Brigades", "Qassam Brigades"),  # nothing distinctive left
])
def test_a_longer_name_that_adds_a_place_or_word_is_another_organization(a, b):
    apart(Org(a), Org(b))


def test_acronym_joins_its_only_expansion():
    one(Org("IRGC"), Org("Islamic Revolutionary Guard Corps"))


def test_acronym_of_two_organizations_stays_apart():
    forms = [Org("PA"), Org("Palestinian Authority"), Org("Press Association")]
    assert frozenset({"PA"}) in groups(forms)


def test_states_merge_with_states_and_organizations_of_the_same_name():
    one(Org("Iran", "Tehran", kind="state"), Org("Iran", kind="state"))


def test_label_is_the_fullest_name_then_the_first_alphabetically():
    actors, _ = resolve_forms([Org("Islamic Revolutionary Guards Corps"), Org("Islamic Revolutionary Guard Corps"),
                               Org("IRGC")])
    assert {(a.id, a.name) for a in actors.values()} == {("islamic-revolutionary-guard-corps",
                                                         "Islamic Revolutionary Guard Corps")}
    actors, _ = resolve_forms([Per("Qaani"), Per("Esmail Qaani"), Per("Esmaeil Ghaani")])
    assert {a.name for a in actors.values()} == {"Esmaeil Ghaani"}


def test_actors_whose_labels_slug_alike_get_numbered_ids_in_a_fixed_order():
    forms = [Per("Hamas"), Org("Hamas")]
    for order in (forms, forms[::-1]):
        actors, _ = resolve_forms(order)
        assert {f.type: actors[f.id].id for f in forms} == {ORGANIZATION: "hamas", PERSON: "hamas_2"}


def test_every_name_seen_is_an_alias():
    actors, _ = resolve_forms([Per("Esmail Qaani", "Qaani", "Brig.-Gen. Esmail Qaani"),
                               Per("Esmaeil Ghaani", "Ghaani")])
    (actor,) = set(actors.values())
    assert set(actor.aliases) == {"Qaani", "Brig.-Gen. Esmail Qaani", "Esmail Qaani", "Ghaani"}


# --- the actors file ---------------------------------------------------------------------------------------

def known(name: str, type_: str, aliases=(), never=()) -> Form:
    return Form(type_, name, tuple(sorted(aliases)), None, True, tuple(never))


def test_known_actor_takes_its_forms_and_names_the_actor():
    actors, _ = resolve_forms([known("Quds Force", ORGANIZATION, ["Qods Force"]), Org("Qods Force"),
                               Org("Quds Force", "IRGC Quds Force")])
    assert {a.name for a in actors.values()} == {"Quds Force"}
    assert len({a.id for a in actors.values()}) == 1


def test_known_actor_overrides_an_ambiguous_surname():
    forms = [known("Ali Khamenei", PERSON, ["Khamenei"]), Per("Khamenei"), Per("Ali Khamenei"), Per("Mojtaba Khamenei")]
    actors, _ = resolve_forms(forms)
    assert actors[Per("Khamenei").id].id == actors[Per("Ali Khamenei").id].id != actors[Per("Mojtaba Khamenei").id].id


def test_never_merge_keeps_apart_what_the_rules_would_merge():
    forms = [known("Esmail Qaani", PERSON, never=["Esmaeil Ghaani"]), Per("Esmail Qaani"), Per("Esmaeil Ghaani")]
    actors, changes = resolve_forms(forms)
    assert actors[Per("Esmail Qaani").id].id != actors[Per("Esmaeil Ghaani").id].id
    assert any(not d.merged and "actors file" in d.reason for d in changes.decisions)


def test_two_known_actors_never_merge():
    actors, _ = resolve_forms([known("John Smith", PERSON), known("J. Smith", PERSON, ["Smith"]),
                               Per("John Smith"), Per("Smith")])
    assert actors[Per("John Smith").id].id != actors[Per("Smith").id].id


# --- incremental resolution ----------------------------------------------------------------------------------

POOL = [Per("Esmaeil Ghaani", "Ghaani"), Per("Esmail Qaani", "Qaani"), Per("Qaani"), Per("Ali Khamenei"),
        Per("Mojtaba Khamenei"), Per("Khamenei", "Ayatollah Khamenei"), Per("Qasem Soleimani"), Per("Soleimani"),
        Org("IRGC"), Org("Islamic Revolutionary Guard Corps"), Org("Islamic Revolutionary Guards Corps"),
        Org("Izzadin al-Qassam Brigades"), Org("al-Qassam Brigades"), Org("Labour Party"),
        Org("Stevenage Labour Party"),
        Per("Hamas"), Org("Hamas"), Per("Mohammad Javad Zarif"), Per("Javad Zarif"), Per("Mohammad Zarif"),
        known("Quds Force", ORGANIZATION, ["IRGC Quds Force"]), Org("IRGC Quds Force"), Org("PA"),
        Org("Palestinian Authority")]


def incremental(steps: list[tuple[list[Form], list[Form]]]) -> MemoryIndex:
    index = MemoryIndex()
    for added, removed in steps:
        added = [f for f in added if f.id not in index.forms]
        removed = [f for f in removed if f.id in index.forms]
        index.apply(added, removed, update(index, added, removed))
    return index


def resolved(index: MemoryIndex) -> dict[str, frozenset[str]]:
    return {a: frozenset(f.id for f in fs) for a, fs in index.resolved().items()}


@settings(max_examples=60, deadline=None)
@given(st.permutations(POOL), st.integers(1, 5))
def test_adding_forms_in_any_order_and_any_batches_gives_one_result(order, size):
    batches = [(order[i:i + size], []) for i in range(0, len(order), size)]
    assert resolved(incremental(batches)) == resolved(incremental([(POOL, [])]))


@settings(max_examples=40, deadline=None)
@given(st.permutations(POOL), st.sets(st.sampled_from(range(len(POOL))), max_size=8))
def test_removing_forms_gives_what_never_having_them_gives(order, gone):
    dropped = [POOL[i] for i in gone]
    steps = [([f], []) for f in order] + [([], dropped)]
    kept = [f for f in POOL if f not in dropped]
    assert resolved(incremental(steps)) == resolved(incremental([(kept, [])]))


class CountingIndex(MemoryIndex):
    def __init__(self) -> None:
        super().__init__()
        self.read = 0

    def forms_with_key(self, key):
        for f in super().forms_with_key(key):
            self.read += 1
            yield f


def test_adding_a_form_reads_only_the_forms_under_its_keys():
    def reads(unrelated: int) -> int:
        index = CountingIndex()
        forms = [Per(f"Person{n:05d} Surname{n:05d}") for n in range(unrelated)] + POOL
        index.apply(forms, (), update(index, forms))
        index.read = 0
        new = [Per("Esmail Ghaani"), Org("Izz ad-Din al-Qassam Brigades")]
        update(index, new)
        return index.read

    assert reads(10) == reads(2000)
