"""The synthetic corpus's world: who governs which place in which year, and what happened.

Articles are written about this world, never drawn independently, so that the graph gets
the overlap real news has: one Rakernas reported by thirty outlets, the same mayor in
dozens of articles over a term, a sister-city pair proposed, signed, then active.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_names import NameMaker, Person  # noqa: E402

from kg.gazetteer import Entry, fold, load_gazetteer  # noqa: E402

FIRST_YEAR, LAST_YEAR = 2015, 2026
MUNAS_YEARS = (2013, 2017, 2021, 2025)  # Apeksi's congress every four years
# Partner cities as Indonesian news names them; each is checked against the gazetteer.
PARTNERS = {
    "KR": ["Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Suwon", "Ulsan", "Changwon",
           "Seongnam", "Cheongju", "Cheonan", "Jeonju", "Pohang", "Jeju", "Gimhae", "Nonsan",
           "Gyeongju", "Andong", "Chuncheon", "Gangneung", "Mokpo", "Yeosu", "Suncheon"],
    "JP": ["Tokyo", "Osaka", "Nagoya", "Sapporo", "Fukuoka", "Kobe", "Kyoto", "Sendai",
           "Kitakyushu", "Hamamatsu", "Kanazawa", "Himeji", "Kurashiki", "Takamatsu", "Nagasaki"],
    "CN": ["Beijing", "Guangzhou", "Chengdu", "Wuhan", "Hangzhou", "Qingdao", "Changsha", "Xi’an",
           "Nanjing", "Xiamen", "Kunming", "Nanning", "Fuzhou", "Dalian", "Ningbo", "Harbin"],
    "NL": ["Amsterdam", "Rotterdam", "The Hague", "Utrecht", "Groningen"],
    "ZA": ["Cape Town", "Durban", "Pretoria", "Mossel Bay"],
}
DOMAINS = {  # code -> the words news uses for it
    "tourism": "pariwisata", "education": "pendidikan", "economy": "ekonomi",
    "trade": "perdagangan", "investment": "investasi", "industry": "industri",
    "technology": "teknologi", "culture": "kebudayaan", "health": "kesehatan",
    "agriculture": "pertanian", "environment": "lingkungan hidup",
    "transportation": "transportasi", "youth-sports": "kepemudaan dan olahraga",
    "creative-economy": "ekonomi kreatif", "human-resources": "sumber daya manusia",
    "infrastructure": "infrastruktur", "governance": "tata kelola pemerintahan",
    "disaster-management": "penanggulangan bencana",
}


# The months each meeting is held in, near those of the dev articles that report them.
SEASONS = {("rakernas", "apeksi"): (5, 8), ("munas", "apeksi"): (4, 6),
           ("rakernas", "apkasi"): (1, 3)}


@dataclass
class Term:
    start: int
    end: int  # last year served
    holder: Person
    deputy: Person


@dataclass
class Place:
    """A place with its terms of office (mayor, regent, governor or foreign mayor)."""

    entry: Entry
    terms: list[Term] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.entry.name

    def term(self, year: int) -> Term:
        return next((t for t in self.terms if t.start <= year <= t.end), self.terms[-1])


@dataclass
class Meeting:
    """An association's meeting: Rakernas, Munas, Raker Komwil."""

    kind: str  # rakernas | munas | komwil
    association: str  # apeksi | apkasi
    ordinal: int
    host: Place
    start: date
    days: int
    count: int  # heads of region attending
    attendees: list[Place]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)


@dataclass
class Partnership:
    """An Indonesian place and a foreign city: proposed, signed (MoU), then active."""

    home: Place
    foreign: Place
    proposed: int
    signed: int | None
    domains: list[str]

    def status(self, year: int) -> str:
        if self.signed is None or year < self.signed:
            return "proposed"
        return "agreed" if year == self.signed else "active"


@dataclass
class Visit:
    """A delegation's visit, a signing or a festival: an event on one date."""

    kind: str  # visit | signing | festival | home-visit
    partnership: Partnership | None
    host: Place
    guest: Place | None
    day: date
    theme: str = ""


