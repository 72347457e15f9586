"""Serve an N-Quads file with rdflib-endpoint, with kotakg's dataset semantics.

``rdflib-endpoint serve FILE`` parses into ``Dataset(default_union=True)``: its default
graph is the union of every graph, so a query of the knowledge graph would also read every
article's provenance graph. kotakg and Oxigraph answer the default graph alone, so this
launcher builds the Dataset with ``default_union=False`` (quads without a graph go to the
default graph) and serves it with rdflib-endpoint's own ``SparqlEndpoint`` app and uvicorn,
as its README shows for programmatic use. Same answers as the other servers, and less work
for rdflib than its CLI's union.

Run with the Python of the environment holding rdflib-endpoint::

    V/bin/python bench/rdflib_server.py all.nq --port 8001
"""

from __future__ import annotations

import argparse
import sys
import time

import uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    started = time.perf_counter()
    dataset = Dataset(default_union=False)
    dataset.parse(args.nquads, format="nquads")
    quads = sum(len(graph) for graph in dataset.graphs())
    print(f"loaded {quads} quads in {time.perf_counter() - started:.0f} s", file=sys.stderr,
          flush=True)
    uvicorn.run(SparqlEndpoint(graph=dataset), host=args.host, port=args.port,
                log_level="warning")


if __name__ == "__main__":
    main()
