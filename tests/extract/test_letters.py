"""Letters: who wrote to whom, when, and which quotes are their content."""
from __future__ import annotations

import pytest

from .views import letters, speaker_of


def test_letter_with_two_recipients(run):
    ex = run('Governor Maria Castell sent a letter to Senator Paul Whitmore and Representative Anne Cho '
             'on Monday asking for flood relief.')
    assert letters(ex) == [({"Maria Castell"}, {"Paul Whitmore", "Anne Cho"})]


def test_recipients_named_with_the_organizations_they_belong_to(run):
    ex = run("General Omar Vance sent the letter to Lena Brandt of the Northern Coalition and Abu Karim al-Tayeb "
             "of the Desert Brigades, the ministry said.")
    assert letters(ex) == [({"Omar Vance"}, {"Lena Brandt", "Abu Karim al-Tayeb"})]


def test_letter_in_a_letter_to_y_x_said(run):
    ex = run('In a letter to Prime Minister Elena Rossi, opposition leader Victor Hale said the election '
             'date was unfair.')
    assert letters(ex) == [({"Victor Hale"}, {"Elena Rossi"})]


def test_letter_x_wrote_to_y(run):
    ex = run('Bishop Samuel Adeyemi wrote to President Grace Mensah last week to ask for the release of '
             'the detained students.')
    assert letters(ex) == [({"Samuel Adeyemi"}, {"Grace Mensah"})]


def test_letter_x_penned_a_letter_to_y(run):
    ex = run('Governor Maria Castell penned a letter to Senator Paul Whitmore after the storm.')
    assert letters(ex) == [({"Maria Castell"}, {"Paul Whitmore"})]


def test_letter_addressed_to_y_before_sender(run):
    ex = run('In a letter addressed to Senator Paul Whitmore, Governor Maria Castell asked for emergency funds.')
    assert letters(ex) == [({"Maria Castell"}, {"Paul Whitmore"})]


def test_letter_from_x_to_y(run):
    ex = run('A letter from the Riverside Tenants Association to Mayor Tomas Reyes, seen by this newspaper, '
             'demands a rent freeze.')
    assert letters(ex) == [({"Riverside Tenants Association"}, {"Tomas Reyes"})]


def test_letter_possessive_sender(run):
    ex = run("Victor Hale's letter to the Electoral Commission was made public on Friday.")
    assert letters(ex) == [({"Victor Hale"}, {"Electoral Commission"})]


@pytest.mark.parametrize("signed", ["signed by", "also signed by"])
def test_letter_signed_by_adds_senders(run, signed):
    ex = run('Senator Ruth Calloway sent a letter to Health Secretary Mark Ellison on Tuesday demanding an '
             f'inquiry into drug prices. The letter was {signed} Omar Farouk, Helen Brandt and Igor Petrov.')
    assert letters(ex) == [({"Ruth Calloway", "Omar Farouk", "Helen Brandt", "Igor Petrov"}, {"Mark Ellison"})]


def test_joint_letter_takes_recipient_from_previous_sentence(run):
    ex = run('Three opposition leaders urged President Grace Mensah to delay the vote. '
             'Victor Hale, Amina Diallo and Kwame Boateng wrote in a letter that the voter rolls were '
             'incomplete.')
    assert letters(ex) == [({"Victor Hale", "Amina Diallo", "Kwame Boateng"}, {"Grace Mensah"})]


@pytest.mark.parametrize("text", [
    'Victor Hale said he would write to President Grace Mensah if the vote went ahead.',
    'Victor Hale threatened to write to President Grace Mensah about the voter rolls.',
    'Aides to Victor Hale prepared a draft letter to President Grace Mensah that was never sent.',
    'Victor Hale refused to send a letter to President Grace Mensah.',
])
def test_letter_planned_or_never_sent_gives_no_letter(run, text):
    assert run(text).letters == ()


def test_letter_received_from_gives_direction(run):
    ex = run('President Grace Mensah received a letter from Bishop Samuel Adeyemi on Friday.')
    assert letters(ex) == [({"Samuel Adeyemi"}, {"Grace Mensah"})]


def test_letter_date_from_month_and_day(run):
    ex = run('In a March 3 letter to Prime Minister Elena Rossi, Victor Hale asked for a recount.',
             date="2024-05-10")
    assert [lt.date for lt in ex.letters] == ["2024-03-03"]


