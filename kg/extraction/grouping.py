"""Gathering an article's mentions into its persons, offices, events and participations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kg.extraction.associations import ASSOCIATIONS
from kg.extraction.events import SHORT_NAMES, EventMention
from kg.extraction.names import person_key, strip_titles, words
from kg.extraction.officials import PLACE_ROLES, Found
from kg.extraction.text import Segment, segment_at
from kg.facts import Event, Office, Participation, Person, Span, digest

SCORED_ASSOCIATION_ROLES = {"chair", "vice-chair", "secretary-general", "executive-director"}
ROMAN = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def article_persons(text: str, officials: list[Found]) -> dict[str, Person]:
    """One Person per individual: name variants within the article fold into the fullest."""
    persons: dict[str, Person] = {}
    for found in sorted(officials, key=lambda f: -len(strip_titles(f.name).split())):
        name = strip_titles(found.name)
        key = _known_as(persons, name) or person_key(name)
        person = persons.setdefault(key, Person(key, name))
        if name != person.name and name not in person.aliases:
            person.aliases.append(name)
    for person in persons.values():
        person.mentions = _name_spans(text, person, persons)
    return persons


def _known_as(persons: dict[str, Person], name: str) -> str | None:
    """The key of a person whose fuller name contains all the words of ``name``."""
    mine = set(words(person_key(name).removeprefix("person/").replace("-", " ")))
    for key in persons:
        theirs = set(key.removeprefix("person/").split("-"))
        if mine and mine <= theirs:
            return key
    return None


def _name_spans(text: str, person: Person, persons: dict[str, Person]) -> list[Span]:
    """Where the article names the person: full forms, and a unique first or last word."""
    forms = {person.name, *person.aliases}
    tokens = person.name.split()
    others = [p for p in persons.values() if p is not person]
    for token in (tokens[0], tokens[-1]) if len(tokens) > 1 else ():
        bare = token.rstrip(".")
        if len(bare) >= 3 and bare[0].isupper() and not any(bare in o.name.split()
                                                            for o in others):
            forms.add(bare)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len,
                                                                          reverse=True))
                         + r")(?![\w’'-])")
    return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def offices_of(text: str, officials: list[Found], persons: dict[str, Person]) -> list[Office]:
    """An office for every role that names what it is of (a place or an association)."""
    offices: dict[tuple[str, str, str], Office] = {}
    for found in officials:
        key = _known_as(persons, strip_titles(found.name)) or person_key(found.name)
        for code, of, acting in found.roles:
            if of is None or (code in PLACE_ROLES) != of.startswith("place/"):
                continue
            if of.startswith("association/") and code not in SCORED_ASSOCIATION_ROLES:
                continue
            office = offices.setdefault((key, code, of), Office(key, code, of, acting=acting,
                                                                confidence=0.9))
            office.mentions.append(Span(found.start, found.name_end,
                                        text[found.start:found.name_end]))
    return list(offices.values())


@dataclass
class ArticleEvent:
    """An event of the article and the trigger mentions that report it."""

    event: Event
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def future(self) -> bool:
        return all(m.future or m.reference for m in self.mentions)


def article_events(mentions: list[EventMention], dateline_place: str | None,
                   count: tuple[int, Span] | None, published: date | None,
                   body_start: int = 0) -> list[ArticleEvent]:
    """Mentions that can be one event become one; visits need a place; a signing during a
    visit takes the visit's place; others default to the dateline's city."""
    groups: list[list[EventMention]] = []
    for mention in mentions:
        group = next((g for g in groups if _compatible(g, mention)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    events: list[ArticleEvent] = []
    for group in groups:
        visit = _visit_around(group, groups)
        if visit is None and _placeless_plan(group):
            continue
        place = _first(visit, "place") if visit and not _first(group, "place") else None
        begin = _first(visit, "begin") if visit else None
        event = _event(group, place or dateline_place, published, begin)
        if event is not None:
            events.append(ArticleEvent(event, group))
    main = main_event(events, body_start)
    if count and main and main.event.kind != "working-visit":
        main.event.participant_count = count[0]
        main.event.mentions.append(count[1])
    return events


def main_event(events: list[ArticleEvent], body_start: int) -> ArticleEvent | None:
    """The event the article reports: the first not merely announced, in the body (after
    the dateline) when the body names one; captions and headlines come before it."""
    reported = [e for e in events if not e.future]
    in_body = [e for e in reported if any(m.start >= body_start for m in e.mentions)]
    return (in_body or reported or [None])[0]


def _placeless_plan(group: list[EventMention]) -> bool:
    """ "rencana penandatanganan MoU": a plan naming neither place nor day is no event."""
    return all(m.future for m in group) and _first(group, "place") is None \
        and _first(group, "begin") is None


def _visit_around(group: list[EventMention],
                  groups: list[list[EventMention]]) -> list[EventMention] | None:
    """ "Kunjungan ini bertujuan ... menandatangani ...": a signing told in the same sentence
    as a visit happens during it, so where and (unless it says otherwise) when it does."""
    if group[0].kind != "signing":
        return None
    sentences = {m.sentence.index for m in group}
    return next((visit for visit in groups if visit[0].kind == "working-visit"
                 and _first(visit, "place")
                 and any(m.sentence.index in sentences for m in visit)), None)


def _first(group: list[EventMention], attribute: str):
    """The first value a mention of ``group`` gives ``attribute``, or None."""
    return next((getattr(m, attribute) for m in group if getattr(m, attribute) is not None),
                None)


def _compatible(group: list[EventMention], mention: EventMention) -> bool:
    if group[0].kind != mention.kind:
        return False
    for attribute in ("organizer", "ordinal", "place", "begin", "title"):
        ours = {getattr(m, attribute) for m in group} - {None}
        theirs = getattr(mention, attribute)
        if ours and theirs is not None and theirs not in ours:
            return False
    return True


def _event(group: list[EventMention], fallback_place: str | None, published: date | None,
           fallback_begin: str | None = None) -> Event | None:
    def first(attribute: str):
        return _first(group, attribute)

    kind, place = group[0].kind, first("place")
    if kind == "working-visit" and (place is None or all(m.future for m in group)):
        return None
    place = place or fallback_place
    organizer, ordinal = first("organizer"), first("ordinal")
    start = first("begin") or fallback_begin
    year = start[:4] if start else (str(published.year) if published else None)
    if organizer and ordinal:
        parts: tuple = (kind, organizer, str(ordinal))
    elif start:
        parts = (kind, place, start)
    else:
        parts = (kind, organizer, place, year)
    label = first("title") or SHORT_NAMES[kind]
    name = " ".join(x for x in (label, _short(organizer), _roman(ordinal), year) if x)
    return Event(key=f"event/{kind}-{digest(*parts)}", kind=kind, name=name, ordinal=ordinal,
                 place=place, start=start, end=first("finish"), organizer=organizer,
                 confidence=0.8, mentions=[s for m in group for s in m.spans])


def _short(organizer: str | None) -> str | None:
    """The organiser's short name for an event's label ("Rakernas Apeksi XVI 2023")."""
    names = {a.key: a.name for a in ASSOCIATIONS}
    return names.get(organizer or "")


def _roman(number: int | None) -> str | None:
    if not number:
        return None
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def assign_participants(segments: list[Segment], persons: dict[str, Person],
                        events: list[ArticleEvent], mentions: list[EventMention],
                        main: ArticleEvent | None, bystanders: set[str],
                        heads: frozenset[str] = frozenset()) -> list[Participation]:
    """Each person takes part in the event reported in their sentence, else the nearest in
    their paragraph, else the article's main event; announced events get no participants.
    Bystanders (heads of state named in passing) count only in the event's own sentence."""
    owner = {id(m): e for e in events for m in e.mentions}
    reported = [m for m in mentions if not m.future and not m.reference and id(m) in owner]
    found: dict[tuple[str, str], Participation] = {}
    for person in persons.values():
        for span in person.mentions:
            event = _event_for(span, segments, reported, owner, person.key in bystanders)
            event = event or (None if person.key in bystanders else main)
            if event is None:
                continue
            key = (event.event.key, person.key)
            part = found.setdefault(key, Participation(event.event.key, person.key, 0.7))
            part.mentions.append(span)
    _signers_from_visits(events, found, heads)
    return list(found.values())