@dataclass
class World:
    """Everything articles are written about."""

    rng: random.Random
    names: NameMaker
    places: dict[str, Place]
    provinces: dict[str, Place]
    foreign: dict[str, Place]
    countries: dict[str, Entry]
    officers: dict[tuple[str, str, int], Person]  # (association, office, year) -> person
    chairs: dict[tuple[str, int], Place]  # (association, year) -> the chair's place
    meetings: list[Meeting]
    partnerships: list[Partnership]
    visits: list[Visit]

    def province_of(self, place: Place) -> Place:
        return self.provinces[place.entry.province]

    def ambassador(self, country: str, year: int) -> Person:
        """The country's ambassador to Indonesia, one per four years."""
        key = (country, "ambassador", year - year % 4)
        if key not in self.officers:
            self.officers[key] = self.names.foreign(country)
        return self.officers[key]

    def chair(self, association: str, year: int) -> tuple[Person, Place]:
        place = self.chairs[(association, year)]
        return place.term(year).holder, place


def build_world(seed: int) -> World:
    """The world for ``seed``: the same seed gives the same world, whatever the corpus size."""
    rng = random.Random(seed)
    gazetteer = load_gazetteer()
    forbidden = {fold(a) for e in gazetteer.entries for a in e.aliases if " " not in fold(a)}
    names = NameMaker(rng, forbidden)
    home = {e.key: Place(e) for e in gazetteer.entries if e.kind in ("kota", "kabupaten")}
    provinces = {e.key: Place(e) for e in gazetteer.entries
                 if e.kind == "province"}
    for place in list(home.values()) + list(provinces.values()):
        place.terms = _terms(rng, lambda p=place: names.indonesian(_province(p)), 5)
    foreign = _foreign_places(gazetteer, rng, names)
    countries = {e.country: e for e in gazetteer.entries if e.kind == "country"}
    world = World(rng, names, home, provinces, foreign, countries, {}, {}, [], [], [])
    _associations(world)
    world.partnerships = _partnerships(world)
    world.visits = _visits(world)
    return world


def _province(place: Place) -> str | None:
    if place.entry.kind == "province":
        return place.entry.key.removeprefix("place/")
    return (place.entry.province or "").removeprefix("place/") or None


def _terms(rng: random.Random, make, length: int) -> list[Term]:
    """Terms of ``length`` years from 2010 to 2030, staggered; some holders re-elected."""
    year = 2010 - rng.randrange(length)
    terms: list[Term] = []
    while year <= LAST_YEAR:
        again = terms and rng.random() < 0.4 and (len(terms) < 2 or
                                                 terms[-1].holder != terms[-2].holder)
        holder = terms[-1].holder if again else make()
        terms.append(Term(year, year + length - 1, holder, make()))
        year += length
    return terms


def _foreign_places(gazetteer, rng: random.Random, names: NameMaker) -> dict[str, Place]:
    found: dict[str, Place] = {}
    for country, cities in PARTNERS.items():
        for name in cities:
            entry = next((e for e in gazetteer.candidates(name)
                          if e.kind == "foreign-city" and e.country == country), None)
            if entry is None:
                continue  # the gazetteer changed: skip rather than invent a place
            place = Place(entry)
            place.terms = _terms(rng, lambda c=country: names.foreign(c), 4)
            found[entry.key] = place
    return found


def _associations(world: World) -> None:
    """Chairs, officers and meetings of Apeksi (cities) and Apkasi (regencies)."""
    rng = world.rng
    kota = [p for p in world.places.values() if p.entry.kind == "kota"]
    kabupaten = [p for p in world.places.values() if p.entry.kind == "kabupaten"]
    governors = list(world.provinces.values())
    for association, pool in (("apeksi", kota), ("apkasi", kabupaten), ("appsi", governors)):
        for congress in MUNAS_YEARS:
            chair_place = rng.choice(pool)
            officers = {office: world.names.indonesian() for office in
                        ("executive-director", "secretary", "treasurer", "daily-chair")}
            for year in range(congress, congress + 4):
                world.chairs[(association, year)] = chair_place
                for office, person in officers.items():
                    world.officers[(association, office, year)] = person
    secretary = None
    for year in range(2010, LAST_YEAR + 1):
        if secretary is None or year % 5 == 0:
            secretary = world.names.indonesian()
        world.officers[("kemendagri", "secretary-general", year)] = secretary
    world.meetings = _meetings(world, kota, kabupaten)


