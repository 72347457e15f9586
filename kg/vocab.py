"""Namespaces and the IRIs kotakg mints: one place to read the vocabulary the graph uses.

The ontology (``ontology/kotakg.ttl``) declares every ``KG`` term used here; concept
schemes (``ontology/schemes.ttl``) hold the codes as ``skos:notation``.
"""

import os

KG = "https://w3id.org/kotakg/ontology#"
CONCEPT = "https://w3id.org/kotakg/concept/"
DEFAULT_BASE = "https://w3id.org/kotakg/resource/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {
    "kotakg": KG, "concept": CONCEPT, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
    "skos": SKOS, "schema": SCHEMA, "org": ORG, "prov": PROV, "time": TIME, "nif": NIF,
    "dct": DCT, "foaf": FOAF, "wd": WD,
}

# Classes the extraction's place kinds map to.
PLACE_CLASS = {
    "kota": KG + "City",
    "kabupaten": KG + "Regency",
    "province": KG + "Province",
    "country": KG + "Country",
    "foreign-city": KG + "ForeignCity",
    "place": KG + "Place",
}

# Concept schemes: scheme name in the IRI -> the codes are their skos:notation.
SCHEMES = ("role", "event-kind", "cooperation-status", "domain")

# The graph that holds the ontology and concept schemes when loaded into a store.
ONTOLOGY_GRAPH = "https://w3id.org/kotakg/ontology"


def concept(scheme: str, code: str) -> str:
    """The IRI of a code in one of the concept schemes.

    >>> concept("role", "mayor")
    'https://w3id.org/kotakg/concept/role/mayor'
    """
    return f"{CONCEPT}{scheme}/{code}"


def base_iri() -> str:
    """The base under which entity IRIs are minted (``KOTAKG_BASE``, else the default)."""
    base = os.environ.get("KOTAKG_BASE") or DEFAULT_BASE
    return base if base.endswith(("/", "#")) else base + "/"


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, for queries kotakg builds itself."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
