"""A local stand-in for query.wikidata.org: a real ``oxigraph serve`` loaded with
``tests/data/wikidata-fixture.nt``, and small HTTP servers that misbehave on purpose."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "data" / "wikidata-fixture.nt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_responds(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    """Poll until the server answers; fail with its output if it died or never answered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited: {process.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph did not answer at {url}")


@contextmanager
def oxigraph_server(location: Path, *files: Path) -> Iterator[str]:
    """Load the files into a store at ``location``, serve it; yields the query URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server CLI is not installed (pip install oxigraph)")
    if files:
        subprocess.run([binary, "load", "--location", str(location),
                        "--file", *map(str, files)], check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_responds(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class ThrottlingProxy(http.server.ThreadingHTTPServer):
    """Answers the first request with 429 (Retry-After: 0), forwards the rest upstream."""

    def __init__(self, upstream: str):
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.upstream = upstream
        self.seen: list[int] = []  # status answered to each request, in order
        self.user_agents: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/query"


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    server: ThrottlingProxy

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        if not self.server.seen:
            self.server.seen.append(429)
            self.send_response(429)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        request = urllib.request.Request(self.server.upstream, data=body, method="POST",
                                         headers={"Content-Type": self.headers["Content-Type"],
                                                  "Accept": self.headers.get("Accept", "*/*")})
        with urllib.request.urlopen(request, timeout=10) as answer:
            payload = answer.read()
            self.server.seen.append(answer.status)
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.headers["Content-Type"])
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@contextmanager
def throttling_proxy(upstream: str) -> Iterator[ThrottlingProxy]:
    proxy = ThrottlingProxy(upstream)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.shutdown()
        proxy.server_close()


@contextmanager
def silent_server() -> Iterator[str]:
    """A socket that accepts connections and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)  # the kernel completes handshakes; nobody ever reads or replies
        yield f"http://127.0.0.1:{s.getsockname()[1]}/sparql"


@pytest.fixture(scope="session", name="wikidata_endpoint")
def wikidata_endpoint_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of a local oxigraph server holding the Wikidata-shaped fixture."""
    with oxigraph_server(tmp_path_factory.mktemp("wikidata"), FIXTURE) as url:
        yield url
