"""Reports of one letter or speech from several articles: when they are one statement."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve.statements import LETTER, SPEECH, MemoryReports, Report, cluster, describe, update


def letter(article: str, senders=("qaani",), recipients=("deif",), date=None, record="l0") -> Report:
    return Report(LETTER, article, record, tuple(senders), tuple(recipients), date)


def speech(article: str, occasion=None, date=None, speaker="khamenei", record="s0") -> Report:
    return Report(SPEECH, article, record, (speaker,), (), date, occasion)


def grouped(reports) -> set[frozenset[str]]:
    return {frozenset(r.article + "/" + r.record for r in g) for g in cluster(reports)}


def test_one_letter_reported_by_two_articles_is_one_statement():
    assert len(cluster([letter("mehr"), letter("jpost", date="2021-05-20")])) == 1


def test_dates_a_few_days_apart_are_one_letter_and_further_apart_two():
    assert len(cluster([letter("a", date="2021-05-19"), letter("b", date="2021-05-21")])) == 1
    assert len(cluster([letter("a", date="2021-05-01"), letter("b", date="2021-05-21")])) == 2


def test_different_senders_or_recipients_are_different_letters():
    assert len(cluster([letter("a"), letter("b", senders=("salami",))])) == 2
    assert len(cluster([letter("a"), letter("b", recipients=("haniyeh",))])) == 2


def test_two_letters_of_one_article_are_never_one():
    assert len(cluster([letter("a", record="l0"), letter("a", record="l1")])) == 2


def test_a_letter_to_some_of_the_recipients_joins_the_only_letter_that_fits():
    assert len(cluster([letter("a", recipients=("deif", "ajouri")), letter("b", recipients=("deif",))])) == 1


def test_a_letter_to_some_recipients_of_two_letters_stays_apart():
    reports = [letter("a", recipients=("deif", "ajouri")), letter("b", recipients=("deif", "haniyeh")),
               letter("c", recipients=("deif",))]
    assert frozenset({"c/l0"}) in grouped(reports)


def test_speeches_need_a_matching_occasion_or_date():
    assert len(cluster([speech("a", "International Quds Day"), speech("b", "Al-Quds Day")])) == 1
    assert len(cluster([speech("a", "Quds Day"), speech("b", "Nowruz")])) == 2
    assert len(cluster([speech("a"), speech("b")])) == 2  # nothing says they are one
    assert len(cluster([speech("a", date="2021-05-07"), speech("b", "Quds Day", "2021-05-07")])) == 1


def test_a_statement_is_named_after_its_first_report_with_the_earliest_date_and_fullest_occasion():
    s = describe([speech("zeta", "Al-Quds Day", "2021-05-08"), speech("alpha", "International Quds Day")])
    assert (s.id, s.date, s.occasion) == ("speech/alpha/s0", "2021-05-08", "International Quds Day")
    assert describe([letter("a", date="Monday")]).date == "Monday"


def test_ids_of_articles_with_slashes_are_escaped():
    assert letter("news/2021/qaani").id == "letter/news%2F2021%2Fqaani/l0"


POOL = [letter("a"), letter("b", date="2021-05-20"), letter("c", date="2021-05-30"),
        letter("d", recipients=("deif", "ajouri")), letter("e", recipients=("ajouri",)),
        letter("a", record="l1", recipients=("ajouri",)),
        speech("a", "International Quds Day"), speech("b", "Al-Quds Day", "2021-05-07"), speech("c", date="2021-05-08"),
        speech("f", "Nowruz"), letter("g", senders=("salami",))]


@settings(max_examples=60, deadline=None)
@given(st.permutations(POOL), st.sets(st.sampled_from(range(len(POOL))), max_size=4))
def test_adding_and_removing_reports_in_any_order_gives_one_result(order, gone):
    index = MemoryReports()
    for r in order:
        index.apply([r], [], update(index, [r]))
    dropped = [POOL[i] for i in gone]
    index.apply([], dropped, update(index, [], dropped))
    fresh = MemoryReports()
    kept = [r for r in POOL if r not in dropped]
    fresh.apply(kept, [], update(fresh, kept))
    assert index.statement == fresh.statement


def test_a_report_whose_speaker_changed_leaves_its_old_statement_described():
    index = MemoryReports()
    ali, bare = speech("ali", "International Quds Day", speaker="ali"), speech("bare", "Al-Quds Day", speaker="ali")
    for r in (ali, bare):
        index.apply([r], [], update(index, [r]))
    moved = speech("bare", "Al-Quds Day", speaker="khamenei")
    changes = update(index, [moved], [bare])
    assert "speech/ali/s0" in changes.statements and "speech/ali/s0" not in changes.retired


@settings(max_examples=60, deadline=None)
@given(st.permutations(POOL), st.sets(st.sampled_from(range(len(POOL))), max_size=4))
def test_reports_changed_in_place_give_what_building_them_changed_gives(order, moved):
    index = MemoryReports()
    for r in order:
        index.apply([r], [], update(index, [r]))
    old = [POOL[i] for i in sorted(moved)]
    new = [dataclasses.replace(r, senders=("salami",)) for r in old]
    index.apply(new, old, update(index, new, old))
    final = [r for r in POOL if r not in old] + new
    fresh = MemoryReports()
    fresh.apply(final, [], update(fresh, final))
    assert index.statement == fresh.statement
