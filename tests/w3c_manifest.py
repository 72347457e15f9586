"""Replay the W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description tests
against a live endpoint.

The manifests (read with rdflib) describe each test as HTTP requests with expected
responses: status class, result kind (boolean / tabular / RDF), ASK value, Content-Type,
an RDF body to compare up to isomorphism, and a Location to reuse. Paths are mapped onto
kotakg's: ``/sparql/`` to ``/sparql``, ``/gsp`` to ``/rdf-graphs/service`` and
``/gsp/<name>`` to ``/rdf-graphs/<name>``. The Service Description manifest has no
requests, so its three checks are written out here.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
import requests
from rdflib import RDF, RDFS, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
STATUS = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml",
                "text/csv", "text/tab-separated-values", "application/json"}
RDF_PARSERS = {"text/turtle": "turtle", "application/n-triples": "nt",
               "application/rdf+xml": "xml", "application/ld+json": "json-ld",
               "application/trig": "trig", "application/n-quads": "nquads"}


def shared_dir() -> Path | None:
    """The conformance folder: ``$KOTAKG_SHARED/conformance`` or ``<repo>/../shared``."""
    base = os.environ.get("KOTAKG_SHARED")
    root = Path(base) if base else Path(__file__).resolve().parents[2] / "shared"
    folder = root / "conformance" / "w3c-sparql11"
    return folder if folder.is_dir() else None


@dataclass
class Step:
    """One HTTP request of a test and what its response must be."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]                       # "2xx"-style classes or exact codes
    result_format: str | None = None
    boolean: bool | None = None
    content_type: str | None = None
    expected_rdf: str | None = None
    location_var: str | None = None


