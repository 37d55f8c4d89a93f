"""The Python API as a notebook uses it: kg.open, rows, DataFrames, bindings, named queries, networkx."""
from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

import kg
from kg.api import IRI, to_python, to_term
from kg.errors import KGError


@pytest.fixture
def g(sample_store):
    with kg.open(sample_store) as graph:
        yield graph


def test_open_a_store_or_a_file(sample_store, sample_ttl):
    for path in (sample_store, sample_ttl):
        with kg.open(path) as graph:
            assert graph.query("ASK { ?l a kg:Letter }") is True


def test_rows_are_named_tuples_of_python_values(g):
    rows = g.query("SELECT ?a ?name ?n WHERE { ?a rdfs:label ?name ; kg:mentionedIn ?art . "
                   "?art schema:datePublished ?n } ORDER BY ?name LIMIT 1")
    assert rows.columns == ("a", "name", "n")
    row = rows[0]
    assert isinstance(row.a, IRI) and row.a.startswith("https://w3id.org/newskg/id/actor/")
    assert isinstance(row.name, str) and isinstance(row.n, dt.date)
    name, = g.query("SELECT ?name WHERE { ?a rdfs:label ?name } LIMIT 1")[0]


def test_a_dataframe_when_pandas_is_there(g):
    pytest.importorskip("pandas")
    df = g.actors().df()
    assert list(df.columns) == ["actor", "name", "type", "kind", "aliases", "articles"]
    assert df.loc[df.name == "Yousef Karimi", "articles"].item() == 2


def test_keyword_values_are_bound_safely_and_iris_round_trip(g):
    haddad = g.query("SELECT ?a ?name WHERE { ?a rdfs:label ?name }", name="Khalil Haddad")
    assert len(haddad) == 1
    assert g.query("SELECT ?a ?name WHERE { ?a rdfs:label ?name }", name='x" } ?s ?p ?o {') == []
    again = g.query("SELECT ?a ?name WHERE { ?a rdfs:label ?name }", a=haddad[0].a)
    assert again[0].name == "Khalil Haddad"


def test_named_queries_take_names_or_iris(g):
    by_name = g.named("who-praised", "Haddad")
    iri = g.query("SELECT ?a ?n WHERE { ?a rdfs:label ?n }", n="Khalil Haddad")[0].a
    assert g.named("who-praised", iri) == by_name
    assert "Yousef Karimi" in {r.praiser for r in by_name}
    assert all(r.sources >= 2 for r in g.named("corroborated", min=2))


def test_construct_gives_an_rdflib_graph(g):
    out = g.query("CONSTRUCT { ?s kg:praised ?o } WHERE { ?s kg:praised ?o }")
    assert len(out) > 0 and out.__class__.__name__ == "Graph"


def test_to_networkx_has_actors_and_typed_edges_with_source_counts(g):
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    karimi = "https://w3id.org/newskg/id/actor/yousef-karimi"
    haddad = "https://w3id.org/newskg/id/actor/khalil-haddad"
    assert G.nodes[karimi]["label"] == "Yousef Karimi" and G.nodes[karimi]["type"] == "Person"
    edge = G.edges[karimi, haddad, "sentLetterTo"]
    assert edge["relation"] == "sentLetterTo" and edge["sources"] >= 1
    with_statements = g.to_networkx(statements=True)
    assert with_statements.number_of_nodes() > G.number_of_nodes()
    assert {d["type"] for _, d in with_statements.nodes(data=True)} >= {"Letter", "Quote", "Person"}


def test_a_closed_graph_says_so_and_releases_the_store(sample_store):
    graph = kg.open(sample_store)
    graph.close()
    with pytest.raises(KGError, match="closed"):
        graph.query("ASK { ?s ?p ?o }")
    with kg.open(sample_store) as again:
        assert again.query("ASK { ?s ?p ?o }")


def test_a_failed_query_does_not_keep_the_store_locked(sample_store):
    graph = kg.open(sample_store)
    with pytest.raises(KGError) as failure:
        graph.query("SELECT ?x WHERE {")
    graph.close()
    with kg.open(sample_store) as again:  # the traceback held no reference to the store
        assert again.query("ASK { ?s ?p ?o }")
    assert failure.value


@pytest.mark.parametrize("value", [IRI("https://example.org/a"), "text", 3, 2.5, True, dt.date(2024, 3, 4),
                                   dt.datetime(2024, 3, 4, 9, 30)])
def test_values_round_trip_through_terms(value):
    assert to_python(to_term(value)) == value
    assert type(to_python(to_term(value))) is type(value)
