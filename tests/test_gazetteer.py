"""The offline gazetteer: what it holds, how names are looked up, and the mention scan."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from kg.gazetteer import gazetteer_path, load_gazetteer
from kg.kb_build import build


def surfaces(text: str) -> list[str]:
    return [m.surface for m in load_gazetteer().find_mentions(text)]


def test_holds_every_indonesian_unit_province_and_country() -> None:
    kinds: dict[str, int] = {}
    for e in load_gazetteer().entries:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    assert kinds["kota"] == 98 and kinds["kabupaten"] == 416 and kinds["province"] == 38
    assert kinds["country"] >= 194 and kinds["foreign-city"] > 10_000
    units = [e for e in load_gazetteer().entries if e.kind in {"kota", "kabupaten"}]
    assert all(e.wikidata and e.province for e in units)


def test_entries_carry_keys_labels_and_sources_the_graph_needs() -> None:
    gaz = load_gazetteer()
    malang = gaz.entry("place/kota-malang")
    assert (malang.wikidata, malang.province, malang.labels) == (
        "Q11445", "place/province-jawa-timur", {"id": "Kota Malang", "en": "Malang"})
    korea = gaz.entry("place/country-kr")
    assert korea.labels == {"en": "South Korea", "id": "Korea Selatan"}
    assert gaz.entry("place/province-kalimantan-barat").wikidata == "Q3916"  # not dr5hn's
    assert gaz.entry("place/kabupaten-toba").aliases == ("Toba", "Toba Samosir")
    assert gaz.entry("place/kr-nonsan").qid_source == "dr5hn"
    place = malang.to_place()
    assert (place.key, place.kind, place.country) == ("place/kota-malang", "kota", "ID")


def test_lookup_ignores_case_accents_and_punctuation() -> None:
    gaz = load_gazetteer()
    for written in ("XI’AN", "Xian", "Xi'an", "xi-an"):
        assert [e.wikidata for e in gaz.candidates(written)] == ["Q5826"], written
    assert [e.key for e in gaz.candidates("Kab. Bogor")] == ["place/kabupaten-bogor"]
    assert [e.key for e in gaz.candidates("Pemkot Bogor")] == ["place/kota-bogor"]
    assert {e.key for e in gaz.candidates("Bogor")} == {"place/kota-bogor",
                                                        "place/kabupaten-bogor"}


def test_province_and_jakarta_short_forms() -> None:
    gaz = load_gazetteer()
    for name, qid in [("Sulsel", "Q5078"), ("Kaltara", "Q3903"), ("Babel", "Q1866"),
                      ("DKI Jakarta", "Q3630"), ("DKI", "Q3630"), ("Jaksel", "Q10114"),
                      ("Solo", "Q4803"), ("Korsel", "Q884"), ("RRT", "Q148")]:
        assert [e.wikidata for e in gaz.candidates(name)] == [qid], name


def test_mentions_record_the_cue_before_the_name() -> None:
    text = ("Wali Kota Malang, Bupati Malang, Kab. Bogor, Gubernur Jatim, Pemprov DKI, "
            "Walikota Administrasi Jakarta Selatan dan Balai Kota Batu.")
    found = [(m.surface, m.cue) for m in load_gazetteer().find_mentions(text)]
    assert found == [("Malang", "kota"), ("Malang", "kabupaten"), ("Bogor", "kabupaten"),
                     ("Jatim", "province"), ("DKI", "province"), ("Jakarta Selatan", "kota"),
                     ("Batu", "kota")]


def test_offsets_point_at_the_words() -> None:
    text = "Kerja sama Kota Medan dan Kota Gwangju, Korea Selatan."
    for m in load_gazetteer().find_mentions(text):
        assert text[m.start:m.end] == m.surface
    assert surfaces(text) == ["Medan", "Gwangju", "Korea Selatan"]


def test_common_words_are_not_places() -> None:
    assert surfaces("batu itu dibawa ke kota, lalu ke timur dan selatan.") == []
    assert surfaces("Timur Tengah dan Asia Selatan bergolak.") == []
    assert surfaces("Batu itu besar. Kota Batu sejuk.") == ["Batu"]
    assert surfaces("Rapat di Jalan Metro Tanjung Bunga.") == []
    assert surfaces("Ketua Umum Apeksi, Bima Arya, hadir.") == []
    assert surfaces("Kita akan membangun Kota Kita Maju.") == []


def test_small_foreign_towns_need_their_country_named() -> None:
    assert surfaces("Festival Nonsan digelar.") == []
    assert surfaces("Festival Nonsan, Korea Selatan, digelar.") == ["Nonsan", "Korea Selatan"]
    assert surfaces("Wali Kota Busan berkunjung.") == ["Busan"]  # big: no country needed


def test_longest_name_wins() -> None:
    assert surfaces("Bupati Batu Bara hadir di Bandung Barat.") == ["Batu Bara",
                                                                     "Bandung Barat"]


def test_shipped_gazetteer_is_what_the_builder_makes(shared: Path) -> None:
    with gzip.open(gazetteer_path(), "rt", encoding="utf-8") as f:
        shipped = json.load(f)
    rebuilt = build(shared / "data" / "wikidata")
    assert shipped == json.loads(json.dumps(rebuilt, ensure_ascii=False))
    assert "ODbL" in shipped["attribution"]
