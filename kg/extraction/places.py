"""Places in an article: gazetteer mentions, each linked (or not) to one entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.facts import Place, Span, slug
from kg.gazetteer import Entry, load_gazetteer
from kg.linking import article_context, choose

# "Kolonial Belanda" is the Dutch colonial era, not the Netherlands as a place.
_ADJECTIVAL = re.compile(r"(?:kolonial|penjajahan|zaman|era)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceHit:
    """One mention of a place: where it is and which place it is."""

    start: int
    end: int
    key: str
    kind: str
    country: str | None


def find_places(text: str, dateline: tuple[Span, str] | None,
                excluded: list[tuple[int, int]]) -> tuple[list[PlaceHit], dict[str, Place]]:
    """Place mentions outside ``excluded`` spans (association names), and the places."""
    gazetteer = load_gazetteer()
    mentions = [m for m in gazetteer.find_mentions(text)
                if not _inside(m.start, m.end, excluded)
                and not _ADJECTIVAL.search(text[max(0, m.start - 12):m.start])]
    if dateline:
        mentions += _dateline_mention(gazetteer, dateline, mentions)
    mentions.sort(key=lambda m: m.start)
    mentions = _with_unlisted_cities(text, mentions, gazetteer)
    context = article_context(text, mentions)
    hits: list[PlaceHit] = []
    places: dict[str, Place] = {}
    for mention in mentions:
        entry, score = choose(mention.candidates, cue=mention.cue, context=context)
        place = places.get(entry.key) if entry else None
        if place is None:
            place = _place(entry, score, mention.surface, mention.cue)
            places[place.key] = place
        elif place.wikidata and score > (place.link_score or 0):
            place.link_score = round(score, 3)  # the best-evidenced mention settles it
        place.mentions.append(Span(mention.start, mention.end, text[mention.start:mention.end]))
        hits.append(PlaceHit(mention.start, mention.end, place.key, place.kind, place.country))
    return hits, places


def _dateline_mention(gazetteer, dateline: tuple[Span, str], found: list) -> list:
    """The dateline city ("MALANG -") is a mention even in capitals."""
    span, surface = dateline
    if any(m.start <= span.start < m.end for m in found):
        return []
    candidates = gazetteer.candidates(surface)
    return [_ExtraMention(span.start, span.end, surface, candidates)] if candidates else []


# "Kota Brisbane, Australia", "Wali Kota Mossel (Afrika Selatan)": a city the index lacks,
# named as a city of a named country.
_CITY_OF_COUNTRY = re.compile(r"(?:\b[Kk]ota|Walikota)\s+(?P<name>[A-Z][\w'’-]+"
                              r"(?:\s+[A-Z][\w'’-]+){0,2})(?:,\s*|\s*\(\s*|\s+di\s+)$")


def _with_unlisted_cities(text: str, mentions: list, gazetteer) -> list:
    """Add foreign cities the gazetteer lacks, written as "Kota X, <country>"."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for mention in mentions:
        countries = [e for e in mention.candidates if e.kind == "country" and e.country != "ID"]
        if not countries:
            continue
        before = _CITY_OF_COUNTRY.search(text, max(0, mention.start - 60), mention.start)
        if not before or any(s < before.end("name") and before.start("name") < e
                             for s, e in taken):
            continue
        city = Entry(key=f"place/{countries[0].country.lower()}-{slug(before.group('name'))}",
                     name=before.group("name"), kind="foreign-city",
                     country=countries[0].country, province=None, wikidata=None,
                     population=None, labels={}, aliases=())
        added.append(_ExtraMention(before.start("name"), before.end("name"),
                                      before.group("name"), [city], "kota"))
    return sorted(mentions + added, key=lambda m: m.start)


@dataclass(frozen=True)
class _ExtraMention:
    """Shaped like the gazetteer's mentions, for places found around it (the dateline,
    cities the index lacks)."""

    start: int
    end: int
    surface: str
    candidates: list[Entry]
    cue: str | None = None


def drop_places_in_names(hits: list[PlaceHit], places: dict[str, Place],
                         officials: list) -> list[PlaceHit]:
    """ "Wali Kota Fukuoka Soichiro Takashima": a town's name inside a person's name is the
    person's. Drops those mentions, and places left with none."""
    names = [(f.name_start, f.name_end) for f in officials]
    kept = [h for h in hits if not _inside(h.start, h.end, names)]
    for key, place in list(places.items()):
        place.mentions = [m for m in place.mentions if not _inside(m.start, m.end, names)]
        if not place.mentions:
            del places[key]
    return kept


def _place(entry: Entry | None, score: float, surface: str, cue: str | None) -> Place:
    if entry is None:
        kind = {"kota": "kota", "kabupaten": "kabupaten", "province": "province"}.get(cue or "",
                                                                                     "place")
        return Place(key=f"place/{slug(surface)}", name=surface.title() if surface.isupper()
                     else surface, kind="place" if kind == "place" else kind,
                     link_score=None)
    return Place(key=entry.key, name=entry.name, kind=entry.kind, country=entry.country,
                 province=entry.province, wikidata=entry.wikidata, link_score=round(score, 3),
                 labels=dict(entry.labels))


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)
