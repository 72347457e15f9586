"""The SPARQL 1.1 Protocol at /sparql, against a live read-only server, with real clients:
requests, SPARQLWrapper and curl."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest
import rdflib
import requests
from endpoint_server import EX, fill_store, running_server
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

PEOPLE = "SELECT ?s ?label WHERE { ?s a <https://w3id.org/kotakg/ontology#Person> ; " \
         "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s LIMIT 5"
CONSTRUCT = f"CONSTRUCT {{ ?s <{EX}name> ?l }} WHERE {{ ?s " \
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 3"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = fill_store(tmp_path_factory.mktemp("protocol") / "store", people=20)
    with running_server(store, "--timeout", "10", "--workers", "2", "--evaluators", "2") as s:
        yield s


def error_of(response: requests.Response, status: int) -> str:
    """The error message, after checking the one error shape every failure has."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert "Traceback" not in response.text
    return body["error"]


def test_query_by_get_form_post_and_direct_post_agree(server) -> None:
    by_get = requests.get(server.sparql, params={"query": PEOPLE})
    by_form = requests.post(server.sparql, data={"query": PEOPLE})
    direct = requests.post(server.sparql, data=PEOPLE.encode(),
                           headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, direct):
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
    assert by_get.json() == by_form.json() == direct.json()
    assert len(by_get.json()["results"]["bindings"]) == 5


@pytest.mark.parametrize(("fmt", "mime"), [
    (JSON, "application/sparql-results+json"), (XML, "application/sparql-results+xml"),
    (CSV, "text/csv"), (TSV, "text/tab-separated-values")])
def test_sparqlwrapper_reads_every_results_format(server, fmt: str, mime: str) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(PEOPLE)
    client.setReturnFormat(fmt)
    result = client.query()
    assert result.response.headers["Content-Type"].startswith(mime)
    converted = result.convert()
    if fmt == JSON:
        assert len(converted["results"]["bindings"]) == 5
    elif fmt in (CSV, TSV):
        assert len(converted.decode().strip().splitlines()) == 6


def test_sparqlwrapper_construct_as_turtle_and_post(server) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    client.setMethod("POST")
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == 3


@pytest.mark.parametrize(("param", "mime", "parser"), [
    ("turtle", "text/turtle", "turtle"), ("ntriples", "application/n-triples", "nt"),
    ("rdfxml", "application/rdf+xml", "xml"), ("jsonld", "application/ld+json", "json-ld"),
    ("trig", "application/trig", "trig"), ("nquads", "application/n-quads", "nquads"),
    ("application/rdf+xml", "application/rdf+xml", "xml")])
def test_construct_in_every_rdf_format(server, param: str, mime: str, parser: str) -> None:
    response = requests.get(server.sparql, params={"query": CONSTRUCT, "format": param})
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == mime
    graph = rdflib.Dataset() if parser in ("trig", "nquads") else rdflib.Graph()
    graph.parse(io.BytesIO(response.content), format=parser)
    assert len(graph) == 3


def test_accept_q_values_choose_the_format(server) -> None:
    accept = "application/sparql-results+json;q=0.2, text/csv;q=0.9, */*;q=0.1"
    response = requests.get(server.sparql, params={"query": PEOPLE}, headers={"Accept": accept})
    assert response.headers["Content-Type"].startswith("text/csv")
    rdf = requests.get(server.sparql, params={"query": CONSTRUCT},
                       headers={"Accept": "text/turtle;q=0.5, application/rdf+xml"})
    assert rdf.headers["Content-Type"].startswith("application/rdf+xml")
    assert "Accept" in response.headers["Vary"]


def test_format_parameter_wins_over_accept(server) -> None:
    response = requests.get(server.sparql, params={"query": PEOPLE, "format": "tsv"},
                            headers={"Accept": "application/sparql-results+json"})
    assert response.headers["Content-Type"].startswith("text/tab-separated-values")


def test_406_names_what_would_work(server) -> None:
    message = error_of(requests.get(server.sparql, params={"query": "ASK {}"},
                                    headers={"Accept": "text/csv"}), 406)
    assert "application/sparql-results+json" in message
    message = error_of(requests.get(server.sparql, params={"query": CONSTRUCT,
                                                           "format": "csv"}), 406)
    assert "text/turtle" in message


def test_ask_answers_a_boolean(server) -> None:
    response = requests.get(server.sparql, params={"query": f"ASK {{ <{EX}person/1> ?p ?o }}"})
    assert response.json()["boolean"] is True