def _signers_from_visits(events: list[ArticleEvent],
                         found: dict[tuple[str, str], Participation], heads: set[str]) -> None:
    """ "Kunjungan ini sekaligus menandatangani ...": a signing told within a visit, naming no
    one itself, is signed by the heads of the places (mayors, regents, governors) on the visit."""
    for signing in (e for e in events if e.event.kind == "signing"):
        if any(event == signing.event.key for event, _ in found):
            continue
        sentences = {m.sentence.index for m in signing.mentions}
        visits = [e for e in events if e.event.kind == "working-visit"
                  and any(m.sentence.index in sentences for m in e.mentions)]
        for visit in visits[:1]:
            for (event, person), part in list(found.items()):
                if event == visit.event.key and person in heads:
                    found[(signing.event.key, person)] = Participation(
                        signing.event.key, person, 0.6,
                        mentions=[*part.mentions, *signing.mentions[0].spans[:1]])


def _event_for(span: Span, segments: list[Segment], reported: list[EventMention],
               owner: dict[int, ArticleEvent], same_sentence_only: bool) -> ArticleEvent | None:
    sentence = segment_at(segments, span.start)
    if sentence is None:
        return None
    same = [m for m in reported if m.sentence.index == sentence.index]
    if same:
        return owner[id(min(same, key=lambda m: abs(m.start - span.start)))]
    paragraph = [m for m in reported if m.sentence.paragraph == sentence.paragraph]
    if paragraph and not same_sentence_only:
        return owner[id(min(paragraph, key=lambda m: abs(m.start - span.start)))]
    return None


