"""Quotes: the words inside quotation marks and who said or wrote them."""
from __future__ import annotations

import pytest

from .views import quotes, relations, speaker_of


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”")])
def test_quote_speaker_after_quote(run, open_, close):
    ex = run(f'{open_}The harvest was the best in a decade,{close} Lena Vogt said.')
    assert quotes(ex) == [("The harvest was the best in a decade,", "Lena Vogt")]


def test_quote_split_around_attribution(run):
    ex = run('"We will win," Lena Vogt said, "and then we will rest."')
    assert quotes(ex) == [("We will win,", "Lena Vogt"), ("and then we will rest.", "Lena Vogt")]


def test_quote_said_before_speaker_after_quote(run):
    ex = run('"We are ready for the storm," said Mayor Tomas Reyes.')
    assert quotes(ex) == [("We are ready for the storm,", "Tomas Reyes")]


def test_quote_speaker_before_quote_with_colon(run):
    ex = run('Union leader Ines Marlow said: “Nobody can live on these wages.”')
    assert quotes(ex) == [("Nobody can live on these wages.", "Ines Marlow")]


def test_quote_speaker_before_quote_with_that(run):
    ex = run('Ines Marlow said that "the offer is an insult to every nurse in the country."')
    assert quotes(ex) == [("the offer is an insult to every nurse in the country.", "Ines Marlow")]


def test_partial_quote_after_called(run):
    ex = run('Opposition leader Victor Hale called the plan "a disaster for small farmers".')
    assert quotes(ex) == [("a disaster for small farmers", "Victor Hale")]


def test_partial_quote_after_described_as(run):
    ex = run('Opposition leader Victor Hale described the plan as “a disaster for small farmers”.')
    assert quotes(ex) == [("a disaster for small farmers", "Victor Hale")]


def test_quote_speaker_told_reporters_that(run):
    ex = run('Union leader Ines Marlow told reporters that "the offer is an insult."')
    assert quotes(ex) == [("the offer is an insult.", "Ines Marlow")]


def test_quote_said_before_speaker_in_apposition(run):
    ex = run('"We will march on Saturday," said the group\'s leader, Amina Diallo.')
    assert quotes(ex) == [("We will march on Saturday,", "Amina Diallo")]


def test_quote_after_according_to_speaker(run):
    ex = run('According to Dr. Samira Qasim, "the outbreak is under control."')
    assert quotes(ex) == [("the outbreak is under control.", "Samira Qasim")]


def test_according_to_agency_after_quote_is_not_the_speaker(run):
    ex = run('Interior Minister Farid Mansour warned the militias on Sunday. '
             '"We will not tolerate attacks on our officers," according to the state news agency Delta.')
    assert speaker_of(ex, "We will not tolerate") == "Farid Mansour"


def test_he_said_according_to_agency_keeps_the_speaker(run):
    ex = run('Interior Minister Farid Mansour warned the militias on Sunday. '
             '"We will not tolerate attacks on our officers," he said, according to the news agency Delta.')
    assert speaker_of(ex, "We will not tolerate") == "Farid Mansour"


def test_pronoun_continuation_he_added(run):
    ex = run('Chief engineer Paul Brandt said the bridge was safe. "The cracks are cosmetic," Brandt said.\n\n'
             'He added: "Traffic can resume on Monday."')
    assert quotes(ex) == [("The cracks are cosmetic,", "Paul Brandt"),
                          ("Traffic can resume on Monday.", "Paul Brandt")]


def test_pronoun_continuation_she_continued(run):
    ex = run('Maria Lindqvist, the head of the school board, defended the new timetable on Thursday. '
             'She continued, "Nobody will lose a single lesson."')
    assert quotes(ex) == [("Nobody will lose a single lesson.", "Maria Lindqvist")]


def test_quote_paragraph_without_cue_continues_previous_speaker(run):
    ex = run('"We lost everything in the flood," said farmer Jonas Weller.\n\n'
             '"The insurers have not paid a cent."')
    assert quotes(ex) == [("We lost everything in the flood,", "Jonas Weller"),
                          ("The insurers have not paid a cent.", "Jonas Weller")]