def test_letter_date_from_dated(run):
    ex = run('In a letter dated March 3, Victor Hale told Prime Minister Elena Rossi that the rolls were wrong.',
             date="2024-05-10")
    assert letters(ex) == [({"Victor Hale"}, {"Elena Rossi"})]
    assert [lt.date for lt in ex.letters] == ["2024-03-03"]


def test_letter_date_from_weekday_and_article_date(run):
    ex = run('Victor Hale sent a letter to Prime Minister Elena Rossi on Tuesday asking for a recount.',
             date="2024-05-10")
    assert [lt.date for lt in ex.letters] == ["2024-05-07"]


def test_letter_quote_after_wrote_is_part_of_the_letter(run):
    ex = run('In a letter to Prime Minister Elena Rossi, Victor Hale wrote: '
             '"The voter rolls are a mess and you know it."')
    (letter,) = ex.letters
    (quote,) = ex.quotes
    assert speaker_of(ex, "voter rolls") == "Victor Hale"
    assert quote.part_of == letter.id
    assert letter.quotes == (quote.id,)


def test_letter_quote_in_next_sentence_is_part_of_the_letter(run):
    ex = run('Victor Hale sent a letter to Prime Minister Elena Rossi on Monday. '
             '"The voter rolls are a mess," he wrote.')
    (letter,) = ex.letters
    (quote,) = ex.quotes
    assert speaker_of(ex, "voter rolls") == "Victor Hale"
    assert quote.part_of == letter.id


def test_letter_quote_said_later_elsewhere_is_not_part_of_the_letter(run):
    ex = run('Victor Hale sent a letter to Prime Minister Elena Rossi on Monday.\n\n'
             'On Tuesday he told reporters at his party headquarters: "I expect an answer this week."')
    assert len(ex.letters) == 1
    (quote,) = ex.quotes
    assert speaker_of(ex, "expect an answer") == "Victor Hale"
    assert quote.part_of is None


def test_letter_that_recalls_a_speech_cites_it(run):
    ex = run('In a speech marking Labour Day on May 1, President Grace Mensah said that "no worker will be '
             'left behind". Union leader Ines Marlow sent a letter to Prime Minister Elena Rossi on Friday. '
             'In the letter, Marlow reminded Rossi of Mensah\'s statement that "no worker will be left behind".',
             date="2024-05-10")
    (letter,) = ex.letters
    (speech,) = ex.speeches
    assert ex.actor(speech.speaker).name == "Grace Mensah"
    assert letter.cites == (speech.id,)


def test_separate_letters_from_several_senders_are_several_letters(run):
    ex = run('The Harbour Workers Union, the Coastal Fisheries Authority and the Dockers Guild thanked Mayor '
             'Tomas Reyes for the new wage deal in separate letters.')
    assert sorted(letters(ex)) == sorted([({"Harbour Workers Union"}, {"Tomas Reyes"}),
                                          ({"Coastal Fisheries Authority"}, {"Tomas Reyes"}),
                                          ({"Dockers Guild"}, {"Tomas Reyes"})])


def test_letter_sender_is_the_subject_of_the_reported_clause(run):
    ex = run('The Ministry of Water and Forests suspended the permit on Monday. Deputy Minister Clara Ibáñez said '
             'the ministry had sent a letter to Norland Timber Holdings demanding a replanting plan.')
    assert letters(ex) == [({"Ministry of Water and Forests"}, {"Norland Timber Holdings"})]


def test_letter_short_name_of_a_company_is_the_company(run):
    ex = run('Norland Timber Holdings runs the sawmill. The agency sent a letter to Norland Timber on Friday, '
             'Inspector Ruth Gale said.')
    assert ({"Ruth Gale"}, {"Norland Timber Holdings"}) not in letters(ex)
    assert "Norland Timber" in next(a for a in ex.actors if a.name == "Norland Timber Holdings").aliases


def test_letter_signatories_with_party_tags(run):
    ex = run('Sen. Dale Rourke, R-Okla., wrote to the FAA Administrator Janet Lindqvist on Thursday. '
             'The letter was also signed by Sens. Carla Benning, R-Kan., and Mike Tolliver, R-Ark.')
    assert letters(ex) == [({"Dale Rourke", "Carla Benning", "Mike Tolliver"}, {"Janet Lindqvist"})]


