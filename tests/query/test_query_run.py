"""SPARQL over a real store and over exported files: prefixes, union of graphs, query forms, errors."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import KGError, QueryError
from kg.query.run import PREFIXES, open_target, run_query, syntax_message

LETTERS = "SELECT DISTINCT ?l ?name WHERE { ?l a kg:Letter ; kg:sender/rdfs:label ?name }"


@pytest.fixture
def store(sample_store):
    with open_target(sample_store) as t:
        yield t


def test_a_query_over_a_store_joins_article_graphs_with_the_resolution_graph(store):
    """Letters live in article graphs, actors' labels in the resolution graph: one query sees both."""
    rows = run_query(store, LETTERS).rows
    names = {r[1].value for r in rows}
    assert "Yousef Karimi" in names
    letters = run_query(store, "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?l a kg:Letter } }").rows
    assert len({r[0] for r in rows}) == int(letters[0][0].value) > 0


def test_a_query_sees_the_provenance_graph(store):
    rows = run_query(store, "SELECT ?g ?h WHERE { ?g prov:wasDerivedFrom ?a ; kg:contentHash ?h }").rows
    assert len(rows) == 7  # the seven articles of examples/
    assert all(r[1].value.startswith("sha256:") for r in rows)


def test_project_prefixes_are_declared(store):
    for prefix in ("kg", "schema", "prov", "skos", "rdfs", "foaf", "rdf", "nif", "xsd"):
        assert prefix in PREFIXES
    assert run_query(store, "ASK { ?a a kg:Person ; skos:altLabel ?x . ?art schema:headline ?h }").boolean


def test_a_query_may_declare_its_own_prefixes(store):
    q = "PREFIX k: <https://w3id.org/newskg/ns#> SELECT DISTINCT ?l WHERE { ?l a k:Letter }"
    assert run_query(store, q).rows == run_query(store, "SELECT DISTINCT ?l WHERE { ?l a kg:Letter }").rows != []


def test_ask_construct_and_describe(store):
    assert run_query(store, "ASK { ?x a kg:Speech }").boolean is True
    assert run_query(store, "ASK { ?x a kg:Nothing }").boolean is False
    built = run_query(store, "CONSTRUCT { ?s kg:praised ?o } WHERE { ?s kg:praised ?o }")
    edges = run_query(store, "SELECT DISTINCT ?e WHERE { ?e rdf:predicate kg:praised }").rows
    assert built.kind == "graph" and len(set(built.triples)) == len(edges) > 0
    described = run_query(store, "DESCRIBE ?a WHERE { ?a rdfs:label 'Khalil Haddad' }")
    predicates = {t.predicate.value for t in described.triples}
    assert str(PREFIXES["rdfs"]) + "label" in predicates


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq"])
def test_exported_files_answer_like_the_store(sample_store, kg_cli, tmp_path, suffix):
    path = tmp_path / f"all{suffix}"
    assert kg_cli("export", "--store", sample_store, "-o", path).exit_code == 0
    with open_target(sample_store) as t:
        expected = set(run_query(t, LETTERS).rows)
    with open_target(path) as t:
        assert set(run_query(t, LETTERS).rows) == expected != set()


def test_values_are_bound_as_literals_never_as_query_text(store):
    hostile = 'Khalil Haddad" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    q = "SELECT ?a ?name WHERE { ?a rdfs:label ?name }"
    assert run_query(store, q, {"name": ox.Literal(hostile)}).rows == []
    assert len(run_query(store, q, {"name": ox.Literal("Khalil Haddad")}).rows) == 1


def test_a_syntax_error_gives_line_column_and_what_was_expected(store):
    with pytest.raises(QueryError) as e:
        run_query(store, "SELECT ?x WHERE {\n  ?x a kg:Letter\n")
    text = str(e.value)
    assert "line 3, column 1" in text or "line 2" in text
    assert "expected" in text and "'}'" in text


def test_a_missing_expression_is_named_as_such(store):
    with pytest.raises(QueryError, match=r"line 1, column \d+: expected an expression: a variable, a value"):
        run_query(store, "SELECT ?l WHERE { ?l kg:sender ?s FILTER(?s = ) }")


def test_an_unclosed_string_is_named(store):
    with pytest.raises(QueryError, match=r"line 1, column \d+: a string is not closed"):
        run_query(store, 'SELECT ?x WHERE { ?x rdfs:label "Haddad }')


def test_an_unknown_prefix_is_named_with_the_fix(store):
    with pytest.raises(QueryError, match=r"unknown prefix foo: declare it with PREFIX foo: <\.\.\.>"):
        run_query(store, "SELECT * WHERE { ?s foo:bar ?o }")


def test_a_misspelt_query_form_points_at_its_start():
    message = syntax_message("PREFIX a: <http://a#>\n  SELEC ?x WHERE { }", "error at 2:9: expected one of DESCRIBE, [_]")
    assert "line 2, column 3: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE" in message
    assert message.endswith("    SELEC ?x WHERE { }\n    ^")


def test_a_missing_file_and_a_broken_file_are_reported(tmp_path):
    with pytest.raises(KGError, match="there is no file"):
        open_target(tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(KGError, match="cannot read .*bad.ttl as turtle"):
        open_target(bad)


def test_a_store_is_released_when_closed(sample_store):
    with open_target(sample_store) as t:
        assert run_query(t, "ASK { ?s ?p ?o }").boolean
    with open_target(sample_store) as t:  # the lock was released: it opens again
        assert run_query(t, "ASK { ?s ?p ?o }").boolean


def test_values_open_the_where_clause_past_comments_strings_and_iris():
    from kg.query.run import with_values

    q = ('# WHERE { in a comment\nPREFIX ex: <http://ex.org/WHERE/>\n'
         'SELECT ?where ?x WHERE { ?x ex:p "WHERE {" ; ex:q ?where }')
    out = with_values(q, {"x": [ox.NamedNode("http://ex.org/a"), ox.NamedNode("http://ex.org/b")]})
    assert out.count("VALUES") == 1
    assert 'WHERE { VALUES (?x) { (<http://ex.org/a>) (<http://ex.org/b>) }\n ?x ex:p "WHERE {"' in out
    assert with_values("SELECT * { ?s ?p ?o }", {"s": ox.NamedNode("http://a")}).startswith(
        "SELECT * { VALUES (?s) { (<http://a>) }")


def test_several_values_answer_for_each(store):
    q = "SELECT ?a ?name WHERE { ?a rdfs:label ?name }"
    rows = run_query(store, q, {"name": [ox.Literal("Khalil Haddad"), ox.Literal("Yousef Karimi")]}).rows
    assert sorted(r[1].value for r in rows) == ["Khalil Haddad", "Yousef Karimi"]


def test_a_literal_value_cannot_break_out_of_its_quotes():
    from kg.query.run import with_values

    out = with_values("SELECT ?n WHERE { ?a rdfs:label ?n }", {"n": ox.Literal('x" } ; DROP ALL ; #\n')})
    assert '"x\\" } ; DROP ALL ; #\\n"' in out


def test_a_values_block_in_the_query_takes_the_values_given_in_place():
    from kg.query.run import with_values

    q = 'SELECT ?e WHERE {\n  { VALUES ?min { 2 } ?e kg:sourceCount ?n FILTER(?n >= ?min) }\n  # VALUES ?min { 9 }\n}'
    out = with_values(q, {"min": ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))})
    assert 'VALUES ?min { "3"^^<http://www.w3.org/2001/XMLSchema#integer> } ?e' in out
    assert "# VALUES ?min { 9 }" in out and out.count("VALUES") == 2  # the comment is left alone
