"""kotakg's SPARQL endpoint: a Flask application over an opened Oxigraph store."""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

import pyoxigraph as ox
from flask import Flask, Response, current_app, g, request

DEFAULTS: dict[str, Any] = {
    "KOTAKG_STORE_PATH": None,        # set: queries run in killable evaluator processes
    "KOTAKG_TIMEOUT": 30.0,           # seconds; a request's ``timeout`` may only lower it
    "KOTAKG_MAX_ROWS": 10_000,        # more rows or triples than this: a 400 error
    "KOTAKG_MAX_RESULT_BYTES": 256 * 1024 * 1024,
    "KOTAKG_UPDATE_TOKEN": None,      # set: SPARQL Update and the Graph Store Protocol are on
    "KOTAKG_SERVICE_ALLOWLIST": [],   # IRI prefixes SERVICE may call; empty: none
    "KOTAKG_EVALUATORS": 4,           # evaluator processes per web worker
    "KOTAKG_ACCESS_LOG": False,       # a JSON line per request on the "kotakg.access" logger
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
}

access_log = logging.getLogger("kotakg.access")


def create_app(store: ox.Store, config: dict[str, Any] | None = None) -> Flask:
    """Build the endpoint application serving ``store``; ``config`` overrides ``DEFAULTS``."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.extensions["kotakg"] = {"store": store, "runner": _make_runner(store, app.config),
                                "write_lock": threading.Lock(), "triples": None}

    from endpoint import graph_store, pages, sparql
    from endpoint.errors import register_error_handlers

    register_error_handlers(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(graph_store.bp)
    app.register_blueprint(pages.bp)
    app.add_url_rule("/health", "health", health)
    if app.config["KOTAKG_ACCESS_LOG"]:
        app.before_request(_start_clock)
        app.after_request(_log_access)
    return app


def _make_runner(store: ox.Store, config: dict[str, Any]):
    from endpoint.query_runner import InProcessRunner, ProcessPoolRunner

    if not config["KOTAKG_STORE_PATH"]:
        return InProcessRunner(store)
    writer = store if config["KOTAKG_UPDATE_TOKEN"] else None
    return ProcessPoolRunner(str(config["KOTAKG_STORE_PATH"]), config["KOTAKG_EVALUATORS"],
                             writer=writer)


def get_store() -> ox.Store:
    """The store this application serves (read-only unless updates are enabled)."""
    return current_app.extensions["kotakg"]["store"]


def get_runner():
    """The query runner: a pool of evaluator processes, or in-process for tests."""
    return current_app.extensions["kotakg"]["runner"]


def updates_enabled() -> bool:
    """Whether SPARQL Update and the Graph Store Protocol are switched on."""
    return bool(current_app.config["KOTAKG_UPDATE_TOKEN"])


def after_write() -> None:
    """Let readers see a write: fresh evaluator snapshot, recount for /health."""
    state = current_app.extensions["kotakg"]
    state["runner"].use_store(state["store"])
    state["triples"] = None


def triple_count() -> int:
    """Quads in the store, counted once (and again after each write): /health stays fast."""
    state = current_app.extensions["kotakg"]
    if state["triples"] is None:
        state["triples"] = len(state["store"])
    return state["triples"]


def health() -> Response:
    """200 ``{"ok": true, ...}`` once queries can run: for load balancers and tests."""
    from endpoint.errors import error_response

    ready, why = current_app.extensions["kotakg"]["runner"].ready()
    if not ready:
        return error_response(why, 503)
    body = {"ok": True, "triples": triple_count(), "read_only": not updates_enabled()}
    return current_app.response_class(json.dumps(body), mimetype="application/json")


def cors(response: Response) -> Response:
    """Anyone may query from a browser; no cookies or credentials are ever honoured."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "Content-Type, Location"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type, Authorization"
        response.headers["Access-Control-Max-Age"] = "86400"
    response.headers.pop("Access-Control-Allow-Credentials", None)
    return response


def _start_clock() -> None:
    g.kotakg_t0 = time.perf_counter()


def _log_access(response: Response) -> Response:
    started = g.get("kotakg_t0", time.perf_counter())
    access_log.info(json.dumps({
        "method": request.method, "path": request.path, "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
    }))
    return response
