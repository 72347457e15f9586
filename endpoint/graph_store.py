"""The SPARQL 1.1 Graph Store HTTP Protocol, on only when an update token is configured.

Indirect naming at ``/rdf-graphs/service?graph=IRI`` (or ``?default``); direct naming for
graphs the server names itself, ``/rdf-graphs/<name>``. Every method, reads included,
needs the bearer token: this is an administration interface, while ``/sparql`` is the
public one. Writes go to the single writer store under the write lock; a payload is parsed
completely before the store is touched, so a malformed one changes nothing.
"""

from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from endpoint import after_write, cors, get_store
from endpoint.errors import NotFound
from endpoint.formats import GRAPH, negotiate
from endpoint.sparql import check_update_token
from kg.errors import BadQuery, UnsupportedFormat

bp = Blueprint("graph_store", __name__, url_prefix="/rdf-graphs")
bp.after_request(cors)
METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]

Graph = ox.NamedNode | ox.DefaultGraph


@bp.route("/service", methods=METHODS)
def indirect() -> Response:
    """A graph named by ``?graph=IRI`` or ``?default``; POST with neither makes a graph."""
    check_update_token()
    if "default" in request.args and "graph" in request.args:
        raise BadQuery("give either ?default or ?graph=IRI, not both")
    if "default" in request.args:
        return handle(ox.DefaultGraph())
    iri = request.args.get("graph")
    if iri is None:
        if request.method != "POST":
            raise BadQuery("name a graph with ?graph=IRI or ?default")
        return handle(ox.NamedNode(f"{request.url_root}rdf-graphs/{uuid.uuid4().hex}"),
                      created_here=True)
    try:
        return handle(ox.NamedNode(iri))
    except ValueError as e:
        raise BadQuery(f"graph={iri!r} is not a valid IRI") from e


@bp.route("/<path:name>", methods=METHODS)
def direct(name: str) -> Response:
    """A graph named by this very URL."""
    check_update_token()
    return handle(ox.NamedNode(request.base_url))


def handle(graph: Graph, created_here: bool = False) -> Response:
    """Apply the request's method to ``graph``."""
    if request.method in ("GET", "HEAD"):
        return read_graph(graph)
    with current_app.extensions["kotakg"]["write_lock"]:
        response = {"PUT": put, "POST": post, "DELETE": delete}[request.method](graph)
        after_write()
    if created_here:
        response.status_code = 201
        response.headers["Location"] = graph.value
    return response


def exists(graph: Graph) -> bool:
    """The default graph always exists; a named graph exists once it has been created."""
    return isinstance(graph, ox.DefaultGraph) or get_store().contains_named_graph(graph)


def read_graph(graph: Graph) -> Response:
    """The graph's triples in the negotiated RDF format; 404 if there is no such graph."""
    if not exists(graph):
        raise NotFound(f"no graph {graph} in the store")
    fmt = negotiate(GRAPH, request.headers.get("Accept"), request.args.get("format"))
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in get_store().quads_for_pattern(None, None, None, graph)]
    from endpoint.execute import RDF_FORMATS

    body = ox.serialize(triples, format=RDF_FORMATS[fmt.key])
    return Response(body, content_type=fmt.content_type)


def payload(graph: Graph) -> list[ox.Quad]:
    """The request body's triples, placed in ``graph`` (multipart: every part's).

    :raises UnsupportedFormat: for a body type that is not an RDF syntax.
    :raises BadQuery: for a body that does not parse, or that holds named graphs.
    """
    if request.mimetype == "multipart/form-data":
        parts = [(f.mimetype, f.read()) for f in request.files.values()]
    else:
        parts = [(request.mimetype, request.get_data(cache=False))]
    quads: list[ox.Quad] = []
    for mime, data in parts:
        fmt = ox.RdfFormat.from_media_type(mime) if mime else None
        if fmt is None:
            raise UnsupportedFormat(f"cannot read RDF sent as {mime or '(no Content-Type)'!r}:"
                                    " send text/turtle, application/n-triples, "
                                    "application/rdf+xml or application/ld+json")
        base = graph.value if isinstance(graph, ox.NamedNode) else request.base_url
        try:
            parsed = ox.parse(data, format=fmt, base_iri=base, without_named_graphs=True,
                              rename_blank_nodes=True)
            quads += [ox.Quad(q.subject, q.predicate, q.object, graph) for q in parsed]
        except (SyntaxError, ValueError) as e:
            raise BadQuery(f"the {fmt.name} payload does not parse: {e}") from e
    return quads


def put(graph: Graph) -> Response:
    """Replace the graph: 201 if it is new, 204 if it existed."""
    quads = payload(graph)
    existed = exists(graph) and not isinstance(graph, ox.DefaultGraph)
    store = get_store()
    if isinstance(graph, ox.DefaultGraph):
        store.clear_graph(graph)
    elif existed:
        store.remove_graph(graph)
    if isinstance(graph, ox.NamedNode):
        store.add_graph(graph)
    store.extend(quads)
    return Response(status=204 if existed or isinstance(graph, ox.DefaultGraph) else 201)


def post(graph: Graph) -> Response:
    """Merge the payload into the graph: 201 if that created it, else 204."""
    quads = payload(graph)
    existed = exists(graph)
    store = get_store()
    if isinstance(graph, ox.NamedNode):
        store.add_graph(graph)
    store.extend(quads)
    return Response(status=204 if existed else 201)


def delete(graph: Graph) -> Response:
    """Drop the graph (the default graph is emptied): 204, or 404 if it does not exist."""
    if not exists(graph):
        raise NotFound(f"no graph {graph} in the store")
    store = get_store()
    if isinstance(graph, ox.DefaultGraph):
        store.clear_graph(graph)
    else:
        store.remove_graph(graph)
    return Response(status=204)
