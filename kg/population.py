"""RDF population: an article's plain facts become quads in the shape of ``ontology/README.md``.

Two outputs per article: the *fact triples* (default graph; deterministic, so that a shared
node can be rebuilt from the facts of the articles that still support it) and the
*provenance quads* (the article's own named graph: metadata, extraction run, mentions).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

import pyoxigraph as ox

from kg import __version__
from kg.facts import ArticleFacts, Span
from kg.reading import Article, text_sha256
from kg.vocab import (
    DCT,
    KG,
    NIF,
    ORG,
    OWL,
    PLACE_CLASS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    WD,
    XSD,
    base_iri,
    concept,
)

SOFTWARE = ox.NamedNode("https://w3id.org/kotakg/software")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


A = _n(RDF + "type")
LABEL = _n(RDFS + "label")
ALT_LABEL = _n(SKOS + "altLabel")
XSD_DATE = _n(XSD + "date")
XSD_DECIMAL = _n(XSD + "decimal")
XSD_INTEGER = _n(XSD + "integer")
XSD_BOOLEAN = _n(XSD + "boolean")
XSD_DATETIME = _n(XSD + "dateTime")
XSD_GYEAR = _n(XSD + "gYear")
XSD_ANYURI = _n(XSD + "anyURI")

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


@dataclass(frozen=True)
class Population:
    """What one article puts in the store."""

    article: ox.NamedNode
    facts: list[Triple]
    provenance: list[ox.Quad]
    fact_count: int = 0  # places, persons, offices, events... as extraction counted them

    def quads(self) -> Iterator[ox.Quad]:
        for s, p, o in self.facts:
            yield ox.Quad(s, p, o)
        yield from self.provenance


def node(key: str) -> ox.NamedNode:
    """The IRI of an entity or fact key (``place/kota-malang``) under the configured base."""
    return _n(base_iri() + key)


def article_node(article_id: str) -> ox.NamedNode:
    """The article's IRI, which also names its provenance graph."""
    return node("article/" + quote(article_id, safe="-._~"))


def populate(article: Article, facts: ArticleFacts, started: datetime,
             ended: datetime) -> Population:
    """The fact triples and provenance quads of one extracted article."""
    triples = fact_triples(facts)
    me = article_node(article.id)
    provenance = [ox.Quad(s, p, o, me)
                  for s, p, o in provenance_triples(article, facts, triples, started, ended)]
    return Population(me, triples, provenance, sum(facts.counts().values()))


def fact_triples(facts: ArticleFacts) -> list[Triple]:
    """The default-graph triples an article's facts state (the same facts, the same triples)."""
    out: list[Triple] = []
    named = {place.key for place in facts.places}
    for place in facts.places:
        out += _place(place, named)
    for person in facts.persons:
        out += _labelled(node(person.key), KG + "Person", person.name, None, person.aliases)
    for assoc in facts.associations:
        out += _association(assoc)
    for office in facts.offices:
        out += _office(office)
    for event in facts.events:
        out += _event(event)
    for part in facts.participations:
        me, event, person = node(part.key), node(part.event), node(part.person)
        out += [(me, A, _n(KG + "Participation")), (me, _n(KG + "participant"), person),
                (me, _n(KG + "event"), event), (event, _n(SCHEMA + "attendee"), person)]
    for coop in facts.cooperations:
        out += _cooperation(coop)
    return out


def _labelled(me: ox.NamedNode, cls: str, name: str, lang: str | None,
              aliases: list[str] | tuple[str, ...] = ()) -> list[Triple]:
    out: list[Triple] = [(me, A, _n(cls)), (me, LABEL, ox.Literal(name, language=lang))]
    out += [(me, ALT_LABEL, ox.Literal(alias, language=lang))
            for alias in aliases if alias != name]
    return out


