"""Pages for people: the query page, and the blueprints for saved queries, entities, search
and dumps, registered here so that ``create_app`` needs to know only ``pages.bp``.

Helpers those blueprints share are in ``endpoint.web``.
"""

from __future__ import annotations

import json

from flask import Blueprint, current_app, render_template, request, url_for

from endpoint.web import page_for
from kg.vocab import PREFIXES, base_iri

bp = Blueprint("pages", __name__)

# The prefixes the query editor starts with (the ones a question about the graph needs).
EDITOR_PREFIXES = ("kotakg", "schema", "org", "skos", "rdfs", "owl", "wd", "prov")


@bp.route("/")
def query():
    """The query editor (YASGUI, served from this package, so it works offline)."""
    prefixes = {name: PREFIXES[name] for name in EDITOR_PREFIXES}
    settings = {
        "endpoint": url_for("sparql.sparql"),  # made absolute by the page (proxies)
        "queries": url_for("pages.saved_queries.listing"),
        "prefixes": prefixes,
        "base": base_iri(),
        "root": request.script_root + "/",
    }
    return render_template("query.html", settings=json.dumps(settings),
                           prefixes=prefixes)


def _register_children() -> None:
    """The pages' blueprints are nested under ``pages`` (endpoint names ``pages.<name>.*``)."""
    from endpoint import dumps, entity, saved_queries, search

    for child in (saved_queries.bp, search.bp, dumps.bp, entity.bp):
        bp.register_blueprint(child)


@bp.app_context_processor
def _site() -> dict:
    """What every page's header needs."""
    return {"sparql_url": url_for("sparql.sparql"), "app_name": current_app.config.get(
        "KOTAKG_SITE_NAME", "kotakg")}


bp.add_app_template_filter(page_for, "page_for")
_register_children()
