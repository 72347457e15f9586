"""The SPARQL 1.1 Protocol at ``/sparql``: query by GET, form POST or direct POST; update
by POST when enabled; the Service Description on a GET without a query.

The store's default graph is the knowledge graph; each article's provenance is a named
graph. ``default-graph-uri`` / ``named-graph-uri`` replace that dataset for one query.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, request, url_for

from endpoint import after_write, cors, get_runner, get_store
from endpoint.errors import Forbidden, Unauthorized, Unavailable
from endpoint.execute import QueryJob
from endpoint.formats import BOOLEAN, GRAPH, SOLUTIONS, Format, negotiate, prefers_html
from endpoint.query_runner import Busy, QueryTimeout
from endpoint.service_description import describe_service
from endpoint.sparql_text import add_using, check_no_load, check_services, query_form
from kg.errors import BadQuery, UnsupportedFormat

bp = Blueprint("sparql", __name__)
bp.after_request(cors)

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass
class Operation:
    """What one protocol request asks for, read from its URL, headers and body."""

    kind: str                         # "query", "update" or "describe" (no operation)
    text: str = ""
    params: dict[str, list[str]] = field(default_factory=dict)

    def graphs(self, name: str) -> list[str]:
        """The IRIs given for ``name`` (e.g. ``default-graph-uri``), each checked."""
        iris = self.params.get(name, [])
        for iri in iris:
            try:
                ox.NamedNode(iri)
            except ValueError as e:
                raise BadQuery(f"{name}={iri!r} is not a valid IRI") from e
        return iris


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Dispatch a protocol request to query, update or the service description."""
    op = read_operation()
    if op.kind == "update":
        return run_update(op)
    if op.kind == "query":
        return run_query(op)
    return service_description()


def read_operation() -> Operation:
    """Read the operation the protocol way, rejecting ambiguous or malformed requests.

    :raises BadQuery: for two queries, query and update together, update by GET.
    :raises UnsupportedFormat: for a POST body type other than the three protocol ones.
    """
    params = {k: request.args.getlist(k) for k in request.args}
    if request.method == "GET":
        if "update" in params:
            raise BadQuery("an update must be sent with POST, not GET")
        return _operation(params, None)
    mime = request.mimetype
    if mime == FORM:
        for key in request.form:
            params.setdefault(key, []).extend(request.form.getlist(key))
        return _operation(params, None)
    if mime in (QUERY, UPDATE):
        return _operation(params, ("query" if mime == QUERY else "update", _utf8_body()))
    raise UnsupportedFormat(
        f"POST with Content-Type {mime or '(none)'!r} is not understood: send "
        f"{FORM} (query= or update=), {QUERY} or {UPDATE}")


def _operation(params: dict[str, list[str]], body: tuple[str, str] | None) -> Operation:
    found = [(kind, text) for kind in ("query", "update") for text in params.pop(kind, [])]
    if body:
        found.append(body)
    kinds = {kind for kind, _ in found}
    if len(kinds) > 1:
        raise BadQuery("the request has both a query and an update: send one operation")
    if len(found) > 1:
        raise BadQuery(f"the request has {len(found)} {found[0][0]} strings: send exactly one")
    if not found:
        if request.method == "POST":
            raise BadQuery("the POST has no query= or update= parameter")
        return Operation("describe", params=params)
    kind, text = found[0]
    return Operation(kind, text, params)


def _utf8_body() -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedFormat(f"the body must be UTF-8 encoded, not {charset}")
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadQuery(f"the body is not valid UTF-8: {e}") from e


