"""`kg query` as a user runs it, on a real store and an exported file."""
from __future__ import annotations

import csv
import io
import json


def test_list_shows_each_named_query_on_one_line(kg_cli):
    result = kg_cli("query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("who-praised ACTOR ") for line in lines)
    assert any(line.startswith("statements-between A B ") for line in lines)
    assert any(line.startswith("corroborated [MIN] ") for line in lines)
    assert len(lines) >= 9


def test_show_prints_the_documented_query(kg_cli):
    result = kg_cli("query", "--show", "who-praised")
    assert result.stdout.startswith("# Who praised ACTOR")
    assert "# param: actor ACTOR" in result.stdout and "SELECT" in result.stdout


def test_a_named_query_with_an_actor_as_csv(kg_cli, sample_store):
    result = kg_cli("query", "--store", sample_store, "who-praised", "sheikh haddad", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "Yousef Karimi" in {r["praiser"] for r in rows}


def test_sparql_from_the_command_line_as_json(kg_cli, sample_store):
    q = "SELECT DISTINCT ?sender WHERE { ?l a kg:Letter ; kg:sender/rdfs:label ?sender } ORDER BY ?sender"
    result = kg_cli("query", "--store", sample_store, q, "--format", "json")
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["sender"]
    assert {"type": "literal", "value": "Yousef Karimi"} in [b["sender"] for b in data["results"]["bindings"]]


def test_a_query_file_on_an_exported_graph_as_tsv(kg_cli, sample_ttl, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?name WHERE { ?a a kg:Organization ; kg:kind 'outlet' ; rdfs:label ?name } ORDER BY ?name",
                  encoding="utf-8")
    result = kg_cli("query", "--graph", sample_ttl, "-f", rq)  # not a terminal: TSV
    lines = result.stdout.splitlines()
    assert lines[0] == "?name" and '"Tasnim News Agency"' in lines


def test_the_table_has_a_row_count_on_stderr(kg_cli, sample_store):
    result = kg_cli("query", "--store", sample_store, "actors", "--format", "table")
    assert result.stdout.splitlines()[0].split()[:3] == ["actor", "name", "type"]
    assert "rows (" in result.stderr


def test_describe_writes_turtle(kg_cli, sample_ttl):
    result = kg_cli("query", "--graph", sample_ttl, "DESCRIBE ?a WHERE { ?a rdfs:label 'Khalil Haddad' }")
    assert result.exit_code == 0 and "@prefix kg:" in result.stdout and "rdfs:label" in result.stdout


def test_a_syntax_error_exits_1_with_line_and_column(kg_cli, sample_store):
    result = kg_cli("query", "--store", sample_store, "SELECT ?x WHERE {\n ?x a kg:Letter . FILTER( }")
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: the query is not valid SPARQL: line 2, column ")
    assert "^" in result.stderr


def test_it_says_what_is_missing(kg_cli, sample_store, sample_ttl):
    assert "say what to read" in kg_cli("query", "actors").stderr
    assert "say what to read" in kg_cli("query", "--store", sample_store, "--graph", sample_ttl, "actors").stderr
    assert "there is no store" in kg_cli("query", "--store", sample_ttl.parent / "nothing", "actors").stderr
    result = kg_cli("query", "--store", sample_store, "who-praised")
    assert result.exit_code == 1 and "who-praised needs ACTOR" in result.stderr
