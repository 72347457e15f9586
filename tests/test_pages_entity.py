"""Entity pages (Linked Data): every IRI dereferences, as a page or as RDF."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from pages_support import BASE, HTML, error_of, fixture_store, pages_app

MALANG = BASE + "place/kota-malang"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture
def store():
    return fixture_store()


@pytest.fixture
def client(store):
    return pages_app(store).test_client()


def page(client, path: str, **kwargs) -> str:
    response = client.get(path, headers=HTML, **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_a_city_page_shows_names_types_facts_and_wikidata(client) -> None:
    html = page(client, "/place/kota-malang")
    assert "<h1>Malang</h1>" in html and "Kota Malang" in html
    assert ">City</a>" in html
    assert '<a href="http://www.wikidata.org/entity/Q11445" rel="noopener">Q11445</a>' in html
    assert 'href="/place/province-jawa-timur"' in html and "East Java" in html


def test_a_fact_comes_with_the_sentence_that_supports_it(client) -> None:
    html = page(client, "/place/kota-malang")
    assert ("Kota Malang juga <mark>menjajaki kerja sama pendidikan dan pariwisata dengan "
            "Kota Nonsan</mark>, Korea Selatan.") in html
    assert 'href="https://example.com/berita/rakernas-apeksi"' in html
    assert "Rakernas Apeksi Momentum Belajar Bersama" in html
    assert "Cooperation: Nonsan" in html  # the fact node is named by what it links


def test_a_person_page_shows_the_office_and_its_evidence(client) -> None:
    html = page(client, "/person/m-anton")
    assert "Mochamad Anton" in html  # skos:altLabel
    assert "mayor kota malang" in html
    assert "<mark>Wali Kota Malang, M Anton</mark>" in html
    assert 'href="/event/national-working-meeting-5390407f"' in html


def test_the_neighbourhood_is_drawn_as_svg_with_links(client) -> None:
    html = page(client, "/place/kota-malang")
    drawing = html[html.index("<svg"):html.index("</svg>")]
    assert 'href="/place/province-jawa-timur"' in drawing
    assert "containedInPlace" in drawing and "East Java" in drawing
    assert "<script" not in drawing


def test_describe_answers_any_iri_of_the_graph(client) -> None:
    html = page(client, "/describe", query_string={"iri": "http://www.wikidata.org/entity/Q11445"})
    assert 'href="/place/kota-malang"' in html  # what points at it
    html = page(client, "/describe", query_string={"iri": MALANG})
    assert "<h1>Malang</h1>" in html and 'href="/place/province-jawa-timur"' in html


def test_an_article_iri_dereferences_to_its_provenance(client) -> None:
    html = page(client, "/article/seed")
    assert "Rakernas Apeksi Momentum Belajar Bersama" in html


@pytest.mark.parametrize(("how", "rdf_format"), [
    ({"headers": {"Accept": "text/turtle"}}, ox.RdfFormat.TURTLE),
    ({"query_string": {"format": "ttl"}}, ox.RdfFormat.TURTLE),
    ({"headers": {"Accept": "application/ld+json"}}, ox.RdfFormat.JSON_LD),
    ({"query_string": {"format": "jsonld"}}, ox.RdfFormat.JSON_LD),
    ({"headers": {"Accept": "application/n-triples"}}, ox.RdfFormat.N_TRIPLES),
    ({"query_string": {"format": "nt"}}, ox.RdfFormat.N_TRIPLES),
])
def test_rdf_by_content_negotiation(client, how, rdf_format) -> None:
    response = client.get("/place/kota-malang", **how)
    assert response.status_code == 200
    assert response.headers["Vary"] == "Accept"
    triples = {quad.triple for quad in ox.parse(response.data, format=rdf_format)}
    me = ox.NamedNode(MALANG)
    assert ox.Triple(me, LABEL, ox.Literal("Kota Malang", language="id")) in triples
    assert ox.Triple(me, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                     ox.NamedNode("http://www.wikidata.org/entity/Q11445")) in triples
    assert any(t.object == me and t.predicate.value.endswith("#party") for t in triples)


def test_a_client_without_preference_gets_turtle(client) -> None:
    response = client.get("/place/kota-malang")
    assert response.mimetype == "text/turtle"


def test_an_unknown_format_is_refused_with_the_choices(client) -> None:
    message = error_of(client.get("/place/kota-malang?format=docx"), 406)
    assert "text/turtle" in message and "application/ld+json" in message


@pytest.mark.parametrize("path", ["/place/nowhere", "/describe?iri=http://example.org/none"])
def test_an_iri_without_triples_is_a_404(client, path) -> None:
    assert "nothing is known" in error_of(client.get(path), 404)
    assert "nothing is known" in error_of(client.get(path, headers=HTML), 404)


@pytest.mark.parametrize("query", ["", "?iri=", "?iri=not an iri", "?iri=http://a/b c"])
def test_describe_without_a_valid_iri_is_a_400(client, query) -> None:
    error_of(client.get("/describe" + query), 400)


def test_labels_and_links_are_escaped(store, client) -> None:
    me = ox.NamedNode(BASE + "person/mallory")
    store.extend([
        ox.Quad(me, LABEL, ox.Literal("<script>alert(1)</script>")),
        ox.Quad(me, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                ox.NamedNode("javascript:alert(2)")),
    ])
    html = page(client, "/person/mallory")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert 'href="javascript:' not in html


def test_iris_under_another_base_are_served_at_their_path(monkeypatch) -> None:
    monkeypatch.setenv("KOTAKG_BASE", "http://kota.example/kg/")
    store = ox.Store()
    me = ox.NamedNode("http://kota.example/kg/place/kota-batu")
    store.add(ox.Quad(me, LABEL, ox.Literal("Kota Batu", language="id")))
    client = pages_app(store).test_client()
    assert "<h1>Kota Batu</h1>" in page(client, "/place/kota-batu")
    body = json.loads(client.get("/place/kota-batu?format=jsonld").data)
    assert "http://kota.example/kg/place/kota-batu" in json.dumps(body)


def test_a_percent_encoded_iri_dereferences_and_is_linked(store, client) -> None:
    me = ox.NamedNode(BASE + "article/rapat%20kerja%3F")  # an article id "rapat kerja?"
    store.extend([ox.Quad(me, LABEL, ox.Literal("Rapat kerja")),
                  ox.Quad(ox.NamedNode(MALANG), ox.NamedNode(BASE + "seeAlso"), me)])
    assert "<h1>Rapat kerja</h1>" in page(client, "/article/rapat%20kerja%3F")
    assert 'href="/article/rapat%20kerja%3F"' in page(client, "/place/kota-malang")
