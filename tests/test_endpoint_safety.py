"""Safe by default, checked on live servers: timeouts that really stop the work, a runaway
query that does not slow anyone else, row and request caps, SERVICE and LOAD refused,
updates and the Graph Store Protocol only with the bearer token."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from endpoint_server import EX, fill_store, running_server

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = f"SELECT ?l WHERE {{ <{EX}person/7> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    # 1000 people: 3000 triples, so RUNAWAY has 2.7e10 rows to count.
    return fill_store(tmp_path_factory.mktemp("safety") / "store", people=1000)


@pytest.fixture(scope="module")
def server(store_path):
    with running_server(store_path, "--timeout", "3", "--max-rows", "100",
                        "--max-request-bytes", "4096", "--workers", "2", "--evaluators", "2",
                        "--allow-service", "http://127.0.0.1:") as s:
        yield s


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = fill_store(tmp_path_factory.mktemp("writable") / "store", people=10)
    with running_server(path, "--timeout", "3", env={"KOTAKG_UPDATE_TOKEN": TOKEN}) as s:
        yield s


def status_and_error(response: requests.Response) -> tuple[int, str]:
    body = response.json()
    assert set(body) == {"ok", "error", "status"} and body["status"] == response.status_code
    return response.status_code, body["error"]


def evaluator_pids(server) -> set[int]:
    """The server's evaluator processes (same session as the server, by command line)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError):
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            if b"endpoint.evaluator" in cmdline and os.getsid(int(entry)) == server.proc.pid:
                state = Path(f"/proc/{entry}/stat").read_text().split()[2]
                if state != "Z":
                    found.add(int(entry))
    return found