def test_spokesman_for_organization_makes_it_the_speaker(run):
    ex = run('"The strike will go ahead on Monday," a spokesman for the Harbour Workers Union said.')
    assert quotes(ex) == [("The strike will go ahead on Monday,", "Harbour Workers Union")]


def test_spokeswoman_for_organization_after_said(run):
    ex = run('“We regret the delays,” said a spokeswoman for the Northern Rail Company.')
    assert quotes(ex) == [("We regret the delays,", "Northern Rail Company")]


def test_the_vice_president_added_resolves_through_title(run):
    ex = run('Vice President Dana Whitfield toured the flooded towns on Thursday.\n\n'
             '"We will rebuild every home," the vice president added.')
    assert quotes(ex) == [("We will rebuild every home,", "Dana Whitfield")]


def test_quote_x_was_quoted_by_outlet_as_saying(run):
    ex = run('Defence Minister Oren Shalev was quoted by the Harbor Times as saying, '
             '"We have no plans to withdraw."')
    assert speaker_of(ex, "no plans to withdraw") == "Oren Shalev"


def test_quote_outlet_quoted_x_as_saying(run):
    ex = run('The Harbor Times quoted Defence Minister Oren Shalev as saying: '
             '"We have no plans to withdraw."')
    assert speaker_of(ex, "no plans to withdraw") == "Oren Shalev"


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”")])
def test_multi_paragraph_quote_opened_again_in_each_paragraph(run, open_, close):
    ex = run(f'Mayor Tomas Reyes said the city would appeal the ruling.\n\n'
             f'Mr. Reyes said: {open_}This ruling ignores the facts on the ground.\n\n'
             f'{open_}We will take it to the highest court if we must.{close}\n\n'
             f'The court declined to comment.')
    assert speaker_of(ex, "ignores the facts") == "Tomas Reyes"
    assert speaker_of(ex, "highest court") == "Tomas Reyes"
    assert not any("declined to comment" in q.text for q in ex.quotes)


def test_mixed_straight_and_typographic_marks(run):
    ex = run('“The dam will hold,” engineer Paul Brandt said.\n\n'
             '"We checked every bolt," said Brandt\'s deputy, Ines Marlow.')
    assert quotes(ex) == [("The dam will hold,", "Paul Brandt"), ("We checked every bolt,", "Ines Marlow")]


@pytest.mark.parametrize("text, inner", [
    ('"When the minister says \'soon\', nobody believes him," said union leader Ines Marlow.', "'soon'"),
    ('“When the minister says ‘soon’, nobody believes him,” said union leader Ines Marlow.', "‘soon’"),
])
def test_nested_single_quotes_stay_inside_the_quote(run, text, inner):
    ex = run(text)
    assert quotes(ex) == [(f"When the minister says {inner}, nobody believes him,", "Ines Marlow")]


@pytest.mark.parametrize("text", [
    'The army launched Operation "Desert Wind" on Monday, General Amos Tal said.',
    'Foreign Minister Clara Jensen warned on Tuesday against the so-called "snapback" of sanctions.',
    'Senator Ruth Calloway, whose memoir "Winter Comes Early" came out in May, said she would run again.',
    'The regulator gave the mine a "blanket" waiver, regulator chief Hans Moller said.',
])
def test_names_and_scare_quotes_are_not_quotes(run, text):
    assert run(text).quotes == ()


@pytest.mark.parametrize("text, words", [
    ('Maria Lund, a spokeswoman for Vestfjord Shipping, praised the agency\'s "professional and responsive" '
     'staff.', "professional and responsive"),
    ('Maria Lund hailed the crews for their "quiet courage" on Monday.', "quiet courage"),
])
def test_short_quote_in_the_object_of_praise_is_the_speakers_words(run, text, words):
    assert quotes(run(text)) == [(words, "Maria Lund")]


