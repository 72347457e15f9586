"""Extraction: an article's text becomes plain facts (no RDF), each with its supporting words.

``extract(article)`` runs the steps in order: clean the text (offsets kept), find the
dateline, associations, places, dates and sentences, then officials, events, participation
and cooperation.
"""

from __future__ import annotations

from kg.cleaning import clean_article
from kg.dates import date_from_url, find_dates, parse_iso_date
from kg.extraction.associations import find_associations
from kg.extraction.cooperation import find_cooperations
from kg.extraction.events import extend_end, find_event_mentions, participant_count
from kg.extraction.grouping import (
    add_references,
    article_events,
    article_persons,
    assign_participants,
    heads_of_state,
    main_event,
    offices_of,
)
from kg.extraction.officials import PLACE_ROLES, find_officials
from kg.extraction.places import drop_places_in_names, find_places
from kg.extraction.text import sentences
from kg.facts import ArticleFacts, Association, Cooperation, Span
from kg.reading import Article

__all__ = ["extract"]


def extract(article: Article) -> ArticleFacts:
    """The facts one article states, with the character spans that support each."""
    cleaned = clean_article(article.text)
    text, dateline = cleaned.text, cleaned.dateline
    published = (parse_iso_date(article.published) or parse_iso_date(cleaned.page_date)
                 or date_from_url(article.url))
    associations = find_associations(text)
    hits, places = find_places(text, dateline, [(a.start, a.end) for a in associations])
    dates = find_dates(text, published)
    segments = sentences(text)

    officials = find_officials(text, hits, associations)
    hits = drop_places_in_names(hits, places, officials)
    persons = article_persons(text, officials)
    offices = offices_of(text, officials, persons)
    add_references(text, offices, persons, {h.start: h.key for h in hits})

    mentions = find_event_mentions(text, segments, hits, associations, dates)
    for mention in mentions:
        extend_end(text, mention, dates, segments)
    dateline_place = next((h.key for h in hits if dateline and h.start == dateline[0].start),
                          None)
    body_start = dateline[0].start if dateline else 0
    events = article_events(mentions, dateline_place, participant_count(text), published,
                            body_start)
    participations = assign_participants(segments, persons, events, mentions,
                                         main_event(events, body_start),
                                         heads_of_state(text, officials, persons),
                                         frozenset(o.person for o in offices
                                                   if o.role in PLACE_ROLES))

    facts = ArticleFacts(places=list(places.values()), persons=list(persons.values()),
                         associations=_associations(text, associations), offices=offices,
                         events=[e.event for e in events], participations=participations)
    facts.cooperations = [Cooperation(parties=list(m.parties), status=m.status,
                                      domains=sorted(m.domains), since=m.since,
                                      confidence=0.8, mentions=m.spans)
                          for m in find_cooperations(text, segments, hits)]
    return facts


def _associations(text: str, mentions) -> list[Association]:
    found: dict[str, Association] = {}
    for m in mentions:
        known = m.association
        assoc = found.setdefault(known.key, Association(known.key, known.name, known.full_name))
        assoc.mentions.append(Span(m.start, m.end, text[m.start:m.end]))
    return list(found.values())
