"""Variants of the real dev articles: the same prose, about other places, people and dates.

Each dev article gets a spec: the words that name its story's places, people, ordinals and
cooperation domains, each rewritten from a slot of the world. Every date it states moves by
the number of days between its story and the world's (see :class:`corpus_dates.Shifter`),
so a variant of the Makassar Rakernas reports the world's Rakernas of some other year, in
its host city, with that year's mayor, and agrees with the other articles about it.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from corpus_dates import Shifter, date_range, long_date, roman
from corpus_filler import NOISE_HEADLINES
from corpus_templates import byline
from corpus_world import DOMAINS, Meeting, Visit, World

from kg.facts import slug


@dataclass(frozen=True)
class Spec:
    """How to rewrite one dev article."""

    story: str  # rakernas-apeksi | munas-apeksi | rakernas-apkasi | pair
    anchor: date  # the date of its story, as the article tells it
    subs: tuple[tuple[str, str], ...]  # (words in the article, their rewrite with {slots})
    countries: tuple[str, ...] = ()  # for pair stories: the partner countries that fit
    status: str = ""  # for pair stories: the stage the article tells, "" for any
    written: date | None = None  # when it was written, if not on its story's date


SPECS: dict[str, Spec] = {
    "seed": Spec("rakernas-apeksi", date(2017, 7, 18), (
        ("Selasa 18 Juli 2017 hingga Kamis 20 Juli 2017", "{start_wd} hingga {end_wd}"),
        ("98 wali kota", "{count} wali kota"), ("M Anton", "{mayor}"), ("Anton", "{mayor_last}"),
        ("MALANG", "{HOST}"), ("Malang", "{host}"), ("Nonsan", "{foreign}"),
        ("Hwang Myeong-seon", "{foreign_mayor}"), ("Korea Selatan", "{country}"))),
    "002": Spec("rakernas-apeksi", date(2023, 7, 12), (
        ("MAKASSAR", "{HOST}"), ("Makassar", "{host}"), ("ke XVI", "ke {ordinal}"),
        ("Upperhills Convention Center, Jalan Metro Tanjung Bunga", "{venue}, Jalan {street}"),
        ("Hajar Diantoro", "{sekjen}"), ("Bima Arya", "{chair}"), ("Alwis Rustam", "{exec_dir}"),
        ("Gubernur Sulsel, Andi Sudirman Sulaiman", "Gubernur {host_prov}, {governor}"),
        ("Moh Ramdhan Pomanto", "{mayor}"), ("Danny Pomanto", "{mayor_nick}"))),
    "005": Spec("munas-apeksi", date(2025, 5, 6), (
        ("BANDUNG", "{RAKOR}"), ("Bandung", "{rakor}"), ("Eri Cahyadi", "{chair}"),
        ("Surabaya", "{host}"), ("I Gusti Ngurah Jaya Negara", "{vice}"),
        ("Wali Kota Jaya Negara", "Wali Kota {vice_last}"), ("Denpasar", "{vice_city}"),
        ("(Munas) VII", "(Munas) {ordinal}"), ("Munas VII", "Munas {ordinal}"),
        ("ke-VII", "ke-{ordinal}")), written=date(2024, 4, 15)),
    "009": Spec("munas-apeksi", date(2025, 5, 6), (
        ("Munas VII", "Munas {ordinal}"), ("SURABAYA", "{HOST}"), ("Surabaya", "{host}"),
        ("Rini Eri Cahyadi", "{spouse} {chair}"), ("Eri Cahyadi", "{chair}"),
        ("Cak Eri", "{chair_nick}"), ("Wali Kota Eri", "Wali Kota {chair_first}"),
        ("Bobby Constantine Koloway", "{reporter}"), ("Dyan Rekohadi", "{editor}"),
        ("Jalan Tunjungan", "Jalan {street}"), ("Gubernur Suryo", "{street2}"))),
    "011": Spec("rakernas-apeksi", date(2024, 6, 1), (
        ("BALIKPAPAN", "{HOST}"), ("Balikpapan", "{host}"), ("Rahmad Mas'ud", "{mayor}"),
        ("XVII", "{ordinal}"), ("mulai 1-6 Juni 2024", "mulai {range}"),
        ("APEKSI ke-24", "APEKSI ke-{anniversary}"))),
    "015": Spec("rakernas-apkasi", date(2026, 1, 18), (
        ("Bupati Batu Bara H. Baharuddin Siagian", "Bupati {regent_place} {regent}"),
        ("Bupati Batu Bara Hadiri", "Bupati {regent_place} Hadiri"),
        ("Rakernas XVII", "Rakernas {ordinal}"), ("(Rakernas) XVII", "(Rakernas) {ordinal}"),
        ("Gubernur Kepulauan Riau H. Ansar Ahmad", "Gubernur {host_prov} {governor}"),
        ("Gubernur Kepulauan Riau (Kepri)", "Gubernur {host_prov}"),
        ("Aston Hotel Grand Lotus, Batam", "{venue}, {host}"),
        ("Gubernur Kalimantan Timur (Kaltim) Rudy Mas'ud", "Gubernur {appsi_prov} {appsi}"),
        ("Bursah Zarnubi", "{chair}"), ("Joune Ganda", "{secretary}"),
        ("Dadang Supriatna", "{daily_chair}"), ("Radityo Egi Pratama", "{treasurer}"),
        ("Sarman Simanjorang", "{exec_dir}"))),
    "018": Spec("pair", date(2024, 11, 5), (
        ("Walikota Administrasi Jakarta Selatan, Munjirin", "Walikota {home}, {home_mayor}"),
        ("Kepala Biro Kerja Sama Daerah Setda Provinsi DKI Jakarta, Marulina Dewi",
         "Kepala Biro Kerja Sama Daerah Setda Provinsi {home_prov}, {bureau}"),
        ("Marulina", "{bureau_first}"),
        ("Walikota Nonsan, Korea Selatan, Baek Seong-hyeon",
         "Walikota {foreign}, {country}, {foreign_mayor}"),
        ("Grha Ali Sadikin, Balaikota Provinsi DKI Jakarta", "{hall}, Balai Kota {home}"),
        ("Mal Kota Kasablanka, Jakarta Selatan", "{mall}, {home}"),
        ("Festival Strawberry Nonsan", "Festival {theme} {foreign}"),
        ("Provinsi DKI Jakarta", "Provinsi {home_prov}"), ("Jakarta Selatan", "{home}"),
        ("Nonsan", "{foreign}"), ("Korea Selatan", "{country}")), status="agreed"),
    "021": Spec("pair", date(2019, 11, 27), (
        ("Ida Bagus Rai Dharmawijaya Mantra", "{home_mayor}"),
        ("IB Rai Dharmawijaya Mantra", "{home_mayor}"),
        ("Alderman Harry Levendal", "{foreign_mayor}"), ("Diaz Hotel Mossel Bay",
                                                        "{hotel} {foreign}"),
        ("Kantor Municipality Mossel Bay", "Kantor Wali Kota {foreign}"),
        ("Kota Mossel dari Afrika Selatan", "Kota {foreign} dari {country}"),
        ("Mossel Bay Afsel", "{foreign} {country}"), ("Mossel Bay", "{foreign}"),
        ("Moseel Bay", "{foreign}"), ("Afrika Selatan", "{country}"),
        ("budaya, pariwisata, ekonomi kreatif", "{domains_comma}"),
        ("Humas Pemkot Denpasar", "Humas Pemkot {home}"), ("DENPASAR", "{HOME}"),
        ("Denpasar", "{home}")), status="agreed"),
    "023": Spec("pair", date(2016, 5, 25), (
        ("industri, perdagangan, pariwisata, hingga investasi", "{domains_until}"),
        ("industri, perdagangan, pariwisata, dan investasi", "{domains_and}"),
        ("Wakil Wali Kota Medan AKhyar Nasution", "Wakil Wali Kota {home} {home_deputy}"),
        ("Wali Kota Gwangju Mr Yoon Jang Hyun", "Wali Kota {foreign} Mr {foreign_mayor}"),
        ("Medan", "{home}"), ("Gwangju", "{foreign}"), ("Korea Selatan", "{country}")),
        countries=("KR", "JP", "CN"), status="active"),
    "026": Spec("pair", date(2023, 5, 12), (
        ("Wali Kota Solo Gibran Rakabuming Raka", "Wali Kota {home} {home_mayor}"),
        ("mas Gibran", "mas {home_first}"), ("Gibran", "{home_first}"),
        ("Kota Xi’an, Provinsi Shaanzi", "Kota {foreign}"), ("Xi’an", "{foreign}"),
        ("Gimhae", "{foreign2}"), ("Solo", "{home}"), ("Surakarta", "{home}"),
        ("Lu Kang", "{ambassador}"), ("Joko Widodo (Jokowi)", "{president}"),
        ("di bidang pariwisata", "di bidang {domain_first}")),
        countries=("CN",), status="proposed"),
    "029": Spec("pair", date(2017, 2, 15), (
        ("Tri Rismaharini", "{home_mayor}"), ("Busan Metropolitan City", "{foreign}"),
        ("Suh Byung-soo", "{foreign_mayor}"), ("Byung-soo", "{foreign_first}"),
        ("Busan", "{foreign}"), ("Jawa Timur", "{home_prov}"), ("Surabaya", "{home}"),
        ("tahun ke-23", "tahun ke-{since_years}"), ("sejak 1994", "sejak {since}"),
        ("pendidikan, budaya, dan pariwisata", "{domains_and}"),
        ("FULLY SYAFI", "{PHOTOGRAPHER}")), countries=("KR",), status="active"),
}
# A story within this many days of the article's own day of the year: its dates then move by
# whole years, give or take, and the years it states without a date move with them.
SEASON = 60
VENUES = ["Hotel Santika Premiere", "Grand Ballroom Hotel Aston", "Gedung Serbaguna",
          "Hotel Novotel", "Convention Hall Hotel Harper", "Hotel Swiss-Belinn",
          "Gedung Graha Sabha", "Hotel Grand Mercure", "Ballroom Hotel Horison"]
STREETS = ["Ahmad Yani", "Sudirman", "Diponegoro", "Pahlawan", "Gatot Subroto", "Merdeka",
           "Pemuda", "Veteran", "Imam Bonjol", "Hasanuddin"]
HALLS = ["Ruang Rapat Utama", "Aula Serbaguna", "Ruang Sidang Paripurna", "Pendopo Agung"]
MALLS = ["Lippo Plaza", "Transmart", "Mal Ciputra", "Plaza Ambarrukmo", "Pakuwon Mall"]
HOTELS = ["Hotel Lotte", "Hotel Hilton", "Grand Hyatt", "Hotel Marriott", "Hotel Shilla"]
PRESIDENTS = ((date(2014, 10, 20), "Susilo Bambang Yudhoyono (SBY)"),
              (date(2024, 10, 20), "Joko Widodo (Jokowi)"), (date(2100, 1, 1), "Prabowo Subianto"))


def load_dev(path: Path) -> list[dict]:
    """The dev records that have a spec, each checked: every rewritten phrase must occur."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    kept = [r for r in records if r["id"] in SPECS]
    for record in kept:
        body = (record.get("title") or "") + "\n" + record["text"]
        missing = [w for w, _ in SPECS[record["id"]].subs if not _pattern([w]).search(body)]
        if missing:
            raise ValueError(f"dev article {record['id']} no longer says {missing}")
    return kept


