"""Benchmark kotakg's endpoint against Oxigraph's own server and rdflib-endpoint.

Same data: a kotakg store built from the benchmark corpus (``kotakg ingest
bench/out/corpus.jsonl --store DIR``: 10,000 articles give 2.1 M quads, the knowledge graph
in the default graph and each article's provenance in its named graph). kotakg and
``oxigraph serve-read-only`` open that store itself; rdflib-endpoint loads its N-Quads dump
(``rdflib_server.py``, with the same dataset semantics). Each server's quad count is checked.

Same client load: ``--clients`` threads sending one fixed sequence of requests that cycles
five kinds of question users of the graph ask, their parameters drawn from the store:

- lookup: every statement about one entity (what an entity page reads);
- join: who held which office of one place (the ``officials`` saved query, narrowed);
- aggregate: events per kind in one year, with their distinct attendees;
- label: entities whose label contains a word, sorted (a search box);
- provenance: the articles and words supporting one fact (``fact-sources``, narrowed),
  which reads the named graphs.

All servers are up together and take turns on each chunk of requests, so other load on a
shared machine falls on all alike. Three measurements:

1. mixed load, the first ``--common-requests`` requests, EVERY server (rdflib-endpoint too);
2. each kind alone (its requests among those), every server: per-kind throughput;
3. mixed load, all ``--requests`` requests, kotakg and Oxigraph (rdflib is too slow).

Each reports throughput, p50 and p99 overall and per kind, and each kind's share of the
summed latencies; result sizes are compared request by request. kotakg runs with its own
defaults (workers, evaluators, timeout, row limit). Prints markdown, writes
``results.json``.

    python bench/bench_endpoint.py bench/out/store-10k --workdir /tmp/kotakg-bench \
        --rdflib-python /tmp/kotakg-bench-venv/bin/python

rdflib-endpoint is installed only in the bench's own environment
(``python -m venv --system-site-packages V && V/bin/pip install "rdflib-endpoint[cli]"``);
loading 2 M quads into rdflib takes minutes and GBs, which is why it is not used in tests.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

HERE = Path(__file__).resolve().parent
KG = "https://w3id.org/kotakg/ontology#"
PREFIXES = (f"PREFIX kotakg: <{KG}> PREFIX schema: <https://schema.org/> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "PREFIX org: <http://www.w3.org/ns/org#> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> ")
ACCEPT = {"Accept": "application/sparql-results+json"}
KINDS = ("lookup", "join", "aggregate", "label", "provenance")

LOOKUP = "SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}"
JOIN = """SELECT ?person ?name ?role ?start WHERE {{
  ?post kotakg:postOf <{place}> ; org:role/skos:notation ?role .
  ?tenure kotakg:post ?post ; kotakg:holder ?person .
  ?person rdfs:label ?name .
  OPTIONAL {{ ?tenure schema:startDate ?start }}
}} ORDER BY ?role ?name ?start"""
AGGREGATE = """SELECT ?kind (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?person) AS ?people)
WHERE {{
  ?event kotakg:eventKind ?kind ; schema:startDate ?start .
  OPTIONAL {{ ?event schema:attendee ?person }}
  FILTER (YEAR(?start) = {year})
}} GROUP BY ?kind ORDER BY DESC(?events) ?kind"""
LABEL = """SELECT ?entity ?label WHERE {{
  ?entity rdfs:label ?label .
  FILTER (CONTAINS(LCASE(STR(?label)), "{word}"))
}} ORDER BY ?label ?entity LIMIT 20"""
PROVENANCE = """SELECT ?article ?url ?begin ?words WHERE {{
  GRAPH ?article {{
    ?mention kotakg:supports <{fact}> ; nif:beginIndex ?begin ; nif:anchorOf ?words .
    OPTIONAL {{ ?article schema:url ?url }}
  }}
}} ORDER BY ?article ?begin"""


@dataclass
class Params:
    """Values the queries are drawn from, read from the store."""

    entities: list[str]
    places: list[str]
    years: list[int]
    words: list[str]
    facts: list[str]


def _column(store: ox.Store, query: str) -> list[str]:
    return sorted(str(row[0].value) for row in store.query(PREFIXES + query))


def sample_params(store: ox.Store) -> Params:
    """Every candidate value, sorted (the seeded choice is then the same on every run)."""
    labels = _column(store, "SELECT DISTINCT ?l WHERE { ?e rdfs:label ?l }")
    words = sorted({w for label in labels for w in re.findall(r"[a-z]{4,}", label.lower())})
    return Params(
        entities=_column(store, "SELECT DISTINCT ?e WHERE { ?e a ?c . VALUES ?c { "
                                "kotakg:Person kotakg:Place kotakg:Event kotakg:Association } }"),
        places=_column(store, "SELECT DISTINCT ?p WHERE { ?post kotakg:postOf ?p }"),
        years=[int(y) for y in _column(store, "SELECT DISTINCT (YEAR(?s) AS ?y) WHERE { "
                                              "?e kotakg:eventKind ?k ; schema:startDate ?s }")],
        words=words,
        facts=_column(store, "SELECT DISTINCT ?f WHERE { GRAPH ?g { ?m kotakg:supports ?f } }"),
    )


def query_mix(count: int, params: Params, seed: int = 11) -> list[tuple[str, str]]:
    """``count`` (kind, query) pairs, the five kinds in turn, parameters drawn at random."""
    rng = random.Random(seed)
    makers = {
        "lookup": lambda: LOOKUP.format(entity=rng.choice(params.entities)),
        "join": lambda: JOIN.format(place=rng.choice(params.places)),
        "aggregate": lambda: AGGREGATE.format(year=rng.choice(params.years)),
        "label": lambda: LABEL.format(word=rng.choice(params.words)),
        "provenance": lambda: PROVENANCE.format(fact=rng.choice(params.facts)),
    }
    return [(KINDS[i % len(KINDS)], PREFIXES + makers[KINDS[i % len(KINDS)]]())
            for i in range(count)]


@dataclass
class Sample:
    """One request: its kind, latency (s), result rows (-1: failed)."""

    kind: str
    seconds: float
    rows: int


@dataclass
class Run:
    """One server's results under one load."""

    name: str
    seconds: float
    samples: dict[int, Sample]      # by the request's index in the sequence

    @property
    def requests(self) -> int:
        return len(self.samples)

    @property
    def errors(self) -> int:
        return sum(1 for s in self.samples.values() if s.rows < 0)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def latencies(self, kind: str | None = None) -> list[float]:
        return [s.seconds for s in self.samples.values() if kind in (None, s.kind)]

    def percentile(self, p: float, kind: str | None = None) -> float:
        ordered = sorted(self.latencies(kind))
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    def busy_share(self, kind: str) -> float:
        """The kind's share of the summed latencies: where the server's time went."""
        return sum(self.latencies(kind)) / sum(self.latencies())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(cmd: list[str], url: str, log: Path, ready_within: float):
    """Start ``cmd`` in its own session; yield once ``url`` answers ``ASK {}``; stop it."""
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=out, start_new_session=True,
                                cwd=HERE.parent, env=dict(os.environ, PYTHONPATH=str(HERE.parent)))
    try:
        deadline = time.monotonic() + ready_within
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited: {log.read_text()[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(url, params={"query": "ASK {}"}, headers=ACCEPT,
                                timeout=5).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{cmd[0]} not ready in {ready_within} s")
            threading.Event().wait(0.2)
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def load(name: str, url: str, queries: list[tuple[int, str, str]], clients: int) -> Run:
    """Send every (index, kind, query) once from ``clients`` threads; time each and the whole.
    A request fails (rows -1) unless it answers 200 with SPARQL JSON results."""
    sessions = threading.local()
    samples: dict[int, Sample] = {}

    def one(item: tuple[int, str, str]) -> None:
        index, kind, query = item
        session = getattr(sessions, "s", None) or requests.Session()
        sessions.s = session
        started = time.perf_counter()
        rows = -1
        with contextlib.suppress(requests.RequestException, ValueError, KeyError):
            response = session.get(url, params={"query": query}, headers=ACCEPT, timeout=600)
            if response.status_code == 200:
                rows = len(response.json()["results"]["bindings"])
        samples[index] = Sample(kind, time.perf_counter() - started, rows)

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, queries))
    return Run(name, time.perf_counter() - started, samples)


