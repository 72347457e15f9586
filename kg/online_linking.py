"""Link what the offline gazetteer could not, by asking Wikidata (or any SPARQL endpoint).

Offline linking happens at ingest, from the gazetteer. ``kotakg link --online`` then looks up
the entities the graph holds without ``owl:sameAs`` (persons, associations, places marked
``kotakg:linkStatus "unlinked"``) by their labels, in batches, with type constraints: a person
must be human (P31 Q5), and is likelier the one whose position held (P39) is a mayor's,
regent's or governor's, best of the very place the graph says they hold office in (P1001); a
place must lie in the country the graph gives it (P17) and have coordinates (P625).
``--enrich`` copies coordinates, country, parent unit and population of the linked places into
the named graph :data:`ENRICH_GRAPH`, with where and when they were read.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import click
import pyoxigraph as ox

from kg.errors import KotakgError
from kg.gazetteer import load_gazetteer
from kg.linking import LINK_THRESHOLD, LinkContext, choose
from kg.sparql_client import (
    USER_AGENT,
    WIKIDATA_SPARQL,
    Binding,
    SparqlClient,
    qid,
    sparql_string,
    term_value,
)
from kg.store import open_store
from kg.vocab import KG, OWL, PLACE_CLASS, PROV, RDFS, SCHEMA, SKOS, WD, XSD

ENRICH_GRAPH = "https://w3id.org/kotakg/graph/wikidata"
WDT = "http://www.wikidata.org/prop/direct/"
ENRICHED = ("P625", "P17", "P131", "P1082")  # coordinates, country, parent unit, population
OFFICE_WORDS = re.compile(r"mayor|regent|governor|wali ?kota|bupati|gubernur", re.IGNORECASE)
LANGS = ("id", "en", "mul")  # Wikidata gives names of people a "mul" label

PREFIXES = f"""PREFIX wd: <{WD}>
PREFIX wdt: <{WDT}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
"""


@dataclass
class Unlinked:
    """An entity of the graph without a Wikidata link, and what helps to find it."""

    iri: str
    kind: str  # person | association | place
    labels: set[str] = field(default_factory=set)
    country: str | None = None  # ISO code, places
    places: set[str] = field(default_factory=set)  # QIDs of places a person holds office of


@dataclass
class LinkReport:
    """What a linking run did."""

    looked_up: dict[str, int] = field(default_factory=dict)
    linked: dict[str, int] = field(default_factory=dict)
    enriched: int = 0  # triples written to the enrichment graph
    requests: int = 0
    cache_hits: int = 0

    def summary(self) -> str:
        kinds = sorted(set(self.looked_up) | set(self.linked))
        parts = [f"{k}: {self.linked.get(k, 0)}/{self.looked_up.get(k, 0)} linked" for k in kinds]
        return ("; ".join(parts) or "nothing to link") + (
            f"; {self.enriched} enrichment triples" if self.enriched else "") + (
            f" ({self.requests} queries, {self.cache_hits} from cache)")


def unlinked_entities(store: ox.Store) -> list[Unlinked]:
    """Persons and associations without ``owl:sameAs``, places marked unlinked."""
    query = f"""PREFIX kotakg: <{KG}> PREFIX owl: <{OWL}> PREFIX rdfs: <{RDFS}>
    PREFIX skos: <{SKOS}> PREFIX schema: <{SCHEMA}>
    SELECT ?s ?kind ?label ?country WHERE {{
      {{ ?s a kotakg:Person BIND("person" AS ?kind) FILTER NOT EXISTS {{ ?s owl:sameAs ?x }} }}
      UNION {{ ?s a kotakg:Association BIND("association" AS ?kind)
               FILTER NOT EXISTS {{ ?s owl:sameAs ?x }} }}
      UNION {{ ?s kotakg:linkStatus "unlinked" BIND("place" AS ?kind)
               OPTIONAL {{ ?s kotakg:countryCode ?country }} }}
      ?s rdfs:label|skos:altLabel|schema:name ?label .
    }}"""
    found: dict[str, Unlinked] = {}
    for row in store.query(query):
        me = found.setdefault(row["s"].value, Unlinked(row["s"].value, row["kind"].value))
        me.labels.add(row["label"].value)
        if row["country"] is not None:
            me.country = row["country"].value
    for person, place in _office_places(store):
        if person in found:
            found[person].places.add(place)
    return sorted(found.values(), key=lambda u: u.iri)


def _office_places(store: ox.Store) -> list[tuple[str, str]]:
    """(person IRI, QID) of each linked place or association a person holds a post of."""
    query = f"""PREFIX kotakg: <{KG}> PREFIX owl: <{OWL}>
    SELECT ?person ?wd WHERE {{ ?t kotakg:holder ?person ; kotakg:post ?post .
      ?post kotakg:postOf ?of . ?of owl:sameAs ?wd }}"""
    return [(row["person"].value, qid(row["wd"].value)) for row in store.query(query)]


def values_block(entities: list[Unlinked]) -> str:
    """``VALUES ?label {...}`` with every label of the entities in each language."""
    labels = sorted({label for e in entities for label in e.labels})
    terms = " ".join(sparql_string(label, lang) for label in labels for lang in LANGS)
    return f"VALUES ?label {{ {terms} }}"


def person_query(batch: list[Unlinked]) -> str:
    return PREFIXES + f"""SELECT ?label ?item ?positionLabel ?jurisdiction WHERE {{
  {values_block(batch)}
  ?item rdfs:label|skos:altLabel ?label ; wdt:P31 wd:Q5 .
  OPTIONAL {{ ?item wdt:P39 ?position .
    OPTIONAL {{ ?position rdfs:label ?positionLabel FILTER(LANG(?positionLabel) = "en") }}
    OPTIONAL {{ ?position wdt:P1001 ?jurisdiction }} }}
}}"""


def place_query(batch: list[Unlinked]) -> str:
    return PREFIXES + f"""SELECT DISTINCT ?label ?item ?country WHERE {{
  {values_block(batch)}
  ?item rdfs:label|skos:altLabel ?label ; wdt:P31 ?class ; wdt:P625 ?coordinates .
  OPTIONAL {{ ?item wdt:P17 ?country }}
}}"""


def association_query(batch: list[Unlinked]) -> str:
    return PREFIXES + f"""SELECT DISTINCT ?label ?item ?country WHERE {{
  {values_block(batch)}
  ?item rdfs:label|skos:altLabel ?label ; wdt:P31 ?class .
  FILTER NOT EXISTS {{ ?item wdt:P31 wd:Q5 }}
  OPTIONAL {{ ?item wdt:P17 ?country }}
}}"""


QUERIES = {"person": person_query, "place": place_query, "association": association_query}


def _by_label(rows: list[Binding]) -> dict[str, dict[str, list[Binding]]]:
    """label -> item QID -> its rows."""
    out: dict[str, dict[str, list[Binding]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        out[term_value(row, "label")][qid(term_value(row, "item"))].append(row)
    return out


def _items(entity: Unlinked, found: dict[str, dict[str, list[Binding]]]) -> dict[str, list]:
    """Every item any label of the entity names, with all its rows."""
    items: dict[str, list[Binding]] = defaultdict(list)
    for label in entity.labels:
        for item, rows in found.get(label, {}).items():
            items[item] += rows
    return items


def score_person(entity: Unlinked, items: dict[str, list[Binding]]) -> tuple[str | None, float]:
    """Humans of that name: the one holding office in the person's own place wins, then the
    one holding a mayor's, regent's or governor's post; a lone namesake scores low."""
    local = [i for i, rows in items.items()
             if any(qid(term_value(r, "jurisdiction") or "") in entity.places for r in rows)]
    official = [i for i, rows in items.items()
                if any(OFFICE_WORDS.search(term_value(r, "positionLabel") or "") for r in rows)]
    if len(local) == 1:
        return local[0], 0.95
    if len(official) == 1:
        return official[0], 0.85 if len(items) == 1 else 0.75
    if len(items) == 1:
        return next(iter(items)), 0.6
    return None, 0.3 if items else 0.0


