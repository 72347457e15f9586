"""The endpoint's pure parts, in-process: negotiation, reading SPARQL text, the error shape,
and the Flask app over an in-memory store."""

from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest

import endpoint.errors
import endpoint.formats
import endpoint.sparql_text
from endpoint import create_app
from endpoint.formats import BOOLEAN, GRAPH, SOLUTIONS, NotAcceptable, negotiate
from endpoint.sparql_text import add_using, check_no_load, check_services, query_form
from kg.errors import BadQuery, KotakgError


@pytest.mark.parametrize("module", [endpoint.formats, endpoint.sparql_text, endpoint.errors])
def test_doctests(module) -> None:
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(("accept", "offers", "key"), [
    (None, SOLUTIONS, "json"),
    ("*/*", GRAPH, "turtle"),
    ("text/csv;q=0.9, application/sparql-results+xml;q=0.8", SOLUTIONS, "csv"),
    ("application/json", SOLUTIONS, "json"),
    ("text/*;q=0.5, application/rdf+xml", GRAPH, "rdfxml"),
    ("*/*;q=0.1, text/turtle;q=0", GRAPH, "ntriples"),
    ("application/ld+json", GRAPH, "jsonld"),
])
def test_negotiation_follows_q_values(accept, offers, key) -> None:
    assert negotiate(offers, accept, None).key == key


def test_format_parameter_takes_names_and_mime_types() -> None:
    assert negotiate(GRAPH, "text/turtle", "nt").key == "ntriples"
    assert negotiate(SOLUTIONS, None, "text/tab-separated-values").key == "tsv"
    with pytest.raises(NotAcceptable, match="sparql-results"):
        negotiate(BOOLEAN, None, "csv")


def test_query_form_skips_prologue_and_comments() -> None:
    assert query_form("# ASK\nPREFIX a: <http://a/> BASE <http://b/>\nDESCRIBE <x>") == \
        "DESCRIBE"
    with pytest.raises(BadQuery):
        query_form("INSERT DATA { <a> <b> <c> }")


def test_load_inside_a_string_is_not_load() -> None:
    check_no_load('INSERT DATA { <http://a> <http://b> "LOAD <http://x>" } # LOAD')
    with pytest.raises(KotakgError):
        check_no_load("load <http://x> INTO GRAPH <http://g>")


def test_service_allowlist_matches_prefixes() -> None:
    check_services("SELECT * { SERVICE <http://ok.example/sparql> { ?s ?p ?o } }",
                   ["http://ok.example/"])
    with pytest.raises(KotakgError, match="not allowed"):
        check_services("SELECT * { SERVICE <http://ok.example.evil/> { ?s ?p ?o } }",
                       ["http://ok.example/"])


def test_using_goes_before_each_modify_where_only() -> None:
    text = ("INSERT DATA { <http://a> <http://b> 'WHERE' } ; DELETE WHERE { ?s ?p ?o } ;\n"
            "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }")
    rewritten = add_using(text, ["http://g/1"], [])
    assert rewritten.count("USING <http://g/1>") == 1
    assert rewritten.index("USING") > rewritten.index("INSERT { ?s ?p 1 }")
    ox.Store().update(rewritten)  # still a valid update
    with pytest.raises(BadQuery, match="USING or WITH"):
        add_using("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", [], ["http://n"])


def test_in_process_app_answers_and_keeps_the_error_shape() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c")))
    client = create_app(store, {"TESTING": True}).test_client()
    ok = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert ok.status_code == 200 and ok.json["results"]["bindings"][0]["o"]["value"] == "c"
    bad = client.get("/sparql", query_string={"query": "SELECT * {"})
    assert bad.status_code == 400
    assert set(bad.json) == {"ok", "error", "status"} and bad.json["ok"] is False
    assert client.get("/health").json["triples"] == 1