def test_dataset_parameters_replace_the_default_graph(server) -> None:
    article = f"{EX}article/1"
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    default = requests.get(server.sparql, params={"query": query}).json()
    as_default = requests.get(server.sparql, params={"query": query,
                                                     "default-graph-uri": article}).json()
    assert default["results"]["bindings"][0]["n"]["value"] == "60"
    assert as_default["results"]["bindings"][0]["n"]["value"] == "2"
    named = requests.post(server.sparql, data={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        "named-graph-uri": [article, f"{EX}article/2"]}).json()
    assert {b["g"]["value"] for b in named["results"]["bindings"]} == {article,
                                                                       f"{EX}article/2"}


@pytest.mark.parametrize(("request_kwargs", "fragment"), [
    ({"method": "GET", "params": {"query": ["ASK {}", "ASK {}"]}}, "2 query strings"),
    ({"method": "POST", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, "both"),
    ({"method": "GET", "params": {"query": "SELECT * WHERE { ?s ?p"}}, "malformed"),
    ({"method": "GET", "params": {"query": "ASK {}", "default-graph-uri": "not an iri"}},
     "not a valid IRI"),
    ({"method": "GET", "params": {"update": "CLEAR ALL"}}, "POST"),
    ({"method": "GET", "params": {"query": "ASK {}", "timeout": "soon"}}, "timeout"),
    ({"method": "POST", "data": {"format": "json"}}, "no query"),
])
def test_malformed_requests_get_400_with_a_message(server, request_kwargs, fragment) -> None:
    response = requests.request(url=server.sparql, **request_kwargs)
    assert fragment in error_of(response, 400)


def test_wrong_method_is_405_json(server) -> None:
    response = requests.put(server.sparql, params={"query": "ASK {}"})
    error_of(response, 405)
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", None])
def test_unknown_post_content_type_is_415(server, content_type) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = requests.post(server.sparql, data=b"ASK {}", headers=headers)
    assert "application/sparql-query" in error_of(response, 415)


def test_non_utf8_body_is_refused(server) -> None:
    response = requests.post(server.sparql, data="ASK {}".encode("utf-16"), headers={
        "Content-Type": "application/sparql-query; charset=UTF-16"})
    assert "UTF-8" in error_of(response, 415)


def test_service_description_describes_endpoint_and_named_graphs(server) -> None:
    response = requests.get(server.sparql, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = graph.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert (service, sd.endpoint, rdflib.URIRef(server.sparql)) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in graph
    assert len(set(graph.objects(service, sd.resultFormat))) == 10
    dataset = graph.value(service, sd.defaultDataset)
    assert "named graph" in str(graph.value(dataset, rdflib.RDFS.comment))
    rdfxml = requests.get(server.sparql, headers={"Accept": "application/rdf+xml"})
    assert rdfxml.headers["Content-Type"].startswith("application/rdf+xml")


def test_cors_allows_any_origin_without_credentials(server) -> None:
    response = requests.get(server.sparql, params={"query": "ASK {}"},
                            headers={"Origin": "https://evil.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    preflight = requests.options(server.sparql, headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code in (200, 204)
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in preflight.headers


def test_health_counts_triples(server) -> None:
    response = requests.get(server.url + "/health")
    assert response.status_code == 200
    assert response.json()["ok"] is True and response.json()["triples"] == 66


def test_unknown_path_is_json_404(server) -> None:
    error_of(requests.get(server.url + "/no/such/page"), 404)


def test_access_log_is_one_json_line_per_request(server) -> None:
    requests.get(server.sparql, params={"query": "ASK { ?s ?p 'marker-for-log' }"})
    lines = [json.loads(line) for line in server.log().splitlines() if line.startswith("{")]
    assert lines, server.log()
    assert {"method", "path", "status", "duration_ms"} <= set(lines[-1])
    assert any(e["path"] == "/sparql" and e["status"] == 200 for e in lines)
    assert "Listening on http://127.0.0.1:" in server.log()


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl missing: run tests/setup-system.sh")
def test_curl_queries_by_get_and_post(server) -> None:
    got = subprocess.run(["curl", "-sS", "-G", server.sparql, "--data-urlencode",
                          f"query={PEOPLE}", "-H", "Accept: text/csv"],
                         capture_output=True, text=True, timeout=30, check=True)
    assert got.stdout.splitlines()[0].strip() == "s,label"
    posted = subprocess.run(["curl", "-sS", "-X", "POST", server.sparql, "-H",
                             "Content-Type: application/sparql-query", "--data-binary",
                             "ASK {}", "-w", "\\n%{http_code}"],
                            capture_output=True, text=True, timeout=30, check=True)
    body, status = posted.stdout.rsplit("\n", 1)
    assert status == "200" and json.loads(body)["boolean"] is True
