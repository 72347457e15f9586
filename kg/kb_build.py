"""Build the offline gazetteer (``kg/data/gazetteer.json.gz``) from the shared Wikidata tables.

Run once when the source tables change::

    python -m kg.kb_build --data /work/shared/data/wikidata --out kg/data/gazetteer.json.gz

Indonesian units come from the soluvas/cahyadsn tables (QIDs read from Wikidata), foreign
cities from dr5hn, whose QIDs are less reliable: a QID several different cities share (dr5hn
often gives a city its region's QID) or that equals a region's QID is dropped, not guessed.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import click

from kg.errors import BadInput
from kg.facts import slug
from kg.resources import data_dir

ATTRIBUTION = (
    "Derived from soluvas/opendata (CC0 1.0), cahyadsn/wilayah (MIT) and "
    "dr5hn/countries-states-cities-database (ODbL 1.0). The foreign cities, and the few QIDs "
    "only dr5hn gives, are a derived database under ODbL 1.0: keep this notice and share "
    "alike. See kg/data/ATTRIBUTION.md."
)

# dr5hn cities in these countries; Indonesia comes from the soluvas/cahyadsn tables instead.
FOREIGN_COUNTRIES = ("CN", "CU", "GB", "JP", "KR", "NL", "PL", "PS", "ZA")
# dr5hn row types that are not a city, town or municipality of their own.
SKIPPED_TYPES = {"section", "religious", "area", "administrative zone"}
# Suffixes dr5hn writes after a city's name ("Gimhae-si", "Xinxiang Shi").
NAME_SUFFIX = re.compile(
    r"(?:-(?:si|gun|gu|shi|ku|machi|cho)|\s+(?:shi|city|prefecture|district|county|"
    r"municipality|gemeente))$",
    re.IGNORECASE,
)
ADMIN_PREFIX = re.compile(r"^(?:Kota|Kabupaten)\s+(?:Administrasi\s+)?", re.IGNORECASE)


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a curated tab-separated table, without comments and blank lines."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    """All rows of a CSV table with a header."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def split_names(cell: str) -> list[str]:
    """``"Sumut|Sumatra Utara"`` -> the non-empty names."""
    return [n.strip() for n in cell.split("|") if n.strip()]


def entry(key: str, name: str, kind: str, country: str, **extra: Any) -> dict[str, Any]:
    """One gazetteer record, with the fields every kind has."""
    record = {"key": key, "name": name, "kind": kind, "country": country, "province": None,
              "wikidata": None, "population": None, "labels": {}, "aliases": [],
              "coordinates": None, "qid_source": None}
    record.update(extra)
    return record


def add_aliases(record: dict[str, Any], names: list[str]) -> None:
    """Append names not yet among the record's aliases (its name is always one)."""
    seen = {a.casefold() for a in record["aliases"]}
    for name in [record["name"], *names]:
        if name and name.casefold() not in seen:
            record["aliases"].append(name)
            seen.add(name.casefold())