def dev_variant(record: dict, world: World, rng: random.Random) -> dict | None:
    """A rewritten copy of ``record`` about a story of the world; None if none fits."""
    spec = SPECS[record["id"]]
    story = _story(spec, world, rng)
    if story is None:
        return None
    day = story.start if isinstance(story, Meeting) else story.day
    delta = day - spec.anchor
    values = _values(spec, story, world, rng, day)
    shifter = Shifter(delta, spec.anchor.year)
    title = _rewrite(record.get("title"), spec, values, shifter)
    text = _republished(_rewrite(record["text"], spec, values, shifter), world, rng)
    published = _published(record.get("published"), spec.written or spec.anchor, delta, rng)
    return {"title": title, "text": text, "published": published,
            "url_base": shifter.url(record["url"]) if record.get("url") else None,
            "day": day}


def _story(spec: Spec, world: World, rng: random.Random) -> Meeting | Visit | None:
    if spec.story != "pair":
        kind, association = spec.story.split("-")
        return rng.choice([m for m in world.meetings if m.kind == kind
                           and m.association == association])
    fits = [v for v in world.visits if v.partnership and v.host.entry.kind == "kota"
            and (not spec.countries or v.partnership.foreign.entry.country in spec.countries)
            and (not spec.status or v.partnership.status(v.day.year) == spec.status)
            and _season(v.day, spec.anchor) <= SEASON]
    return rng.choice(fits) if fits else None


