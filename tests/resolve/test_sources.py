"""Credit lines: which outlet an article or a sentence says its news comes from."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from records import QAANI_JPOST, QAANI_MEHR

from kg.resolve.sources import Origins, article_credit, outlet_name, outlet_names, outlets_in, own_outlet, \
    sentence_credit


@pytest.mark.parametrize("text, source, credit", [
    ("... All Content by Mehr News Agency is licensed under a Creative Commons License.", None, "Mehr News Agency"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", None, "Associated Press"),
    ("LONDON (Reuters) - Britain said on Monday.", None, "Reuters"),
    ("TEHRAN, March 4, 2024 (Tehran Chronicle) – A commander wrote.", None, "Tehran Chronicle"),
    ("The vote was close. The Associated Press contributed to this report.", None, "Associated Press"),
    ("The vote was close.", "Tehran Times (content by Mehr News Agency)", "Mehr News Agency"),
    ("This story was originally published by Reuters.", None, "Reuters"),
])
def test_article_credits(text, source, credit):
    assert article_credit(text, source) == credit


@pytest.mark.parametrize("text", [
    "The vote was close. Jane Doe contributed to this report.",  # a reporter, not an outlet
    "The Islamic Revolution Guards Corps (IRGC) – the elite force – said.",  # not a dateline
    "Nothing here credits anyone.",
])
def test_no_credit(text):
    assert article_credit(text) is None


def test_sentence_credits_name_an_outlet_of_the_article():
    outlets = ["Tasnim News Agency", "CNN"]
    assert sentence_credit("Salami was quoted by the Tasnim News Agency as saying so.", outlets) == "Tasnim News Agency"
    assert sentence_credit("\"It is a loss,\" he told CNN's Erin Burnett.", outlets) == "CNN"
    assert sentence_credit("The talks failed, according to IRGC chief Esmail Qaani.", outlets) is None


def test_outlet_names_are_counted_under_their_gazetteer_name():
    assert outlet_name("The Associated Press") == outlet_name("AP") == "Associated Press"
    assert outlet_name("Jerusalem Post") == "The Jerusalem Post"
    assert own_outlet("Tehran Times (content by Mehr News Agency)") == "Tehran Times"


def test_evidence_counts_for_the_credited_outlet_else_the_article_one():
    mehr, jpost = Origins(QAANI_MEHR), Origins(QAANI_JPOST)
    assert mehr.article == "Mehr News Agency" and mehr.of(QAANI_MEHR.letters[0].evidence) == "Mehr News Agency"
    assert jpost.article == "The Jerusalem Post" and jpost.credit is None


def test_outlets_in_finds_gazetteer_outlets_between_word_boundaries():
    text = "Reuters and BBC News said so; ReutersX did not, nor did xReuters."
    assert outlets_in(text) == ["Reuters", "BBC News"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(outlet_names()[::7] + ["Reuters", "BBC", "BBC News", "The Times"]),
                          st.sampled_from([" ", ", ", "-", "_", "x", "'s ", "(", "\n", "é", "1"])), max_size=30))
def test_outlets_in_finds_what_one_alternation_of_all_names_finds(parts):
    names = outlet_names()
    alternation = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    text = "".join(parts)
    assert outlets_in(text) == alternation.findall(text)
