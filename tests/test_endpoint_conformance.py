"""The W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description tests,
replayed against live servers: the query tests read-only, every test with updates on."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from endpoint_server import running_server
from w3c_manifest import W3CTest, all_tests, is_query_test, run_test, shared_dir

FOLDER = shared_dir()
TESTS = all_tests(FOLDER) if FOLDER else []
TOKEN = "conformance-token"
KOTAKG_SERVE = [sys.executable, "-m", "kg", "serve"]  # the command users run
pytestmark = pytest.mark.skipif(
    FOLDER is None, reason="needs /work/shared/conformance: set KOTAKG_SHARED or put "
                           "shared/ beside the repo")


def _graph_data(tests: list[W3CTest]) -> dict[str, Path]:
    return {label: path for t in tests for path, label in t.graph_data}


@pytest.fixture(scope="module")
def read_only_server(tmp_path_factory):
    """A read-only server over a store holding every query test's graph data."""
    path = tmp_path_factory.mktemp("w3c-ro") / "store"
    store = ox.Store(str(path))
    for label, file in _graph_data(TESTS).items():
        store.load(path=str(file), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(label))
    store.flush()
    del store
    with running_server(path, "--timeout", "10", command=KOTAKG_SERVE) as server:
        yield server


@pytest.fixture(scope="module")
def update_server(tmp_path_factory):
    """A server with updates enabled, over an empty store."""
    path = tmp_path_factory.mktemp("w3c-rw") / "store"
    with running_server(path, "--timeout", "10", "--update-token", TOKEN,
                        command=KOTAKG_SERVE) as server:
        yield server


def reset(base_url: str, test: W3CTest) -> None:
    """Empty the store, then load the test's ``ut:graphData`` with the Graph Store Protocol."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = requests.post(base_url + "/sparql", data={"update": "DROP ALL"}, headers=auth,
                             timeout=30)
    assert response.status_code == 204, response.text
    for path, label in test.graph_data:
        response = requests.put(base_url + "/rdf-graphs/service", params={"graph": label},
                                data=path.read_bytes(), timeout=30,
                                headers={**auth, "Content-Type": "application/n-triples"})
        assert response.status_code in (201, 204), response.text


@pytest.mark.parametrize("test", [t for t in TESTS if is_query_test(t)], ids=lambda t: t.id)
def test_query_tests_pass_read_only(read_only_server, test: W3CTest) -> None:
    assert run_test(test, read_only_server.url) == []


@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.id)
def test_every_test_passes_with_updates_on(update_server, test: W3CTest) -> None:
    reset(update_server.url, test)
    assert run_test(test, update_server.url, token=TOKEN) == []
