"""Actors: persons and organizations of one article, each with every form it takes."""
from __future__ import annotations

import pytest

from kg.model import ORGANIZATION, PERSON

from .views import actor, names


def test_title_and_later_surname_are_one_actor(run):
    ex = run('Health Minister Amira Nasser opened a new clinic in the port on Monday. '
             '"This is a good day for the town," Nasser said.')
    nasser = actor(ex, "Nasser")
    assert nasser.name == "Amira Nasser"
    assert nasser.type == PERSON
    assert "Nasser" in nasser.aliases
    assert names(ex) == {"Amira Nasser"}


@pytest.mark.parametrize("mr", ["Mr.", "Mr"])
def test_surname_with_mr_is_the_same_actor(run, mr):
    ex = run('Tomas Reyes, the mayor, said the city would appeal.\n\n'
             f'"We will not give up," {mr} Reyes told reporters.')
    assert names(ex) == {"Tomas Reyes"}
    assert "Reyes" in actor(ex, "Tomas Reyes").aliases


@pytest.mark.parametrize("first, later", [
    ("Mohammad Karimi", "Mohammed Karimi"),
    ("Yousef Darwish", "Yusuf Darwish"),
    ("Hossein Rahimi", "Hussein Rahimi"),
])
def test_transliteration_variants_are_one_actor(run, first, later):
    ex = run(f'{first}, who heads the farmers\' union, said the drought had ruined the wheat. '
             f'"We need help before the winter," {later} told a local radio station.')
    people = [a for a in ex.actors if a.type == PERSON]
    assert len(people) == 1
    assert {people[0].name, *people[0].aliases} >= {first, later}


def test_acronym_with_expansion_is_one_organization(run):
    ex = run('On Friday, the Coastal Fisheries Authority (CFA) closed the bay to boats. '
             'The CFA said a chemical spill had killed thousands of fish.')
    cfa = actor(ex, "CFA")
    assert cfa.name == "Coastal Fisheries Authority"
    assert cfa.type == ORGANIZATION
    assert names(ex) == {"Coastal Fisheries Authority"}


def test_organization_at_sentence_start_after_the(run):
    ex = run('The Coastal Fisheries Authority said on Friday that a chemical spill had killed thousands of fish.')
    assert actor(ex, "Coastal Fisheries Authority").type == ORGANIZATION


@pytest.mark.parametrize("text, org", [
    ('On Friday the Harbour Workers Union called a strike for next week.', "Harbour Workers Union"),
    ('Officials of the Coastal Fisheries Authority closed the bay to boats.', "Coastal Fisheries Authority"),
])
def test_capitalised_word_at_sentence_start_is_not_part_of_organization(run, text, org):
    ex = run(text)
    assert names(ex) == {org}


@pytest.mark.parametrize("org", [
    "Al-Nour Brigades",
    "Relief Coordination Committee",
    "Ministry of Water Resources",
    "Popular Liberation Front",
    "Green Horizon Party",
    "National Weather Agency",
])
def test_organization_head_word_makes_an_organization(run, org):
    ex = run(f'"We reject these accusations," the {org} said in a statement on Sunday.')
    assert actor(ex, org).name == org
    assert actor(ex, org).type == ORGANIZATION


@pytest.mark.parametrize("text, name", [
    ('"This bill will not pass," said Sen. Jane Doe, R-Ohio, on Wednesday.', "Jane Doe"),
    ('Rep. Tom Baker, D-Calif., said the hearing would go ahead.', "Tom Baker"),
    ('"This bill will not pass," said Sen. Jane Doe (R-Ohio).', "Jane Doe"),
])
def test_person_with_us_party_tag(run, text, name):
    ex = run(text)
    assert actor(ex, name).type == PERSON
    assert names(ex) == {name}
    assert not any("-" in form for a in ex.actors for form in (a.name, *a.aliases))


@pytest.mark.parametrize("agency", [
    "the news agency Kavra",
    "the Kavra news agency",
])
def test_news_agency_descriptor_makes_an_organization(run, agency):
    ex = run(f'Governor Hal Berrin resigned on Sunday, {agency} reported.')
    assert actor(ex, "Kavra").type == ORGANIZATION