def wait_for(predicate, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        threading.Event().wait(0.05)
    return False


def test_runaway_query_gets_503_at_the_timeout(server) -> None:
    started = time.monotonic()
    response = requests.get(server.sparql, params={"query": RUNAWAY})
    elapsed = time.monotonic() - started
    status, error = status_and_error(response)
    assert status == 503 and "3 s" in error and "stopped" in error
    assert 2.9 < elapsed < 6


def test_timeout_parameter_lowers_but_never_raises(server) -> None:
    started = time.monotonic()
    assert requests.get(server.sparql, params={"query": RUNAWAY, "timeout": "1"}).status_code \
        == 503
    assert time.monotonic() - started < 2.5
    started = time.monotonic()
    assert requests.get(server.sparql, params={"query": RUNAWAY, "timeout": "600"}).status_code \
        == 503
    assert time.monotonic() - started < 6


def test_the_timed_out_evaluator_is_killed_and_replaced(server) -> None:
    assert wait_for(lambda: len(evaluator_pids(server)) == 4), evaluator_pids(server)
    before = evaluator_pids(server)
    assert requests.get(server.sparql, params={"query": RUNAWAY, "timeout": "1"}).status_code \
        == 503
    # The killed process is gone at once; a fresh one takes its place.
    gone = before - evaluator_pids(server)
    assert len(gone) == 1
    assert not any(Path(f"/proc/{pid}").exists() and
                   Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z" for pid in gone)
    assert wait_for(lambda: len(evaluator_pids(server)) == 4)


def test_a_runaway_query_does_not_slow_other_clients(server) -> None:
    runaway = threading.Thread(target=requests.get,
                               kwargs={"url": server.sparql, "params": {"query": RUNAWAY}})
    runaway.start()
    try:
        threading.Event().wait(0.3)  # let it start burning a core
        latencies = []
        for _ in range(15):
            started = time.monotonic()
            response = requests.get(server.sparql, params={"query": QUICK})
            latencies.append(time.monotonic() - started)
            assert response.status_code == 200
        assert max(latencies) < 1.0, latencies
        assert runaway.is_alive()  # the quick ones really overlapped the runaway one
    finally:
        runaway.join()


def test_too_many_rows_is_a_clear_400(server) -> None:
    status, error = status_and_error(
        requests.get(server.sparql, params={"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 400 and "more than 100 rows" in error and "LIMIT" in error
    for fmt in ("json", "xml", "csv", "tsv"):
        capped = requests.get(server.sparql, params={
            "query": "SELECT * WHERE { ?s ?p ?o } LIMIT 101", "format": fmt})
        assert capped.status_code == 400, fmt
        ok = requests.get(server.sparql, params={
            "query": "SELECT * WHERE { ?s ?p ?o } LIMIT 100", "format": fmt})
        assert ok.status_code == 200, fmt
    status, error = status_and_error(requests.get(server.sparql, params={
        "query": "CONSTRUCT WHERE { ?s ?p ?o }"}))
    assert status == 400 and "more than 100" in error


def test_oversized_request_is_413(server) -> None:
    query = "ASK {} #" + "x" * 5000
    response = requests.post(server.sparql, data=query.encode(),
                             headers={"Content-Type": "application/sparql-query"})
    status, error = status_and_error(response)
    assert status == 413 and "4096" in error


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "PREFIX e: <http://evil.example/> SELECT * WHERE { SERVICE SILENT e:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://evil.example/x> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { serVICE <http://evil.example/> { ?s ?p ?o } } } }",
])
def test_service_outside_the_allowlist_is_refused(server, query: str) -> None:
    status, error = status_and_error(requests.get(server.sparql, params={"query": query}))
    assert status == 403 and "evil.example" in error


def test_service_with_a_variable_is_refused(server) -> None:
    response = requests.get(server.sparql, params={
        "query": "SELECT * WHERE { VALUES ?e { <http://evil.example/> } SERVICE ?e { ?s ?p ?o } }"})
    assert response.status_code in (400, 403) and "variable" in response.json()["error"]


def test_service_words_in_comments_and_strings_are_not_calls(server) -> None:
    query = ("# SERVICE <http://evil.example/>\nSELECT ?l WHERE { ?s "
             "<http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(?l != \"SERVICE "
             "<http://evil.example/> {}\") } LIMIT 1")
    assert requests.get(server.sparql, params={"query": query}).status_code == 200


def test_allowlisted_service_is_called(server) -> None:
    query = f"SELECT ?l WHERE {{ SERVICE <{server.sparql}> {{ <{EX}person/7> " \
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
    response = requests.get(server.sparql, params={"query": query})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["l"]["value"] == "Person 7"


def test_read_only_server_refuses_updates_and_graph_store(server) -> None:
    status, error = status_and_error(requests.post(server.sparql, data={
        "update": f"INSERT DATA {{ <{EX}a> <{EX}b> <{EX}c> }}"}))
    assert status == 403 and "read-only" in error
    status, _ = status_and_error(requests.get(server.url + "/rdf-graphs/service?default"))
    assert status == 403


def test_several_processes_read_the_store_at_once(server, store_path) -> None:
    assert wait_for(lambda: len(evaluator_pids(server)) == 4)
    mine = ox.Store.read_only(str(store_path))  # one more reader, while the server reads
    assert len(list(mine.query(QUICK))) == 1
    assert requests.get(server.sparql, params={"query": QUICK}).status_code == 200


def test_updates_need_the_bearer_token(writable) -> None:
    update = {"update": f"INSERT DATA {{ <{EX}new> <{EX}p> 'fresh' }}"}
    response = requests.post(writable.sparql, data=update)
    assert status_and_error(response)[0] == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = requests.post(writable.sparql, data=update, headers={"Authorization": "Bearer no"})
    assert status_and_error(wrong)[0] == 403
    right = requests.post(writable.sparql, data=update,
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 204, right.text
    ask = requests.get(writable.sparql, params={"query": f"ASK {{ <{EX}new> <{EX}p> 'fresh' }}"})
    assert ask.json()["boolean"] is True  # readers see the write at once


def test_load_is_refused_even_with_the_token(writable) -> None:
    response = requests.post(writable.sparql, data={"update": "LOAD <http://evil.example/x>"},
                             headers={"Authorization": f"Bearer {TOKEN}"})
    status, error = status_and_error(response)
    assert status == 403 and "LOAD" in error


def test_graph_store_protocol_with_the_token(writable) -> None:
    url = writable.url + "/rdf-graphs/service"
    graph = {"graph": f"{EX}graph/1"}
    turtle = f"<{EX}x> <{EX}y> 'z' ."
    assert requests.put(url, params=graph, data=turtle, headers={
        "Content-Type": "text/turtle"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    put = requests.put(url, params=graph, data=turtle,
                       headers={**auth, "Content-Type": "text/turtle"})
    assert put.status_code == 201
    got = requests.get(url, params=graph, headers={**auth, "Accept": "application/n-triples"})
    assert got.text.strip() == f'<{EX}x> <{EX}y> "z" .'
    bad = requests.post(url, params=graph, data="not turtle <",
                        headers={**auth, "Content-Type": "text/turtle"})
    assert status_and_error(bad)[0] == 400
    odd = requests.post(url, params=graph, data="x", headers={**auth, "Content-Type": "a/b"})
    assert status_and_error(odd)[0] == 415
    assert requests.delete(url, params=graph, headers=auth).status_code == 204
    assert status_and_error(requests.get(url, params=graph, headers=auth))[0] == 404


def test_timeout_also_applies_with_updates_on(writable) -> None:
    started = time.monotonic()
    six_way = "SELECT (COUNT(*) AS ?n) WHERE { " + " . ".join(
        f"?s{i} ?p{i} ?o{i}" for i in range(6)) + " }"  # 36 triples: 2e9 rows to count
    response = requests.get(writable.sparql, params={"query": six_way, "timeout": "1"})
    assert status_and_error(response)[0] == 503
    assert time.monotonic() - started < 3
