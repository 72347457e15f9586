"""The plain facts extraction produces: Python objects with a JSON form, no RDF.

Every entity and fact has a ``key``: a path relative to the graph's base IRI
(``place/kota-malang``, ``person/m-anton``, ``event/...``). Two articles that name the same
place, person or event produce the same key, so the graph holds it once. Every fact carries
the character spans of the words that support it, as offsets into the article's text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` of the article's text, and those characters."""

    start: int
    end: int
    text: str


@dataclass
class Place:
    """A kota, kabupaten, province, country or foreign city."""

    key: str
    name: str
    kind: str  # kota | kabupaten | province | country | foreign-city | place
    country: str | None = None  # ISO 3166-1 alpha-2 of the country it lies in
    province: str | None = None  # key of its province, for Indonesian places
    wikidata: str | None = None  # "Q11445" when linked
    link_score: float | None = None  # the linker's confidence; None when not linked
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Person:
    """A named person: an official, a delegate, a speaker."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Association:
    """An association of local governments (Apeksi, Apkasi, ...) or a body within one."""

    key: str
    name: str  # short name, e.g. "Apeksi"
    full_name: str | None = None
    wikidata: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Office:
    """A person holds a post (a role of a place or association), e.g. mayor of Malang."""

    person: str  # Person.key
    role: str  # role code of the roles scheme: mayor, deputy-mayor, regent, chair, ...
    of: str  # key of a Place or Association
    acting: bool = False  # Pj / Plt / Plh
    start: str | None = None
    end: str | None = None
    confidence: float = 1.0
    mentions: list[Span] = field(default_factory=list)

    @property
    def post_key(self) -> str:
        return f"post/{self.role}-{self.of.split('/', 1)[-1]}"

    @property
    def key(self) -> str:
        return "tenure/" + digest(self.person, self.role, self.of)


@dataclass
class Event:
    """Something that happened: a Rakernas, a Munas, a visit, a signing, a festival."""

    key: str
    kind: str  # code of the event-kinds scheme
    name: str | None = None
    ordinal: int | None = None
    place: str | None = None  # Place.key of the city (not the venue)
    venue: str | None = None
    start: str | None = None  # ISO date
    end: str | None = None
    organizer: str | None = None  # Association.key or Place.key
    participant_count: int | None = None
    confidence: float = 1.0
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Participation:
    """A person took part in an event."""

    event: str  # Event.key
    person: str  # Person.key
    confidence: float = 1.0
    mentions: list[Span] = field(default_factory=list)

    @property
    def key(self) -> str:
        return "participation/" + digest(self.event, self.person)


@dataclass
class Cooperation:
    """Two or more places cooperate, at a stage, in some domains."""

    parties: list[str]  # Place.keys
    status: str | None = None  # proposed | agreed | active
    domains: list[str] = field(default_factory=list)  # codes of the domains scheme
    date: str | None = None  # ISO date of the news (signing, proposal) when known
    since: str | None = None  # year the partnership began, e.g. "1994"
    confidence: float = 1.0
    mentions: list[Span] = field(default_factory=list)

    @property
    def key(self) -> str:
        return "cooperation/" + digest(*sorted(self.parties))


@dataclass
class ArticleFacts:
    """Everything extraction found in one article."""

    places: list[Place] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    associations: list[Association] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    cooperations: list[Cooperation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (spans become ``[start, end, text]``)."""
        return {f.name: [_compact(asdict(item)) for item in getattr(self, f.name)]
                for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleFacts:
        """The inverse of :meth:`to_json`."""
        kinds = {"places": Place, "persons": Person, "associations": Association,
                 "offices": Office, "events": Event, "participations": Participation,
                 "cooperations": Cooperation}
        out = cls()
        for name, kind in kinds.items():
            for item in data.get(name) or []:
                item = dict(item)
                item["mentions"] = [Span(*m) for m in item.get("mentions") or []]
                getattr(out, name).append(kind(**item))
        return out

    def above(self, threshold: float) -> ArticleFacts:
        """Only the facts whose confidence reaches ``threshold`` (entities always stay)."""
        if threshold <= 0:
            return self
        keep = lambda items: [i for i in items if i.confidence >= threshold]  # noqa: E731
        events = keep(self.events)
        event_keys = {e.key for e in events}
        return ArticleFacts(
            places=self.places, persons=self.persons, associations=self.associations,
            offices=keep(self.offices), events=events,
            participations=[p for p in keep(self.participations) if p.event in event_keys],
            cooperations=keep(self.cooperations))

    def counts(self) -> dict[str, int]:
        return {f.name: len(getattr(self, f.name)) for f in fields(self)}


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    item["mentions"] = [[m["start"], m["end"], m["text"]] for m in item.get("mentions", [])]
    return item


def digest(*parts: str | None) -> str:
    """A short stable hash of the parts, for IRIs of n-ary facts."""
    joined = "\x1f".join(p or "" for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def slug(text: str) -> str:
    """``"Kota Malang"`` -> ``"kota-malang"``; accents dropped, ASCII only.

    >>> slug("Hwang Myeong-seon")
    'hwang-myeong-seon'
    >>> slug("Xi’an")
    'xian'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’`]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"