def _place(place, named: set[str]) -> list[Triple]:
    me = node(place.key)
    out: list[Triple] = [(me, A, _n(PLACE_CLASS.get(place.kind, KG + "Place"))),
                         (me, _n(SCHEMA + "name"), ox.Literal(place.name))]
    out += [(me, LABEL, ox.Literal(text, language=lang))
            for lang, text in sorted(_place_labels(place).items())]
    official = place.labels.get("id")
    if official and official != _place_labels(place)["id"]:
        out.append((me, ALT_LABEL, ox.Literal(official, language="id")))
    if place.country:
        out.append((me, _n(KG + "countryCode"), ox.Literal(place.country)))
    if place.province in named:  # the province node is stated only where an article names it
        out.append((me, _n(SCHEMA + "containedInPlace"), node(place.province)))
    if place.wikidata:
        out += [(me, _n(OWL + "sameAs"), _n(WD + place.wikidata)),
                (me, _n(KG + "linkScore"), _decimal(place.link_score or 0.0))]
    else:
        out.append((me, _n(KG + "linkStatus"), ox.Literal("unlinked")))
    return out


def _place_labels(place) -> dict[str, str]:
    """One label per language; the Indonesian one as news writes it ("DKI Jakarta"), but
    with its prefix for a kota or kabupaten ("Kota Malang", "Kabupaten Malang")."""
    labels = dict(place.labels)
    if place.kind not in ("kota", "kabupaten") or "id" not in labels:
        labels["id"] = place.name
    return labels


def _association(assoc) -> list[Triple]:
    me = node(assoc.key)
    out = _labelled(me, KG + "Association", assoc.name, None)
    if assoc.full_name:
        out.append((me, ALT_LABEL, ox.Literal(assoc.full_name, language="id")))
    if assoc.wikidata:
        out.append((me, _n(OWL + "sameAs"), _n(WD + assoc.wikidata)))
    return out


def _office(office) -> list[Triple]:
    me, post, person = node(office.key), node(office.post_key), node(office.person)
    out: list[Triple] = [
        (post, A, _n(KG + "Post")),
        (post, _n(ORG + "role"), _n(concept("role", office.role))),
        (post, _n(KG + "postOf"), node(office.of)),
        (post, _n(ORG + "heldBy"), person),
        (me, A, _n(KG + "Tenure")),
        (me, _n(KG + "holder"), person),
        (me, _n(KG + "post"), post),
    ]
    if office.acting:
        out.append((me, _n(KG + "acting"), ox.Literal("true", datatype=XSD_BOOLEAN)))
    out += _dates(me, office.start, office.end)
    return out


def _event(event) -> list[Triple]:
    me = node(event.key)
    out: list[Triple] = [(me, A, _n(KG + "Event")),
                         (me, _n(KG + "eventKind"), _n(concept("event-kind", event.kind)))]
    if event.name:
        out.append((me, LABEL, ox.Literal(event.name, language="id")))
    if event.ordinal is not None:
        out.append((me, _n(KG + "ordinal"), ox.Literal(str(event.ordinal), datatype=XSD_INTEGER)))
    if event.place:
        out.append((me, _n(SCHEMA + "location"), node(event.place)))
    if event.venue:
        out.append((me, _n(KG + "venue"), ox.Literal(event.venue)))
    if event.organizer:
        out.append((me, _n(SCHEMA + "organizer"), node(event.organizer)))
    if event.participant_count is not None:
        out.append((me, _n(KG + "participantCount"),
                    ox.Literal(str(event.participant_count), datatype=XSD_INTEGER)))
    return out + _dates(me, event.start, event.end)


def _cooperation(coop) -> list[Triple]:
    me = node(coop.key)
    out: list[Triple] = [(me, A, _n(KG + "Cooperation"))]
    out += [(me, _n(KG + "party"), node(p)) for p in coop.parties]
    out += [(me, _n(KG + "domain"), _n(concept("domain", d))) for d in coop.domains]
    if coop.status:
        out.append((me, _n(KG + "status"), _n(concept("cooperation-status", coop.status))))
    if coop.since:
        out.append((me, _n(KG + "since"), ox.Literal(coop.since, datatype=XSD_GYEAR)))
    return out + _dates(me, coop.date, None)