def _season(day: date, anchor: date) -> int:
    """Days between two dates' days of the year, across New Year too."""
    apart = abs(day.timetuple().tm_yday - anchor.timetuple().tm_yday)
    return min(apart, 365 - apart)


def _values(spec: Spec, story, world: World, rng: random.Random, day: date) -> dict[str, str]:
    values = {"venue": rng.choice(VENUES), "street": rng.choice(STREETS),
              "street2": rng.choice(STREETS), "hall": rng.choice(HALLS),
              "mall": rng.choice(MALLS), "hotel": rng.choice(HOTELS),
              "reporter": world.names.anyone().full, "editor": world.names.anyone().full,
              "spouse": rng.choice(["Rini", "Sri", "Dewi", "Nur", "Yanti"])}
    if isinstance(story, Meeting):
        values.update(_meeting_values(story, world, rng))
    else:
        values.update(_pair_values(story, world, rng, day))
    return values


def _meeting_values(m: Meeting, world: World, rng: random.Random) -> dict[str, str]:
    year = m.start.year
    term = m.host.term(year)
    province = world.province_of(m.host)
    chair_year = year - 1 if m.kind == "munas" else year
    chair, _ = world.chair(m.association, chair_year)
    rakor = rng.choice([p for p in m.attendees if p.entry.kind == "kota"] or [m.host])
    vice_place = rng.choice(m.attendees)
    appsi, appsi_place = world.chair("appsi", year)
    regent_place = next((p for p in m.attendees if p.entry.kind == "kabupaten"), m.attendees[0])
    partner = rng.choice(list(world.foreign.values()))
    officer = lambda office: world.officers[(m.association, office, year)].full  # noqa: E731
    return {
        "host": m.host.name, "HOST": m.host.name.upper(), "host_prov": province.name,
        "mayor": term.holder.full, "mayor_last": term.holder.last,
        "mayor_nick": f"{term.holder.first} {term.holder.last}",
        "governor": province.term(year).holder.formal, "count": str(m.count),
        "ordinal": roman(m.ordinal), "anniversary": str(year - 2000),
        "start_wd": _weekday_date(m.start), "end_wd": _weekday_date(m.end),
        "range": date_range(m.start, m.end), "sekjen": world.officers[
            ("kemendagri", "secretary-general", year)].full,
        "chair": chair.full, "chair_first": chair.first, "chair_nick": f"Cak {chair.first}",
        "exec_dir": officer("executive-director"), "secretary": officer("secretary"),
        "daily_chair": officer("daily-chair"), "treasurer": officer("treasurer"),
        "rakor": rakor.name, "RAKOR": rakor.name.upper(),
        "vice": vice_place.term(chair_year).holder.full,
        "vice_last": vice_place.term(chair_year).holder.family, "vice_city": vice_place.name,
        "appsi": appsi.full, "appsi_prov": appsi_place.name,
        "regent": regent_place.term(year).holder.formal, "regent_place": regent_place.name,
        "foreign": partner.name, "foreign_mayor": partner.term(year).holder.full,
        "country": world.countries[partner.entry.country].name,
    }


