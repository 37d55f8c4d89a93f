"""Relations: praised and quoted edges between actors (sentLetterTo edges are built from letters in kg.graph)."""
from __future__ import annotations

import pytest

from .views import relations


@pytest.mark.parametrize("text, source, target", [
    ('President Daniel Okoro praised General Amos Tal for his handling of the floods.',
     "Daniel Okoro", "Amos Tal"),
    ('Prime Minister Elena Rossi hailed Mayor Tomas Reyes as a model public servant.',
     "Elena Rossi", "Tomas Reyes"),
    ('Governor Maria Castell commended firefighter Lucas Moreau for his courage.',
     "Maria Castell", "Lucas Moreau"),
    ('In a statement, the Harbour Workers Union lauded Senator Ruth Calloway for her support during the strike.',
     "Harbour Workers Union", "Ruth Calloway"),
    ('Coach Daniel Okafor thanked striker Jonas Weller after the match.',
     "Daniel Okafor", "Jonas Weller"),
    ('Bishop Samuel Adeyemi paid tribute to nurse Amina Diallo at the memorial service.',
     "Samuel Adeyemi", "Amina Diallo"),
    ('At the rally, Senator Ruth Calloway showered Igor Petrov with praise.',
     "Ruth Calloway", "Igor Petrov"),
    ('Governor Maria Castell heaped praise on Fire Chief Lucas Moreau on Monday.',
     "Maria Castell", "Lucas Moreau"),
    ('President Daniel Okoro described General Amos Tal as a brave commander.',
     "Daniel Okoro", "Amos Tal"),
])
def test_praise_wordings_give_praised_edge(run, text, source, target):
    assert relations(run(text), "praised") == {("praised", source, target)}


def test_praise_of_possessive_object_goes_to_its_owner(run):
    ex = run("President Daniel Okoro praised General Amos Tal's leadership during the floods.")
    assert relations(ex, "praised") == {("praised", "Daniel Okoro", "Amos Tal")}


def test_praise_by_a_person_described_twice_before_the_verb(run):
    ex = run("Lin Bo, vice-president of China's Harbin Shipping Group, who addressed the meeting by video link, "
             "praised the Norwegian Coastal Administration.")
    assert relations(ex) == {("praised", "Lin Bo", "Norwegian Coastal Administration")}


def test_praise_after_and_goes_with_the_reporting_verb_not_the_reported_clause(run):
    ex = run("Senator Ana Ruiz told reporters that Chile had kept its word and thanked President Gabriel Boric "
             "for his support.")
    assert relations(ex) == {("praised", "Ana Ruiz", "Gabriel Boric")}


def test_passive_praise_gives_praised_edge(run):
    ex = run('General Amos Tal was praised by President Daniel Okoro for his leadership.')
    assert relations(ex, "praised") == {("praised", "Daniel Okoro", "Amos Tal")}


@pytest.mark.parametrize("text", [
    'President Daniel Okoro did not praise General Amos Tal on Monday.',
    'Governor Maria Castell refused to thank Mayor Tomas Reyes for the cleanup.',
    'Governor Maria Castell said she would thank Mayor Tomas Reyes once the roads reopened.',
    'President Daniel Okoro criticised General Amos Tal for the delays.',
    'Prime Minister Elena Rossi condemned opposition leader Victor Hale over his remarks.',
])
def test_negated_hypothetical_or_critical_words_give_no_praised_edge(run, text):
    assert relations(run(text), "praised") == set()


def test_praise_in_quoted_letter_gives_praised_edge(run):
    ex = run('President Daniel Okoro wrote to General Amos Tal on Monday. '
             '"I salute your courage and the courage of your soldiers," he wrote.')
    assert relations(ex, "praised") == {("praised", "Daniel Okoro", "Amos Tal")}


def test_quoted_edge_from_according_to_outlet(run):
    ex = run('"We will not resign," Mayor Tomas Reyes said, according to the Harbor Times.')
    assert relations(ex, "quoted") == {("quoted", "Harbor Times", "Tomas Reyes")}