def _dates(me: ox.NamedNode, start: str | None, end: str | None) -> list[Triple]:
    out: list[Triple] = []
    if start:
        out.append((me, _n(SCHEMA + "startDate"), ox.Literal(start, datatype=XSD_DATE)))
    if end:
        out.append((me, _n(SCHEMA + "endDate"), ox.Literal(end, datatype=XSD_DATE)))
    return out


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.3f}", datatype=XSD_DECIMAL)


def provenance_triples(article: Article, facts: ArticleFacts, triples: list[Triple],
                       started: datetime, ended: datetime) -> Iterator[Triple]:
    """The article, its extraction run, and a mention for every supported fact."""
    me = article_node(article.id)
    run = _n(me.value + "/run")
    yield from _article_metadata(me, article, facts)
    yield from ((me, _n(KG + "describes"), s) for s in sorted({t[0] for t in triples},
                                                               key=lambda n: n.value))
    yield from [(me, _n(PROV + "wasGeneratedBy"), run), (run, A, _n(PROV + "Activity")),
                (run, _n(PROV + "wasAssociatedWith"), SOFTWARE),
                (run, _n(KG + "softwareVersion"), ox.Literal(__version__)),
                (run, _n(PROV + "startedAtTime"), _datetime(started)),
                (run, _n(PROV + "endedAtTime"), _datetime(ended))]
    for n, (target, span, confidence) in enumerate(_supports(facts), start=1):
        yield from _mention(_n(f"{me.value}/mention/{n}"), me, node(target), span, confidence)


def _article_metadata(me: ox.NamedNode, article: Article, facts: ArticleFacts) -> list[Triple]:
    out: list[Triple] = [
        (me, A, _n(SCHEMA + "NewsArticle")), (me, A, _n(PROV + "Entity")),
        (me, _n(KG + "articleId"), ox.Literal(article.id)),
        (me, _n(KG + "textSha256"), ox.Literal(text_sha256(article.text))),
        (me, _n(KG + "text"), ox.Literal(article.text)),
        (me, _n(KG + "factsJson"), ox.Literal(json.dumps(facts.to_json(), ensure_ascii=False))),
    ]
    if article.url:
        out.append((me, _n(SCHEMA + "url"), ox.Literal(article.url, datatype=XSD_ANYURI)))
    if article.title:
        out.append((me, _n(SCHEMA + "headline"), ox.Literal(article.title)))
    if article.published:
        kind = XSD_DATETIME if "T" in article.published else XSD_DATE
        out.append((me, _n(SCHEMA + "datePublished"), ox.Literal(article.published, datatype=kind)))
    if article.source:
        source = quote(article.source, safe=":/?#[]@!$&'()*+,;=%-._~")
        out.append((me, _n(PROV + "wasDerivedFrom"), _n(source)))
    out.append((me, _n(DCT + "creator"), SOFTWARE))
    return out


def _supports(facts: ArticleFacts) -> Iterator[tuple[str, Span, float]]:
    groups = [facts.places, facts.persons, facts.associations, facts.offices, facts.events,
              facts.participations, facts.cooperations]
    for group in groups:
        for item in group:
            confidence = getattr(item, "confidence", 1.0)
            for span in item.mentions:
                yield item.key, span, confidence


def _mention(me: ox.NamedNode, article: ox.NamedNode, target: ox.NamedNode, span: Span,
             confidence: float) -> list[Triple]:
    return [(me, A, _n(KG + "Mention")), (me, _n(KG + "supports"), target),
            (me, _n(KG + "inArticle"), article),
            (me, _n(NIF + "beginIndex"), ox.Literal(str(span.start), datatype=XSD_INTEGER)),
            (me, _n(NIF + "endIndex"), ox.Literal(str(span.end), datatype=XSD_INTEGER)),
            (me, _n(NIF + "anchorOf"), ox.Literal(span.text)),
            (me, _n(KG + "confidence"), _decimal(confidence))]


def _datetime(moment: datetime) -> ox.Literal:
    return ox.Literal(moment.isoformat(timespec="seconds"), datatype=XSD_DATETIME)