def _pair_values(v: Visit, world: World, rng: random.Random, day: date) -> dict[str, str]:
    pair, year = v.partnership, day.year
    home, foreign = pair.home, pair.foreign
    mayor, guest = home.term(year).holder, foreign.term(year).holder
    words = [DOMAINS[code] for code in pair.domains]
    since = pair.signed or pair.proposed
    country = foreign.entry.country
    second = [p for p in world.foreign.values() if p.entry.country == "KR" and p is not foreign]
    bureau = world.names.anyone()
    return {
        "home": home.name, "HOME": home.name.upper(), "home_prov": world.province_of(home).name,
        "home_mayor": mayor.full, "home_first": mayor.first,
        "home_deputy": home.term(year).deputy.full, "foreign": foreign.name,
        "foreign_mayor": guest.full, "foreign_first": guest.first,
        "country": world.countries[country].name, "foreign2": rng.choice(second).name,
        "theme": v.theme or rng.choice(["Strawberry", "Kimchi", "Budaya"]),
        "bureau": bureau.full, "bureau_first": bureau.first,
        "ambassador": world.ambassador(country, year).full,
        "president": next(name for until, name in PRESIDENTS if day < until),
        "domains_comma": ", ".join(words), "domains_and": _listed(words, "dan"),
        "domains_until": _listed(words, "hingga"), "domain_first": words[0],
        "since": str(since), "since_years": str(max(1, year - since)),
        "PHOTOGRAPHER": world.names.anyone().full.upper(),
    }