@dataclass
class W3CTest:
    """One manifest entry: its data to load first, and its requests in order."""

    suite: str
    name: str
    title: str
    graph_data: list[tuple[Path, str]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def id(self) -> str:
        """A stable pytest id."""
        return f"{self.suite}:{self.name}"


def _list(graph: rdflib.Graph, head) -> list:
    return list(Collection(graph, head)) if head is not None else []


def load_tests(manifest: Path, suite: str) -> list[W3CTest]:
    """Every test of ``manifest`` (following ``mf:include``), in manifest order."""
    graph = rdflib.Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    root = URIRef(manifest.as_uri())
    tests = []
    for included in _list(graph, graph.value(root, MF.include)):
        tests += load_tests(Path(str(included).removeprefix("file://")), suite)
    for entry in _list(graph, graph.value(root, MF.entries)):
        tests.append(_read_test(graph, entry, suite))
    return tests


def _read_test(graph: rdflib.Graph, entry, suite: str) -> W3CTest:
    name = str(entry).rsplit("#", 1)[-1]
    test = W3CTest(suite, name, str(graph.value(entry, MF.name)))
    for data in graph.objects(entry, UT.graphData):
        test.graph_data.append((Path(str(graph.value(data, UT.graph)).removeprefix("file://")),
                                str(graph.value(data, RDFS.label))))
    action = graph.value(entry, MF.action)
    if action is not None:
        test.steps = [_read_step(graph, r) for r in _list(graph, graph.value(action, HT.requests))]
    return test


def _headers(graph: rdflib.Graph, node) -> dict[str, str]:
    return {str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
            for h in _list(graph, graph.value(node, HT.headers))}


def _read_step(graph: rdflib.Graph, req) -> Step:
    body_node = graph.value(req, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
    resp = graph.value(req, HT.resp)
    statuses = set()
    for status in graph.objects(resp, MF.expectedStatus):
        local = str(status).rsplit("#", 1)[-1]
        statuses.add(local.removeprefix("StatusCode") if local.startswith("StatusCode")
                     else str(STATUS[local]))
    step = Step(str(graph.value(req, HT.methodName)), str(graph.value(req, HT.absolutePath)),
                _headers(graph, req), body, statuses)
    fmt, boolean = graph.value(resp, MF.expectedFormat), graph.value(resp, MF.expectedBoolean)
    step.result_format = str(fmt) if fmt is not None else None
    step.boolean = boolean.toPython() if boolean is not None else None
    step.content_type = _headers(graph, resp).get("content-type")
    resp_body = graph.value(resp, HT.body)
    if resp_body is not None:
        step.expected_rdf = str(graph.value(resp_body, CNT.chars))
    location = graph.value(resp, MF.expectedLocation)
    step.location_var = str(location) if location is not None else None
    return step


def map_path(path: str) -> str:
    """The manifest's path on kotakg's server."""
    if path.startswith("/sparql/"):
        return "/sparql" + path[len("/sparql/"):]
    if path == "/gsp" or path.startswith("/gsp?"):
        return "/rdf-graphs/service" + path[len("/gsp"):]
    if path.startswith("/gsp/"):
        return "/rdf-graphs/" + path[len("/gsp/"):]
    return path


def run_test(test: W3CTest, base_url: str, token: str | None = None) -> list[str]:
    """Replay ``test``; the list of what went wrong (empty: passed)."""
    if test.suite == "service-description":
        return check_service_description(test.name, base_url)
    variables: dict[str, str] = {}
    for i, step in enumerate(test.steps):
        problems = _run_step(step, base_url, token, variables)
        if problems:
            return [f"request {i + 1} ({step.method} {step.path[:60]}): {p}" for p in problems]
    return []


def _substitute(text: str, variables: dict[str, str]) -> str:
    for name, value in variables.items():
        text = text.replace(name, value)
    return text


def _run_step(step: Step, base_url: str, token: str | None, variables: dict) -> list[str]:
    headers = dict(step.headers)
    if token:
        headers["authorization"] = f"Bearer {token}"
    body = step.body
    if body is not None and variables:
        body = _substitute(body.decode("utf-8", "surrogateescape"), variables).encode()
    url = base_url + map_path(_substitute(step.path, variables))
    response = requests.request(step.method, url, headers=headers, data=body, timeout=30,
                                allow_redirects=False)
    status = str(response.status_code)
    if status not in step.statuses and f"{status[0]}xx" not in step.statuses:
        return [f"status {status}, expected {sorted(step.statuses)}: {response.text[:200]}"]
    if step.location_var:
        if "Location" not in response.headers:
            return ["no Location header"]
        variables[step.location_var] = response.headers["Location"]
    return _check_body(step, response)


def _media(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _check_body(step: Step, response: requests.Response) -> list[str]:
    media = _media(response)
    if step.content_type and media != step.content_type.split(";")[0].strip().lower():
        return [f"Content-Type {media}, expected {step.content_type}"]
    if step.result_format == "boolean":
        value = parse_boolean(response)
        if value is None:
            return [f"not a boolean result ({media}): {response.text[:200]}"]
        if step.boolean is not None and value != step.boolean:
            return [f"ASK answered {value}, expected {step.boolean}"]
    elif step.result_format == "tabular" and media not in RESULT_TYPES:
        return [f"{media} is not a tabular results format"]
    elif step.result_format == "RDF" and parse_rdf(response) is None:
        return [f"the {media} body is not RDF"]
    if step.expected_rdf is not None:
        got = parse_rdf(response)
        want = rdflib.Graph().parse(data=step.expected_rdf, format="turtle")
        if got is None or not isomorphic(got, want):
            return [f"graph differs from the expected one: {response.text[:300]}"]
    return []


def parse_boolean(response: requests.Response) -> bool | None:
    """The ASK answer in a JSON or XML results document (None if it is neither)."""
    media = _media(response)
    try:
        if "json" in media:
            value = json.loads(response.content).get("boolean")
            return value if isinstance(value, bool) else None
        if "xml" in media:
            ns = "{http://www.w3.org/2005/sparql-results#}"
            node = ET.fromstring(response.content).find(f"{ns}boolean")
            return None if node is None else node.text.strip() == "true"
    except (ValueError, ET.ParseError):
        return None
    return None


def parse_rdf(response: requests.Response) -> rdflib.Graph | None:
    """The response body as an rdflib graph, or None if it does not parse as its type."""
    parser = RDF_PARSERS.get(_media(response))
    if parser is None:
        return None
    try:
        return rdflib.Graph().parse(io.BytesIO(response.content), format=parser,
                                    publicID=response.url)
    except Exception:  # noqa: BLE001 - any parser failure means "not RDF"
        return None


def check_service_description(name: str, base_url: str) -> list[str]:
    """The Service Description tests: RDF on GET, a matching sd:endpoint, the schema."""
    endpoint = base_url + "/sparql"
    response = requests.get(endpoint, headers={"Accept": "text/turtle"}, timeout=30)
    graph = parse_rdf(response) if response.ok else None
    if graph is None:
        return [f"GET {endpoint} gave {response.status_code} {_media(response)}, not RDF"]
    if name == "returns-rdf":
        return []
    services = set(graph.subjects(RDF.type, SD.Service))
    if name == "has-endpoint-triple":
        return [] if any((s, SD.endpoint, URIRef(endpoint)) in graph for s in services) else [
            f"no sd:Service with sd:endpoint <{endpoint}>"]
    return _schema_problems(graph, services)


def _schema_problems(graph: rdflib.Graph, services: set) -> list[str]:
    languages = {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
    features = {SD.DereferencesURIs, SD.UnionDefaultGraph, SD.RequiresDataset,
                SD.EmptyGraphs, SD.BasicFederatedQuery}
    problems = [] if len(services) == 1 else [f"{len(services)} sd:Service nodes, expected 1"]
    for service in services:
        if not all(isinstance(e, URIRef) for e in graph.objects(service, SD.endpoint)):
            problems.append("sd:endpoint is not an IRI")
        langs = set(graph.objects(service, SD.supportedLanguage))
        if not langs or not langs <= languages:
            problems.append(f"sd:supportedLanguage {langs} not among the SD languages")
        if not set(graph.objects(service, SD.feature)) <= features:
            problems.append("an sd:feature is not an SD feature")
        if not all(isinstance(f, URIRef) for f in graph.objects(service, SD.resultFormat)):
            problems.append("an sd:resultFormat is not an IRI")
        for dataset in graph.objects(service, SD.defaultDataset):
            if (dataset, RDF.type, SD.Dataset) not in graph:
                problems.append("sd:defaultDataset is not an sd:Dataset")
            for g in graph.objects(dataset, SD.defaultGraph):
                if (g, RDF.type, SD.Graph) not in graph:
                    problems.append("sd:defaultGraph is not an sd:Graph")
    return problems


def all_tests(folder: Path) -> list[W3CTest]:
    """Protocol, Graph Store Protocol and Service Description tests, in that order."""
    tests = load_tests(folder / "protocol" / "manifest.ttl", "protocol")
    tests += load_tests(folder / "graph-store-protocol" / "manifest.ttl", "graph-store-protocol")
    tests += load_tests(folder / "service-description" / "manifest.ttl", "service-description")
    return tests


def is_query_test(test: W3CTest) -> bool:
    """Tests that only query: they must pass against a read-only server."""
    return test.suite == "protocol" and (
        test.name.startswith(("query_", "bad_query_")) or test.name == "bad_multiple_queries")