def run_query(op: Operation) -> Response:
    """Evaluate a query in an evaluator and answer its fully serialised result."""
    config = current_app.config
    if op.params.get("using-graph-uri") or op.params.get("using-named-graph-uri"):
        raise BadQuery("using-graph-uri / using-named-graph-uri apply to updates, not queries")
    form = query_form(op.text)
    offers = BOOLEAN if form == "ASK" else SOLUTIONS if form == "SELECT" else GRAPH
    fmt = _chosen_format(op, offers)
    check_services(op.text, config["KOTAKG_SERVICE_ALLOWLIST"])
    defaults, named = op.graphs("default-graph-uri"), op.graphs("named-graph-uri")
    dataset = bool(defaults or named)
    job = QueryJob(
        query=op.text, base_iri=request.base_url,
        result_format=fmt.key if offers is not GRAPH else "json",
        graph_format=fmt.key if offers is GRAPH else "turtle",
        default_graph=defaults if dataset else None, named_graphs=named if dataset else None,
        max_rows=config["KOTAKG_MAX_ROWS"], max_bytes=config["KOTAKG_MAX_RESULT_BYTES"])
    try:
        outcome = get_runner().run(job, effective_timeout(_one(op, "timeout")))
    except (QueryTimeout, Busy) as e:
        raise Unavailable(str(e)) from e
    if not outcome.ok:
        error = Unavailable(outcome.error) if outcome.status == 503 else BadQuery(outcome.error)
        error.status = outcome.status  # the evaluator's verdict: 400, or 500 if it broke
        raise error
    response = Response(outcome.body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def _chosen_format(op: Operation, offers) -> Format:
    """Negotiate; repeated ``format`` values (SPARQLWrapper sends the short name and the
    MIME type) are fine as long as they name the same format."""
    accept = request.headers.get("Accept")
    chosen = {negotiate(offers, accept, value) for value in op.params.get("format", [])}
    if len(chosen) > 1:
        raise BadQuery("the format parameter names different formats: give one")
    return chosen.pop() if chosen else negotiate(offers, accept, None)


def _one(op: Operation, name: str) -> str | None:
    values = list(dict.fromkeys(op.params.get(name) or []))  # some clients repeat a value
    if len(values) > 1:
        raise BadQuery(f"the {name} parameter is given {len(values)} times: give it once")
    return values[0] if values else None


def effective_timeout(requested: str | None) -> float:
    """The server's timeout, or the client's if it is lower (it may never raise it)."""
    limit = float(current_app.config["KOTAKG_TIMEOUT"])
    if requested is None or requested == "":
        return limit
    try:
        asked = float(requested)
    except ValueError as e:
        raise BadQuery(f"timeout={requested!r} is not a number of seconds") from e
    if not asked > 0:
        raise BadQuery("timeout must be a positive number of seconds")
    return min(asked, limit)


def check_update_token() -> None:
    """Updates need ``Authorization: Bearer TOKEN`` matching the configured token.

    :raises Forbidden: when updates are off, or the token is wrong.
    :raises Unauthorized: when no bearer token is sent.
    """
    token = current_app.config["KOTAKG_UPDATE_TOKEN"]
    if not token:
        raise Forbidden("this endpoint is read-only: updates and the Graph Store Protocol "
                        "are enabled only when the server is started with an update token")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("this operation needs the header 'Authorization: Bearer TOKEN'")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Forbidden("the bearer token is not the update token")


def run_update(op: Operation) -> Response:
    """Apply a SPARQL Update on the single writer, then refresh what readers see."""
    check_update_token()
    if op.params.get("default-graph-uri") or op.params.get("named-graph-uri"):
        raise BadQuery("default-graph-uri / named-graph-uri apply to queries; "
                       "updates take using-graph-uri / using-named-graph-uri")
    check_no_load(op.text)
    check_services(op.text, current_app.config["KOTAKG_SERVICE_ALLOWLIST"], update=True)
    text = add_using(op.text, op.graphs("using-graph-uri"), op.graphs("using-named-graph-uri"))
    with current_app.extensions["kotakg"]["write_lock"]:
        try:
            get_store().update(text, base_iri=request.base_url)
        except SyntaxError as e:
            raise BadQuery(f"malformed update: {e}") from e
        except (ValueError, RuntimeError, OSError) as e:
            raise BadQuery(f"the update could not be applied: {e}") from e
        after_write()
    return Response(status=204)


def service_description() -> Response:
    """The SPARQL 1.1 Service Description, or the query page for a browser."""
    accept = request.headers.get("Accept")
    if prefers_html(accept) and "pages.query" in current_app.view_functions:
        return redirect(url_for("pages.query"))
    fmt = negotiate(GRAPH, accept, request.args.get("format"))
    body = describe_service(request.base_url, fmt.key, current_app.config)
    return Response(body, content_type=fmt.content_type)
