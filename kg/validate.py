"""Check a store against kotakg's contract: SHACL shapes, then OWL 2 consistency (HermiT).

What is checked is the union of the default graph (the facts) and every article's named
graph (articles, runs, mentions): mentions point from the named graphs into the default
graph, so neither half validates alone. Other named graphs (the ontology's copy, the
Wikidata enrichment cache) are not kotakg's claims and are left out. The ontology and the
concept schemes are added from ``ontology/`` so a store without them still validates.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import cache

import owlready2
import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDF, SH

from kg.resources import ontology_dir
from kg.vocab import KG, PREFIXES, base_iri

VOCABULARY_FILES = ("kotakg.ttl", "schemes.ttl")


@dataclass
class ValidationReport:
    """The outcome of both checks; ``ok`` only when the shapes hold and HermiT agrees."""

    conforms: bool  # SHACL: every shape holds
    shacl_text: str
    violations: list[str]  # one readable line per SHACL result, then any OWL clash
    owl_consistent: bool
    owl_text: str
    triples: int = 0

    @property
    def ok(self) -> bool:
        return self.conforms and self.owl_consistent


def validate_store(store: ox.Store) -> ValidationReport:
    """Validate the store's facts and articles with the SHACL shapes and with HermiT.

    >>> report = validate_store(ox.Store())
    >>> report.ok, report.violations
    (True, [])
    """
    data = dataset_ntriples(store)
    graph = rdflib.Graph()
    graph.parse(data=data + vocabulary_ntriples(), format="nt")
    conforms, shacl_text, violations = check_shacl(graph)
    consistent, owl_text = check_owl(data + vocabulary_ntriples())
    if not consistent:
        violations += [f"OWL: {clash}" for clash in disjoint_clashes(graph)] or [
            "OWL: the graph is inconsistent with the ontology (HermiT)"]
    return ValidationReport(conforms, shacl_text, violations, consistent, owl_text, len(graph))


def article_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The named graphs that are articles: each holds its own ``kotakg:articleId``."""
    rows = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{KG}articleId> ?id }} }}")
    return sorted((row["g"] for row in rows), key=lambda g: g.value)


def dataset_ntriples(store: ox.Store) -> bytes:
    """Default graph plus article graphs as one N-Triples document, written by Oxigraph.

    Oxigraph's blank nodes are store-wide, so the concatenated dumps are the graphs' union.
    """
    graphs = [ox.DefaultGraph(), *article_graphs(store)]
    return b"".join(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) for g in graphs)


@cache
def vocabulary_ntriples() -> bytes:
    """The ontology and concept schemes as N-Triples, the format both checkers read fast."""
    return b"".join(ox.serialize(ox.parse(path=str(ontology_dir() / name),
                                          format=ox.RdfFormat.TURTLE),
                                 format=ox.RdfFormat.N_TRIPLES)
                    for name in VOCABULARY_FILES)


@cache
def _shapes() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return graph


def check_shacl(graph: rdflib.Graph) -> tuple[bool, str, list[str]]:
    """Run the shapes over ``graph`` (data, ontology and schemes together).

    No inference: targets and ``sh:class`` already follow ``rdfs:subClassOf`` in the data,
    and RDFS range inference would turn a wrong value into a "right" type instead of a
    violation.
    """
    conforms, results, text = shacl_validate(graph, shacl_graph=_shapes(), inference="none",
                                             allow_warnings=True)
    return bool(conforms), str(text), shacl_violations(results)


def shacl_violations(results: rdflib.Graph) -> list[str]:
    """One line per result: severity, focus node, path, message and offending value."""
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def get(predicate, result=result):
            return results.value(result, predicate)
        severity = str(get(SH.resultSeverity) or SH.Violation).removeprefix(str(SH))
        path, value = get(SH.resultPath), get(SH.value)
        line = f"{severity}: {short(get(SH.focusNode))}"
        line += f" {short(path)}" if path is not None else ""
        line += f": {get(SH.resultMessage) or 'does not conform'}"
        line += f" (value: {short(value)})" if value is not None else ""
        lines.append(line)
    return sorted(lines)


def check_owl(ntriples: bytes) -> tuple[bool, str]:
    """Ask HermiT (through owlready2, in a world of its own) whether the graph is consistent.

    xsd:date and xsd:gYear are outside the OWL 2 datatype map, so HermiT is told to ignore
    unsupported datatypes; the SHACL shapes check those values instead.
    """
    world = owlready2.World()
    try:
        world.get_ontology("https://w3id.org/kotakg/validation").load(
            fileobj=io.BytesIO(ntriples), format="ntriples")
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0,
                                       ignore_unsupported_datatypes=True)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, "OWL 2 (HermiT): inconsistent"
    except (owlready2.OwlReadyJavaError, OSError) as e:  # OSError: no Java on the PATH
        logging.getLogger(__name__).warning("HermiT failed: %s", e)
        return False, f"OWL 2 (HermiT): could not reason: {e}"
    finally:
        world.close()
    return True, "OWL 2 (HermiT): consistent"


def disjoint_clashes(graph: rdflib.Graph) -> list[str]:
    """Nodes typed with two disjoint classes: the usual reason HermiT finds the graph
    inconsistent, named so that a user can find the node."""
    query = """
    PREFIX owl: <http://www.w3.org/2002/07/owl#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?x ?a ?b WHERE {
      { ?a owl:disjointWith ?b }
      UNION { ?all a owl:AllDisjointClasses ; owl:members ?list .
              ?list rdf:rest*/rdf:first ?a . ?list rdf:rest*/rdf:first ?b . FILTER (?a != ?b) }
      ?x rdf:type/rdfs:subClassOf* ?a . ?x rdf:type/rdfs:subClassOf* ?b .
      FILTER (STR(?a) < STR(?b))
    }"""
    return sorted(f"{short(row.x)} is both {short(row.a)} and {short(row.b)}, which are disjoint"
                  for row in graph.query(query))


def short(term: rdflib.term.Node | None) -> str:
    """A term as a person reads it: ``:tenure/…`` for kotakg's own nodes, prefixes elsewhere."""
    if isinstance(term, rdflib.URIRef):
        text = str(term)
        if text.startswith(base_iri()):
            return ":" + text[len(base_iri()):]
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return f"<{text}>"
    if isinstance(term, rdflib.Literal):
        return repr(str(term)) if len(str(term)) <= 60 else repr(str(term)[:57] + "...")
    return str(term) if term is not None else "?"


def format_report(report: ValidationReport) -> str:
    """The report as ``kotakg validate`` prints it."""
    head = (f"SHACL: {'conforms' if report.conforms else 'does not conform'} "
            f"({report.triples} triples checked)")
    lines = [head, report.owl_text, *report.violations]
    lines.append("valid" if report.ok else f"invalid: {len(report.violations)} problem(s)")
    return "\n".join(lines)
