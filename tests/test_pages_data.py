"""Search by name, the dumps, and the VoID description, in-process over the fixture."""

from __future__ import annotations

import gzip
import threading
import tracemalloc
import uuid

import pyoxigraph as ox
import pytest
from pages_support import BASE, HTML, error_of, fixture_store, pages_app

VOID = "http://rdfs.org/ns/void#"
TOKEN = "s3cret-token"


@pytest.fixture
def store():
    return fixture_store()


@pytest.fixture
def app(store):
    return pages_app(store, KOTAKG_UPDATE_TOKEN=TOKEN)


@pytest.fixture
def client(app):
    return app.test_client()


def found(client, q: str) -> list[str]:
    response = client.get("/search", query_string={"q": q})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [hit["iri"] for hit in response.get_json()["results"]]


@pytest.mark.parametrize("q", ["surakarta", "SURAKARTA", "Surakarta", "kota surakarta",
                               "sura", "Solo", "Kota Śurakarta"])
def test_search_ignores_case_accents_and_finds_other_names(client, q) -> None:
    assert found(client, q)[0] == BASE + "place/kota-surakarta"


@pytest.mark.parametrize("q", ["Xian", "xi'an", "Xī'ān", "XI’AN"])
def test_search_ignores_punctuation_inside_a_name(client, q) -> None:
    assert found(client, q) == [BASE + "place/cn-xian"]


def test_search_finds_in_english_and_indonesian(client) -> None:
    assert found(client, "East Java") == [BASE + "place/province-jawa-timur"]
    assert found(client, "jawa timur") == [BASE + "place/province-jawa-timur"]


def test_search_answers_iri_label_and_type(client) -> None:
    body = client.get("/search?q=apeksi").get_json()
    assert body["ok"] is True
    hit, event = body["results"]  # the association, then "Rakernas Apeksi 2017"
    assert event["types"][0]["label"] == "Event"
    assert hit["iri"] == BASE + "association/apeksi" and hit["label"] == "Apeksi"
    assert hit["page"] == "/association/apeksi"
    assert hit["types"] == [{"iri": "https://w3id.org/kotakg/ontology#Association",
                             "label": "Association"}]


def test_search_ranks_the_whole_name_first(client) -> None:
    assert found(client, "malang")[0] == BASE + "place/kota-malang"


def test_search_is_a_page_for_browsers(client) -> None:
    html = client.get("/search?q=surakarta", headers=HTML).get_data(as_text=True)
    assert 'href="/place/kota-surakarta"' in html and ">City</span>" in html


def test_search_without_words_finds_nothing_and_bad_limits_are_400(client) -> None:
    assert found(client, "") == [] and found(client, " ' ") == []
    assert found(client, "nowhere-at-all") == []
    error_of(client.get("/search?q=kota&limit=lots"), 400)
    error_of(client.get("/search?q=kota&limit=0"), 400)


def test_the_label_index_is_built_once_and_again_after_a_write(app, client) -> None:
    found(client, "malang")
    index = app.extensions["kotakg"]["pages_cache"]["labels"][1]
    found(client, "surakarta")
    assert app.extensions["kotakg"]["pages_cache"]["labels"][1] is index
    update = (f'INSERT DATA {{ <{BASE}place/kota-batu> '
              f'<http://www.w3.org/2000/01/rdf-schema#label> "Kota Batu"@id }}')
    response = client.post("/sparql", data={"update": update},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 204, response.get_data(as_text=True)
    assert found(client, "batu") == [BASE + "place/kota-batu"]


def test_turtle_dump_is_the_default_graph(store, client) -> None:
    response = client.get("/dump.ttl.gz")
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "application/gzip"
    assert "kotakg.ttl.gz" in response.headers["Content-Disposition"]
    triples = list(ox.parse(gzip.decompress(response.data), format=ox.RdfFormat.TURTLE))
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert {q.triple for q in triples} == {q.triple for q in default}


def test_nquads_dump_is_everything(store, client) -> None:
    response = client.get("/dump.nq.gz")
    quads = set(ox.parse(gzip.decompress(response.data), format=ox.RdfFormat.N_QUADS))
    assert quads == set(store)
    assert any(q.graph_name == ox.NamedNode(BASE + "article/seed") for q in quads)


@pytest.fixture(scope="module")
def big_client():
    """120,000 triples of random strings: megabytes even compressed."""
    store = ox.Store()
    p = ox.NamedNode("http://example.org/p")
    store.bulk_extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p,
                              ox.Literal(uuid.uuid4().hex + uuid.uuid4().hex))
                      for i in range(120_000))
    return pages_app(store).test_client()


def test_a_dump_streams_in_small_pieces_with_flat_memory(big_client) -> None:
    """The dump never holds the whole output: only a few chunks of the queue between the
    serialiser and the client."""
    tracemalloc.start()
    try:
        response = big_client.get("/dump.nq.gz")
        total, largest = 0, 0
        for chunk in response.response:
            total += len(chunk)
            largest = max(largest, len(chunk))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total > 4_000_000
    assert largest <= 64 * 1024
    assert peak < 2_000_000, f"peak {peak} bytes for a {total}-byte dump"


def test_a_dump_left_early_stops_its_serialiser(big_client) -> None:
    response = big_client.get("/dump.nq.gz")
    next(iter(response.response))
    threads = [t for t in threading.enumerate() if t.name == "kotakg-dump"]
    assert threads and all(t.is_alive() for t in threads)  # blocked on the full queue
    response.close()
    for thread in threads:
        thread.join(timeout=5)
    assert not any(t.is_alive() for t in threads)


def void_graph(client, **kwargs) -> set[ox.Triple]:
    response = client.get("/.well-known/void", **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    rdf_format = ox.RdfFormat.from_media_type(response.mimetype)
    return {q.triple for q in ox.parse(response.data, format=rdf_format)}


def objects(graph: set[ox.Triple], predicate: str) -> list:
    """The values of ``predicate`` for the dataset itself (not its partitions)."""
    return [t.object for t in graph if t.predicate.value == predicate
            and t.subject.value.endswith("/.well-known/void#dataset")]


def test_void_describes_counts_partitions_endpoint_dumps_and_licence(store, client) -> None:
    graph = void_graph(client)
    default_triples = sum(1 for _ in store.quads_for_pattern(None, None, None,
                                                             ox.DefaultGraph()))
    [triples] = objects(graph, VOID + "triples")
    assert int(triples.value) == default_triples
    [endpoint] = objects(graph, VOID + "sparqlEndpoint")
    assert endpoint.value == "http://localhost/sparql"
    assert {d.value for d in objects(graph, VOID + "dataDump")} == {
        "http://localhost/dump.ttl.gz", "http://localhost/dump.nq.gz"}
    assert objects(graph, "http://purl.org/dc/terms/license")
    cities = [t.subject for t in graph if t.predicate.value == VOID + "class"
              and t.object.value.endswith("#City")]
    [partition] = cities
    assert [t.object.value for t in graph if t.subject == partition
            and t.predicate.value == VOID + "entities"] == ["2"]
    assert objects(graph, VOID + "propertyPartition")


def test_void_in_json_ld(client) -> None:
    graph = void_graph(client, headers={"Accept": "application/ld+json"})
    assert objects(graph, VOID + "sparqlEndpoint")
