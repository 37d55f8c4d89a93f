"""The SPARQL protocol's rules as plain functions: reading requests, choosing formats."""
from __future__ import annotations

import pytest

from kg.serve.protocol import ProtocolError, accepted, choose_format, looks_like_update, parse_request


def test_accept_ranges_come_best_first_by_q_then_order():
    assert accepted("text/csv;q=0.5, application/json, text/tab-separated-values;q=0.9, image/png;q=0") == [
        ("application/json", 1.0), ("text/tab-separated-values", 0.9), ("text/csv", 0.5)]
    assert accepted(None) == [("*/*", 1.0)]


@pytest.mark.parametrize("kind, accept, chosen", [
    ("results", "*/*", "JSON"),
    ("graph", "*/*", "TURTLE"),
    ("results", "text/*", "CSV"),
    ("graph", "application/json", "JSON_LD"),
    ("results", "application/json", "JSON"),
    ("graph", "application/sparql-results+json, application/n-triples;q=0.9", "N_TRIPLES"),
])
def test_choose_format_follows_accept_for_the_kind_of_result(kind, accept, chosen):
    assert choose_format(kind, accept) == chosen


def test_choose_format_short_names_fit_the_kind_of_result():
    assert choose_format("results", None, "xml") == "XML"
    assert choose_format("graph", None, "xml") == "RDF_XML"
    with pytest.raises(ProtocolError, match="format=csv is not a format for this result"):
        choose_format("graph", None, "csv")


def test_parse_request_reads_the_three_ways_of_sending_a_query():
    assert parse_request("GET", "query=ASK%7B%7D", "", b"").text == "ASK{}"
    assert parse_request("POST", "", "application/x-www-form-urlencoded", b"query=ASK%7B%7D").text == "ASK{}"
    op = parse_request("POST", "default-graph-uri=urn%3Ag", "application/sparql-query", "ASK {}".encode())
    assert (op.kind, op.text, op.default_graphs) == ("query", "ASK {}", ("urn:g",))
    assert parse_request("POST", "", "application/sparql-update", b"CLEAR ALL").kind == "update"


@pytest.mark.parametrize("method, qs, mime, body, status", [
    ("GET", "", "", b"", 400),
    ("GET", "query=a&query=b", "", b"", 400),
    ("POST", "", "application/x-www-form-urlencoded", b"query=a&update=b", 400),
    ("POST", "query=x", "application/sparql-query", b"ASK {}", 400),
    ("POST", "", "application/sparql-query", b"\xff\xfe", 400),
    ("DELETE", "", "", b"", 405),
])
def test_parse_request_refuses_what_the_protocol_does_not_allow(method, qs, mime, body, status):
    with pytest.raises(ProtocolError) as e:
        parse_request(method, qs, mime, body)
    assert e.value.status == status


@pytest.mark.parametrize("text, update", [
    ("PREFIX kg: <https://w3id.org/newskg/ns#>\n# note\nINSERT DATA { }", True),
    ("delete where { ?s ?p ?o }", True),
    ("CLEAR ALL", True),
    ("SELECT ?insert WHERE { ?insert ?p ?o }", False),
    ("ASK {}", False),
])
def test_looks_like_update_reads_past_the_prologue(text, update):
    assert looks_like_update(text) is update
