"""Helpers for endpoint tests: stores filled with pyoxigraph, and a live server process.

The server is the real thing (``python -m endpoint.serve``: gunicorn, evaluator processes,
the on-disk store) on a loopback port found by binding port 0; it is polled until it
answers /health (never slept on) and killed in ``finally``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parent.parent
EX = "http://example.org/"


def free_port() -> int:
    """A port nobody listens on right now (bind port 0, read it, release it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill_store(path: Path, people: int = 60, articles: int = 3) -> Path:
    """A small kotakg-shaped store: people with labels in the default graph, and one named
    provenance graph per article. ``people`` ** 2 rows make a cartesian product."""
    store = ox.Store(str(path))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    person = ox.NamedNode("https://w3id.org/kotakg/ontology#Person")
    quads = []
    for i in range(people):
        node = ox.NamedNode(f"{EX}person/{i}")
        quads += [ox.Quad(node, kind, person), ox.Quad(node, label, ox.Literal(f"Person {i}")),
                  ox.Quad(node, ox.NamedNode(f"{EX}n"), ox.Literal(str(i), datatype=ox.NamedNode(
                      "http://www.w3.org/2001/XMLSchema#integer")))]
    for a in range(articles):
        article = ox.NamedNode(f"{EX}article/{a}")
        quads += [ox.Quad(article, kind, ox.NamedNode("https://schema.org/NewsArticle"), article),
                  ox.Quad(article, ox.NamedNode("https://schema.org/headline"),
                          ox.Literal(f"Headline {a}", language="id"), article)]
    store.bulk_extend(quads)
    store.flush()
    del store
    return path


@dataclass
class Server:
    """A running endpoint: its base URL, process and log file."""

    url: str
    proc: subprocess.Popen
    log_path: Path

    @property
    def sparql(self) -> str:
        """The SPARQL endpoint URL."""
        return self.url + "/sparql"

    def log(self) -> str:
        """Everything the server wrote to stderr so far."""
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def running_server(store: Path, *args: str, env: dict[str, str] | None = None,
                   command: list[str] | None = None) -> Iterator[Server]:
    """Start ``python -m endpoint.serve --store STORE --port N ARGS``; yield once it answers."""
    port = free_port()
    log_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - outlives this block, closed below
        prefix="kotakg-serve-", suffix=".log", delete=False)
    cmd = (command or [sys.executable, "-m", "endpoint.serve"]) + [
        "--store", str(store), "--host", "127.0.0.1", "--port", str(port), *args]
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    proc = subprocess.Popen(cmd, stdout=log_file, stderr=log_file, env=full_env,
                            cwd=ROOT, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", proc, Path(log_file.name))
    try:
        wait_until_ready(server)
        yield server
    finally:
        stop(proc)
        log_file.close()
        os.unlink(log_file.name)


def wait_until_ready(server: Server, deadline_s: float = 60.0) -> None:
    """Poll /health until 200; fail with the server's log if it dies or never answers."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"server exited with {server.proc.returncode}:\n{server.log()}")
        try:
            if requests.get(server.url + "/health", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        except requests.Timeout:
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.proc.wait(0.05)  # a short, interruptible pause between polls
    raise RuntimeError(f"server did not answer within {deadline_s} s:\n{server.log()}")


def stop(proc: subprocess.Popen) -> None:
    """Terminate the server's whole process group (gunicorn, workers, evaluators)."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
