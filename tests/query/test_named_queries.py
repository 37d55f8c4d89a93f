"""The named queries: documented, parameterised, safe, and right about the sample corpus."""
from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.query import answer
from kg.query.named import find_actors, named_queries, parse_named, run_named
from kg.query.run import open_target, run_query

ISSUE = {"letters", "who-praised", "praised-by", "quotes-by", "who-quoted", "statements-between", "corroborated",
         "actors", "timeline"}
ARGS = {"who-praised": ["Haddad"], "praised-by": ["Karimi"], "quotes-by": ["Karimi"], "who-quoted": ["Khamenei"],
        "statements-between": ["Karimi", "Haddad"], "timeline": ["Karimi"]}
KARIMI = "https://w3id.org/newskg/id/actor/yousef-karimi"


@pytest.fixture
def store(sample_store):
    with open_target(sample_store) as t:
        yield t


def column(result, name):
    i = result.variables.index(name)
    return [None if r[i] is None else r[i].value for r in result.rows]


def test_every_query_the_issue_asks_for_is_there():
    assert ISSUE <= set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_each_named_query_is_documented_and_answers(store, name):
    q = named_queries()[name]
    assert q.summary and q.description and q.summary != name
    for p in q.params:
        assert p.help and f"?{p.name}" in q.sparql
        assert p.type in ("ACTOR", "INTEGER", "TEXT")
    result = run_named(store, name, ARGS.get(name, []))
    assert result.rows, f"{name} found nothing in the sample corpus"


def test_parameters_are_declared_in_the_header_comment():
    q = parse_named("x", "# Summary line.\n#\n# More words.\n#\n# param: who ACTOR  an actor\n"
                         "# param: n INTEGER=3  how many\nSELECT ?who ?n WHERE { ?who ?p ?n }\n")
    assert q.summary == "Summary line." and q.description == "More words."
    assert [(p.name, p.type, p.default, p.help) for p in q.params] == [("who", "ACTOR", None, "an actor"),
                                                                         ("n", "INTEGER", "3", "how many")]
    assert q.usage == "x WHO [N]"


@pytest.mark.parametrize("spelling", ["Yousef Karimi", "yousef karimi", "YUSUF KAREEMI", "Kareemi", "karimi",
                                      "Yusef Kerimi", "General Karimi"])
def test_an_actor_is_found_by_any_name_case_or_spelling(store, spelling):
    assert [a.value for a in find_actors(store, spelling)] == [KARIMI]


def test_an_exact_other_name_wins_over_looser_matches(store):
    found = find_actors(store, "Haddad")
    assert [a.value for a in found] == ["https://w3id.org/newskg/id/actor/khalil-haddad"]


def test_who_praised_and_praised_by_are_inverse(store):
    praised_by = run_named(store, "praised-by", ["Yusuf Kareemi"])
    assert "Khalil Haddad" in column(praised_by, "praised")
    assert set(column(praised_by, "praiser")) == {"Yousef Karimi"}
    who = run_named(store, "who-praised", ["sheikh khalil haddad"])
    assert "Yousef Karimi" in column(who, "praiser")
    assert all(int(n) >= 1 for n in column(who, "sources"))
    assert all("Haddad" in text for text in column(who, "evidence"))


def test_quotes_by_gives_words_date_outlet_and_evidence(store):
    result = run_named(store, "quotes-by", ["Karimi"])
    assert result.variables == ("speaker", "date", "outlet", "text", "evidence")
    texts = column(result, "text")
    assert any("stand beside you" in t for t in texts)
    assert all(e.startswith("https://w3id.org/newskg/id/article/") and "#char=" in e for e in column(result, "evidence"))
    assert "The Gulf Observer" in column(result, "outlet")
    dated = [d for d in column(result, "date") if d]
    assert dated == sorted(dated) and dated
    # the Tehran Chronicle's article came as plain text, with no outlet: its dateline credits one
    rows = [dict(zip(result.variables, (t.value if t else None for t in r))) for r in result.rows]
    assert {r["outlet"] for r in rows if "tehran-chronicle" in r["evidence"]} >= {"Tehran Chronicle"}
    assert all(r["outlet"] for r in rows)


def test_statements_between_finds_both_directions(store):
    result = run_named(store, "statements-between", ["Haddad", "Karimi"])
    pairs = {(f, r, t) for f, r, t in zip(column(result, "from"), column(result, "relation"), column(result, "to"))}
    assert ("Yousef Karimi", "sentLetterTo", "Khalil Haddad") in pairs
    assert ("Khalil Haddad", "sentLetterTo", "Yousef Karimi") in pairs
    assert run_named(store, "statements-between", ["Karimi", "Haddad"]).rows == result.rows
    assert all(column(result, "outlet"))  # the article's outlet, else the one its sentence credits


def test_corroborated_counts_independent_sources(store):
    everything = run_named(store, "corroborated", ["1"])
    edges = run_query(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Edge }").rows[0][0].value
    assert len(everything.rows) == int(edges)
    twice = run_named(store, "corroborated")  # MIN defaults to 2
    assert twice.rows and all(int(n) >= 2 for n in column(twice, "sources"))
    assert ("Yousef Karimi", "Ali Khamenei") in set(zip(column(twice, "from"), column(twice, "to")))
    assert len(run_named(store, "corroborated", [], {"min": 99}).rows) == 0