def score_place(entity: Unlinked, items: dict[str, list[Binding]],
                countries: dict[str, str]) -> tuple[str | None, float]:
    """Items with coordinates, in the country the graph gives the place."""
    wanted = countries.get(entity.country or "")
    if wanted:
        items = {i: rows for i, rows in items.items()
                 if any(qid(term_value(r, "country") or "") == wanted for r in rows)}
    if len(items) == 1:
        return next(iter(items)), 0.85 if wanted else 0.6
    return None, 0.3 if items else 0.0


def score_association(entity: Unlinked, items: dict[str, list[Binding]],
                      indonesia: str | None) -> tuple[str | None, float]:
    """An association of that name; Indonesian ones (P17 Indonesia) first."""
    local = [i for i, rows in items.items()
             if any(qid(term_value(r, "country") or "") == indonesia for r in rows)]
    if len(local) == 1:
        return local[0], 0.8
    if len(items) == 1:
        return next(iter(items)), 0.55
    return None, 0.3 if items else 0.0


def lookup(client: SparqlClient, entities: list[Unlinked],
           batch_size: int) -> dict[str, tuple[str, float]]:
    """IRI -> (QID, score) for each entity found with a score at or above the threshold."""
    countries = _country_qids()
    links: dict[str, tuple[str, float]] = {}
    for kind, build in QUERIES.items():
        todo = [e for e in entities if e.kind == kind]
        for start in range(0, len(todo), batch_size):
            batch = todo[start:start + batch_size]
            found = _by_label(client.select(build(batch)))
            for e in batch:
                items = _items(e, found)
                if kind == "person":
                    item, score = score_person(e, items)
                elif kind == "place":
                    item, score = score_place(e, items, countries)
                else:
                    item, score = score_association(e, items, countries.get("ID"))
                if item and score >= LINK_THRESHOLD:
                    links[e.iri] = (item, score)
    return links


