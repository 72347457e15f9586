"""The SPARQL 1.1 Service Description of ``/sparql`` (https://www.w3.org/TR/sparql11-service-description/).

It tells clients what the endpoint is before they query it: languages, result formats,
features, limits, and above all the dataset's shape: the default graph is the knowledge
graph, and every article's provenance is a named graph (use ``GRAPH ?g`` to read them).
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from endpoint.execute import RDF_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG",
                  "N-Quads")
DATASET_NOTE = (
    "The default graph is the kotakg knowledge graph (with its ontology and concept "
    "schemes): each fact once, however many articles tell it. Every news article's "
    "provenance (metadata, extraction run, mentions with text offsets) is a named graph "
    "named by the article's IRI: query those with GRAPH ?g { ... }. The default graph is "
    "not the union of the named graphs.")


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def service_triples(endpoint: str, config: dict[str, Any]) -> list[ox.Triple]:
    """The description's triples for the endpoint at ``endpoint`` under ``config``."""
    service, dataset, graph = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("defaultEntailmentRegime"),
                  ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, RDFS_COMMENT, ox.Literal(DATASET_NOTE, language="en")),
        ox.Triple(dataset, _sd("defaultGraph"), graph),
        ox.Triple(graph, RDF_TYPE, _sd("Graph")),
        ox.Triple(service, RDFS_COMMENT, ox.Literal(_limits(config), language="en")),
    ]
    triples += [ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + name))
                for name in RESULT_FORMATS]
    if config.get("KOTAKG_UPDATE_TOKEN"):
        triples.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if config.get("KOTAKG_SERVICE_ALLOWLIST"):
        triples.append(ox.Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    return triples


def _limits(config: dict[str, Any]) -> str:
    return (f"Queries stop after {config['KOTAKG_TIMEOUT']:g} s (the timeout parameter may "
            f"lower this); results over {config['KOTAKG_MAX_ROWS']} rows are refused; "
            f"requests over {config['MAX_CONTENT_LENGTH']} bytes are refused. Updates and "
            f"the Graph Store Protocol need a bearer token "
            f"({'enabled' if config.get('KOTAKG_UPDATE_TOKEN') else 'disabled'}).")


def describe_service(endpoint: str, format_key: str, config: dict[str, Any]) -> bytes:
    """The description serialised as ``format_key`` (an ``endpoint.execute`` RDF key)."""
    return ox.serialize(service_triples(endpoint, config), format=RDF_FORMATS[format_key],
                        prefixes={"sd": SD, "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
