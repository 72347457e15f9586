"""What the page tests share: the graph they read (``data/pages-fixture.trig``, one
article in the shape of ``ontology/README.md``) and the app over it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from flask import Flask

from endpoint import create_app

FIXTURE = Path(__file__).resolve().parent / "data" / "pages-fixture.trig"
BASE = "https://w3id.org/kotakg/resource/"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def fixture_store(path: Path | None = None) -> ox.Store:
    """The fixture graph, in memory or (for a live server) in the store directory ``path``."""
    store = ox.Store(str(path)) if path else ox.Store()
    store.load(path=str(FIXTURE))
    store.flush()
    return store


def pages_app(store: ox.Store | None = None, **config) -> Flask:
    """The endpoint app over ``store`` (default: the fixture), as tests configure it."""
    return create_app(store if store is not None else fixture_store(),
                      {"TESTING": True, **config})


def error_of(response, status: int) -> str:
    """The message of an error answer, after checking the one error shape every failure has
    (a Flask test response; ``test_endpoint_protocol.error_of`` checks live ones)."""
    text = response.get_data(as_text=True)
    assert response.status_code == status, text
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert "Traceback" not in text
    return body["error"]
