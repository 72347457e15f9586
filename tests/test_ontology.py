"""The ontology, concept schemes and shapes keep the contract of ontology/README.md, and
validation tells a well-formed store from a broken one."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from conftest import ROOT
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.resources import ontology_dir
from kg.schemes import codes, synonyms
from kg.validate import check_owl, format_report, validate_store, vocabulary_ntriples
from kg.vocab import CONCEPT, KG, PREFIXES, SCHEMES, concept

README = (ontology_dir() / "README.md").read_text(encoding="utf-8")
WELLFORMED = ROOT / "tests" / "data" / "wellformed.trig"
OWL_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
BUILT_INS = {str(OWL.sameAs), str(RDFS.label)}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in ("kotakg.ttl", "schemes.ttl"):
        graph.parse(ontology_dir() / name, format="turtle")
    return graph


def readme_terms(prefixes: str) -> set[str]:
    """Full IRIs of the ``prefix:term`` names ontology/README.md uses."""
    found = re.findall(rf"\b({prefixes}):([A-Za-z][A-Za-z0-9]*)\b", README)
    return {PREFIXES[prefix] + local for prefix, local in found}


def readme_codes() -> dict[str, set[str]]:
    """The codes README lists under "Codes", per scheme."""
    section = README.split("## Codes", 1)[1]
    bullets = re.findall(r"^- `concept:([a-z-]+)/…`:(.*?)(?=^- |\Z)", section, re.M | re.S)
    return {scheme: {item.strip(" .\n") for item in re.split(r"[,()]", body)
                     if re.fullmatch(r"[a-z]+(-[a-z]+)*", item.strip(" .\n"))}
            for scheme, body in bullets}


def languages(graph: rdflib.Graph, subject: rdflib.URIRef, predicate) -> set[str]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, rdflib.Literal)}


def test_ontology_files_parse_and_name_their_version(ontology):
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    header = rdflib.URIRef("https://w3id.org/kotakg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert str(ontology.value(header, OWL.versionInfo)) == "0.1.0"
    assert len(shapes) > 100


def test_hermit_finds_ontology_and_schemes_consistent():
    consistent, text = check_owl(vocabulary_ntriples())
    assert consistent, text


def test_every_kotakg_term_of_the_readme_is_declared_in_both_languages(ontology):
    terms = readme_terms("kotakg")
    assert len(terms) >= 35  # guards the pattern: README names about forty
    for iri in map(rdflib.URIRef, sorted(terms)):
        assert set(ontology.objects(iri, RDF.type)) & OWL_KINDS, f"{iri} is not declared"
        assert {"id", "en"} <= languages(ontology, iri, RDFS.label), f"{iri} labels"
        assert {"id", "en"} <= languages(ontology, iri, SKOS.definition), f"{iri} definitions"


def test_every_borrowed_term_of_the_readme_has_an_owl_kind(ontology):
    """Undeclared external terms would leave HermiT to guess, and OWL 2 DL to break."""
    terms = readme_terms("schema|org|prov|nif|skos|dct|foaf") - BUILT_INS
    assert len(terms) > 20
    undeclared = [t for t in terms if not set(ontology.objects(rdflib.URIRef(t), RDF.type))
                  & OWL_KINDS]
    assert undeclared == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_scheme_holds_exactly_the_codes_of_the_readme(ontology, scheme):
    assert codes(scheme) == readme_codes()[scheme]
    for code in codes(scheme):
        node = rdflib.URIRef(concept(scheme, code))
        notation = ontology.value(node, SKOS.notation)
        assert notation == rdflib.Literal(code), f"{node} notation {notation!r}"
        assert notation.datatype in (None, XSD.string) and notation.language is None
        assert (node, SKOS.inScheme, rdflib.URIRef(CONCEPT + scheme)) in ontology
        assert {"id", "en"} <= languages(ontology, node, SKOS.prefLabel)


def test_synonyms_map_indonesian_wording_to_codes():
    assert synonyms("role")["pj wali kota"] == "mayor"
    assert synonyms("role")["wawako"] == "deputy-mayor"
    assert synonyms("role")["ketum"] == "chair"
    assert synonyms("event-kind")["munaslub"] == "extraordinary-congress"
    assert synonyms("event-kind")["nota kesepahaman"] == "signing"
    assert synonyms("domain")["penanaman modal"] == "investment"
    assert synonyms("domain")["pengelolaan sampah"] == "environment"
    assert synonyms("domain")["ekonomi kreatif"] == "creative-economy"
    with pytest.raises(KeyError):
        codes("colour")


def test_a_wellformed_store_validates_clean(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(WELLFORMED), format=ox.RdfFormat.TRIG)
    report = validate_store(store)
    assert report.violations == []
    assert report.conforms and report.owl_consistent and report.ok
    assert format_report(report).endswith("valid")


BREAKAGE = f"""
PREFIX kotakg: <{KG}>
PREFIX schema: <https://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
BASE <https://w3id.org/kotakg/resource/>
DELETE DATA {{ <tenure/0a1b2c3d4e5f6a7b> kotakg:holder <person/m-anton> }} ;
DELETE DATA {{ <event/national-working-meeting-1a2b3c4d> schema:endDate "2017-07-20"^^xsd:date }} ;
INSERT DATA {{ <event/national-working-meeting-1a2b3c4d> schema:endDate "2017-07-01"^^xsd:date }} ;
INSERT DATA {{ <person/m-anton> a kotakg:City }} ;
DELETE DATA {{ GRAPH <article/demo-1> {{ <article/demo-1/mention/2> nif:beginIndex 17 }} }} ;
INSERT DATA {{ GRAPH <article/demo-1> {{ <article/demo-1/mention/2> nif:beginIndex 30 }} }} ;
DELETE DATA {{ GRAPH <article/demo-1> {{
    <article/demo-1/mention/3> nif:anchorOf "Rakernas XIII Apeksi" }} }} ;
INSERT DATA {{ GRAPH <article/demo-1> {{ <article/demo-1/mention/3> nif:anchorOf "Munas" }} }}
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The well-formed graph with a tenure lacking its holder, an event ending before it
    starts, a person also typed as a kota, and two mentions whose offsets are wrong."""
    store = ox.Store(str(tmp_path_factory.mktemp("broken")))
    store.load(path=str(WELLFORMED), format=ox.RdfFormat.TRIG)
    store.update(BREAKAGE)
    return validate_store(store)


def lines_about(report, *words: str) -> list[str]:
    return [line for line in report.violations if all(word in line for word in words)]


def test_broken_store_fails_both_checks(broken):
    assert not broken.conforms and not broken.owl_consistent and not broken.ok
    assert "invalid" in format_report(broken)


def test_tenure_without_holder_is_named(broken):
    assert lines_about(broken, ":tenure/0a1b2c3d4e5f6a7b", "kotakg:holder", "exactly one")


def test_event_ending_before_it_starts_is_named(broken):
    assert lines_about(broken, ":event/national-working-meeting-1a2b3c4d",
                       "schema:startDate is after schema:endDate")


def test_mention_beginning_after_its_end_is_named(broken):
    assert lines_about(broken, ":article/demo-1/mention/2", "nif:beginIndex is after")


def test_mention_whose_words_are_not_at_its_offsets_is_named(broken):
    assert lines_about(broken, ":article/demo-1/mention/3", "nif:anchorOf Munas is not",
                       "Rakernas XIII Apeksi")


def test_person_typed_as_a_kota_is_an_owl_inconsistency_naming_the_node(broken):
    assert "inconsistent" in broken.owl_text
    assert lines_about(broken, "OWL:", ":person/m-anton", "kotakg:Person", "disjoint")