def test_news_agency_is_an_outlet(run):
    ex = run('"We have nothing to hide," Governor Hal Berrin told the news agency Kavra.')
    assert actor(ex, "Kavra").kind == "outlet"


def test_countries_that_do_nothing_are_not_actors(run):
    ex = run('Trade Minister Laila Haddad said exports to Egypt, Turkey and Brazil had doubled. '
             '"Our farmers are selling more than ever," Haddad said.')
    assert names(ex) == {"Laila Haddad"}


def test_two_people_sharing_a_surname_stay_apart(run):
    ex = run('Daniel Okafor, the club\'s coach, said his sister Grace Okafor would run the youth team. '
             '"She knows the players better than anyone," Daniel Okafor said.\n\n'
             'Grace Okafor said she was ready. "I grew up on this pitch," she said.')
    people = {a.name for a in ex.actors if a.type == PERSON}
    assert people == {"Daniel Okafor", "Grace Okafor"}


@pytest.mark.parametrize("text, name, family", [
    ('South Korean lawmaker Park Ji-won said on Tuesday that the bill was overdue. '
     '"We cannot wait another year," Park said.', "Park Ji-won", "Park"),
    ('Foreign ministry spokesperson Wang Lin criticised the sanctions on Friday. '
     '"They will hurt ordinary people," Wang said.', "Wang Lin", "Wang"),
])
def test_family_name_first_is_one_actor(run, text, name, family):
    ex = run(text)
    assert names(ex) == {name}
    assert actor(ex, name).type == PERSON
    assert family in actor(ex, name).aliases


def test_two_names_joined_by_of_stay_two_people(run):
    ex = run("Victor Hale reminded Elena Rossi of Laila Haddad's statement that the deficit had doubled.")
    assert names(ex) == {"Victor Hale", "Elena Rossi", "Laila Haddad"}


@pytest.mark.parametrize("text, org", [
    ("Chile's Ministry of Water and Forests ordered the dam closed.", "Ministry of Water and Forests"),
    ("A spokesman for the Department of Roads, Bridges and Public Works said repairs would start soon.",
     "Department of Roads, Bridges and Public Works"),
    ("The talks were hosted by the Norland Chamber of Trade and Shipping, its director said.",
     "Norland Chamber of Trade and Shipping"),
    ("Counsel for the Kenya Federation of Nurses said the ruling was unfair.", "Kenya Federation of Nurses"),
    ("The Riverton Power Supply and Drainage Board (RPSDB) denied any shortage.",
     "Riverton Power Supply and Drainage Board"),
])
def test_organization_names_with_domains_and_lists(run, text, org):
    assert actor(run(text), org).type == ORGANIZATION


def test_and_between_two_organizations_does_not_join_them(run):
    ex = run("The Ministry of Defence and the Harbour Workers Union traded accusations on Monday.")
    assert {"Ministry of Defence", "Harbour Workers Union"} <= names(ex)


def test_lowercase_ministry_is_an_organization(run):
    ex = run('In Beijing, Chinese foreign ministry spokesperson Lin Wei told a briefing that the ships had left.')
    assert actor(ex, "Chinese foreign ministry").type == ORGANIZATION
    assert actor(ex, "Lin Wei").type == PERSON


def test_family_name_first_after_a_title_with_a_domain(run):
    ex = run('Secretary for Development Tse Wing-kei said the land would be sold this year.')
    assert actor(ex, "Tse Wing-kei").type == PERSON


def test_particles_inside_a_name(run):
    ex = run('The groups wrote to Commission President Ursula von der Leyen on Monday.')
    assert actor(ex, "Ursula von der Leyen").type == PERSON


def test_title_word_as_last_name(run):
    ex = run('Hearing the petition, Justice Nadia Kamran Sheikh adjourned the case. '
             '"The state cannot keep a citizen waiting," Justice Sheikh remarked.')
    judge = actor(ex, "Nadia Kamran Sheikh")
    assert judge.type == PERSON and "Sheikh" in judge.aliases


def test_company_short_form_wins_over_a_founders_surname(run):
    ex = run('Kestrel Motors delayed its plant. Chief executive Andrea Vance cited her predecessor, Harold Kestrel '
             'Jr., as saying the firm never bets the farm. Kestrel shares fell 3%.')
    assert "Kestrel" in actor(ex, "Kestrel Motors").aliases
    assert "Kestrel" not in actor(ex, "Harold Kestrel Jr.").aliases