def test_received_a_written_message_from(run):
    ex = run('King Harald Olsen received on Wednesday a written message from President Ana Duarte about trade.')
    assert letters(ex) == [({"Ana Duarte"}, {"Harald Olsen"})]


def test_sender_described_first_and_named_in_the_letter_later(run):
    ex = run("Kalmar's ambassador to the United Nations has written to Secretary-General Amara Diallo, "
             'protesting at the naval exercises.\n\n'
             'In the letter, dated Thursday, Ambassador Pieter Voss said his country would defend its waters.',
             date="2025-04-19")
    assert letters(ex) == [({"Pieter Voss"}, {"Amara Diallo"})]
    assert ex.letters[0].date == "2025-04-17"


def test_acting_on_a_letter_makes_the_actor_its_recipient(run):
    ex = run('Lawyer Omar Siddiq said the Border Agency had acted on a letter from the interior ministry '
             'that bore no stamp.')
    assert letters(ex) == [({"interior ministry"}, {"Border Agency"})]


def test_replying_to_a_letter_is_not_writing_it(run):
    ex = run('Governor Maria Castell sent a letter to Senator Paul Whitmore on Monday. '
             'Whitmore said his office would respond to the letter in due course.')
    assert letters(ex) == [({"Maria Castell"}, {"Paul Whitmore"})]


def test_replying_in_a_letter_is_writing_one(run):
    ex = run('Governor Maria Castell sent a letter to Senator Paul Whitmore on Monday. '
             'Whitmore replied the same day in a letter to Castell.')
    assert letters(ex) == [({"Maria Castell"}, {"Paul Whitmore"}), ({"Paul Whitmore"}, {"Maria Castell"})]


def test_letter_coordinated_and_co_signed_by_organizations(run):
    ex = run('Forty groups have signed an open letter addressed to Commission President Ursula von der Leyen. '
             'The letter, coordinated by the Brussels-based Coalition for Fair Trade (CFT), was co-signed by '
             'groups including the Clean Rivers Network, the European Farmers\' Rights Observatory and the '
             'Green Valley Foundation, as well as several unions.')
    assert letters(ex) == [({"Coalition for Fair Trade", "Clean Rivers Network",
                             "European Farmers' Rights Observatory", "Green Valley Foundation"},
                            {"Ursula von der Leyen"})]


def test_letter_coordinated_by_an_initiative(run):
    ex = run('More than 200 scientists signed an open letter addressed to Minister Inês Correia Matos. '
             'The letter was coordinated by the Deep Sea Stewardship Initiative.')
    assert letters(ex) == [({"Deep Sea Stewardship Initiative"}, {"Inês Correia Matos"})]


def test_analyst_note_to_clients_is_not_a_letter(run):
    ex = run('Ravi Menon, an analyst at Morgan Stanley, said the results were weak. '
             '"The chief executive is asking for time," he wrote in a note to clients.')
    assert letters(ex) == []


def test_letter_to_a_persons_office_goes_to_the_person(run):
    ex = run('Secretary for Development Tse Wing-kei spoke in the chamber. A letter led by village chief '
             'Tang Kwok-wah was delivered to Tse’s office on Tuesday.')
    assert letters(ex) == [({"Tang Kwok-wah"}, {"Tse Wing-kei"})]


def test_residents_federation_writes(run):
    ex = run('"We have no water," said Shalini Rao, secretary of the Lakeside Residents\' Welfare Federation. '
             'The federation has written to Chief Commissioner Anil Kumar Shetty seeking an audit.')
    assert letters(ex) == [({"Lakeside Residents' Welfare Federation"}, {"Anil Kumar Shetty"})]


def test_recipients_named_after_titles_with_domain_lists(run):
    ex = run('Dockworkers\' unions have written an open letter to the Minister of Ports, Transport and Energy, '
             'Helena Vasquez Ortiz, and to the Commissioner for Trade and Customs, Tomas Brand. '
             'The letter was initiated by the National Collective of Harbour Pilots (CNHP) and co-signed by the '
             'Federation of Stevedores of Northern Antofagasta.')
    assert letters(ex) == [({"National Collective of Harbour Pilots", "Federation of Stevedores of Northern Antofagasta"},
                            {"Helena Vasquez Ortiz", "Tomas Brand"})]