def quad_count(url: str) -> int:
    """Every statement the server holds, default graph and named graphs."""
    query = ("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
             "{ GRAPH ?g { ?s ?p ?o } } }")
    response = requests.get(url, params={"query": query}, headers=ACCEPT, timeout=1800)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def prepare(store_dir: Path, workdir: Path) -> tuple[Path, Params]:
    """The store's N-Quads dump for rdflib (reused when present) and the query parameters."""
    nquads = workdir / "all.nq"
    store = ox.Store.read_only(str(store_dir))
    if not nquads.exists():
        print(f"dumping {store_dir} to {nquads}", file=sys.stderr)
        workdir.mkdir(parents=True, exist_ok=True)
        store.dump(output=str(nquads), format=ox.RdfFormat.N_QUADS)
    params = sample_params(store)
    del store
    return nquads, params


def merge(name: str, parts: list[Run]) -> Run:
    """One server's rounds as a single run."""
    return Run(name, sum(p.seconds for p in parts),
               {i: x for p in parts for i, x in p.samples.items()})


def rounds(urls: dict[str, str], queries: list[tuple[int, str, str]], count: int,
           clients: int) -> dict[str, Run]:
    """Every server gets the same ``queries`` in the same order, in ``count`` chunks; the
    servers take turns on each chunk (the order rotates), so load from anything else on the
    machine falls on all alike (an idle server uses no CPU)."""
    parts: dict[str, list[Run]] = {name: [] for name in urls}
    step = -(-len(queries) // count)
    names = list(urls)
    for r in range(count):
        chunk = queries[r * step:(r + 1) * step]
        for name in names[r % len(names):] + names[:r % len(names)]:
            print(f"  round {r + 1}/{count}: {name}", file=sys.stderr)
            parts[name].append(load(name, urls[name], chunk, clients))
    return {name: merge(name, runs) for name, runs in parts.items()}


def per_kind(urls: dict[str, str], queries: list[tuple[int, str, str]],
             clients: int) -> dict[str, dict[str, Run]]:
    """Each kind's requests (from ``queries``, in order) alone: that kind's throughput."""
    out: dict[str, dict[str, Run]] = {name: {} for name in urls}
    names = list(urls)
    for k, kind in enumerate(KINDS):
        subset = [q for q in queries if q[1] == kind]
        for name in names[k % len(names):] + names[:k % len(names)]:
            print(f"  {kind} alone: {name}", file=sys.stderr)
            out[name][kind] = load(name, urls[name], subset, clients)
    return out


def mismatches(runs: list[Run]) -> list[str]:
    """Requests whose result sizes differ between servers (each server must agree)."""
    first, found = runs[0], []
    for other in runs[1:]:
        for i, sample in first.samples.items():
            theirs = other.samples.get(i)
            if theirs is not None and theirs.rows != sample.rows:
                found.append(f"request {i} ({sample.kind}): {first.name} {sample.rows} rows, "
                             f"{other.name} {theirs.rows}")
    return found


def mixed_table(runs: list[Run]) -> str:
    """Throughput and latencies under the mixed load, overall and per kind."""
    lines = ["| server | kind | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) "
             "| share of time |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        lines.append(f"| **{r.name}** | all | {r.requests} | {r.errors} | "
                     f"**{r.throughput:.2f}** | {r.percentile(50):.1f} | "
                     f"{r.percentile(99):.1f} | 100% |")
        for kind in KINDS:
            count = len(r.latencies(kind))
            lines.append(f"| | {kind} | {count} | | | {r.percentile(50, kind):.1f} | "
                         f"{r.percentile(99, kind):.1f} | {100 * r.busy_share(kind):.0f}% |")
    return "\n".join(lines)


def kind_table(alone: dict[str, dict[str, Run]]) -> str:
    """Each kind sent alone: throughput, p50, p99 per server."""
    names = list(alone)
    lines = ["| kind | " + " | ".join(f"{n} req/s (p50 / p99 ms)" for n in names) + " |",
             "|---|" + "---:|" * len(names)]
    for kind in KINDS:
        cells = []
        for n in names:
            r = alone[n][kind]
            err = f", {r.errors} errors" if r.errors else ""
            cells.append(f"{r.throughput:.1f} ({r.percentile(50):.1f} / "
                         f"{r.percentile(99):.1f}{err})")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratios(ours: Run, others: list[Run], alone: dict[str, dict[str, Run]] | None = None) -> str:
    lines = []
    for other in others:
        line = (f"kotakg / {other.name}: throughput x{ours.throughput / other.throughput:.2f}, "
                f"p99 x{ours.percentile(99) / other.percentile(99):.2f}")
        if alone:
            ours_alone, theirs = alone["kotakg"], alone[other.name]
            line += "; per kind alone: " + ", ".join(
                f"{k} x{ours_alone[k].throughput / theirs[k].throughput:.2f}" for k in KINDS)
        lines.append(line)
    return "\n".join(lines)


def _command(name: str, cmd: list[str], port: int) -> list[str]:
    if name == "kotakg":
        return [*cmd, "--port", str(port)]
    if name.startswith("oxigraph"):
        return [*cmd, "--bind", f"127.0.0.1:{port}"]
    return [*cmd, "--host", "127.0.0.1", "--port", str(port)]


def wait_quiet(limit: float, within: float) -> str:
    """Wait (polling every 30 s, at most ``within`` s) for the 1-minute load average to drop
    below ``limit``; say what the load was when timing started."""
    deadline = time.monotonic() + within
    while os.getloadavg()[0] >= limit and time.monotonic() < deadline:
        print(f"load average {os.getloadavg()[0]:.2f} >= {limit}: waiting", file=sys.stderr)
        time.sleep(30)
    load_now = os.getloadavg()[0]
    note = "" if load_now < limit else " (NOT quiet: gave up waiting)"
    return f"load average {load_now:.2f} when timing started{note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a kotakg store (kotakg ingest --store)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kotakg-bench"),
                        help="for the N-Quads dump rdflib loads, the logs and results.json")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=1000,
                        help="the whole sequence, sent to kotakg and Oxigraph")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--common-requests", "--rdflib-requests", type=int, default=200,
                        help="the first N requests, sent to every server including rdflib "
                             "(which takes seconds per request); a multiple of 5 keeps "
                             "the five kinds in equal proportions")
    parser.add_argument("--rdflib-python", default=None,
                        help="python of the environment holding rdflib-endpoint; omit to skip")
    parser.add_argument("--workers", type=int, default=None,
                        help="kotakg workers (default: kotakg's own default)")
    parser.add_argument("--evaluators", type=int, default=None,
                        help="kotakg evaluators per worker (default: kotakg's own default)")
    parser.add_argument("--quiet-load", type=float, default=1.5,
                        help="wait for the load average to fall below this before timing")
    parser.add_argument("--quiet-wait", type=float, default=900, help="seconds, at most")
    args = parser.parse_args()
    store_dir = args.store.resolve()
    nquads, params = prepare(store_dir, args.workdir)
    sequence = [(i, kind, q) for i, (kind, q) in enumerate(query_mix(args.requests, params))]
    common = sequence[:min(args.common_requests, len(sequence))]
    kotakg = [sys.executable, "-m", "endpoint.serve", "--store", str(store_dir)]
    for flag, value in (("--workers", args.workers), ("--evaluators", args.evaluators)):
        if value is not None:
            kotakg += [flag, str(value)]
    specs = [("kotakg", kotakg, "/sparql", 120),
             ("oxigraph serve-read-only", ["oxigraph", "serve-read-only", "--location",
                                           str(store_dir)], "/query", 120)]
    if args.rdflib_python:
        specs.append(("rdflib-endpoint", [args.rdflib_python, str(HERE / "rdflib_server.py"),
                                          str(nquads)], "/", 3600))
    report: list[str] = []
    with contextlib.ExitStack() as stack:
        urls = {}
        for name, cmd, path, ready in specs:
            port = free_port()
            urls[name] = f"http://127.0.0.1:{port}{path}"
            print(f"starting {name}", file=sys.stderr)
            stack.enter_context(server(_command(name, cmd, port), urls[name],
                                       args.workdir / f"{name.split()[0]}.log", ready))
        counts = {name: quad_count(url) for name, url in urls.items()}
        report.append("Statements (all graphs) per server: "
                      + ", ".join(f"{n} {c}" for n, c in counts.items()))
        warmup = [(i, kind, q) for i, (kind, q)
                  in enumerate(query_mix(10, params, seed=99))]
        for name, url in urls.items():
            load(name, url, warmup, args.clients)
        report.append(wait_quiet(args.quiet_load, args.quiet_wait))
        print(f"mixed load, first {len(common)} requests, every server", file=sys.stderr)
        mixed = rounds(urls, common, args.rounds, args.clients)
        print("each kind alone", file=sys.stderr)
        alone = per_kind(urls, common, args.clients)
        full = None
        if len(sequence) > len(common):
            print(f"mixed load, all {len(sequence)} requests, kotakg and Oxigraph",
                  file=sys.stderr)
            fast = {n: u for n, u in urls.items() if n != "rdflib-endpoint"}
            full = rounds(fast, sequence, args.rounds, args.clients)
        report.append(f"load average {os.getloadavg()[0]:.2f} when timing ended")
    bad = mismatches(list(mixed.values())) + mismatches(list(full.values()) if full else [])
    bad += [f"{len(set(counts.values()))} different store sizes"] * (
        len(set(counts.values())) > 1)
    out = [f"## Mixed load: the first {len(common)} requests, {args.clients} clients, "
           "every server", mixed_table(list(mixed.values())), "",
           ratios(mixed["kotakg"], [r for n, r in mixed.items() if n != "kotakg"], alone), "",
           f"## Each kind alone (its requests among the first {len(common)}), "
           f"{args.clients} clients", kind_table(alone)]
    if full:
        out += ["", f"## Mixed load: all {len(sequence)} requests, {args.clients} clients, "
                "kotakg and Oxigraph", mixed_table(list(full.values())), "",
                ratios(full["kotakg"], [r for n, r in full.items() if n != "kotakg"])]
    out += ["", *report, "Result sizes: " + ("all servers agree on every request" if not bad
                                             else f"{len(bad)} MISMATCHES: " + "; ".join(bad[:10]))]
    print("\n".join(out))

    def summary(r: Run) -> dict:
        return {"server": r.name, "requests": r.requests, "errors": r.errors,
                "seconds": r.seconds, "throughput": r.throughput,
                "p50_ms": r.percentile(50), "p99_ms": r.percentile(99),
                "kinds": {k: {"requests": len(r.latencies(k)), "p50_ms": r.percentile(50, k),
                              "p99_ms": r.percentile(99, k), "share": r.busy_share(k)}
                          for k in KINDS if r.latencies(k)}}

    (args.workdir / "results.json").write_text(json.dumps({
        "args": {k: str(v) for k, v in vars(args).items()}, "triples": counts, "notes": report,
        "mismatches": bad, "mixed_common": [summary(r) for r in mixed.values()],
        "kind_alone": {n: {k: summary(r) for k, r in runs.items()} for n, runs in alone.items()},
        "mixed_all": [summary(r) for r in full.values()] if full else None}, indent=2))


if __name__ == "__main__":
    main()