def test_the_writers_of_a_letter_just_reported_are_its_senders(run):
    ex = run('Senator Bill Hart, the majority leader, said he would wait.\n\n'
             'Forty Democrats in the state House, led by Rep. Maya Lorne, sent Gov. Ana Ruiz a letter last week '
             'urging her to hold out. The letter was co-signed by Rep. Tom Vance.\n\n'
             '"A patch is not a plan," the lawmakers wrote.')
    assert speaker_of(ex, "A patch is not a plan") == "Maya Lorne"


def test_words_attributed_to_someone_are_theirs_and_the_writer_quotes_them(run):
    ex = run('Rebel commander Luis Ortega of the Andean Front wrote to the government on Monday.\n\n'
             'Ortega\'s letter ends with a phrase attributed to the group\'s founder, the priest Tomas Valdez: '
             '"The duty of every rebel is to rebel."')
    assert speaker_of(ex, "The duty of every rebel") == "Tomas Valdez"
    assert ("quoted", "Luis Ortega", "Tomas Valdez") in relations(ex)


def test_a_quote_after_what_a_person_did_is_theirs(run):
    ex = run('Fisherman Tevita Lomu walked the old shore with us.\n\n'
             'He pointed to the stumps in the water. "When I was a boy, we played football there."\n\n'
             'Lomu, asked what he would tell the ministers, paused for a long time.\n\n'
             '"Tell them we moved. Tell them we are still here."')
    assert speaker_of(ex, "When I was a boy") == "Tevita Lomu"
    assert speaker_of(ex, "Tell them we moved") == "Tevita Lomu"


@pytest.mark.parametrize("before", [
    "Mayor Ines Kolar met Governor Paul Rask at the dam.",  # two people: whose words is not clear
    "The council closed the road to the dam on Monday.",  # nobody in it
])
def test_no_speaker_from_an_unclear_sentence_before(run, before):
    ex = run(before + ' "The water will not wait for us."')
    assert speaker_of(ex, "The water will not wait") is None


def test_quote_from_unnamed_official_gets_no_wrong_speaker(run):
    ex = run('Prime Minister Elena Rossi met the union delegation on Monday.\n\n'
             '"The talks are going nowhere," said one official, who asked not to be named.')
    assert speaker_of(ex, "going nowhere") is None


def test_quote_evidence_holds_the_attribution(run):
    text = 'Farmers were angry. "The harvest was the best in a decade," Lena Vogt said.'
    ex = run(text)
    (q,) = ex.quotes
    assert text[q.start:q.end] == q.text
    assert q.evidence.text == '"The harvest was the best in a decade," Lena Vogt said.'
    assert q.cue == "said"


def test_person_described_by_age_is_the_person_in_focus(run):
    ex = run('Tomás Ybarra scored twice. Ybarra himself was more measured. Speaking to a reporter, the '
             '23-year-old thanked coach Gary Holcroft for "believing in me".\n\n'
             '"It has been a difficult month for my family," he said.')
    assert speaker_of(ex, "believing in me") == "Tomás Ybarra"
    assert speaker_of(ex, "difficult month") == "Tomás Ybarra"


def test_quote_in_a_letter_sentence_is_the_senders(run):
    ex = run('On Monday, the Harbour Workers Union sent a letter to Fund managing director Kristalina Georgieva '
             'urging the Fund to wait until the government "opens a genuine dialogue with the workers."')
    assert speaker_of(ex, "genuine dialogue") == "Harbour Workers Union"


def test_capitalised_first_word_is_not_a_verb(run):
    ex = run('State Secretary Lars Henrik Aas told reporters that exploration "must be allowed to proceed."')
    assert speaker_of(ex, "must be allowed") == "Lars Henrik Aas"


def test_participle_after_praise_noun_belongs_to_the_praiser(run):
    ex = run('Minister Marie-Claire Payet spoke first. She singled out the Coastal Development Bank for praise, '
             'saying its bond programme had "shown the rest of the system what is possible."')
    assert speaker_of(ex, "shown the rest") == "Marie-Claire Payet"