def _meetings(world: World, kota: list[Place], kabupaten: list[Place]) -> list[Meeting]:
    rng = world.rng
    meetings: list[Meeting] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if year in MUNAS_YEARS:
            host = world.chairs[("apeksi", year - 1)]
            meetings.append(_meeting(rng, "munas", "apeksi", 4 + (year - 2013) // 4, host,
                                     year, kota, 5))
        else:
            meetings.append(_meeting(rng, "rakernas", "apeksi", year - 2007, rng.choice(kota),
                                     year, kota, 3))
        meetings.append(_meeting(rng, "rakernas", "apkasi", year - 2009,
                                 rng.choice(kabupaten + kota[:40]), year, kabupaten, 3))
        for region in range(1, 7):
            meetings.append(_meeting(rng, "komwil", "apeksi", region, rng.choice(kota), year,
                                     kota, 2))
    return meetings


def _meeting(rng: random.Random, kind: str, association: str, ordinal: int, host: Place,
             year: int, pool: list[Place], days: int) -> Meeting:
    first, last = SEASONS.get((kind, association), (2, 11))
    start = date(year, rng.randrange(first, last + 1), rng.randrange(1, 24))
    attendees = rng.sample([p for p in pool if p is not host], 40 if kind != "komwil" else 12)
    count = rng.randrange(70, 99) if kind != "komwil" else rng.randrange(10, 20)
    return Meeting(kind, association, ordinal, host, start, days, count, attendees)


def _partnerships(world: World) -> list[Partnership]:
    """About 200 pairs; one place may have several partners, one foreign city several too."""
    rng = world.rng
    homes = [p for p in world.places.values() if p.entry.kind == "kota"] * 3 + \
        [p for p in world.places.values() if p.entry.kind == "kabupaten"]
    homes += list(world.provinces.values())
    foreign = list(world.foreign.values())
    pairs: dict[tuple[str, str], Partnership] = {}
    while len(pairs) < 200:
        home, partner = rng.choice(homes), rng.choice(foreign)
        proposed = rng.randrange(1994, LAST_YEAR)
        signed = proposed + rng.randrange(1, 3) if rng.random() < 0.75 else None
        domains = rng.sample(sorted(DOMAINS), rng.randrange(2, 5))
        pairs.setdefault((home.entry.key, partner.entry.key),
                         Partnership(home, partner, proposed, signed, domains))
    return list(pairs.values())


def _visits(world: World) -> list[Visit]:
    """Visits, signings and festivals from 2015 on: several a year for the busy pairs."""
    rng = world.rng
    visits: list[Visit] = []
    for pair in world.partnerships:
        for year in range(max(FIRST_YEAR, pair.proposed), LAST_YEAR + 1):
            if pair.signed == year:
                visits.append(Visit("signing", pair, pair.home, pair.foreign, _day(rng, year)))
            if rng.random() < 0.45:
                visits.append(Visit("visit", pair, pair.home, pair.foreign, _day(rng, year)))
            if rng.random() < 0.12:
                visits.append(Visit("festival", pair, pair.home, pair.foreign, _day(rng, year),
                                    rng.choice(FESTIVAL_THEMES)))
    places = list(world.places.values())
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for _ in range(120):  # one Indonesian city learning from another
            host, guest = rng.sample(places, 2)
            visits.append(Visit("home-visit", None, host, guest, _day(rng, year),
                                rng.choice(VISIT_THEMES)))
    return visits


def _day(rng: random.Random, year: int) -> date:
    return date(year, rng.randrange(1, 13), rng.randrange(1, 28))


FESTIVAL_THEMES = ["Kimchi", "Strawberry", "Lampion", "Sakura", "Ginseng", "Kuliner",
                   "Budaya", "Teh", "Batik", "Musik", "Film", "Tari"]
VISIT_THEMES = ["pengelolaan sampah", "smart city", "pelayanan publik", "penataan kawasan "
                "kumuh", "pengembangan UMKM", "mal pelayanan publik", "transportasi massal",
                "penanganan banjir", "ruang terbuka hijau", "digitalisasi pajak daerah"]