def test_actors_lists_every_actor_once_with_aliases_and_article_counts(store):
    result = run_named(store, "actors")
    actors = run_query(store, "SELECT DISTINCT ?a WHERE { VALUES ?c { kg:Person kg:Organization } ?a a ?c }").rows
    assert sorted(column(result, "actor")) == sorted(r[0].value for r in actors)
    row = dict(zip(result.variables, next(r for r in result.rows if r[0].value == KARIMI)))
    assert row["type"].value == "Person" and int(row["articles"].value) == 2
    assert "Yusuf Kareemi" in row["aliases"].value.split("; ")
    counts = [int(n) for n in column(result, "articles")]
    assert counts == sorted(counts, reverse=True)


def test_letters_have_senders_recipients_and_sources(store):
    result = run_named(store, "letters")
    letters = run_query(store, "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?l a kg:Letter }").rows[0][0].value
    assert len(result.rows) == int(letters)
    rows = [dict(zip(result.variables, (t.value if t else None for t in r))) for r in result.rows]
    assert any(r["senders"] == "Yousef Karimi" and "Khalil Haddad" in r["recipients"] for r in rows)
    assert "Tehran Chronicle" in {r["sources"] for r in rows}  # credited in its dateline: kg:origin
    assert all(int(r["articles"]) >= 1 for r in rows)


def test_timeline_is_in_date_order_with_undated_last(store):
    result = run_named(store, "timeline", ["Karimi"])
    dates = column(result, "date")
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates == dated + [None] * (len(dates) - len(dated))
    events = set(column(result, "event"))
    assert {"sent a letter to", "said", "praised"} <= events
    assert all(column(result, "outlet"))  # the article's outlet, else the one its sentence credits


TWO_KHAMENEIS = """
@prefix kg: <https://w3id.org/newskg/ns#> . @prefix id: <https://w3id.org/newskg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
id:ali a kg:Person ; rdfs:label "Ali Khamenei" .
id:mojtaba a kg:Person ; rdfs:label "Mojtaba Khamenei" .
id:fan a kg:Person ; rdfs:label "A Fan" .
id:e1 rdf:subject id:fan ; rdf:predicate kg:praised ; rdf:object id:ali ; kg:sourceCount 1 ; kg:evidence id:ev1 .
id:e2 rdf:subject id:fan ; rdf:predicate kg:praised ; rdf:object id:mojtaba ; kg:sourceCount 2 ; kg:evidence id:ev2 .
id:ev1 kg:article id:art ; nif:anchorOf "The fan praised Ali Khamenei." .
id:ev2 kg:article id:art ; nif:anchorOf "The fan praised Mojtaba Khamenei." .
"""


def test_a_name_of_several_actors_answers_for_each(tmp_path):
    path = tmp_path / "two.ttl"
    path.write_text(TWO_KHAMENEIS, encoding="utf-8")
    with open_target(path) as t:
        assert len(find_actors(t, "Khamenei")) == 2
        result = run_named(t, "who-praised", ["khamenei"])
        assert column(result, "praised") == ["Mojtaba Khamenei", "Ali Khamenei"]  # most sources first
        assert column(run_named(t, "who-praised", ["Ali Khamenei"]), "praised") == ["Ali Khamenei"]


def test_an_actor_parameter_is_a_name_never_query_text(store):
    with pytest.raises(QueryError, match="no actor is named"):
        run_named(store, "who-praised", ['Haddad" } UNION { ?edge ?p ?o } #'])


def test_an_unknown_actor_gets_close_names(store):
    with pytest.raises(QueryError, match=r"no actor is named 'Haddat' \(close: Haddad\)"):
        run_named(store, "who-praised", ["Haddat"])


def test_wrong_arguments_say_how_to_call_the_query(store):
    with pytest.raises(QueryError, match="who-praised needs ACTOR .*: kg query who-praised ACTOR"):
        run_named(store, "who-praised", [])
    with pytest.raises(QueryError, match="takes 1 argument"):
        run_named(store, "who-praised", ["a", "b"])
    with pytest.raises(QueryError, match="MIN must be a whole number"):
        run_named(store, "corroborated", ["two"])
    with pytest.raises(QueryError, match="did you mean who-praised"):
        run_named(store, "who-prasied", ["x"])


def test_a_query_file_may_declare_parameters(store, tmp_path):
    rq = tmp_path / "mentions.rq"
    rq.write_text("# Articles that mention an actor.\n# param: actor ACTOR  the actor\n"
                  "SELECT DISTINCT ?article WHERE { ?actor kg:mentionedIn ?article }\n", encoding="utf-8")
    result = answer(store, ["Kareemi"], rq)
    assert result.variables == ("article",) and len(result.rows) == 2
    plain = tmp_path / "plain.rq"
    plain.write_text("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Article }", encoding="utf-8")
    assert answer(store, [], plain).rows[0][0].value == "7"


@pytest.mark.parametrize("name", ["actors", "letters", "corroborated"])
def test_listings_answer_the_same_from_the_store_and_from_its_turtle_export(store, sample_ttl, name):
    """The listings read the counts the store keeps (kg:articleCount, kg:reportCount...) in its resolution graph;
    a Turtle file has one graph with everything, and must give the same rows."""
    def rows(target):
        result = run_named(target, name, ["1"] if name == "corroborated" else [])
        return sorted(tuple(sorted((t.value if t else "").split("; ")) for t in r) for r in result.rows)

    with open_target(sample_ttl) as file:
        from_file = rows(file)
    assert from_file and from_file == rows(store)