def test_a_letter_is_addressed_to_people_named_in_a_later_sentence(run):
    ex = run('Farmers\' groups sent a letter to the presidents of both chambers of parliament on Monday. '
             'It is addressed to Senate President Rosa Lindqvist and to the speaker of the lower house, '
             'Omar Haddad. The letter was signed by the Grain Growers Union. Lindqvist read the letter aloud.')
    assert letters(ex) == [({"Grain Growers Union"}, {"Rosa Lindqvist", "Omar Haddad"})]


def test_sent_someone_a_letter_led_by_a_named_member(run):
    ex = run('Forty city councillors, led by Councillor Maya Brandt, sent Mayor Leon Fischer a letter on Monday. '
             'The letter was co-signed by Councillor Jonas Weber.')
    assert letters(ex) == [({"Maya Brandt", "Jonas Weber"}, {"Leon Fischer"})]


def test_a_letter_seen_by_an_outlet_sent_by_a_coalition_with_signatories(run):
    ex = run('The letter, a copy of which was seen by the Harbour Times, was sent by the Fair Wage Alliance (FWA) '
             'to Labour and Industry Minister Dr. Sunil Perera and to the president of the Exporters '
             'Association (EA), Md. Rashed Karim. Among its signatories are Tallis Apparel, Brook & Dane and the '
             'Oakridge Group. An organisation that did not sign the letter, the Clothing Council, welcomed it.')
    assert letters(ex) == [({"Fair Wage Alliance", "Tallis Apparel", "Brook & Dane", "Oakridge Group"},
                            {"Sunil Perera", "Md. Rashed Karim"})]


def test_a_reply_in_writing_answers_the_letter_its_sender_received(run):
    ex = run('Harbour Commissioner Ana Ruiz wrote to Police Chief Tomas Lind on 3 March asking for officers. '
             'Mr Lind replied in writing three days later.')
    assert letters(ex) == [({"Ana Ruiz"}, {"Tomas Lind"}), ({"Tomas Lind"}, {"Ana Ruiz"})]


def test_a_letter_dated_then_from_and_to_named_people(run):
    ex = run('The case turned on a letter dated June 26, 2025, from Defence Secretary Moses Kibet to the Speaker '
             'of the National Assembly, Joseph Mutua.')
    assert letters(ex) == [({"Moses Kibet"}, {"Joseph Mutua"})]


def test_a_letter_to_an_organizations_titled_official_goes_to_the_person(run):
    ex = run('Cardinal Elias Haddad said he had sent a letter last week to the UN Special Coordinator for Lebanon, '
             'Karin Lund.')
    assert letters(ex) == [({"Elias Haddad"}, {"Karin Lund"})]


def test_a_letter_to_someones_office_goes_to_them(run):
    ex = run("The Harbour Pilots Association said it had written to the office of Prime Minister Lena Vogt and to "
             "the Danish Embassy, urging a decision.")
    assert letters(ex) == [({"Harbour Pilots Association"}, {"Lena Vogt", "Danish Embassy"})]


def test_the_writer_named_in_a_letters_own_clause_is_its_sender(run):
    ex = run("Harbour Commissioner Ana Ruiz wrote to Police Commissioner Tom Hale on 3 March. Mr Hale replied in "
             "writing two days later. On Friday Ms Ruiz read from the Commissioner's reply, in which Mr Hale wrote "
             'that the force "cannot spare a single officer".')
    assert letters(ex) == [({"Ana Ruiz"}, {"Tom Hale"}), ({"Tom Hale"}, {"Ana Ruiz"})]
    assert speaker_of(ex, "cannot spare") == "Tom Hale"


def test_a_letter_to_a_title_with_the_in_its_domain_goes_to_the_person_named_after_it(run):
    ex = run("President Ana Ruiz sent cables of thanks to the Keeper of the Two Rivers, King Omar Lind, and Crown "
             "Prince Ali Hale.")
    assert letters(ex) == [({"Ana Ruiz"}, {"Omar Lind", "Ali Hale"})]