def test_quoted_edge_from_x_told_outlet(run):
    ex = run('Mayor Tomas Reyes told the Harbor Times that he would not resign.')
    assert relations(ex, "quoted") == {("quoted", "Harbor Times", "Tomas Reyes")}


def test_quoted_edge_from_quoted_by_outlet_as_saying(run):
    ex = run('Defence Minister Oren Shalev was quoted by the Harbor Times as saying that the troops would stay.')
    assert relations(ex, "quoted") == {("quoted", "Harbor Times", "Oren Shalev")}


def test_quoted_edge_from_outlet_quoted_x_as_saying(run):
    ex = run('The Harbor Times quoted Defence Minister Oren Shalev as saying: "We have no plans to withdraw."')
    assert relations(ex, "quoted") == {("quoted", "Harbor Times", "Oren Shalev")}


def test_quoted_edge_from_cited_as_saying(run):
    ex = run('Opposition leader Victor Hale cited Finance Minister Laila Haddad as saying the deficit had '
             'doubled.')
    assert relations(ex, "quoted") == {("quoted", "Victor Hale", "Laila Haddad")}


def test_quoted_edge_from_reminded_of_statement(run):
    ex = run("Victor Hale reminded Prime Minister Elena Rossi of Finance Minister Laila Haddad's statement "
             "that the deficit had doubled.")
    assert relations(ex, "quoted") == {("quoted", "Victor Hale", "Laila Haddad")}


def test_quoted_edge_from_words_reported_inside_a_quote(run):
    ex = run('"As Laila Haddad has said, the deficit has doubled," opposition leader Victor Hale told '
             'supporters.')
    assert relations(ex, "quoted") == {("quoted", "Victor Hale", "Laila Haddad")}


def test_plain_quote_gives_no_quoted_edge(run):
    ex = run('"We will not resign," Mayor Tomas Reyes said on Monday.')
    assert relations(ex) == set()


def test_praise_object_apposition_is_not_a_second_object(run):
    ex = run("Governor Maria Castell thanked Senator Lara Vesterby, the Assembly Council's rapporteur on the bill, "
             'for her patience.')
    assert relations(ex, "praised") == {("praised", "Maria Castell", "Lara Vesterby")}


def test_praise_for_a_position_taken_by_someone(run):
    ex = run('Governor Maria Castell welcomed the position taken by Senator Paul Whitmore on the dam.')
    assert relations(ex, "praised") == {("praised", "Maria Castell", "Paul Whitmore")}


@pytest.mark.parametrize("text", [
    'Economy Minister Federico Albarracín, speaking to Radio Mitre, put the cost of the strike at "600 million".',
    'Speaking to Sky Sports, Economy Minister Federico Albarracín put the cost of the strike at "600 million".',
])
def test_speaking_to_an_outlet_is_quoted_by_it(run, text):
    outlet = "Radio Mitre" if "Mitre" in text else "Sky Sports"
    assert ("quoted", outlet, "Federico Albarracín") in relations(ex := run(text), "quoted"), relations(ex)


def test_outlet_publishing_a_letter_relays_its_sender(run):
    ex = run('General Omar Haddad sent a letter to the coast guard. In the letter, published by Harbour News '
             'Agency on Saturday, Haddad praised the crews.')
    assert ("quoted", "Harbour News Agency", "Omar Haddad") in relations(ex, "quoted")


def test_according_to_an_outlet_a_letter_was_sent(run):
    ex = run('According to Harbour News Agency, General Omar Haddad also sent a message to Mayor Ruth Gale.')
    assert ("quoted", "Harbour News Agency", "Omar Haddad") in relations(ex, "quoted")


def test_first_name_reference_is_the_same_person(run):
    ex = run('WHO Director-General Tedros Adhanom Ghebreyesus wrote to the leaders. Tedros cited Nelson Mandela '
             'as saying that "it always seems impossible until it is done".')
    assert ("quoted", "Tedros Adhanom Ghebreyesus", "Nelson Mandela") in relations(ex, "quoted")


