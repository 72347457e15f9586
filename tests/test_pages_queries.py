"""Saved queries as an API (/queries) and the query page (/), in-process over the fixture."""

from __future__ import annotations

import csv
import doctest
import importlib
import io
import re

import pytest
from pages_support import BASE, HTML, error_of, pages_app

MALANG = BASE + "place/kota-malang"
SURAKARTA = BASE + "place/kota-surakarta"


@pytest.fixture
def app():
    return pages_app()


@pytest.fixture
def client(app):
    return app.test_client()


def people(response) -> set[str]:
    """The personName column of a JSON answer (a person may come once per name of a place)."""
    assert response.status_code == 200, response.get_data(as_text=True)
    return {row["personName"]["value"] for row in response.get_json()["results"]["bindings"]}


def test_listing_gives_name_title_description_and_parameters(client) -> None:
    response = client.get("/queries")
    assert response.mimetype == "application/json"
    queries = {q["name"]: q for q in response.get_json()["queries"]}
    officials = queries["officials"]
    assert officials["title"] == "Who holds which office of which place or association?"
    assert "competency question" in officials["description"]
    assert {"person", "of"} <= set(officials["parameters"])
    assert officials["url"].endswith("/queries/officials")
    assert officials["query"].lstrip().startswith("#")
    assert "entities-per-class" in queries


def test_listing_is_a_page_for_browsers(client) -> None:
    page = client.get("/queries", headers=HTML).get_data(as_text=True)
    assert "Who holds which office of which place or association?" in page
    assert 'href="/queries/officials"' in page


def test_saved_query_answers_json_by_default(client) -> None:
    response = client.get("/queries/officials")
    assert response.mimetype == "application/sparql-results+json"
    assert people(response) == {"FX Hadi Rudyatmo", "M Anton"}


@pytest.mark.parametrize(("how", "mimetype"), [
    ({"query_string": {"format": "csv"}}, "text/csv"),
    ({"headers": {"Accept": "text/csv"}}, "text/csv"),
    ({"headers": {"Accept": "text/tab-separated-values"}}, "text/tab-separated-values"),
    ({"query_string": {"format": "xml"}}, "application/sparql-results+xml"),
])
def test_saved_query_negotiates_like_sparql(client, how, mimetype) -> None:
    response = client.get("/queries/officials", **how)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert "M Anton" in response.get_data(as_text=True)


def test_csv_answer_has_the_columns_the_scorer_reads(client) -> None:
    text = client.get("/queries/officials?format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"person", "personName", "roleCode", "of", "ofName"} <= set(rows[0])
    assert {(r["personName"], r["roleCode"], r["of"]) for r in rows} == {
        ("M Anton", "mayor", MALANG), ("FX Hadi Rudyatmo", "mayor", SURAKARTA)}


def test_an_iri_parameter_narrows_the_answer(client) -> None:
    assert people(client.get("/queries/officials", query_string={"of": MALANG})) == {"M Anton"}
    assert people(client.get("/queries/officials",
                             query_string={"of": f"<{SURAKARTA}>"})) == {"FX Hadi Rudyatmo"}


def test_a_parameter_may_repeat(client) -> None:
    response = client.get(f"/queries/officials?of={MALANG}&of={SURAKARTA}")
    assert people(response) == {"FX Hadi Rudyatmo", "M Anton"}


def test_a_literal_parameter_matches_a_name(client) -> None:
    assert people(client.get("/queries/officials?personName=M Anton")) == {"M Anton"}
    assert people(client.get("/queries/officials?personName=Nobody")) == set()


def test_a_quote_in_a_literal_cannot_break_out(app, client) -> None:
    before = len(app.extensions["kotakg"]["store"])
    attack = 'M Anton" } } ; DROP ALL ; SELECT * { ?s ?p ?o # '
    response = client.get("/queries/officials", query_string={"personName": attack})
    assert people(response) == set()  # the whole string was one (unmatched) name
    leading = '" } } ; DROP ALL ; SELECT * { ?s ?p ?o # '  # read as N-Triples: not one
    error_of(client.get("/queries/officials", query_string={"personName": leading}), 400)
    assert len(app.extensions["kotakg"]["store"]) == before
    assert people(client.get("/queries/officials")) == {"FX Hadi Rudyatmo", "M Anton"}


@pytest.mark.parametrize("value", [
    f"{MALANG}> }} ; DROP ALL #",    # '>' ends no IRI
    f"<{MALANG}> . ?x ?y ?z",        # nor does a bracketed IRI with more after it
    "https://w3id.org/kotakg/resource/place/kota malang",  # a space
    '"Malang" . <x:a> <x:b> "c"',    # one literal only
    '"unterminated',
    "",
])
def test_a_value_that_is_not_one_term_is_refused(app, client, value) -> None:
    before = len(app.extensions["kotakg"]["store"])
    message = error_of(client.get("/queries/officials", query_string={"of": value}), 400)
    assert "'of'" in message
    assert len(app.extensions["kotakg"]["store"]) == before


def test_an_unknown_parameter_says_which_ones_exist(client) -> None:
    message = error_of(client.get("/queries/officials?ctiy=x"), 400)
    assert "'ctiy'" in message and "person" in message and "of" in message


def test_an_unknown_query_is_a_404_naming_the_known_ones(client) -> None:
    message = error_of(client.get("/queries/nope"), 404)
    assert "officials" in message


def test_a_path_is_never_read_as_a_query_file(client) -> None:
    for name in ("..%2Fpyproject.toml", "%2Fetc%2Fpasswd", "..%2Fqueries%2Fofficials"):
        assert client.get(f"/queries/{name}").status_code == 404


def test_a_browser_gets_a_results_table(client) -> None:
    page = client.get(f"/queries/officials?of={MALANG}", headers=HTML).get_data(as_text=True)
    assert "<table" in page and "M Anton" in page and "FX Hadi Rudyatmo" not in page
    assert 'href="/person/m-anton"' in page  # IRIs link to this server's entity pages
    assert f"VALUES ?of {{ &lt;{MALANG}&gt; }}" in page  # the query that ran is shown


def test_query_page_loads_yasgui_from_this_server_only(client) -> None:
    response = client.get("/", headers=HTML)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="yasgui"' in page
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert "/static/yasgui/yasgui.min.js" in sources
    assert "/static/yasgui/yasgui.min.css" in sources
    assert "/static/kotakg-query.js" in sources
    assert all(s.startswith(("/", "data:")) for s in sources), sources
    for source in sources:
        if source.startswith("/static/"):
            assert client.get(source).status_code == 200, source


def test_sparql_without_a_query_sends_a_browser_to_the_query_page(client) -> None:
    response = client.get("/sparql", headers=HTML, follow_redirects=True)
    assert 'id="yasgui"' in response.get_data(as_text=True)


def test_the_vendored_editor_carries_its_licence(client) -> None:
    licence = client.get("/static/yasgui/LICENSE").get_data(as_text=True)
    assert "MIT" in licence and "Yasgui" in licence


@pytest.mark.parametrize("module", ["endpoint.parameters", "endpoint.labels",
                                    "endpoint.describe"])
def test_doctests_of_the_page_modules(module) -> None:
    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried and failures == 0


@pytest.mark.parametrize("path", ["/queries", "/queries/officials", "/search?q=malang",
                                  "/place/kota-malang", "/.well-known/void"])
def test_the_apis_can_be_called_from_other_sites(client, path) -> None:
    assert client.get(path).headers["Access-Control-Allow-Origin"] == "*"
