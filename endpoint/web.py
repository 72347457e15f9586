"""Helpers the pages share: whether a client wants HTML, which label languages a reader
prefers, where an IRI's page is on this server, and work cached per store generation."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import quote

import pyoxigraph as ox
from flask import current_app, request, url_for

from endpoint import triple_count
from endpoint.formats import prefers_html
from kg.vocab import base_iri

T = TypeVar("T")
_lock = threading.Lock()
# Characters an IRI's path keeps in a URL; others ("?", "#", spaces) are percent-encoded.
IRI_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def wants_html() -> bool:
    """Whether to answer with a page: ``format=html``, or a browser's ``Accept`` without
    a ``format`` parameter (which wins, as in ``endpoint.formats.negotiate``)."""
    wanted = request.args.get("format")
    if wanted:
        return wanted.strip().lower() in ("html", "text/html")
    return prefers_html(request.headers.get("Accept"))


def label_languages() -> tuple[str, ...]:
    """Label languages in the order a reader wants them: ``Accept-Language`` first, then
    English, Indonesian and untagged labels (the languages the graph is written in)."""
    asked = [lang.split("-")[0].lower() for lang, _ in request.accept_languages]
    order = [lang for lang in asked if lang in ("en", "id")] + ["en", "id", ""]
    return tuple(dict.fromkeys(order))


def page_for(iri: str) -> str:
    """This server's page for an IRI: ``/rest`` for ``BASE + rest`` (so that the IRIs
    dereference when the server runs behind the base's host), else ``/describe?iri=``."""
    base = base_iri()
    if iri.startswith(base) and len(iri) > len(base):
        return request.script_root + "/" + quote(iri[len(base):], safe=IRI_PATH_SAFE + "%")
    return url_for("pages.entity.describe", iri=iri)


def external_link(iri: str) -> str | None:
    """A link a browser may follow: only http(s) IRIs (never ``javascript:`` and the like)."""
    return iri if iri.startswith(("http://", "https://")) else None


def per_generation(name: str, build: Callable[[ox.Store], T]) -> T:
    """``build(store)``, computed once per generation of the store: again only after the
    store's triple count changes (``endpoint.triple_count``, recounted after each write).

    For work that reads the whole graph (the label index, the VoID counts): each web
    worker does it once, on first use, not on every request.
    """
    state = current_app.extensions["kotakg"]
    cache = state.setdefault("pages_cache", {})
    with _lock:
        generation = triple_count()
        hit = cache.get(name)
        if hit is None or hit[0] != generation:
            hit = cache[name] = (generation, build(state["store"]))
    return hit[1]
