"""Speeches: who addressed an audience, on what occasion, when."""
from __future__ import annotations

import pytest

from .views import speaker_of, speeches


def test_speech_marking_occasion(run):
    ex = run('In a speech marking Independence Day, President Grace Mensah said the country had never '
             'been stronger.')
    assert speeches(ex) == [("Grace Mensah", "Independence Day", None)]


def test_speech_date_and_occasion(run):
    ex = run('In a speech on May 7 marking Labour Day, union leader Ines Marlow called for higher wages.',
             date="2024-05-09")
    assert speeches(ex) == [("Ines Marlow", "Labour Day", "2024-05-07")]


def test_speech_said_in_a_speech_on_weekday_has_date_not_occasion(run):
    ex = run('Governor Maria Castell said in a speech on Monday that the roads would reopen.', date="2024-05-10")
    assert speeches(ex) == [("Maria Castell", None, "2024-05-06")]


def test_speech_delivered_an_address_to_parliament(run):
    ex = run('Prime Minister Elena Rossi delivered an address to parliament on the new budget.')
    assert [s[0] for s in speeches(ex)] == ["Elena Rossi"]


def test_speech_told_a_press_conference(run):
    ex = run('Health Secretary Mark Ellison told a press conference that the vaccine would be free.')
    assert [s[0] for s in speeches(ex)] == ["Mark Ellison"]


def test_speech_addressed_the_nation_date_from_article_date(run):
    ex = run('President Grace Mensah addressed the nation on Sunday after the floods.', date="2024-05-14")
    assert [(s[0], s[2]) for s in speeches(ex)] == [("Grace Mensah", "2024-05-12")]


def test_speech_speaker_through_title(run):
    ex = run('President Daniel Okoro visited the military academy on Friday. In his speech at the '
             'graduation ceremony, the president praised the new officers.')
    ((speaker, occasion, _),) = speeches(ex)
    assert speaker == "Daniel Okoro"
    assert "graduation ceremony" in occasion


@pytest.mark.parametrize("text", [
    'President Daniel Okoro will deliver a speech to parliament on Thursday.',
    'Prime Minister Elena Rossi is scheduled to address the nation next week.',
    'Governor Maria Castell cancelled her speech at the convention because of the storm.',
])
def test_speech_planned_or_cancelled_gives_none(run, text):
    assert run(text).speeches == ()


def test_speech_quote_is_part_of_the_speech(run):
    ex = run('In a speech marking Independence Day, President Grace Mensah said: '
             '"We have never been stronger."')
    (speech,) = ex.speeches
    (quote,) = ex.quotes
    assert ex.actor(quote.speaker).name == "Grace Mensah"
    assert quote.part_of == speech.id
    assert speech.quotes == (quote.id,)


def test_one_scene_is_one_speech(run):
    ex = run('Speaking at a town hall in Lawton on Friday night, Sen. Dale Rourke told a crowd of several hundred '
             'that the drones were real.')
    assert [s[0] for s in speeches(ex)] == ["Dale Rourke"]


def test_telling_a_newspaper_is_not_a_speech(run):
    ex = run('"He never missed a session," coach Kevin Kiprop told the Nation on Sunday.')
    assert speeches(ex) == []


def test_a_meeting_is_not_a_speech(run):
    ex = run('During the meeting, Foreign Minister Yousef Al-Othman lauded the "deep-rooted" ties.')
    assert speeches(ex) == []


def test_words_made_during_a_debate_are_the_owners_speech(run):
    ex = run('The letter also cites Senator Lara Vesterby\'s warning, made during a plenary debate in April, that '
             '"certainty cannot mean impunity".')
    assert [(s[0], s[1]) for s in speeches(ex)] == [("Lara Vesterby", "plenary debate")]
    assert speaker_of(ex, "cannot mean impunity") == "Lara Vesterby"


def test_occasion_is_not_a_purpose_clause(run):
    ex = run("Chief Executive John Lee pledged in his policy address to set up a coordination office.")
    assert all(s[1] is None or "set up" not in s[1] for s in speeches(ex))


def test_a_ceremony_named_by_two_words_opens_a_speech_by_the_named_minister(run):
    ex = run('At a handover ceremony on Saturday, the Minister for Lands, Hon. Asenaca Lomani, thanked the donors. '
             '"We are grateful," the minister said in her address.')
    assert [(s, o) for s, o, _ in speeches(ex)] == [("Asenaca Lomani", "handover ceremony")]


def test_who_addressed_the_conference_after_a_vice_presidents_apposition(run):
    ex = run('Zhang Wei, vice-president of Harbin Shipping Group, who addressed the conference by video link, said '
             'the route was open.')
    assert [s for s, _, _ in speeches(ex)] == ["Zhang Wei"]
