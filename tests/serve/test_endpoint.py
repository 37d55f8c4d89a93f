"""The SPARQL 1.1 Protocol endpoint, on a real loopback port, through SPARQLWrapper, rdflib and plain HTTP."""
from __future__ import annotations

import csv
import io
import json
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import rdflib
from rdflib.compare import isomorphic
from serve.conftest import http
from SPARQLWrapper import JSON, SPARQLWrapper, TURTLE

from kg.viz.dataset import open_store_read_only

LETTERS = "SELECT ?letter ?sender WHERE { ?letter a kg:Letter ; kg:sender ?sender } ORDER BY ?letter ?sender"
GRAPH = "CONSTRUCT { ?l a kg:Letter ; kg:sender ?s } WHERE { ?l a kg:Letter ; kg:sender ?s }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PREFIXES = "PREFIX kg: <https://w3id.org/newskg/ns#>\n"


def truth(store, sparql: str) -> set[tuple[str, ...]]:
    """The same question asked of the store directly, as the endpoint should answer it."""
    db = open_store_read_only(store)
    return {tuple(t.value for t in row) for row in db.query(PREFIXES + sparql, use_default_graph_as_union=True)}


def get(endpoint, query: str, accept: str | None = None, **params):
    qs = urllib.parse.urlencode({"query": query, **params})
    return http(f"{endpoint}/sparql?{qs}", headers={"Accept": accept} if accept else {})


# --- real SPARQL clients --------------------------------------------------------------------------------

