"""Saved queries as an API, like Datasette's canned queries.

``/queries`` lists the files of ``queries/`` (name, title and description from each file's
comment header); ``/queries/<name>`` runs one through the same path as ``/sparql`` (its
negotiation, ``format`` parameter, timeout and row limit), with the URL's other
parameters bound by ``VALUES`` (see ``endpoint.parameters``).
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from endpoint import cors
from endpoint.parameters import RESERVED, bind_parameters, query_parameters
from endpoint.sparql import Operation, run_query
from endpoint.sparql_text import query_form
from endpoint.web import wants_html
from kg.errors import UnknownQuery
from kg.queries import SavedQuery, saved_queries

bp = Blueprint("saved_queries", __name__, url_prefix="/queries")
bp.after_request(cors)  # an API other sites' pages may call


def find(name: str) -> SavedQuery:
    """The saved query called ``name`` (looked up in the listing, never as a file path).

    :raises UnknownQuery: naming the queries there are.
    """
    known = {q.name: q for q in saved_queries()}
    if name not in known:
        raise UnknownQuery(f"no saved query called {name!r}; there are: "
                           f"{', '.join(known) or 'none'} (see /queries)")
    return known[name]


def summary(query: SavedQuery) -> dict:
    """What a client needs to pick a query: the listing entry of ``/queries``."""
    text = query.text
    return {"name": query.name, "title": query.title, "description": query.description,
            "parameters": query_parameters(text),
            "url": url_for("pages.saved_queries.run", name=query.name, _external=True),
            "query": text}


@bp.route("", strict_slashes=False)
def listing() -> Response | str:
    """Every saved query, as JSON or (for a browser) a page."""
    entries = [summary(q) for q in saved_queries()]
    if wants_html():
        return render_template("queries.html", queries=entries)
    return jsonify({"ok": True, "queries": entries})


@bp.route("/<name>")
def run(name: str) -> Response | str:
    """Run ``queries/<name>.rq`` with the URL's parameters, in the negotiated format."""
    saved = find(name)
    text = bind_parameters(saved.text, request.args.items(multi=True))
    params = {key: request.args.getlist(key) for key in RESERVED if key in request.args}
    if not wants_html():
        return run_query(Operation("query", text, params))
    graph = query_form(text) in ("CONSTRUCT", "DESCRIBE")
    params["format"] = ["turtle" if graph else "json"]
    body = run_query(Operation("query", text, params)).get_data()
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in RESERVED]
    links = {key: f"{request.path}?{urlencode([*args, ('format', key)])}"
             for key in (("turtle",) if graph else ("json", "csv"))}
    return render_template("saved_query.html", query=summary(saved), bound=text,
                           table=None if graph else _table(json.loads(body)),
                           turtle=body.decode() if graph else None, args=args, links=links)


def _table(answer: dict) -> dict:
    """SPARQL JSON results as columns and rows of cells the template can show."""
    if "boolean" in answer:
        return {"columns": ["result"], "rows": [[{"value": str(answer["boolean"]).lower()}]]}
    columns = answer["head"]["vars"]
    rows = [[binding.get(column, {}) for column in columns]
            for binding in answer["results"]["bindings"]]
    return {"columns": columns, "rows": rows}
