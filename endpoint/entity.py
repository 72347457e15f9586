"""Entity pages (Linked Data): every IRI of the graph dereferences.

The IRI ``BASE + rest`` is answered at ``/rest`` (so a deployment behind the base's host
serves its own IRIs), any IRI at ``/describe?iri=…``: a page for browsers, or Turtle,
JSON-LD, N-Triples or RDF/XML by content negotiation or ``format=``. An IRI the store has
no triple about is a 404.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from endpoint import cors, get_store
from endpoint.describe import Description, describe
from endpoint.errors import NotFound
from endpoint.execute import RDF_FORMATS
from endpoint.formats import GRAPH, negotiate
from endpoint.neighbourhood import draw
from endpoint.web import IRI_PATH_SAFE, external_link, label_languages, wants_html
from kg.errors import BadInput
from kg.vocab import PREFIXES, base_iri

bp = Blueprint("entity", __name__)
bp.after_request(cors)

# Triple formats only: an entity's description is one graph.
OFFERS = tuple(f for f in GRAPH if f.key in ("turtle", "jsonld", "ntriples", "rdfxml"))


@bp.route("/describe", endpoint="describe")
def describe_iri() -> Response | str:
    """Any IRI of the graph, given as ``?iri=``."""
    iri = request.args.get("iri", "").strip()
    if not iri:
        raise BadInput("give the IRI to describe: /describe?iri=https://…")
    try:
        ox.NamedNode(iri)
    except ValueError as e:
        raise BadInput(f"iri={iri!r} is not an IRI: {e}") from e
    return answer([iri])


@bp.route("/<path:rest>")
def dereference(rest: str) -> Response | str:
    """``BASE + rest``: the path as received, or percent-encoded as kotakg mints IRIs."""
    base = base_iri()
    candidates = [base + rest, base + quote(rest, safe=IRI_PATH_SAFE)]
    return answer([iri for iri in dict.fromkeys(candidates) if _is_iri(iri)])


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def answer(candidates: list[str]) -> Response | str:
    """The page or RDF of the first candidate IRI the store knows.

    :raises NotFound: when the store has no triple about any of them.
    """
    html = wants_html()
    fmt = None if html else negotiate(OFFERS, request.headers.get("Accept"),
                                      request.args.get("format"))
    store = get_store()
    for iri in candidates:
        if html:
            found = describe(store, iri, label_languages())
            if found is not None:
                return _page(found)
        elif _known(store, iri):
            body = ox.serialize(_triples(store, iri), format=RDF_FORMATS[fmt.key],
                                prefixes=PREFIXES)
            response = Response(body, content_type=fmt.content_type)
            response.headers["Vary"] = "Accept"
            return response
    shown = candidates[0] if candidates else request.path
    raise NotFound(f"nothing is known about <{shown}> in this graph "
                   "(search for an entity by name at /search?q=…)")


def _page(found: Description) -> str:
    formats = [(f.key, f.mime) for f in OFFERS]
    return render_template("entity.html", d=found, drawing=draw(found), formats=formats,
                           external_link=external_link)


def _known(store: ox.Store, iri: str) -> bool:
    me = ox.NamedNode(iri)
    return bool(store.query(f"ASK {{ {{ {me} ?p ?o }} UNION {{ GRAPH ?g {{ {me} ?p ?o }} }} "
                            f"UNION {{ ?s ?p {me} }} }}"))


def _triples(store: ox.Store, iri: str) -> list[ox.Triple]:
    """What the IRI's RDF answer holds: its statements (in the knowledge graph or its
    article's graph), the statements pointing at it, and the labels of both ends."""
    me = ox.NamedNode(iri)
    label = f"<{PREFIXES['rdfs']}label>"
    return list(store.query(
        f"CONSTRUCT {{ {me} ?p ?o . ?o {label} ?ol . ?s ?q {me} . ?s {label} ?sl }} WHERE {{ "
        f"{{ {me} ?p ?o OPTIONAL {{ ?o {label} ?ol }} }} UNION "
        f"{{ GRAPH ?g {{ {me} ?p ?o }} }} UNION "
        f"{{ ?s ?q {me} OPTIONAL {{ ?s {label} ?sl }} }} }}"))
