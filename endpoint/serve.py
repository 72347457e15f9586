"""Serve the endpoint for real: gunicorn workers over the persistent store.

Read-only (the default): ``workers`` processes each open the store with
``Store.read_only`` (several processes may do so at once) and each keeps a pool of
evaluator processes that also open it read-only, so a runaway query is killed without
touching the others. With an update token: exactly one worker, which opens the store
read-write and is its single writer (RocksDB allows one writer process); its evaluators
read snapshots refreshed after each write. Workers use threads (gthread) so slow clients
do not hold a process.

``python -m endpoint.serve --store DIR`` runs the same thing as ``kotakg serve``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import click
from gunicorn.app.base import BaseApplication

from kg.errors import KotakgError
from kg.store import default_store_path, open_store

log = logging.getLogger("kotakg.endpoint")


class EndpointApplication(BaseApplication):
    """Gunicorn running ``create_app`` in each worker (not preloaded: each opens the store)."""

    def __init__(self, options: dict[str, Any], app_config: dict[str, Any]):
        self.options = options
        self.app_config = app_config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from endpoint import create_app

        store = open_store(self.app_config["KOTAKG_STORE_PATH"],
                           read_only=not self.app_config["KOTAKG_UPDATE_TOKEN"])
        return create_app(store, self.app_config)


def _when_ready(server) -> None:
    host, port = server.LISTENERS[0].sock.getsockname()[:2]
    print(f"Listening on http://{host}:{port}", file=sys.stderr, flush=True)


def _worker_exit(server, worker) -> None:
    app = getattr(worker, "wsgi", None)
    state = getattr(app, "extensions", {}).get("kotakg") if app else None
    if state:
        state["runner"].close()


def _configure_logging() -> None:
    """The access log: one JSON object per line on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("kotakg.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")


def run(store_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 8000,
        timeout: float = 30.0, workers: int = 2, update_token: str | None = None,
        service_allowlist: list[str] | None = None, max_rows: int = 10_000,
        max_request_bytes: int = 2 * 1024 * 1024, evaluators: int = 4) -> None:
    """Serve ``store_path`` until interrupted.

    :raises StoreError: if the store cannot be opened.
    """
    path = Path(store_path)
    if not update_token:
        open_store(path, read_only=True)  # fail fast, before gunicorn starts
    app_config = {
        "KOTAKG_STORE_PATH": str(path), "KOTAKG_TIMEOUT": float(timeout),
        "KOTAKG_MAX_ROWS": int(max_rows), "MAX_CONTENT_LENGTH": int(max_request_bytes),
        "KOTAKG_UPDATE_TOKEN": update_token or None,
        "KOTAKG_SERVICE_ALLOWLIST": list(service_allowlist or []),
        "KOTAKG_EVALUATORS": int(evaluators), "KOTAKG_ACCESS_LOG": True,
    }
    options = {
        "bind": f"{host}:{port}",
        "workers": 1 if update_token else max(1, workers),
        "worker_class": "gthread", "threads": max(4, evaluators * 2),
        # The heartbeat timeout must outlast the longest query a worker waits for.
        "timeout": int(timeout) + 30, "graceful_timeout": 10, "keepalive": 5,
        "limit_request_line": 8190, "accesslog": None, "errorlog": "-", "loglevel": "warning",
        "when_ready": _when_ready, "worker_exit": _worker_exit,
    }
    _configure_logging()
    EndpointApplication(options, app_config).run()


@click.command("serve")
@click.option("--store", "store_path", type=click.Path(file_okay=False),
              default=lambda: str(default_store_path()), show_default="KOTAKG_STORE or XDG",
              help="The store directory to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to bind (0: any free port; the chosen one is printed).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Gunicorn worker processes (forced to 1 when updates are on).")
@click.option("--evaluators", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Query evaluator processes per worker.")
@click.option("--update-token", envvar="KOTAKG_UPDATE_TOKEN", default=None,
              help="Enable SPARQL Update and the Graph Store Protocol for this bearer token "
                   "(or set KOTAKG_UPDATE_TOKEN).")
@click.option("--allow-service", "service_allowlist", multiple=True,
              help="An IRI prefix SERVICE may call (repeatable; none by default).")
@click.option("--max-rows", type=click.IntRange(1), default=10_000, show_default=True,
              help="Largest result (rows or triples) served; larger ones get a 400.")
@click.option("--max-request-bytes", type=click.IntRange(1024), default=2 * 1024 * 1024,
              show_default=True, help="Largest request body accepted (413 above it).")
def serve_command(store_path: str, host: str, port: int, timeout: float, workers: int,
                  evaluators: int, update_token: str | None, service_allowlist: tuple[str, ...],
                  max_rows: int, max_request_bytes: int) -> None:
    """Serve the store's SPARQL endpoint (read-only unless an update token is given)."""
    try:
        run(store_path, host, port, timeout, workers, update_token, list(service_allowlist),
            max_rows, max_request_bytes, evaluators)
    except KotakgError as e:
        raise click.ClickException(e.message) from e


if __name__ == "__main__":
    serve_command()