def build_provinces(data: Path, curated: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The 38 provinces; the slug follows dr5hn's short names (``DKI Jakarta``)."""
    out = []
    for row in read_csv(data / "provinces_38.csv"):
        name = row["name_dr5hn"] or row["name_kemendagri_2025"]
        key = f"place/province-{slug(name)}"
        source = "soluvas" if row["qid_soluvas"] else "dr5hn"
        record = entry(key, name, "province", "ID", wikidata=row["qid"], qid_source=source,
                       iso3166_2=row["iso3166_2"], code=row["kemendagri_code"])
        english = (curated.get(key) or [None])[0] or name
        record["labels"] = {"id": row["name_kemendagri_2025"], "en": english}
        add_aliases(record, [row["name_kemendagri_2025"], *curated.get(key, [])[1:]])
        out.append(record)
    return out


def unit_key(row: dict[str, str]) -> tuple[str, str]:
    """The key and current bare name of a kota/kabupaten: the 2017 Wikidata label, or the
    2025 official name for the units renamed since (so the key names the unit as it is)."""
    current = ADMIN_PREFIX.sub("", row["official_name_2025"])
    old = ADMIN_PREFIX.sub("", row["label_id_wikidata_2017"])
    base = current if row["name_changed"] == "yes" else old
    return f"place/{row['type']}-{slug(base)}", current


def build_units(data: Path, provinces: dict[str, str],
                curated: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The 514 kota and kabupaten, with their old names kept as aliases."""
    out = []
    for row in read_csv(data / "kabupaten_kota_514.csv"):
        key, current = unit_key(row)
        old = ADMIN_PREFIX.sub("", row["label_id_wikidata_2017"])
        official = row["official_name_2025"].replace(" Administrasi", "")
        record = entry(key, current, row["type"], "ID", wikidata=row["qid"],
                       province=provinces[row["province_code_2025"]], qid_source="soluvas",
                       code=row["kemendagri_code_2025"],
                       coordinates=[float(row["lat"]), float(row["lon"])])
        record["labels"] = {"id": official, "en": current}
        if row["name_changed"] == "yes":
            record["former_names"] = [old]
        add_aliases(record, [old, *curated.get(key, [])[1:]])
        out.append(record)
    return out


def build_countries(data: Path, indonesian: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Countries: soluvas QIDs first, dr5hn's for the few soluvas lacks (e.g. NL, PS)."""
    dr5hn = json.loads((data / "dr5hn" / "countries.json").read_text(encoding="utf-8"))
    short = {c["iso2"]: c["name"] for c in dr5hn}
    rows = {r["iso"]: (r["id"], r["name"], "soluvas")
            for r in read_csv(data / "country.csv")}
    for c in dr5hn:
        if c["iso2"] not in rows and c.get("wikiDataId"):
            rows[c["iso2"]] = (c["wikiDataId"], c["name"], "dr5hn")
    out = []
    for iso, (qid, english, source) in sorted(rows.items()):
        names_id = indonesian.get(iso, [])
        name = names_id[0] if names_id else english
        record = entry(f"place/country-{iso.lower()}", name, "country", iso, wikidata=qid,
                       qid_source=source, population=None)
        record["labels"] = {"en": english, "id": name}
        add_aliases(record, [english, short.get(iso, english), *names_id])
        out.append(record)
    return out


def base_name(name: str) -> str:
    """dr5hn's city name without its administrative suffix: ``Gimhae-si`` -> ``Gimhae``."""
    return NAME_SUFFIX.sub("", name.strip()).strip() or name.strip()


# dr5hn state types that are themselves a city (Busan, Seoul, Shanghai): a city row named
# like such a state keeps the state's QID.
CITY_STATE_TYPES = {"metropolitan city", "special city", "special self-governing city",
                    "municipality"}


def read_states(data: Path, countries: tuple[str, ...]) -> list[dict[str, str]]:
    """dr5hn's states (provinces, regions, city-states) of the countries, with a QID."""
    return [row for row in read_csv(data / "dr5hn" / "states.csv")
            if row["country_code"] in countries and row["wikiDataId"]]


def state_qids(states: list[dict[str, str]]) -> dict[str, tuple[str, bool]]:
    """QID -> (normalised name, is a city) of each state."""
    return {row["wikiDataId"]: (slug(base_name(row["name"])), row["type"] in CITY_STATE_TYPES)
            for row in states}


def add_city_states(best: dict[str, dict[str, Any]], states: list[dict[str, str]],
                    iso: str) -> None:
    """A city-state (Busan, Daegu, Shanghai) is the city of its name: its state QID wins over
    the city row's (dr5hn gives Daegu's city row another item), and a missing city is added."""
    for row in states:
        if row["country_code"] != iso or row["type"] not in CITY_STATE_TYPES:
            continue
        name = base_name(row["name"])
        key = f"place/{iso.lower()}-{slug(name)}"
        record = best.get(key) or entry(
            key, name, "foreign-city", iso, labels={"en": name},
            population=int(row["population"]) if row["population"] else None,
            coordinates=[float(row["latitude"]), float(row["longitude"])])
        record.update(wikidata=row["wikiDataId"], qid_source="dr5hn")
        add_aliases(record, [row["name"]])
        best[key] = record


def trusted_qids(cities: list[dict[str, Any]],
                 states: dict[str, tuple[str, bool]]) -> dict[str, str]:
    """QID -> the one city name it may link. A QID differently named cities share, or a
    region's QID, is dropped; a city-state's QID (Busan) stays with the city of its name."""
    names: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        if city.get("wikiDataId"):
            names[city["wikiDataId"]].add(slug(base_name(city["name"])))
    out = {}
    for qid, found in names.items():
        state, is_city = states.get(qid, (None, False))
        if state is None and len(found) == 1:
            out[qid] = next(iter(found))
        elif is_city and state in found:
            out[qid] = state
    return out


def build_foreign_cities(data: Path) -> list[dict[str, Any]]:
    """Cities of the dr5hn countries: one per name and country, the most populous."""
    state_rows = read_states(data, FOREIGN_COUNTRIES)
    states = state_qids(state_rows)
    out = []
    for iso in FOREIGN_COUNTRIES:
        path = data / "dr5hn" / f"cities_{iso}.json"
        cities = [c for c in json.loads(path.read_text(encoding="utf-8"))
                  if c.get("type") not in SKIPPED_TYPES]
        trusted = trusted_qids(cities, states)
        best: dict[str, dict[str, Any]] = {}
        for city in cities:
            name = base_name(city["name"])
            qid = city.get("wikiDataId")
            qid = qid if qid and trusted.get(qid) == slug(name) else None
            rank = (qid is not None, city.get("population") or 0)
            key = f"place/{iso.lower()}-{slug(name)}"
            if key in best and best[key]["_rank"] >= rank:
                add_aliases(best[key], [city["name"]])
                continue
            record = entry(key, name, "foreign-city", iso, wikidata=qid,
                           qid_source="dr5hn" if qid else None,
                           population=city.get("population") or None,
                           coordinates=[float(city["latitude"]), float(city["longitude"])])
            record["labels"] = {"en": name}
            record["_rank"] = rank
            old = best.get(key)
            add_aliases(record, [city["name"], *(old["aliases"] if old else [])])
            best[key] = record
        add_city_states(best, state_rows, iso)
        for record in best.values():
            record.pop("_rank", None)
            out.append(record)
    return out


def build(data: Path, curated_dir: Path | None = None) -> dict[str, Any]:
    """The whole gazetteer as a JSON-ready dict.

    :raises BadInput: if a curated table names a key the sources do not have.
    """
    curated_dir = curated_dir or data_dir()
    places = {row[0]: [row[1] if len(row) > 1 else "", *split_names(row[2] if len(row) > 2
                                                                     else "")]
              for row in read_tsv(curated_dir / "place_names_id.tsv")}
    countries_id = {row[0]: split_names(row[1])
                    for row in read_tsv(curated_dir / "country_names_id.tsv")}
    provinces = build_provinces(data, places)
    by_code = {p["code"]: p["key"] for p in provinces}
    entries = [*provinces, *build_units(data, by_code, places),
               *build_countries(data, countries_id), *build_foreign_cities(data)]
    keys = {e["key"] for e in entries}
    missing = sorted(set(places) - keys)
    if missing:
        raise BadInput(f"place_names_id.tsv names unknown keys: {missing}")
    if len(keys) != len(entries):
        raise BadInput("two gazetteer entries share a key")
    return {"version": 1, "attribution": ATTRIBUTION, "entries": entries}


@click.command()
@click.option("--data", "data_path", type=click.Path(exists=True, file_okay=False),
              required=True, help="Folder of the shared Wikidata tables.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False),
              default=str(data_dir() / "gazetteer.json.gz"), show_default=True,
              help="Where to write the gzipped JSON gazetteer.")
def main(data_path: str, out_path: str) -> None:
    """Build the offline gazetteer of places and their Wikidata QIDs."""
    try:
        gazetteer = build(Path(data_path))
    except BadInput as e:
        raise click.ClickException(e.message) from e
    raw = json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # No name or time in the gzip header: the same tables give the same bytes.
    with open(out_path, "wb") as out, gzip.GzipFile("", "wb", fileobj=out, mtime=0) as f:
        f.write(raw)
    counts: dict[str, int] = defaultdict(int)
    for e in gazetteer["entries"]:
        counts[e["kind"]] += 1
    click.echo(f"{out_path}: {len(gazetteer['entries'])} entries {dict(counts)}", err=True)


if __name__ == "__main__":
    main()
