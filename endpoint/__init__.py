"""kotakg's SPARQL endpoint: a Flask application over an opened Oxigraph store."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from flask import Flask


def create_app(store: ox.Store, config: dict[str, Any] | None = None) -> Flask:
    """Build the endpoint application serving ``store``; ``config`` overrides the defaults."""
    app = Flask(__name__)
    app.config.update(config or {})
    app.extensions["kotakg"] = {"store": store}

    from endpoint import pages, sparql

    app.register_blueprint(sparql.bp)
    app.register_blueprint(pages.bp)
    return app