def _republished(text: str, world: World, rng: random.Random) -> str:
    """The same release as another outlet runs it: a "Baca juga" link, a by-line."""
    lines = text.split("\n")
    if rng.random() < 0.5 and len(lines) > 3:
        lines.insert(rng.randrange(2, len(lines)), "Baca juga: " + rng.choice(NOISE_HEADLINES))
    return "\n".join(lines) + byline(rng, world)


def _listed(words: list[str], last: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])}, {last} {words[-1]}"


def _weekday_date(day: date) -> str:
    return long_date(day, weekday=True).replace(",", "", 1)


def _rewrite(text: str | None, spec: Spec, values: dict[str, str], shifter: Shifter) -> str | None:
    """Names and ordinals from the slots, then every remaining date moved."""
    if text is None:
        return None
    table = dict(spec.subs)
    kept: list[str] = []

    def slot(match: re.Match[str]) -> str:
        kept.append(table[match.group()].format(**values))
        return f"\x01{len(kept) - 1}\x01"

    tokens = _pattern(list(table)).sub(slot, text)
    moved = shifter.text(tokens)
    return re.sub("\x01(\\d+)\x01", lambda m: kept[int(m.group(1))], moved)


def _pattern(words: list[str]) -> re.Pattern[str]:
    """Whole words, longest first; a capital may follow ("DenpasarWalikota": a caption run
    into the next one)."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in ordered)
                      + r")(?![a-z0-9’'])")


def _published(original: str | None, anchor: date, delta: timedelta,
               rng: random.Random) -> str:
    """The original's publication moved like its dates; a day or two after when it had none."""
    if original:
        moved = datetime.fromisoformat(original) + delta
        return moved.isoformat() if "T" in original else moved.date().isoformat()
    return (anchor + delta + timedelta(days=rng.randrange(0, 3))).isoformat()


def url_for(base: str | None, outlet: str, day: date, title: str, number: int) -> str:
    """A unique URL: the original's, re-dated and re-slugged, or a new one on ``outlet``."""
    name = slug(title)[:80] + f"-{number}"
    if base:
        head = re.sub(r"/[^/]*/?(?:\?.*)?$", "", base)
        return f"{head}/{name}"
    return f"https://{outlet}/{day.year}/{day.month:02d}/{day.day:02d}/{name}"