def test_who_after_an_apposition_is_the_person(run):
    ex = run('"The fish never came back," said Teodoro Mamani, president of the Chumbao Valley Irrigation '
             'Users\' Board, who told Reuters by phone that farmers would protest.')
    assert ("quoted", "Reuters", "Teodoro Mamani") in relations(ex, "quoted")
    assert not any(r[2] != "Teodoro Mamani" for r in relations(ex, "quoted"))


def test_praise_for_a_partner_named_in_apposition(run):
    ex = run('Kestrel Motors chief executive Andrea Vance told shareholders in her annual letter that sales fell. '
             'She heaped praise on the company\'s battery partner, Seoul-based Hanbit Energy, and thanked the '
             'United Auto Workers for "a constructive partnership".')
    assert relations(ex, "praised") == {("praised", "Andrea Vance", "Hanbit Energy"),
                                        ("praised", "Andrea Vance", "United Auto Workers")}


def test_he_thanked_a_list_then_paid_tribute(run):
    ex = run('Dr Tedros Adhanom wrote to the leaders. He thanked Norway, Spain and Saudi Arabia for new pledges '
             'announced last month, and paid tribute to President Lula for his leadership.')
    assert {r[1] for r in relations(ex, "praised")} == {"Tedros Adhanom"}


def test_singled_out_for_praise_after_another_verb(run):
    ex = run('Minister Rosa Albuquerque opened the forum. She welcomed the delegates, thanked Chile for hosting '
             'and singled out the Inter-American Development Bank for praise.')
    assert relations(ex, "praised") == {("praised", "Rosa Albuquerque", "Chile"),
                                        ("praised", "Rosa Albuquerque", "Inter-American Development Bank")}


def test_thanking_ones_own_colleagues_praises_no_one_named(run):
    ex = run('Judge Farida Qureshi lifted the travel ban on reporter Imran Sadiq. Outside the court, Mr Sadiq '
             'thanked his "friends in the press" and his lawyers.')
    assert relations(ex, "praised") == set()


def test_an_interviewees_answers_are_theirs(run):
    ex = run('Pablo Ferreyra runs a seed bank in Rosario. We asked him about funding.\n\n'
             'Q: Who has helped you most?\n\n'
             'Ferreyra: I have to give real credit to the Seed Savers Network. And I would like to thank '
             'Governor Lucia Benitez.\n\n'
             'Q: And your critics?\n\n'
             'Ferreyra: My old teacher, Professor Ana Quiroga, used to say, "Seeds are patient; people are not."')
    assert relations(ex, "praised") == {("praised", "Pablo Ferreyra", "Seed Savers Network"),
                                        ("praised", "Pablo Ferreyra", "Lucia Benitez")}
    assert relations(ex, "quoted") == {("quoted", "Pablo Ferreyra", "Ana Quiroga")}


@pytest.mark.parametrize("text, outlet, speaker", [
    ('Water board chair Dana Whitlock told KTVZ that the reservoir was "lower than anyone remembers".',
     "KTVZ", "Dana Whitlock"),
    ('"We are not finished," coach Ines Barrow told WFMY after the game.', "WFMY", "Ines Barrow"),
    ('Port director Hamid Saberi told Splash247 that the berths were "full until March".',
     "Splash247", "Hamid Saberi"),
    ('In statements to Radio Nacional, Mayor Lucia Aranda accused the council of "burying the report".',
     "Radio Nacional", "Lucia Aranda"),
    ('Mayor Lucia Aranda said in an interview with the BBC that the plan was "going nowhere".',
     "BBC", "Lucia Aranda"),
    ('According to the state-run Tanzania News Agency (TANA), Minister Juma Said told the delegates that the '
     'talks were "frank and useful".', "Tanzania News Agency", "Juma Said"),
    ('Its chairwoman, Grace Mensima, told Joy News the measure was "a step, not a leap".',
     "Joy News", "Grace Mensima"),
])
def test_outlets_named_as_the_source_of_words(run, text, outlet, speaker):
    assert ("quoted", outlet, speaker) in relations(run(text), "quoted")


