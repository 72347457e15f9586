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
    return [_DatelineMention(span.start, span.end, surface, candidates)] if candidates else []


@dataclass(frozen=True)
class _DatelineMention:
    """Shaped like the gazetteer's mentions, which the dateline does not come from."""

    start: int
    end: int
    surface: str
    candidates: list[Entry]
    cue: str | None = None


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
