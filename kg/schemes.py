"""The concept schemes (``ontology/schemes.ttl``) as Python sets and lookup tables.

Extraction maps wording ("wawako", "Rakernas", "pariwisata") to codes through the same
SKOS labels the graph publishes, so the words it knows and the codes queries read cannot
drift apart in two hand-written tables.
"""

from __future__ import annotations

from functools import cache

import rdflib
from rdflib.namespace import SKOS

from kg.resources import ontology_dir
from kg.vocab import CONCEPT, SCHEMES


@cache
def _schemes_graph() -> rdflib.Graph:
    """schemes.ttl, parsed once per process."""
    graph = rdflib.Graph()
    graph.parse(ontology_dir() / "schemes.ttl", format="turtle")
    return graph


def _scheme_iri(scheme: str) -> rdflib.URIRef:
    if scheme not in SCHEMES:
        raise KeyError(f"unknown concept scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    return rdflib.URIRef(CONCEPT + scheme)


@cache
def _concepts(scheme: str) -> dict[rdflib.term.Node, str]:
    """The scheme's concepts, each with its code (``skos:notation``)."""
    graph = _schemes_graph()
    return {c: str(graph.value(c, SKOS.notation))
            for c in graph.subjects(SKOS.inScheme, _scheme_iri(scheme))}


def codes(scheme: str) -> set[str]:
    """The codes of a scheme (``role``, ``event-kind``, ``cooperation-status``, ``domain``).

    >>> "mayor" in codes("role")
    True

    :raises KeyError: if ``scheme`` is not one of kotakg's schemes.
    """
    return set(_concepts(scheme).values())


def synonyms(scheme: str) -> dict[str, str]:
    """Every lower-cased prefLabel and altLabel (Indonesian and English) -> its code.

    >>> synonyms("role")["wawako"], synonyms("event-kind")["rakernas"]
    ('deputy-mayor', 'national-working-meeting')

    :raises KeyError: if ``scheme`` is not one of kotakg's schemes.
    :raises ValueError: if one wording names two concepts of the scheme (schemes.ttl is wrong).
    """
    return dict(_synonyms(scheme))


@cache
def _synonyms(scheme: str) -> dict[str, str]:
    graph = _schemes_graph()
    table: dict[str, str] = {}
    for concept_node, code in _concepts(scheme).items():
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(concept_node, predicate):
                wording = str(label).strip().lower()
                if table.setdefault(wording, code) != code:
                    raise ValueError(f"{scheme}: {wording!r} labels both "
                                     f"{table[wording]!r} and {code!r}")
    return table