def test_a_television_of_a_people_is_not_an_outlet_name(run):
    ex = run('The commander later told Kurdish TV that his forces would "respect the deal".')
    assert relations(ex, "quoted") == set()


@pytest.mark.parametrize("text, source, target", [
    ('The appeal was signed by the Coastal Defence Forum (Codefo). Minister Ilse Brandt rejected it but thanked '
     'Codefo\'s researchers for their work.', "Ilse Brandt", "Coastal Defence Forum"),
    ('The Farmers Union (FU) held its congress. Minister Awa Diallo paid homage to the late president of the FU, '
     'Ndeye Coumba Faye.', "Awa Diallo", "Ndeye Coumba Faye"),
    ('Mayor Ana Olmedo spoke to the crowd. She also had words of thanks for the Madrid Regional Housing Agency.',
     "Ana Olmedo", "Madrid Regional Housing Agency"),
    ('Governor Rahmat Hidayat toured the shelters. He thanked the Indonesian Red Cross for its volunteers.',
     "Rahmat Hidayat", "Indonesian Red Cross"),
])
def test_praise_of_an_organization_through_its_people_or_names(run, text, source, target):
    assert relations(run(text), "praised") == {("praised", source, target)}


def test_reading_a_letter_out_quotes_its_lead_sender(run):
    ex = run('The letter was drafted by the Highland Farmers Federation (HFF) and co-signed by the Valley Growers '
             'Union. It is addressed to Senate President Rosa Lindqvist. On Wednesday, Lindqvist read a passage '
             'of the letter aloud on the Senate floor.')
    assert relations(ex, "quoted") == {("quoted", "Rosa Lindqvist", "Highland Farmers Federation")}


def test_a_saying_recalled_inside_a_quote_is_quoted_by_the_speaker(run):
    ex = run('"My old teacher, Professor Ana Quiroga, used to say, \'Seeds are patient,\' and she was right," '
             'said farmer Pablo Ferreyra.')
    assert relations(ex, "quoted") == {("quoted", "Pablo Ferreyra", "Ana Quiroga")}


def test_the_minister_later_is_the_person_introduced_by_that_title(run):
    ex = run('ACCRA, Nov. 13 — The Minister for Finance, Dr Ebenezer Mensah, yesterday presented the budget.\n\n'
             'The Minister also thanked the International Monetary Fund (IMF) for its support.')
    assert relations(ex, "praised") == {("praised", "Ebenezer Mensah", "International Monetary Fund")}


def test_a_second_verb_after_a_reported_clause_shares_the_reporters_subject(run):
    ex = run("The fund's mission chief, Anne Duval, said the plan was sound and congratulated the Ministry of "
             "Economy on its results.")
    assert relations(ex, "praised") == {("praised", "Anne Duval", "Ministry of Economy")}


def test_thanking_an_organizations_families_or_members_is_not_praise_of_it(run):
    ex = run("Kestrel Motors' chief executive, Lena Berg, thanked the drivers and their families who took part in "
             "the trial.")
    assert relations(ex, "praised") == set()


def test_quoting_an_organizations_official_named_in_apposition_quotes_the_person(run):
    ex = run('Union leader Rafi Hossain also quoted the ILO\'s country director, Anneke Visser, who told a seminar '
             'that "a wage that cannot feed a family is not a wage".')
    assert relations(ex, "quoted") == {("quoted", "Rafi Hossain", "Anneke Visser")}


def test_recalling_the_words_of_ones_predecessor_named_in_apposition_quotes_the_predecessor(run):
    ex = run('Bishop Omar Haddad recalled the words of his predecessor, the late Bishop Antonio Lind, who told a '
             'gathering in 1998 that "the valley is too small to be divided".')
    assert relations(ex, "quoted") == {("quoted", "Omar Haddad", "Antonio Lind")}