def _country_qids() -> dict[str, str]:
    """ISO code -> QID of each country, from the gazetteer."""
    return {e.country: e.wikidata for e in load_gazetteer().entries
            if e.kind == "country" and e.wikidata}


def add_links(store: ox.Store, links: dict[str, tuple[str, float]]) -> None:
    """Write each link as the graph's contract says: sameAs, score, no "unlinked" status."""
    for iri, (item, score) in links.items():
        me = ox.NamedNode(iri)
        store.remove(ox.Quad(me, ox.NamedNode(KG + "linkStatus"), ox.Literal("unlinked")))
        for old in list(store.quads_for_pattern(me, ox.NamedNode(KG + "linkScore"), None,
                                                ox.DefaultGraph())):
            store.remove(old)
        store.extend([
            ox.Quad(me, ox.NamedNode(OWL + "sameAs"), ox.NamedNode(WD + item)),
            ox.Quad(me, ox.NamedNode(KG + "linkScore"),
                    ox.Literal(f"{score:.3f}", datatype=ox.NamedNode(XSD + "decimal"))),
        ])


def link_offline(store: ox.Store) -> dict[str, tuple[str, float]]:
    """Link unlinked places whose label the gazetteer knows unambiguously (for graphs built
    before the gazetteer learned a name); no article context, so only sure choices count."""
    gaz = load_gazetteer()
    links = {}
    for e in unlinked_entities(store):
        if e.kind != "place":
            continue
        for label in sorted(e.labels):
            entry, score = choose(gaz.candidates(label), cue=None, context=LinkContext())
            if entry and entry.wikidata and (not e.country or entry.country == e.country):
                links[e.iri] = (entry.wikidata, score)
                break
    add_links(store, links)
    return links


def enrich_places(store: ox.Store, client: SparqlClient, batch_size: int) -> int:
    """Copy P625/P17/P131/P1082 of every linked place into :data:`ENRICH_GRAPH`."""
    classes = " ".join(f"<{c}>" for c in PLACE_CLASS.values())
    query = f"""SELECT DISTINCT ?wd WHERE {{ VALUES ?class {{ {classes} }}
      ?s a ?class ; <{OWL}sameAs> ?wd }}"""
    items = sorted({row["wd"].value for row in store.query(query)})
    graph = ox.NamedNode(ENRICH_GRAPH)
    quads = []
    for start in range(0, len(items), batch_size):
        batch = " ".join(f"<{i}>" for i in items[start:start + batch_size])
        props = " ".join(f"wdt:{p}" for p in ENRICHED)
        rows = client.select(PREFIXES + f"""SELECT ?item ?p ?o WHERE {{
  VALUES ?item {{ {batch} }} VALUES ?p {{ {props} }} ?item ?p ?o }}""")
        quads += [ox.Quad(ox.NamedNode(term_value(r, "item")), ox.NamedNode(term_value(r, "p")),
                          term, graph) for r in rows if (term := _term(r["o"])) is not None]
    store.remove_graph(graph)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    quads += [ox.Quad(graph, ox.NamedNode(PROV + "wasDerivedFrom"),
                      ox.NamedNode(client.endpoint), graph),
              ox.Quad(graph, ox.NamedNode(PROV + "generatedAtTime"),
                      ox.Literal(now, datatype=ox.NamedNode(XSD + "dateTime")), graph)]
    store.extend(quads)
    return len(quads) - 2


