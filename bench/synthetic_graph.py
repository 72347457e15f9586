"""A synthetic kotakg-shaped graph of any size, for benchmarks (ontology/README.md's shape).

Default graph: places (kota, kabupaten, provinces), people, posts, tenures, events,
participations and cooperations, with kotakg's IRIs and properties. Named graphs: one per
article, with its metadata and mentions. Deterministic for a given seed, so every server
in a benchmark run loads exactly the same triples.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

KG = "https://w3id.org/kotakg/ontology#"
BASE = "https://w3id.org/kotakg/resource/"
CONCEPT = "https://w3id.org/kotakg/concept/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
FIRST = ("Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Andi", "Rina", "Joko", "Wati",
         "Hendra", "Nur", "Bambang", "Yuni", "Eko", "Lestari", "Ahmad", "Ratna", "Dedi", "Ika")
LAST = ("Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Setiawan",
        "Nugroho", "Gunawan", "Susanto", "Halim", "Siregar", "Nasution", "Lubis", "Sitompul")
KINDS = ("national-working-meeting", "national-congress", "regional-meeting", "working-visit",
         "signing", "festival", "other")
DOMAINS = ("tourism", "education", "economy", "trade", "investment", "culture", "health")
ROLES = ("mayor", "deputy-mayor", "regent", "deputy-regent")


def iri(path: str) -> str:
    """A kotakg entity IRI, N-Triples style."""
    return f"<{BASE}{path}>"


def lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    """An N-Triples literal (the generated text needs no escaping beyond quotes)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"@{lang}' if lang else f'"{text}"^^<{XSD}{dtype}>' if dtype else f'"{text}"'