def heads_of_state(text: str, officials: list[Found], persons: dict[str, Person]) -> set[str]:
    """Presidents named in passing ("Presiden China Xi Jin Ping"): not participants unless
    the event's own sentence names them."""
    return {_known_as(persons, strip_titles(f.name)) or person_key(f.name) for f in officials
            if re.match(r"(?:Wakil\s+)?Presiden\b", text[f.start:f.start + 20])}


_REFERENCE = re.compile(
    r"(?:[Oo]rang\s+nomor\s+satu\s+di\s+(?:Pemkot|Pemkab|Pemprov|Kota|Kabupaten|Provinsi)\s+"
    r"|(?P<role>Wali\s*[Kk]ota|Walikota|Bupati|Gubernur)\s+)(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"\s+(?:itu|ini|tersebut)\b")
_NICKNAME = re.compile(
    r"(?P<alias>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*[-–,(]\s*sapaan(?:\s+akrab)?\s+"
    r"(?:[Ww]ali\s*[Kk]ota|[Bb]upati|[Gg]ubernur)\s+(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")


def add_references(text: str, offices: list[Office], persons: dict[str, Person],
                   places: dict[int, str]) -> None:
    """ "Wali Kota Bogor itu", "orang nomor satu di Pemkot Malang ini" and "Danny
    Pomanto-sapaan wali kota Makassar" name the holder of that post: more mentions."""
    holder = {}
    for office in offices:
        holder.setdefault(office.of, set()).add(office.person)
    for pattern in (_REFERENCE, _NICKNAME):
        for match in pattern.finditer(text):
            held = holder.get(places.get(match.start("place"), ""), set())
            if len(held) != 1:
                continue
            person = persons[next(iter(held))]
            start = match.start("alias") if "alias" in match.groupdict() else match.start()
            end = match.end("alias") if "alias" in match.groupdict() else match.end()
            if "alias" in match.groupdict() and match.group("alias") not in person.aliases:
                person.aliases.append(match.group("alias"))
            person.mentions.append(Span(start, end, text[start:end]))
