"""Dumps of the store in the standard RDF formats, written by Oxigraph's own serialiser."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.errors import BadInput, UnsupportedFormat
from kg.vocab import PREFIXES

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


def export(store: ox.Store, format_name: str, output: str | None = None,
           graph: str | None = None) -> None:
    """Write the knowledge graph (Turtle, N-Triples) or the whole store (TriG, N-Quads).

    Streamed: Oxigraph serialises quad by quad into the file, so memory stays flat.
    ``graph`` restricts a dump to one named graph (an article's provenance, say).

    :raises UnsupportedFormat: for a format outside :data:`FORMATS`.
    """
    rdf_format = FORMATS.get(format_name)
    if rdf_format is None:
        raise UnsupportedFormat(f"{format_name}: unknown export format "
                                f"(choose from {', '.join(FORMATS)})")
    source = _source_graph(store, rdf_format, graph)
    options = {"prefixes": PREFIXES} if rdf_format in (ox.RdfFormat.TURTLE,
                                                       ox.RdfFormat.TRIG) else {}
    if source is not None:
        options["from_graph"] = source
    if output in (None, "-"):
        store.dump(sys.stdout.buffer, rdf_format, **options)
        return
    path = Path(output)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wb") as sink:
        store.dump(sink, rdf_format, **options)


def _source_graph(store: ox.Store, rdf_format: ox.RdfFormat, graph: str | None):
    if graph:
        named = ox.NamedNode(graph)
        if not store.contains_named_graph(named):
            raise BadInput(f"{graph}: no such graph in the store")
        return named
    return None if rdf_format.supports_datasets else ox.DefaultGraph()