def test_sparqlwrapper_select_gets_the_stores_answer(endpoint, store):
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(PREFIXES + LETTERS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    got = {(r["letter"]["value"], r["sender"]["value"]) for r in rows}
    assert got and got == truth(store, LETTERS)


def test_sparqlwrapper_construct_gets_a_graph(endpoint, store):
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(PREFIXES + GRAPH)
    client.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    letters = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/newskg/ns#Letter")))
    assert letters == {rdflib.URIRef(row[0]) for row in truth(store, LETTERS)}


def test_sparqlwrapper_ask_and_a_post_query(endpoint):
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setMethod("POST")
    client.setQuery(PREFIXES + "ASK { ?l a kg:Letter }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_queries_the_endpoint(endpoint, store):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = rdflib.Graph(store=SPARQLStore(f"{endpoint}/sparql", returnFormat="xml"))
    rows = {(str(r[0]), str(r[1])) for r in g.query(PREFIXES + LETTERS)}
    assert rows == truth(store, LETTERS)


# --- the protocol over plain HTTP ------------------------------------------------------------------------

@pytest.mark.parametrize("accept, content_type", [
    (None, "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
])
def test_select_answers_in_the_format_accept_asks(endpoint, store, accept, content_type):
    reply = get(endpoint, LETTERS, accept)
    assert reply.status == 200 and reply.type.startswith(content_type)
    expected = truth(store, LETTERS)
    if "json" in content_type:
        rows = {(b["letter"]["value"], b["sender"]["value"]) for b in json.loads(reply.body)["results"]["bindings"]}
    elif "xml" in content_type:
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        rows = {tuple(r.find(f"s:binding[@name='{v}']/s:uri", ns).text for v in ("letter", "sender"))
                for r in ET.fromstring(reply.body).iter("{http://www.w3.org/2005/sparql-results#}result")}
    elif "csv" in content_type:
        rows = {tuple(r) for r in list(csv.reader(io.StringIO(reply.text)))[1:]}
    else:
        rows = {tuple(v.strip("<>") for v in line.split("\t")) for line in reply.text.splitlines()[1:]}
    assert rows == expected


@pytest.mark.parametrize("accept, parser", [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_construct_answers_in_every_rdf_format_with_the_same_graph(endpoint, accept, parser):
    reply = get(endpoint, GRAPH, accept)
    assert reply.status == 200 and reply.type.startswith(accept)
    g = rdflib.Graph().parse(data=reply.body, format=parser)
    reference = rdflib.Graph().parse(data=get(endpoint, GRAPH, "text/turtle").body, format="turtle")
    assert len(g) > 0 and isomorphic(g, reference)


def test_describe_answers_turtle_by_default(endpoint, store):
    letter = sorted(truth(store, LETTERS))[0][0]
    reply = get(endpoint, f"DESCRIBE <{letter}>")
    assert reply.status == 200 and reply.type.startswith("text/turtle")
    g = rdflib.Graph().parse(data=reply.body, format="turtle")
    assert (rdflib.URIRef(letter), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/newskg/ns#Letter")) in g


def test_a_format_parameter_serves_download_links(endpoint):
    reply = get(endpoint, LETTERS, format="csv")
    assert reply.status == 200 and reply.type.startswith("text/csv") and reply.text.startswith("letter,sender")


def test_an_unacceptable_format_is_406_naming_those_there_are(endpoint):
    reply = get(endpoint, LETTERS, "image/png")
    assert reply.status == 406 and "application/sparql-results+json" in reply.text


def test_post_form_and_post_body_answer_as_get_does(endpoint):
    by_get = json.loads(get(endpoint, LETTERS).body)
    form = http(f"{endpoint}/sparql", method="POST", body=urllib.parse.urlencode({"query": LETTERS}).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    body = http(f"{endpoint}/sparql", method="POST", body=LETTERS.encode("utf-8"),
                headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert form.status == body.status == 200
    assert json.loads(form.body) == json.loads(body.body) == by_get


def test_queries_see_every_exported_graph_as_one_default_graph(endpoint, store):
    text = json.loads(get(endpoint, "ASK { ?article nif:isString ?text ; kg:source ?outlet }").body)
    assert text["boolean"] is True  # the article text (its graph) and the outlet (provenance) in one pattern
    graphs = json.loads(get(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").body)
    names = {b["g"]["value"] for b in graphs["results"]["bindings"]}
    assert "https://w3id.org/newskg/id/resolution" in names and "https://w3id.org/newskg/id/provenance" in names
    assert sum(n.startswith("https://w3id.org/newskg/id/graph/") for n in names) == 3
    assert not any("/index/" in n for n in names)
    assert json.loads(get(endpoint, "ASK { ?form kg:nameKey ?key }").body)["boolean"] is False


def test_default_graph_uri_narrows_the_dataset(endpoint):
    resolution = "https://w3id.org/newskg/id/resolution"
    reply = get(endpoint, "ASK { ?a nif:isString ?t }", **{"default-graph-uri": resolution})
    assert json.loads(reply.body)["boolean"] is False


# --- refusals, errors, the timeout ------------------------------------------------------------------------

UPDATE = 'INSERT DATA { <https://example.org/x> <https://example.org/p> "sneaked in" }'


@pytest.mark.parametrize("how", ["form", "body", "as-query"])
def test_updates_are_refused_with_403_and_change_nothing(endpoint, how):
    if how == "form":
        reply = http(f"{endpoint}/sparql", method="POST", body=urllib.parse.urlencode({"update": UPDATE}).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "body":
        reply = http(f"{endpoint}/sparql", method="POST", body=UPDATE.encode(),
                     headers={"Content-Type": "application/sparql-update"})
    else:
        reply = get(endpoint, UPDATE)
    assert reply.status == 403
    assert "read-only" in reply.text and "--allow-update" in reply.text
    assert json.loads(get(endpoint, 'ASK { ?s ?p "sneaked in" }').body)["boolean"] is False


def test_a_bad_query_is_400_with_the_parsers_message(endpoint):
    reply = get(endpoint, "SELECT ?x WHERE { ?x a kg:Letter ")
    assert reply.status == 400
    assert reply.text.startswith("the query is not valid SPARQL: line 1, column")
    assert "^" in reply.text  # a caret under the place


def test_an_unknown_prefix_is_400_naming_it(endpoint):
    reply = get(endpoint, "SELECT ?x WHERE { ?x a nope:Thing }")
    assert reply.status == 400 and "nope:" in reply.text


def test_a_runaway_query_is_stopped_at_the_timeout_and_the_server_goes_on(endpoint):
    reply = get(endpoint, RUNAWAY)
    assert reply.status == 503
    assert "timeout of 2 s" in reply.text and "--timeout" in reply.text
    again = get(endpoint, "ASK { ?l a kg:Letter }")  # a fresh worker took the stopped one's place
    assert again.status == 200 and json.loads(again.body)["boolean"] is True


@pytest.mark.parametrize("method, path, body, headers, status", [
    ("GET", "/sparql", None, {}, 400),
    ("POST", "/sparql", b"query=x", {"Content-Type": "text/plain"}, 415),
    ("PUT", "/sparql", b"", {}, 405),
    ("GET", "/nothing", None, {}, 404),
    ("GET", "/sparql?update=CLEAR%20ALL", None, {}, 400),
])
def test_requests_outside_the_protocol_get_a_status_and_a_reason(endpoint, method, path, body, headers, status):
    reply = http(endpoint + path, method=method, body=body, headers=headers)
    assert reply.status == status and reply.type.startswith("text/plain") and len(reply.text) > 10


# --- the page ------------------------------------------------------------------------------------------

def test_the_page_and_its_scripts_are_served_from_here(endpoint):
    from kg.viz import fetched_urls

    page = http(endpoint + "/")
    assert page.status == 200 and page.type.startswith("text/html")
    fetched = fetched_urls(page.text)
    assert fetched and all(u.startswith("static/") for u in fetched)  # relative: from this server only
    assert "default-src 'self'" in page.headers["content-security-policy"]
    vis = http(endpoint + "/static/vis-network.min.js")
    assert vis.status == 200 and "javascript" in vis.type and b"vis-network" in vis.body[:400]
    assert http(endpoint + "/static/page.js").status == 200


def test_the_page_offers_the_named_queries_as_examples(endpoint):
    info = json.loads(http(endpoint + "/queries.json").body)
    from kg.query import named_queries

    assert [q["name"] for q in info["queries"]] == list(named_queries())
    assert info["prefixes"]["kg"] == "https://w3id.org/newskg/ns#"
    assert info["updates"] is False
