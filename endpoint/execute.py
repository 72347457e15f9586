"""Evaluate one SPARQL query on a store and serialise the whole result to bytes.

This module is what runs inside the evaluator processes (see ``endpoint.evaluator``), so it
imports only pyoxigraph: an evaluator must start fast, and a replacement is started each
time a runaway query is killed. The result is serialised completely before anything is sent
back, which is what lets the web worker answer 503 on a timeout before any result byte.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pyoxigraph as ox

# Fewest bytes one result row can take in each format (an empty row): a body shorter than
# max_rows times this cannot hold too many rows, so it need not be counted.
_MIN_ROW_BYTES = {"json": 2, "xml": 17, "csv": 2, "tsv": 1}

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
}


@dataclass
class QueryJob:
    """Everything an evaluator needs for one query (picklable: it crosses a process pipe)."""

    query: str
    result_format: str = "json"      # key of RESULT_FORMATS, for SELECT and ASK
    graph_format: str = "turtle"     # key of RDF_FORMATS, for CONSTRUCT and DESCRIBE
    base_iri: str | None = None
    default_graph: list[str] | None = None
    named_graphs: list[str] | None = None
    max_rows: int = 10_000
    max_bytes: int = 256 * 1024 * 1024
    store_path: str | None = None    # set by the pool: the store (or snapshot) to read


@dataclass
class Outcome:
    """A finished query: either ``body`` in format ``format_key``, or an error and status."""

    ok: bool
    body: bytes = b""
    format_key: str = ""
    kind: str = ""                   # "solutions", "boolean" or "graph"
    rows: int = 0
    error: str = ""
    status: int = 200


class TooLarge(Exception):
    """The serialised result outgrew the byte cap (raised from inside the serialiser)."""


class _CappedBuffer(io.RawIOBase):
    """A write-only buffer that refuses to grow past ``limit`` bytes.

    pyoxigraph serialises straight into it and stops when ``write`` raises, so a huge
    result never sits whole in memory.
    """

    def __init__(self, limit: int):
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge(f"the result is larger than this server's limit of {self.limit} bytes")
        self.parts.append(bytes(data))
        return len(data)


def run_query(store: ox.Store, job: QueryJob) -> Outcome:
    """Evaluate ``job`` on ``store``; client mistakes come back as a 400 ``Outcome``."""
    try:
        result = store.query(job.query, base_iri=job.base_iri, **_dataset(job))
        if isinstance(result, ox.QueryBoolean):
            return _boolean(result, job)
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, job)
        return _graph(result, job)
    except SyntaxError as e:
        return Outcome(False, error=f"malformed query: {e}", status=400)
    except (TooLarge, ValueError, RuntimeError) as e:
        return Outcome(False, error=str(e), status=400)
    except OSError as e:
        if isinstance(e.__context__, TooLarge) or "larger than this server" in str(e):
            return Outcome(False, error=str(e), status=400)
        # Query evaluation errors (e.g. SERVICE failures) surface as OSError too.
        return Outcome(False, error=f"the query could not be evaluated: {e}", status=400)


def _dataset(job: QueryJob) -> dict[str, Any]:
    """The protocol dataset, which replaces the query's own FROM / FROM NAMED entirely."""
    if job.default_graph is None and job.named_graphs is None:
        return {}
    return {
        "default_graph": [ox.NamedNode(iri) for iri in job.default_graph or []],
        "named_graphs": [ox.NamedNode(iri) for iri in job.named_graphs or []],
    }


def _boolean(result: ox.QueryBoolean, job: QueryJob) -> Outcome:
    fmt = job.result_format if job.result_format in ("json", "xml") else "json"
    body = result.serialize(format=RESULT_FORMATS[fmt])
    return Outcome(True, body=body, format_key=fmt, kind="boolean", rows=1)


def _solutions(result: ox.QuerySolutions, job: QueryJob) -> Outcome:
    buffer = _CappedBuffer(job.max_bytes)
    result.serialize(buffer, format=RESULT_FORMATS[job.result_format])
    body = b"".join(buffer.parts)
    rows = count_rows(body, job.result_format, job.max_rows)
    if rows > job.max_rows:
        return _too_many(job.max_rows)
    return Outcome(True, body=body, format_key=job.result_format, kind="solutions", rows=rows)


def _graph(result: ox.QueryTriples, job: QueryJob) -> Outcome:
    triples = list(islice(result, job.max_rows + 1))
    if len(triples) > job.max_rows:
        return _too_many(job.max_rows)
    body = ox.serialize(triples, format=RDF_FORMATS[job.graph_format])
    if len(body) > job.max_bytes:
        raise TooLarge(f"the result is larger than this server's limit of {job.max_bytes} bytes")
    return Outcome(True, body=body, format_key=job.graph_format, kind="graph", rows=len(triples))


def _too_many(max_rows: int) -> Outcome:
    return Outcome(False, status=400, error=(
        f"the result has more than {max_rows} rows, this server's limit: add a LIMIT "
        f"(at most {max_rows}) or narrow the query, and page with OFFSET"))


def count_rows(body: bytes, format_key: str, max_rows: int) -> int:
    """Rows in a serialised SELECT result; exact when it could exceed ``max_rows``.

    A body too short to hold ``max_rows + 1`` rows is not parsed and counts as 0 ("few"),
    which keeps the common small answer free of extra work.
    """
    if len(body) <= (max_rows + 1) * _MIN_ROW_BYTES[format_key]:
        return 0
    if format_key == "json":
        return len(json.loads(body)["results"]["bindings"])
    if format_key == "xml":
        return body.count(b"<result>")   # text content escapes '<', so this is exact
    if format_key == "tsv":
        return body.count(b"\n") - 1     # TSV escapes newlines inside terms
    return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1
