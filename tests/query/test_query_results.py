"""Result formats: the aligned table, and CSV, TSV, JSON that other SPARQL tools read back."""
from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.errors import QueryError
from kg.query.results import graph_text, table, to_csv, to_json, to_tsv, write_result
from kg.query.run import Result

XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
ROWS = Result(("actor", "name", "n"), [
    (ox.NamedNode("https://w3id.org/newskg/id/actor/khalil-haddad"), ox.Literal('Khalil "Abu" Haddad, Sheikh'),
     ox.Literal("3", datatype=XSD_INT)),
    (ox.NamedNode("https://w3id.org/newskg/id/actor/x"), ox.Literal("two\nlines\tand a tab", language="en"), None),
])


def test_the_table_lines_up_columns_and_shortens_iris():
    lines = table(ROWS, width=200).splitlines()
    assert lines[0].split() == ["actor", "name", "n"]
    assert set(lines[1].replace(" ", "")) == {"─"}
    assert lines[2].startswith("id:actor/khalil-haddad  ")
    assert lines[2].index("Khalil") == lines[3].index("two") == lines[0].index("name")
    assert "two lines and a tab" in lines[3]  # one row stays on one line


def test_the_table_fits_the_width_by_cutting_long_cells():
    lines = table(ROWS, width=40).splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert "…" in lines[2]


def test_csv_is_plain_values_that_csv_readers_read_back():
    rows = list(csv.reader(io.StringIO(to_csv(ROWS), newline="")))
    assert rows[0] == ["actor", "name", "n"]
    assert rows[1] == ["https://w3id.org/newskg/id/actor/khalil-haddad", 'Khalil "Abu" Haddad, Sheikh', "3"]
    assert rows[2][1] == "two\nlines\tand a tab" and rows[2][2] == ""


@pytest.mark.parametrize("fmt, write", [(ox.QueryResultsFormat.JSON, to_json), (ox.QueryResultsFormat.TSV, to_tsv)])
def test_json_and_tsv_read_back_as_the_same_terms(fmt, write):
    parsed = ox.parse_query_results(write(ROWS).encode("utf-8"), format=fmt)
    assert [v.value for v in parsed.variables] == list(ROWS.variables)
    assert [tuple(s[v] for v in ROWS.variables) for s in parsed] == ROWS.rows


def test_ask_in_every_format():
    yes = Result(boolean=True)
    assert table(yes) == "true\n"
    assert bool(ox.parse_query_results(to_json(yes).encode(), format=ox.QueryResultsFormat.JSON)) is True
    assert to_csv(Result(boolean=False)).splitlines() == ["boolean", "false"]


def test_graph_results_are_rdf_in_the_format_asked():
    t = ox.Triple(ox.NamedNode("https://w3id.org/newskg/id/actor/a"), ox.NamedNode("https://w3id.org/newskg/ns#praised"),
                  ox.NamedNode("https://w3id.org/newskg/id/actor/b"))
    g = Result(triples=[t])
    turtle = graph_text(g, "turtle")
    assert "kg:praised" in turtle
    assert len(Graph().parse(data=turtle, format="turtle")) == 1
    assert len(Graph().parse(data=graph_text(g, "jsonld"), format="json-ld")) == 1
    out = io.StringIO()
    write_result(g, out, "table")  # a table of a graph is Turtle
    assert out.getvalue() == turtle


def test_a_table_query_refuses_a_graph_format():
    with pytest.raises(QueryError, match="gives a table, not a graph"):
        write_result(ROWS, io.StringIO(), "turtle")