class Shape:
    """How many of each node: scaled so the default graph has about ``triples`` triples."""

    def __init__(self, triples: int):
        unit = max(1, triples // 1_000_000)
        self.provinces = 38
        self.places = 514
        self.people = 80_000 * unit
        self.tenures = 80_000 * unit
        self.events = 26_000 * unit
        self.participations = 30_000 * unit
        self.cooperations = 5_000 * unit
        self.articles = 10_000 * unit


def default_graph(shape: Shape, rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """The knowledge graph's triples."""
    for p in range(shape.provinces):
        node = iri(f"place/province-{p}")
        yield node, RDF_TYPE, f"<{KG}Province>"
        yield node, LABEL, lit(f"Provinsi {p}", "id")
    for c in range(shape.places):
        kind = "kota" if c % 2 == 0 else "kabupaten"
        node = iri(f"place/{kind}-{c}")
        yield node, RDF_TYPE, f"<{KG}{'City' if kind == 'kota' else 'Regency'}>"
        yield node, LABEL, lit(f"{kind.title()} {c}", "id")
        yield node, f"<{SCHEMA}name>", lit(f"{kind.title()} {c}")
        yield node, f"<{SCHEMA}containedInPlace>", iri(f"place/province-{c % shape.provinces}")
        for role in ROLES[:2] if kind == "kota" else ROLES[2:]:
            post = iri(f"post/{role}-{kind}-{c}")
            yield post, RDF_TYPE, f"<{KG}Post>"
            yield post, "<http://www.w3.org/ns/org#role>", f"<{CONCEPT}role/{role}>"
            yield post, f"<{KG}postOf>", node
    yield from _people_and_tenures(shape, rng)
    yield from _events(shape, rng)


def _people_and_tenures(shape: Shape, rng: random.Random) -> Iterator[tuple[str, str, str]]:
    for i in range(shape.people):
        node = iri(f"person/p{i}")
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        yield node, RDF_TYPE, f"<{KG}Person>"
        yield node, LABEL, lit(name)
        yield node, ALT, lit(name.upper())
        yield node, f"<{SCHEMA}name>", lit(name)
    for t in range(shape.tenures):
        c = rng.randrange(shape.places)
        kind = "kota" if c % 2 == 0 else "kabupaten"
        role = rng.choice(ROLES[:2] if kind == "kota" else ROLES[2:])
        node = iri(f"tenure/t{t}")
        yield node, RDF_TYPE, f"<{KG}Tenure>"
        yield node, f"<{KG}holder>", iri(f"person/p{t % shape.people}")
        yield node, f"<{KG}post>", iri(f"post/{role}-{kind}-{c}")
        yield node, f"<{SCHEMA}startDate>", lit(f"{2000 + t % 25}-01-01", dtype="date")
        if t % 5 == 0:
            yield node, f"<{KG}acting>", lit("true", dtype="boolean")


def _events(shape: Shape, rng: random.Random) -> Iterator[tuple[str, str, str]]:
    for e in range(shape.events):
        kind = KINDS[e % len(KINDS)]
        node = iri(f"event/{kind}-{e}")
        c = rng.randrange(shape.places)
        yield node, RDF_TYPE, f"<{KG}Event>"
        yield node, f"<{KG}eventKind>", f"<{CONCEPT}event-kind/{kind}>"
        yield node, LABEL, lit(f"{kind} {e}", "id")
        yield node, f"<{SCHEMA}location>", iri(f"place/{'kota' if c % 2 == 0 else 'kabupaten'}-{c}")
        yield node, f"<{SCHEMA}startDate>", lit(f"20{10 + e % 15}-0{1 + e % 9}-1{e % 9}",
                                                 dtype="date")
        yield node, f"<{KG}participantCount>", lit(str(10 + e % 90), dtype="integer")
        for a in range(3):
            yield node, f"<{SCHEMA}attendee>", iri(f"person/p{(e * 3 + a) % shape.people}")
    for p in range(shape.participations):
        node = iri(f"participation/x{p}")
        yield node, RDF_TYPE, f"<{KG}Participation>"
        yield node, f"<{KG}participant>", iri(f"person/p{p % shape.people}")
        yield node, f"<{KG}event>", iri(f"event/{KINDS[p % shape.events % len(KINDS)]}-"
                                         f"{p % shape.events}")
    for k in range(shape.cooperations):
        node = iri(f"cooperation/c{k}")
        yield node, RDF_TYPE, f"<{KG}Cooperation>"
        for c in (k % shape.places, (k * 7 + 3) % shape.places):
            yield node, f"<{KG}party>", iri(f"place/{'kota' if c % 2 == 0 else 'kabupaten'}-{c}")
        yield node, f"<{KG}domain>", f"<{CONCEPT}domain/{DOMAINS[k % len(DOMAINS)]}>"
        yield node, f"<{KG}since>", lit(str(2000 + k % 25), dtype="gYear")


def article_graphs(shape: Shape) -> Iterator[tuple[str, str, str, str]]:
    """Each article's provenance graph: metadata and a few mentions."""
    for a in range(shape.articles):
        art = iri(f"article/a{a}")
        yield art, RDF_TYPE, f"<{SCHEMA}NewsArticle>", art
        yield art, f"<{KG}articleId>", lit(f"a{a}"), art
        yield art, f"<{SCHEMA}headline>", lit(f"Berita kota nomor {a}", "id"), art
        yield art, f"<{SCHEMA}datePublished>", lit(f"2024-0{1 + a % 9}-1{a % 9}", dtype="date"), art
        for m in range(4):
            mention = iri(f"article/a{a}/mention/{m}")
            yield mention, f"<{KG}supports>", iri(f"person/p{(a * 4 + m) % shape.people}"), art
            yield mention, f"<{KG}inArticle>", art, art
            yield mention, "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" \
                           "anchorOf>", lit(f"mention {m}"), art


def write(folder: Path, triples: int = 1_000_000, seed: int = 7) -> tuple[Path, Path, int]:
    """Write ``default.nt`` (the knowledge graph) and ``all.nq`` (it plus the articles'
    graphs) into ``folder``; returns both paths and the default graph's triple count."""
    folder.mkdir(parents=True, exist_ok=True)
    shape, rng = Shape(triples), random.Random(seed)
    nt, nq, count = folder / "default.nt", folder / "all.nq", 0
    with nt.open("w") as out_nt, nq.open("w") as out_nq:
        for s, p, o in default_graph(shape, rng):
            line = f"{s} {p} {o} .\n"
            out_nt.write(line)
            out_nq.write(line)
            count += 1
        for s, p, o, g in article_graphs(shape):
            out_nq.write(f"{s} {p} {o} {g} .\n")
    return nt, nq, count
