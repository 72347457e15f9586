"""Online linking against a real SPARQL server (``oxigraph serve``) holding a Wikidata-shaped
fixture: never the internet."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from wikidata_server import silent_server, throttling_proxy, wikidata_endpoint_fixture  # noqa: F401

from kg.online_linking import ENRICH_GRAPH, link_command, link_online
from kg.sparql_client import EndpointTimeout, SparqlClient

SAMPLE = Path(__file__).parent / "data" / "kotakg-sample.ttl"
R = "https://w3id.org/kotakg/resource/"
OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
KG = "https://w3id.org/kotakg/ontology#"


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TURTLE)
    return store


def links(store: ox.Store, key: str) -> list[str]:
    return [q.object.value for q in store.quads_for_pattern(ox.NamedNode(R + key), OWL_SAME_AS,
                                                            None, ox.DefaultGraph())]


def score(store: ox.Store, key: str) -> float:
    (quad,) = store.quads_for_pattern(ox.NamedNode(R + key), ox.NamedNode(KG + "linkScore"),
                                      None, ox.DefaultGraph())
    return float(quad.object.value)


def test_links_a_mayor_and_a_place_found_only_online(store: ox.Store, wikidata_endpoint: str,
                                                     tmp_path: Path) -> None:
    report = link_online(store, wikidata_endpoint, cache_dir=tmp_path, timeout=20)
    # Two humans are called Hendra Gunawan; the one who was mayor of the graph's Malang wins.
    assert links(store, "person/hendra-gunawan") == ["http://www.wikidata.org/entity/Q990000001"]
    assert score(store, "person/hendra-gunawan") == 0.95
    # Gimhae: the South Korean city with coordinates, not the disambiguation page.
    assert links(store, "place/kr-gimhae") == ["http://www.wikidata.org/entity/Q42082"]
    assert not list(store.quads_for_pattern(ox.NamedNode(R + "place/kr-gimhae"),
                                            ox.NamedNode(KG + "linkStatus"), None))
    # No Wikidata item for Apeksi in the fixture (nor a trusted one known): stays unlinked.
    assert links(store, "association/apeksi") == []
    assert report.linked == {"person": 1, "place": 1}
    assert report.looked_up == {"association": 1, "person": 1, "place": 2}


def test_answers_are_cached_on_disk(store: ox.Store, wikidata_endpoint: str,
                                    tmp_path: Path) -> None:
    first = link_online(store, wikidata_endpoint, cache_dir=tmp_path, timeout=20)
    again = ox.Store()
    again.load(path=str(SAMPLE), format=ox.RdfFormat.TURTLE)
    second = link_online(again, wikidata_endpoint, cache_dir=tmp_path, timeout=20)
    assert first.requests == 3 and first.cache_hits == 0
    assert second.requests == 0 and second.cache_hits == 3
    assert links(again, "place/kr-gimhae") == links(store, "place/kr-gimhae")


def test_enrichment_copies_place_facts_into_their_own_graph(store: ox.Store,
                                                             wikidata_endpoint: str) -> None:
    link_online(store, wikidata_endpoint, timeout=20, enrich=True)
    rows = store.query(f"""PREFIX wdt: <http://www.wikidata.org/prop/direct/>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?coords ?population ?parent ?source ?when WHERE {{ GRAPH <{ENRICH_GRAPH}> {{
          <http://www.wikidata.org/entity/Q11445> wdt:P625 ?coords ; wdt:P1082 ?population ;
              wdt:P131 ?parent .
          <{ENRICH_GRAPH}> prov:wasDerivedFrom ?source ; prov:generatedAtTime ?when }} }}""")
    (row,) = list(rows)
    assert row["coords"].value == "Point(112.62 -7.98)"
    assert row["coords"].datatype.value == "http://www.opengis.net/ont/geosparql#wktLiteral"
    assert int(row["population"].value) == 843810
    assert row["parent"].value == "http://www.wikidata.org/entity/Q3586"
    assert row["source"].value == wikidata_endpoint
    # Gimhae, linked in the same run, is enriched too; nothing lands in the default graph.
    assert bool(store.query(f"""ASK {{ GRAPH <{ENRICH_GRAPH}> {{
        <http://www.wikidata.org/entity/Q42082> ?p ?o }} }}"""))
    assert not list(store.quads_for_pattern(ox.NamedNode("http://www.wikidata.org/entity/Q11445"),
                                            None, None, ox.DefaultGraph()))


def test_a_429_is_retried_after_the_time_it_asks(store: ox.Store,
                                                 wikidata_endpoint: str) -> None:
    with throttling_proxy(wikidata_endpoint) as proxy:
        link_online(store, proxy.url, timeout=20)
    assert proxy.seen[:2] == [429, 200]
    assert links(store, "place/kr-gimhae") == ["http://www.wikidata.org/entity/Q42082"]
    assert all(agent.startswith("kotakg/0.1 (https://") for agent in proxy.user_agents)


def test_a_server_that_never_answers_gives_a_clear_error_in_time(store: ox.Store) -> None:
    with silent_server() as url:
        started = time.monotonic()
        with pytest.raises(EndpointTimeout, match="did not answer within the time limit of 2 s"):
            link_online(store, url, timeout=2)
    assert time.monotonic() - started < 4


def test_client_gives_up_after_retries_without_waiting_past_the_limit() -> None:
    with silent_server() as url:
        client = SparqlClient(url, timeout=1)
        started = time.monotonic()
        with pytest.raises(EndpointTimeout):
            client.select("ASK {}")
        assert time.monotonic() - started < 3


def test_link_command_online_and_offline(tmp_path: Path, wikidata_endpoint: str) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TURTLE)
    del store  # the command opens the store itself
    runner = CliRunner()
    misuse = runner.invoke(link_command, ["--enrich", "--store", str(tmp_path / "store")])
    assert misuse.exit_code == 2 and "--enrich needs --online" in misuse.output
    # Offline: the gazetteer knows Busan (a graph built before it did left it unlinked).
    offline = runner.invoke(link_command, ["--store", str(tmp_path / "store")])
    assert offline.exit_code == 0, offline.output
    assert "offline: 1 places linked" in offline.output
    online = runner.invoke(link_command, ["--online", "--endpoint", wikidata_endpoint,
                                          "--store", str(tmp_path / "store"),
                                          "--cache", str(tmp_path / "cache"), "--enrich"])
    assert online.exit_code == 0, online.output
    assert "person: 1/1 linked" in online.output
    assert "place: 1/1 linked" in online.output  # Gimhae; Busan was linked offline
    with silent_server() as url:
        failed = runner.invoke(link_command, ["--online", "--endpoint", url, "--timeout", "1",
                                              "--store", str(tmp_path / "store")])
    assert failed.exit_code == 1
    assert "did not answer within the time limit of 1 s" in failed.output