def test_local_radio_station_name(run):
    ex = run('"I would not let my dog in it," Ms Crowther told BBC Radio Bristol.')
    assert actor(ex, "BBC Radio Bristol").type == ORGANIZATION


def test_union_named_after_its_members(run):
    ex = run('The National Union of Road Transport Workers joined the strike on Monday.')
    assert actor(ex, "National Union of Road Transport Workers").type == ORGANIZATION


@pytest.mark.parametrize("text, name", [
    ("She told the Arizona Daily Star on Monday that the canal was dry.", "Arizona Daily Star"),
    ("Greenpeace Africa welcomed the letter on Tuesday.", "Greenpeace Africa"),
    ("She told the Post-Gazette that the buses would run.", "Post-Gazette"),
    ("She told KGUN 9 that the canal was dry.", "KGUN 9"),
])
def test_outlets_and_branches_named_after_a_place(run, text, name):
    assert actor(run(text), name).type == "Organization"


def test_the_house_of_another_countrys_parliament_is_not_the_us_house(run):
    ex = run('ACCRA — The Speaker told the House on Tuesday that the budget had been approved.')
    assert "U.S. House of Representatives" not in names(ex)
    ex = run('WASHINGTON — Republicans in the House voted against the bill on Tuesday.')
    assert "U.S. House of Representatives" in names(ex)


@pytest.mark.parametrize("text, name", [
    ("The notice was addressed to managing director K.V. Ramanathan on Monday.", "K.V. Ramanathan"),
    ("Its chief of staff, Lt-Gen. Wiratmoko, said two people had died.", "Wiratmoko"),
    ("Maj-Gen Oduya said the convoy had left.", "Oduya"),
])
def test_joined_initials_and_british_ranks_before_a_name_make_a_person(run, text, name):
    assert actor(run(text), name).type == PERSON


def test_joined_initials_of_a_state_or_an_acronym_make_no_person(run):
    ex = run("The U.S. Army said the U.N. Security Council would meet.")
    assert all(a.type == ORGANIZATION for a in ex.actors)


def test_an_organization_name_goes_on_past_a_plain_word_to_its_domain(run):
    ex = run("The Association of the Timber Industry of Karelia said it would appeal.")
    assert "Association of the Timber Industry of Karelia" in names(ex)


@pytest.mark.parametrize("text, name", [
    ("He praised South Cambridgeshire District Council for its trial.", "South Cambridgeshire District Council"),
    ("East Lindsey District Council said the road would reopen.", "East Lindsey District Council"),
])
def test_a_compass_word_before_a_place_is_part_of_an_organizations_name(run, text, name):
    assert actor(run(text), name).type == ORGANIZATION


@pytest.mark.parametrize("text", [
    "Health Adviser Farhana Chowdhury thanked the World Bank.",
    "Labour Adviser Farhana Chowdhury thanked the World Bank.",
    "Labour and Employment Adviser Farhana Chowdhury thanked the World Bank.",
    "Labour and Employment Minister Farhana Chowdhury thanked the World Bank.",
])
def test_a_ministry_domain_before_a_title_is_no_organization(run, text):
    """`Labour` is also the party's name; before `Adviser` or `Minister` it is the post's domain."""
    ex = run(text)
    assert names(ex) == {"Farhana Chowdhury", "World Bank"}
    assert actor(ex, "Farhana Chowdhury").type == PERSON



@pytest.mark.parametrize("text, person, org", [
    ("Rep. Maya Lorne of Cedar County voted against the bill.", "Maya Lorne", None),
    ("Rebel commander Luis Ortega of the Andean Front wrote to the government.", "Luis Ortega", "Andean Front"),
    ("Maria Lopez of the National Farmers Union praised the ministry.", "Maria Lopez", "National Farmers Union"),
])
def test_a_person_of_a_place_or_organization_is_not_one_long_name(run, text, person, org):
    ex = run(text)
    assert actor(ex, person).type == PERSON
    assert names(ex) == {person} | ({org} if org else set())
