"""Downloads and the dataset's description: ``/dump.ttl.gz`` (the knowledge graph, Turtle),
``/dump.nq.gz`` (everything, N-Quads, article graphs included) and ``/.well-known/void``.

A dump is streamed: Oxigraph's own serialiser (``Store.dump``) writes, in a thread, into
a gzip stream whose compressed chunks pass through a small bounded queue to the response.
The queue blocks the serialiser while the client is slow, so memory stays flat whatever
the size of the store; a client that goes away stops the serialiser.
"""

from __future__ import annotations

import gzip
import io
import queue
import threading
from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request, url_for

from endpoint import cors, get_store
from endpoint.execute import RDF_FORMATS
from endpoint.formats import GRAPH, negotiate
from endpoint.web import per_generation
from kg.vocab import DCT, PREFIXES, RDF, base_iri

bp = Blueprint("dumps", __name__)
bp.after_request(cors)

VOID = "http://rdfs.org/ns/void#"
CHUNK = 64 * 1024          # bytes handed to the client at a time
QUEUE_CHUNKS = 8           # chunks buffered between the serialiser and the client
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
VOID_OFFERS = tuple(f for f in GRAPH if f.key in ("turtle", "jsonld", "ntriples", "rdfxml"))


class ClientGone(Exception):
    """Raised inside the serialiser when the response was closed early."""


class _QueueWriter(io.RawIOBase):
    """A file the serialiser writes to; its bytes go to a bounded queue, in chunks."""

    def __init__(self, chunks: queue.Queue, stopped: threading.Event):
        self.chunks, self.stopped, self.pending = chunks, stopped, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.pending += data
        while len(self.pending) >= CHUNK:
            self._put(bytes(self.pending[:CHUNK]))
            del self.pending[:CHUNK]
        return len(data)

    def _put(self, chunk: bytes | None) -> None:
        while not self.stopped.is_set():
            try:
                self.chunks.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue
        raise ClientGone()

    def finish(self) -> None:
        """Send what is left, then the end mark."""
        if self.pending:
            self._put(bytes(self.pending))
        self._put(None)


def stream_dump(store: ox.Store, rdf_format: ox.RdfFormat, **options) -> Iterator[bytes]:
    """The gzip-compressed dump of ``store``, chunk by chunk, as it is written."""
    chunks: queue.Queue = queue.Queue(maxsize=QUEUE_CHUNKS)
    stopped = threading.Event()
    failure: list[BaseException] = []

    def produce() -> None:
        sink = _QueueWriter(chunks, stopped)
        try:
            with gzip.GzipFile(fileobj=sink, mode="wb", mtime=0) as zipped:
                store.dump(zipped, rdf_format, **options)
            sink.finish()
        except ClientGone:
            return
        except BaseException as e:  # noqa: BLE001 - handed to the consumer, which logs it
            failure.append(e)
            stopped.set()

    threading.Thread(target=produce, name="kotakg-dump", daemon=True).start()
    try:
        while True:
            try:
                chunk = chunks.get(timeout=0.5)
            except queue.Empty:
                if failure:
                    raise failure[0] from None
                continue
            if chunk is None:
                return
            yield chunk
    finally:
        stopped.set()


def _dump_response(rdf_format: ox.RdfFormat, filename: str, mime: str, **options) -> Response:
    body = stream_dump(get_store(), rdf_format, **options)
    response = Response(body, mimetype=mime)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/dump.ttl.gz")
def dump_turtle() -> Response:
    """The knowledge graph (the default graph), Turtle, gzip."""
    return _dump_response(ox.RdfFormat.TURTLE, "kotakg.ttl.gz", "application/gzip",
                          from_graph=ox.DefaultGraph(), prefixes=PREFIXES)


@bp.route("/dump.nq.gz")
def dump_nquads() -> Response:
    """Everything: the knowledge graph and every article's graph, N-Quads, gzip."""
    return _dump_response(ox.RdfFormat.N_QUADS, "kotakg.nq.gz", "application/gzip")


@bp.route("/.well-known/void")
def void() -> Response:
    """The VoID description of the dataset, in the negotiated RDF format."""
    fmt = negotiate(VOID_OFFERS, request.headers.get("Accept"), request.args.get("format"))
    counts = per_generation("void", void_counts)
    body = ox.serialize(void_triples(counts), format=RDF_FORMATS[fmt.key],
                        prefixes={**PREFIXES, "void": VOID})
    response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def void_counts(store: ox.Store) -> dict:
    """The figures VoID states: triples, entities, and the class and property partitions."""
    def one(query: str) -> int:
        return int(next(iter(store.query(query)))["n"].value)

    base = ox.Literal(base_iri())
    return {
        "triples": one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        "entities": one(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o . "
                        f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), {base})) }}"),
        "classes": [(row["c"], int(row["n"].value)) for row in store.query(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c")],
        "properties": [(row["p"], int(row["n"].value)) for row in store.query(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p")],
    }


def void_triples(counts: dict) -> list[ox.Triple]:
    """The void:Dataset with its counts, partitions, endpoint, dumps and licence."""
    me = _n(url_for("pages.dumps.void", _external=True) + "#dataset")
    licence = current_app.config.get("KOTAKG_DATA_LICENSE", DEFAULT_LICENSE)
    statements = [
        (RDF + "type", _n(VOID + "Dataset")),
        (DCT + "title", ox.Literal("kotakg knowledge graph", language="en")),
        (DCT + "license", _n(licence)),
        (VOID + "uriSpace", ox.Literal(base_iri())),
        (VOID + "sparqlEndpoint", _n(url_for("sparql.sparql", _external=True))),
        (VOID + "dataDump", _n(url_for("pages.dumps.dump_turtle", _external=True))),
        (VOID + "dataDump", _n(url_for("pages.dumps.dump_nquads", _external=True))),
        (VOID + "triples", _integer(counts["triples"])),
        (VOID + "entities", _integer(counts["entities"])),
        (VOID + "classes", _integer(len(counts["classes"]))),
        (VOID + "properties", _integer(len(counts["properties"]))),
    ]
    triples = [ox.Triple(me, _n(p), o) for p, o in statements]
    for kind, partition, size in (("class", "classPartition", "entities"),
                                  ("property", "propertyPartition", "triples")):
        for term, n in counts["classes" if kind == "class" else "properties"]:
            part = ox.BlankNode()
            triples += [ox.Triple(me, _n(VOID + partition), part),
                        ox.Triple(part, _n(VOID + kind), term),
                        ox.Triple(part, _n(VOID + size), _integer(n))]
    return triples


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_n(PREFIXES["xsd"] + "integer"))
