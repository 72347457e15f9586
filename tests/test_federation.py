"""``queries/federated-wikidata.rq`` joins kotakg's graph with Wikidata through the links:
run here with its SERVICE pointed at the local Wikidata-shaped server."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from wikidata_server import wikidata_endpoint_fixture  # noqa: F401

from kg.resources import queries_dir

SAMPLE = Path(__file__).parent / "data" / "kotakg-sample.ttl"
WIKIDATA = "https://query.wikidata.org/sparql"


def test_federated_query_joins_links_with_wikidata_population(wikidata_endpoint: str) -> None:
    query = (queries_dir() / "federated-wikidata.rq").read_text(encoding="utf-8")
    assert f"SERVICE <{WIKIDATA}>" in query
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TURTLE)
    rows = [(row["place"].value.rsplit("/", 1)[-1], row["wikidata"].value.rsplit("/", 1)[-1],
             int(row["population"].value), row["coordinates"].value)
            for row in store.query(query.replace(WIKIDATA, wikidata_endpoint))]
    # Most populous first; Nonsan is linked but is no Indonesian kota/kabupaten: not asked.
    assert rows == [("kabupaten-malang", "Q11095", 2654448, "Point(112.63 -8.0)"),
                    ("kota-malang", "Q11445", 843810, "Point(112.62 -7.98)")]