def test_describing_someones_speech_is_the_describers_words(run):
    ex = run('Minister Marie-Claire Payet gave the keynote. Summit president Inês Correia Matos described '
             'Payet\'s speech as "the moral centre of this summit so far."')
    assert speaker_of(ex, "moral centre") == "Inês Correia Matos"


def test_a_quote_paragraph_left_open_belongs_to_the_speaker_of_the_next(run):
    ex = run('Rev. Mele Taufa led the last service in the old chapel.\n\n'
             '"Do not mourn the timber. The chapel was never the walls.\n\n'
             '"Take the bell with you when you climb," she told the families.')
    assert speaker_of(ex, "Do not mourn the timber") == "Mele Taufa"
    assert speaker_of(ex, "Take the bell") == "Mele Taufa"


def test_a_name_closing_an_apposition_is_the_subject_of_the_verb_after_it(run):
    ex = run('The village chief, Ratu Apenisa Vula, spoke first. Later the Minister for Lands, Hon. Asenaca Lomani, '
             'thanked the donors for what she called "a gift between neighbours".')
    assert speaker_of(ex, "a gift between neighbours") == "Asenaca Lomani"


def test_adding_belongs_to_the_reporting_verbs_subject_not_the_reported_clauses(run):
    ex = run('Speaking to Radio Pasifika, Australia\'s High Commissioner to Samoa, Mark Dwyer, said his government '
             'was "glad to help," adding: "This is what neighbours do."')
    assert speaker_of(ex, "glad to help") == "Mark Dwyer"
    assert speaker_of(ex, "This is what neighbours do") == "Mark Dwyer"


@pytest.mark.parametrize("headline", ["Marlow: 'Nobody can live on these wages'",
                                      "14:05 BST – Union leader: ‘Nobody can live on these wages’"])
def test_a_headline_names_its_speaker_before_a_colon(run, headline):
    ex = run(f"{headline}\n\nUnion leader Ines Marlow addressed the strikers outside the depot on Friday. "
             "Nobody can live on these wages, she said, and the board knows it.")
    assert quotes(ex) == [("Nobody can live on these wages", "Ines Marlow")]


def test_a_colon_inside_a_sentence_is_not_a_headline(run):
    ex = run("The Marlow report had one conclusion: 'nobody can live on these wages'. It was published in May.")
    assert speaker_of(ex, "nobody can live") is None


@pytest.mark.parametrize("who", ["the Portuguese", "the Swede", "the Argentine"])
def test_a_nationality_after_a_quote_is_the_person_just_named(run, who):
    ex = run("Coach Marco Silva praised his goalkeeper after the draw in Leeds. "
             f'"He kept us in the game for ninety minutes," {who} said.')
    assert quotes(ex) == [("He kept us in the game for ninety minutes,", "Marco Silva")]


def test_a_nationality_naming_nobody_recent_speaks_for_nobody(run):
    ex = run("Marco Silva left the club in May. The board met twice in June and again in August. Fans protested in "
             'September. "We want answers," the Portuguese said.')
    assert speaker_of(ex, "We want answers") is None


@pytest.mark.parametrize("text, said", [
    ('Opposition leader Victor Hale dismissed the plan as "a gift to the landlords."',
     ("a gift to the landlords.", "Victor Hale")),
    ('Union chief Ines Marlow slammed the new rota as “unworkable and unsafe”.', ("unworkable and unsafe", "Ines Marlow")),
])
def test_a_verb_that_cues_only_beside_a_quote_also_cues_it_after_its_object_and_as(run, text, said):
    assert quotes(run(text)) == [said]


def test_a_verb_that_cues_only_beside_a_quote_does_not_reach_across_a_clause(run):
    ex = run('Victor Hale rejected the offer, which the union had called "an insult to every nurse".')
    assert speaker_of(ex, "an insult") != "Victor Hale"


def test_what_a_judge_held_is_in_the_judges_words(run):
    ex = run('Justice Amos Okoth held that the delay "cannot be excused by any emergency".')
    assert quotes(ex) == [("cannot be excused by any emergency", "Amos Okoth")]
