"""Query results written in the format a user asked for."""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from kg.errors import UnsupportedFormat

RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}


def write_results(results, format_name: str | None, stream: IO[str]) -> None:
    """Serialise SELECT/ASK results or CONSTRUCT/DESCRIBE triples to ``stream``.

    :raises UnsupportedFormat: when the format does not fit the kind of result.
    """
    if isinstance(results, ox.QueryTriples):
        chosen = GRAPH_FORMATS.get(format_name or "turtle")
        if chosen is None:
            raise UnsupportedFormat(f"{format_name}: a CONSTRUCT or DESCRIBE result is a graph; "
                                    f"choose from {', '.join(GRAPH_FORMATS)}")
        stream.flush()
        results.serialize(stream.buffer, chosen)
        return
    if format_name in (None, "table"):
        stream.write(table(results))
        return
    chosen = RESULT_FORMATS.get(format_name)
    if chosen is None:
        raise UnsupportedFormat(f"{format_name}: a SELECT or ASK result is a table; "
                                f"choose from table, {', '.join(RESULT_FORMATS)}")
    stream.flush()
    results.serialize(stream.buffer, chosen)


def table(results) -> str:
    """A plain-text table, columns padded to their widest value."""
    if isinstance(results, ox.QueryBoolean):
        return f"{bool(results)}\n".lower()
    names = [v.value for v in results.variables]
    rows = [[_cell(row[name]) for name in names] for row in results]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out) + f"\n({len(rows)} rows)\n"


def _cell(term) -> str:
    return "" if term is None else term.value
