"""The persistent Oxigraph store: opening it, and the operations on articles' graphs."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.facts import ArticleFacts
from kg.population import fact_triples
from kg.resources import ontology_dir
from kg.vocab import KG, ONTOLOGY_GRAPH, OWL, SCHEMA, base_iri


def default_store_path() -> Path:
    """``KOTAKG_STORE`` if set, else ``$XDG_DATA_HOME/kotakg/store``."""
    if os.environ.get("KOTAKG_STORE"):
        return Path(os.environ["KOTAKG_STORE"])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "kotakg" / "store"


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False) -> ox.Store:
    """Open (creating it when writable) the Oxigraph store in the directory ``path``.

    :raises StoreError: if the directory is not a store, is locked, or cannot be read.
    """
    location = Path(path) if path else default_store_path()
    try:
        if read_only:
            if not location.is_dir():
                raise StoreError(f"{location}: no store there (run `kotakg ingest` first)")
            return ox.Store.read_only(str(location))
        location.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(location))
    except OSError as e:
        raise StoreError(f"{location}: cannot open the store: {e}") from e


def ensure_ontology(store: ox.Store) -> None:
    """Load the ontology and concept schemes into the default graph, once per version.

    A copy is kept in its own named graph, so that an upgrade can take exactly the old
    version's triples out of the default graph before adding the new ones.
    """
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    files = [ontology_dir() / "kotakg.ttl", ontology_dir() / "schemes.ttl"]
    files = [path for path in files if path.exists()]
    fingerprint = ox.Quad(graph, ox.NamedNode(KG + "sourceHash"),
                          ox.Literal(_files_hash(files)), graph)
    if fingerprint in store:
        return
    for quad in list(store.quads_for_pattern(None, None, None, graph)):
        store.remove(quad)
        store.remove(ox.Quad(quad.subject, quad.predicate, quad.object))
    new: list[ox.Quad] = [fingerprint]
    for path in files:
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            new += [ox.Quad(t.subject, t.predicate, t.object, graph),
                    ox.Quad(t.subject, t.predicate, t.object)]
    store.extend(new)


def _files_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def existing_articles(store: ox.Store) -> dict[tuple[str, str], ox.NamedNode]:
    """Every stored article under each of its identities: ("id"|"url"|"sha", value) -> IRI."""
    query = f"""PREFIX kotakg: <{KG}> PREFIX schema: <{SCHEMA}>
    SELECT ?g ?id ?url ?sha WHERE {{ GRAPH ?g {{ ?g kotakg:articleId ?id ;
        kotakg:textSha256 ?sha . OPTIONAL {{ ?g schema:url ?url }} }} }}"""
    found: dict[tuple[str, str], ox.NamedNode] = {}
    for row in store.query(query):
        for kind in ("id", "url", "sha"):
            if row[kind] is not None:
                found[(kind, row[kind].value)] = row["g"]
    return found


def find_article(store: ox.Store, reference: str) -> ox.NamedNode | None:
    """The stored article whose id or URL is ``reference``."""
    known = existing_articles(store)
    return known.get(("id", reference)) or known.get(("url", reference))


def remove_articles(store: ox.Store, articles: list[ox.NamedNode]) -> int:
    """Drop the articles' graphs and every default-graph fact that only they supported.

    Nodes that other articles also describe are rebuilt from those articles' stored facts,
    so a domain or participant told only by a removed article goes with it. Returns the
    number of default-graph triples removed.
    """
    if not articles:
        return 0
    gone = set(articles)
    affected = {row["s"] for row in store.query(
        f"SELECT DISTINCT ?s WHERE {{ VALUES ?a {{ {_values(gone)} }} "
        f"GRAPH ?a {{ ?a <{KG}describes> ?s }} }}")}
    before = count_default_graph(store)
    for article in gone:
        store.remove_graph(article)
    links = []
    for subject in affected:
        for quad in list(store.quads_for_pattern(subject, None, None, ox.DefaultGraph())):
            if quad.predicate.value in LINK_PREDICATES:
                links.append(quad)
            store.remove(quad)
    rebuilt = _rebuilt(store, affected)
    store.extend(rebuilt + _kept_links(links, rebuilt))
    keep_best_link_scores(store)
    return before - count_default_graph(store)


def keep_best_link_scores(store: ox.Store) -> None:
    """One ``kotakg:linkScore`` per node: articles link a place with more or less evidence,
    and the graph keeps the best of their scores."""
    score = ox.NamedNode(KG + "linkScore")
    rows = store.query(f"SELECT DISTINCT ?s WHERE {{ ?s <{score.value}> ?a, ?b "
                       f"FILTER (?a != ?b) }}")
    for subject in [row["s"] for row in rows]:
        scores = list(store.quads_for_pattern(subject, score, None, ox.DefaultGraph()))
        best = max(scores, key=lambda q: float(q.object.value))
        for quad in scores:
            if quad != best:
                store.remove(quad)


def _kept_links(links: list[ox.Quad], rebuilt: list[ox.Quad]) -> list[ox.Quad]:
    """Links made after ingest (``kotakg link --online``) of nodes that stay and that the
    articles' own facts do not link: rebuilding from the facts alone would lose them."""
    remaining = {q.subject for q in rebuilt}
    linked = {q.subject for q in rebuilt if q.predicate.value == OWL + "sameAs"}
    return [q for q in links if q.subject in remaining and q.subject not in linked]


LINK_PREDICATES = {OWL + "sameAs", KG + "linkScore"}


def _rebuilt(store: ox.Store, subjects: set) -> list[ox.Quad]:
    """The triples about ``subjects`` that the remaining articles still state."""
    if not subjects:
        return []
    rows = store.query(
        f"SELECT DISTINCT ?b ?json WHERE {{ VALUES ?s {{ {_values(subjects)} }} "
        f"GRAPH ?b {{ ?b <{KG}describes> ?s ; <{KG}factsJson> ?json }} }}")
    quads: list[ox.Quad] = []
    for row in rows:
        facts = ArticleFacts.from_json(json.loads(row["json"].value))
        quads += [ox.Quad(s, p, o) for s, p, o in fact_triples(facts) if s in subjects]
    return quads


def _values(nodes: set) -> str:
    return " ".join(str(n) for n in nodes)


def count_default_graph(store: ox.Store) -> int:
    return int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def stats(store: ox.Store) -> dict:
    """Articles, graphs, triples, and entities per class in the knowledge graph."""
    def count(query: str) -> int:
        return int(next(iter(store.query(query)))["n"].value)

    classes = {row["c"].value: int(row["n"].value) for row in store.query(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c . "
        f"FILTER(STRSTARTS(STR(?s), \"{base_iri()}\")) }} GROUP BY ?c ORDER BY DESC(?n)")}
    return {
        "articles": count(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ "
                          f"?g <{KG}articleId> ?id }} }}"),
        "graphs": sum(1 for _ in store.named_graphs()),
        "triples_default_graph": count_default_graph(store),
        "quads_total": len(store),
        "entities_per_class": classes,
    }