def _term(term: dict[str, str]) -> ox.NamedNode | ox.Literal | None:
    """A SPARQL JSON result term as a pyoxigraph term (blank nodes are not kept)."""
    if term["type"] == "uri":
        return ox.NamedNode(term["value"])
    if term["type"] in {"literal", "typed-literal"}:
        if "xml:lang" in term:
            return ox.Literal(term["value"], language=term["xml:lang"])
        if "datatype" in term:
            return ox.Literal(term["value"], datatype=ox.NamedNode(term["datatype"]))
        return ox.Literal(term["value"])
    return None


def link_online(store: ox.Store, endpoint_url: str = WIKIDATA_SPARQL, *,
                cache_dir: str | os.PathLike | None = None, timeout: float = 120.0,
                user_agent: str = USER_AGENT, batch_size: int = 50,
                enrich: bool = False) -> LinkReport:
    """Link the graph's unlinked entities by asking the endpoint; optionally enrich places.

    :raises EndpointTimeout: if the endpoint does not answer within ``timeout`` seconds.
    :raises EndpointError: if the endpoint rejects a query or keeps failing.
    """
    client = SparqlClient(endpoint_url, Path(cache_dir) if cache_dir else None, timeout,
                          user_agent)
    entities = unlinked_entities(store)
    links = lookup(client, entities, batch_size)
    add_links(store, links)
    report = LinkReport()
    kinds = {e.iri: e.kind for e in entities}
    for e in entities:
        report.looked_up[e.kind] = report.looked_up.get(e.kind, 0) + 1
    for iri in links:
        report.linked[kinds[iri]] = report.linked.get(kinds[iri], 0) + 1
    if enrich:
        report.enriched = enrich_places(store, client, batch_size)
    report.requests, report.cache_hits = client.requests, client.cache_hits
    return report


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/kotakg/wikidata``: answers kept between runs."""
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "kotakg" / "wikidata"


@click.command("link")
@click.option("--online/--offline", default=False, show_default=True,
              help="Also ask a SPARQL endpoint (Wikidata) for what the gazetteer lacks.")
@click.option("--endpoint", default=WIKIDATA_SPARQL, show_default=True, metavar="URL",
              help="SPARQL endpoint to ask in --online mode.")
@click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="KOTAKG_STORE",
              show_envvar=True, help="Store directory (default: $XDG_DATA_HOME/kotakg/store).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              default=lambda: str(default_cache_dir()), show_default="$XDG_CACHE_HOME/kotakg/"
              "wikidata", help="Folder of cached endpoint answers.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=120.0, show_default=True,
              metavar="S", help="Give up when the endpoint has not answered in S seconds.")
@click.option("--batch-size", type=click.IntRange(1, 500), default=50, show_default=True,
              help="Names per query.")
@click.option("--enrich", is_flag=True,
              help=f"With --online: copy coordinates, country, parent unit and population of "
                   f"linked places into the graph <{ENRICH_GRAPH}>.")
def link_command(online: bool, endpoint: str, store_path: str | None, cache_dir: str,
                 timeout: float, batch_size: int, enrich: bool) -> None:
    """Link places, associations and officials of the graph to Wikidata.

    Offline (the default), places still unlinked are looked up again in the bundled
    gazetteer. --online then asks the endpoint by label for the rest.
    """
    if enrich and not online:
        raise click.UsageError("--enrich needs --online")
    try:
        store = open_store(store_path)
        offline = link_offline(store)
        click.echo(f"offline: {len(offline)} places linked from the gazetteer", err=True)
        if online:
            report = link_online(store, endpoint, cache_dir=cache_dir, timeout=timeout,
                                 batch_size=batch_size, enrich=enrich)
            click.echo(f"online: {report.summary()}", err=True)
        store.flush()
    except KotakgError as e:
        raise click.ClickException(e.message) from e
