"""Extraction's pattern families, on sentences written for these tests (not from the corpus)."""

from __future__ import annotations

import pytest

from kg.extraction import extract
from kg.reading import Article


def facts_of(text: str, published: str | None = "2024-03-14", **fields):
    return extract(Article(id=fields.get("id", "t"), text=text, url=fields.get("url"),
                           title=None, published=published, source="test"))


def offices(facts) -> set[tuple[str, str, str]]:
    names = {p.key: p.name for p in facts.persons}
    return {(names[o.person], o.role, o.of) for o in facts.offices}


@pytest.mark.parametrize("sentence, expected", [
    ("MADIUN - Wali Kota Madiun Maidi membuka pameran UMKM di alun-alun.",
     ("Maidi", "mayor", "place/kota-madiun")),
    ("Wakil Wali Kota Bandung Yana Mulyana hadir dalam rapat itu.",
     ("Yana Mulyana", "deputy-mayor", "place/kota-bandung")),
    ("Bupati Malang Sanusi meninjau pasar Kepanjen.",
     ("Sanusi", "regent", "place/kabupaten-malang")),
    ("Gubernur Sulsel, Andi Sultan Hamid, menerima rombongan itu.",
     ("Andi Sultan Hamid", "governor", "place/province-sulawesi-selatan")),
    ("Ketua Umum Apeksi Bima Arya menyampaikan sambutan.",
     ("Bima Arya", "chair", "association/apeksi")),
    ("Wawako Payakumbuh Erwin Yunaz mewakili wali kota.",
     ("Erwin Yunaz", "deputy-mayor", "place/kota-payakumbuh")),
    ("Pj Wali Kota Kediri Zanariah meresmikan taman kota.",
     ("Zanariah", "mayor", "place/kota-kediri")),
    ("Wali Kota Bogor, Dr. H. Arif Rahman, M.Si, menandatangani nota itu.",
     ("Arif Rahman", "mayor", "place/kota-bogor")),
    ("Bupati Batang, H. Wihaji, S.Ag, M.Pd, hadir.",
     ("Wihaji", "regent", "place/kabupaten-batang")),
])
def test_office_patterns(sentence, expected):
    assert expected in offices(facts_of(sentence))


def test_an_acting_mayor_is_marked_acting():
    facts = facts_of("Pj Wali Kota Kediri Zanariah meresmikan taman kota.")
    assert [o.acting for o in facts.offices] == [True]


def test_a_chain_of_roles_gives_every_office():
    facts = facts_of("Ketua Dewan Pengurus Apeksi yang juga Wali Kota Surabaya, Eri Cahyadi, "
                     "membuka rapat.")
    assert {("Eri Cahyadi", "chair", "association/apeksi"),
            ("Eri Cahyadi", "mayor", "place/kota-surabaya")} <= offices(facts)


def test_name_variants_share_a_key():
    one = facts_of("Wali Kota Malang, Mochamad Anton, membuka acara.")
    two = facts_of("Wali Kota Malang, M Anton, menutup acara.")
    assert one.persons[0].key == two.persons[0].key == "person/m-anton"


def test_a_short_name_later_in_the_article_is_the_same_person():
    facts = facts_of("Wali Kota Medan Bobby Nasution membuka festival. Menurut Bobby, "
                     "festival ini terbuka untuk umum.")
    assert len(facts.persons) == 1
    assert len(facts.persons[0].mentions) == 2


def test_a_caption_repeated_twice_is_one_fact():
    caption = "Wali Kota Blitar Santoso meninjau pasar rakyat di Blitar. FOTO ANTARA/Rudi Hartono"
    text = f"{caption}\n\n{caption}\n\nBLITAR - Pemkot Blitar menata pasar."
    facts = facts_of(text)
    assert len(facts.offices) == 1
    assert len(facts.persons) == 1


def test_a_nickname_is_not_a_place():
    facts = facts_of("Kota Pendekar terus berbenah, kata warga Madiun.")
    assert "place/kota-pendekar" not in {p.key for p in facts.places}
    assert {p.key for p in facts.places} == {"place/kota-madiun"}


def test_a_street_named_after_a_governor_is_no_governor():
    facts = facts_of("Karnaval melintas di Jalan Gubernur Suryo, Surabaya.")
    assert not facts.offices and not facts.persons


def test_national_working_meeting_with_dates_ordinal_attendance():
    facts = facts_of("Rapat Kerja Nasional (Rakernas) XVI Apeksi digelar di Kota Makassar, "
                     "Selasa 11 Juli 2023 hingga Kamis 13 Juli 2023, dan dihadiri 88 wali kota.",
                     published="2023-07-14")
    [event] = facts.events
    assert (event.kind, event.ordinal, event.place, event.start, event.end, event.organizer,
            event.participant_count) == ("national-working-meeting", 16, "place/kota-makassar",
                                         "2023-07-11", "2023-07-13", "association/apeksi", 88)


@pytest.mark.parametrize("sentence, kind", [
    ("Munas VII Apeksi berlangsung di Surabaya, 6-10 Mei 2025.", "national-congress"),
    ("Munaslub Apkasi digelar di Jakarta pada 3 Maret 2024.", "extraordinary-congress"),
    ("Raker Komwil IV Apeksi digelar di Kota Madiun, Rabu (12/7/2023).", "regional-meeting"),
    ("Wali Kota Bitung melakukan kunjungan kerja ke Kota Tomohon, Senin (4/3/2024).",
     "working-visit"),
    ("Penandatanganan MoU kedua kota berlangsung di Kota Semarang, 2 Februari 2024.",
     "signing"),
    ("Festival Danau Toba digelar di Kabupaten Samosir, 20 Juni 2024.", "festival"),
])
def test_event_kinds(sentence, kind):
    assert kind in {e.kind for e in facts_of(sentence).events}


def test_a_month_without_a_day_is_not_a_date():
    facts = facts_of("Munas Apeksi akan digelar di Kota Semarang Agustus mendatang.")
    [event] = facts.events
    assert event.start is None and event.place == "place/kota-semarang"


def test_one_event_told_by_two_articles_is_one_event():
    one = facts_of("Rakernas XVII Apeksi di Balikpapan berlangsung 1-6 Juni 2024.",
                   published="2024-06-02")
    two = facts_of("BALIKPAPAN - Para wali kota tiba untuk Rakernas Apeksi ke-XVII.",
                   published="2024-06-01")
    assert one.events[0].key == two.events[0].key


def test_attendance_told_as_so_many_mayors_following_the_meeting():
    facts = facts_of("Rakernas Apeksi digelar di Kota Manado. Sebanyak 91 wali kota mengikuti "
                     "rakernas tersebut.")
    assert facts.events[0].participant_count == 91


def test_a_meeting_being_prepared_is_not_the_one_its_speakers_attend():
    facts = facts_of("TARAKAN - Raker Komwil IV Apeksi digelar di Kota Tarakan, Selasa (12/3). "
                     "Wali Kota Samarinda Andi Harun mengatakan, rapat membahas persiapan "
                     "Rakernas Apeksi di Kota Padang.")
    kinds = {e.key: e.kind for e in facts.events}
    assert {kinds[p.event] for p in facts.participations} == {"regional-meeting"}
    rakernas = next(e for e in facts.events if e.kind == "national-working-meeting")
    assert rakernas.place == "place/kota-padang"


def test_a_range_of_approximate_attendance_is_not_a_count():
    facts = facts_of("Lebih dari 80 wali kota hadir dalam Rakernas Apeksi di Kota Makassar.")
    assert facts.events[0].participant_count is None


def test_officials_named_around_the_event_take_part():
    facts = facts_of("BATAM - Rakernas Apkasi dibuka di Batam, Minggu (18/1/2026). "
                     "Bupati Sleman Harda Kiswaya dan Bupati Bantul Abdul Halim hadir.",
                     published="2026-01-19")
    names = {p.key: p.name for p in facts.persons}
    assert {names[p.person] for p in facts.participations} == {"Harda Kiswaya", "Abdul Halim"}


def test_a_president_named_in_passing_takes_no_part():
    facts = facts_of("Wali Kota Solo menerima kunjungan Duta Besar Jepang di Kota Surakarta. "
                     "Ia menyebut Presiden Jepang Fumio Kishida bersahabat.")
    names = {p.key: p.name for p in facts.persons}
    assert "Fumio Kishida" not in {names[p.person] for p in facts.participations}


@pytest.mark.parametrize("sentence, status", [
    ("Kota Bekasi menjajaki kerja sama dengan Kota Changwon, Korea Selatan.", "proposed"),
    ("Kota Bekasi dan Kota Changwon, Korea Selatan, menandatangani MoU kerja sama.", "agreed"),
    ("Kota Bekasi dan Kota Changwon, Korea Selatan, telah menjalin kerja sama sister city "
     "sejak 1998.", "active"),
])
def test_cooperation_stages(sentence, status):
    [coop] = facts_of(sentence).cooperations
    assert set(coop.parties) == {"place/kota-bekasi", "place/kr-changwon"}
    assert coop.status == status


def test_cooperation_domains_from_indonesian_wording():
    facts = facts_of("Kota Bekasi dan Kota Changwon, Korea Selatan, sepakat bekerja sama di "
                     "bidang pariwisata, ekonomi kreatif, pengelolaan sampah, serta kepemudaan "
                     "dan olahraga.")
    [coop] = facts.cooperations
    assert set(coop.domains) == {"tourism", "creative-economy", "environment", "youth-sports"}
    assert "economy" not in coop.domains


def test_since_a_year():
    facts = facts_of("Kota Bekasi dan Kota Changwon, Korea Selatan, telah menjalin kerja sama "
                     "sister city sejak 1998.")
    assert facts.cooperations[0].since == "1998"


def test_no_cooperation_without_a_pair_of_places():
    facts = facts_of("Kerja sama antarkota penting untuk kemajuan bangsa, kata Wali Kota Depok.")
    assert facts.cooperations == []


def test_every_span_quotes_the_text():
    text = ("MALANG - Wali Kota Malang, Sutiaji, menerima Wali Kota Gimhae, Kim Min-su, di Balai "
            "Kota Malang, Senin (7/8/2023). Keduanya menjajaki kerja sama di bidang pendidikan.")
    facts = facts_of(text)
    groups = [facts.places, facts.persons, facts.associations, facts.offices, facts.events,
              facts.participations, facts.cooperations]
    spans = [s for group in groups for item in group for s in item.mentions]
    assert spans and all(text[s.start:s.end] == s.text for s in spans)


def test_a_person_named_differently_in_two_articles_is_one_person(tmp_path):
    from kg.ingest import ingest
    from kg.store import open_store

    one = tmp_path / "one.txt"
    one.write_text("MALANG - Wali Kota Malang, M Anton, membuka Rakernas Apeksi.\n",
                   encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("MALANG - Wali Kota Malang Abah Anton meninjau kampung tematik.\n",
                   encoding="utf-8")
    store = open_store(tmp_path / "store")
    ingest([one, two], store)
    holders = {row["p"].value for row in store.query(
        "SELECT DISTINCT ?p WHERE { ?t <https://w3id.org/kotakg/ontology#holder> ?p }")}
    assert holders == {"https://w3id.org/kotakg/resource/person/m-anton"}


def test_references_back_to_an_official_are_mentions():
    facts = facts_of("Wali Kota Bogor, Dedie Rachim, menerima tamu. Wali Kota Bogor itu lalu "
                     "berpidato.\n\nMenurut orang nomor satu di Pemkot Bogor ini, kota terbuka.")
    [person] = facts.persons
    assert len(person.mentions) >= 3


def test_a_nickname_becomes_an_alias():
    facts = facts_of("Wali Kota Makassar, Moh Ramdhan Pomanto, membuka acara. Danny Pomanto-sapaan "
                     "wali kota Makassar menyebut kota penting.")
    [person] = facts.persons
    assert "Danny Pomanto" in person.aliases


def test_a_name_before_its_office():
    facts = facts_of("Menurut Bima Arya, Wali Kota Bogor, kota harus terbuka.")
    assert ("Bima Arya", "mayor", "place/kota-bogor") in offices(facts)


def test_a_city_the_index_lacks_is_still_a_foreign_city():
    facts = facts_of("Wali Kota Semarang menerima delegasi Kota Brisbane, Australia, di Balai "
                     "Kota Semarang. Kedua kota sepakat memperkuat kerja sama di bidang "
                     "pendidikan.")
    brisbane = next(p for p in facts.places if p.name == "Brisbane")
    assert (brisbane.kind, brisbane.country, brisbane.wikidata) == ("foreign-city", "AU", None)
    [coop] = facts.cooperations
    assert set(coop.parties) == {"place/kota-semarang", brisbane.key}
    assert coop.domains == ["education"]


def test_a_town_inside_a_persons_name_is_no_place():
    facts = facts_of("Bupati Banyuwangi dan Wali Kota Fukuoka, Jepang, Soichiro Takashima, "
                     "meneken nota kesepahaman.")
    assert "place/jp-takashima" not in {p.key for p in facts.places}


def test_a_signing_during_a_visit_happens_where_the_visit_does():
    facts = facts_of("Wali Kota Bitung melakukan kunjungan kerja ke Kota Tomohon. Kunjungan ini "
                     "sekaligus menandatangani nota kesepahaman untuk Festival Bunga yang akan "
                     "digelar di Kota Manado.")
    places = {e.kind: e.place for e in facts.events}
    assert places["working-visit"] == places["signing"] == "place/kota-tomohon"
    assert places["festival"] == "place/kota-manado"


def test_a_signing_during_a_visit_takes_the_visits_day_unless_it_states_one():
    facts = facts_of("Wali Kota Bitung menerima kunjungan kerja Wali Kota Tomohon di Kota "
                     "Bitung, Senin (4/3). Kunjungan ini sekaligus menandatangani nota "
                     "kesepahaman bidang pariwisata.")
    starts = {e.kind: e.start for e in facts.events}
    assert starts["working-visit"] == starts["signing"] == "2024-03-04"
    later = facts_of("Wali Kota Bitung menerima kunjungan kerja Wali Kota Tomohon di Kota "
                     "Bitung, Senin (4/3). Kunjungan ini juga menyepakati penandatanganan nota "
                     "kesepahaman pada Rabu (6/3).")
    assert {e.kind: e.start for e in later.events}.get("signing") in (None, "2024-03-06")


def test_a_head_received_by_a_head_is_a_visit_to_the_hosts_city():
    facts = facts_of("Wali Kota Surabaya Eri Cahyadi menerima Wali Kota Den Haag, Belanda, "
                     "Jan van Zanen, Senin (11/3/2024). Keduanya membahas pengelolaan sampah.")
    [visit] = facts.events
    assert (visit.kind, visit.place, visit.start) == ("working-visit", "place/kota-surabaya",
                                                      "2024-03-11")
    names = {p.key: p.name for p in facts.persons}
    assert {names[p.person] for p in facts.participations} == {"Eri Cahyadi", "Jan van Zanen"}


@pytest.mark.parametrize("sentence", [
    "Wali Kota Surabaya Eri Cahyadi menerima penghargaan dari Gubernur Jawa Timur.",
    "Gubernur Sulsel, Andi Sultan Hamid, menerima rombongan itu.",
    "Warga Kota Surabaya menerima bantuan dari Bupati Gresik.",
])
def test_receiving_something_or_someone_unnamed_is_no_visit(sentence):
    assert facts_of(sentence).events == []


def test_a_festival_keeps_its_own_name_and_two_festivals_stay_two():
    facts = facts_of("Festival Kopi digelar di Kota Blitar, 3 Maret 2024. Sementara itu Festival "
                     "Bunga digelar di Kota Tomohon. Festival itu ramai pengunjung.")
    assert sorted(e.name for e in facts.events) == ["Festival Bunga 2024", "Festival Kopi 2024"]


def test_one_elected_as_chair_holds_the_chair():
    facts = facts_of("Wali Kota Ambon Richard Louhenapessy terpilih kembali sebagai Ketua Dewan "
                     "Pengurus Apeksi dalam Munas Apeksi di Kota Ambon.")
    assert ("Richard Louhenapessy", "chair", "association/apeksi") in offices(facts)


@pytest.mark.parametrize("sentence, name", [
    ("Menteri Dalam Negeri Tito Karnavian membuka Rakernas Apeksi.", "Tito Karnavian"),
    ("Menteri Pariwisata dan Ekonomi Kreatif Sandiaga Uno hadir.", "Sandiaga Uno"),
    ("Menteri Keuangan Sri Mulyani Indrawati memberi arahan.", "Sri Mulyani Indrawati"),
    ("Mendagri Tito Karnavian membuka rapat itu.", "Tito Karnavian"),
])
def test_a_ministers_name_is_not_eaten_by_the_ministry(sentence, name):
    assert [p.name for p in facts_of(sentence).persons] == [name]


def test_the_ministry_of_the_republic_is_no_person():
    facts = facts_of("Surat Menteri Dalam Negeri Republik Indonesia tentang Rakernas dibacakan.")
    assert facts.persons == []


def test_particles_inside_foreign_names_stay_but_prepositions_end_a_name():
    facts = facts_of("Wali Kota Rotterdam, Belanda, Ahmed Aboutaleb bertemu Wali Kota Leiden "
                     "Peter van der Velden. Wakil Wali Kota Manado Richard Sualang di Manado.")
    assert {p.name for p in facts.persons} == {"Ahmed Aboutaleb", "Peter van der Velden",
                                               "Richard Sualang"}


def test_a_name_then_yang_juga_then_the_role_gives_the_office():
    facts = facts_of("Ketua Umum Apkasi Darmawan Saleh membuka rapat itu. \"Kami siap,\" kata "
                     "Darmawan Saleh yang juga Bupati Lahat itu.")
    assert ("Darmawan Saleh", "regent", "place/kabupaten-lahat") in offices(facts)
    assert ("Darmawan Saleh", "chair", "association/apkasi") in offices(facts)


def test_an_antara_datelines_day_gives_way_to_the_events_own_dates():
    facts = facts_of("Kendari, 9/8 (Antara) - Wali Kota Kendari Sulkarnain melakukan kunjungan "
                     "kerja ke Kota Penang, Malaysia, pada 6-7 Agustus 2024 untuk membahas "
                     "kerja sama.", published="2024-08-09")
    visit = next(e for e in facts.events if e.kind == "working-visit")
    assert (visit.start, visit.end) == ("2024-08-06", "2024-08-07")


def test_agreeing_to_explore_a_cooperation_is_still_a_proposal():
    facts = facts_of("Wali Kota Kendari Sulkarnain bertemu Wali Kota Changwon. Kota Kendari dan "
                     "Kota Changwon sepakat menjajaki kerja sama kota kembar di bidang perikanan.")
    assert [c.status for c in facts.cooperations] == ["proposed"]


def test_a_sentence_naming_no_place_speaks_of_the_one_pair_named_so_far():
    facts = facts_of("Wali Kota Palu Hadianto Rasyid menerima delegasi Kota Changwon, Korea "
                     "Selatan, di Kota Palu, Selasa (5/3). Pertemuan itu membahas rencana "
                     "penandatanganan MoU sister city di bidang pendidikan.")
    assert [(c.parties, c.status, c.domains) for c in facts.cooperations] == [
        (["place/kota-palu", "place/kr-changwon"], "proposed", ["education"])]
    assert "signing" not in {e.kind for e in facts.events}  # planned, with no place or day


def test_with_two_candidate_pairs_a_placeless_sentence_gives_no_cooperation():
    facts = facts_of("Wali Kota Palu menerima delegasi Kota Changwon dan Kota Gimhae. "
                     "Pertemuan itu membahas rencana kerja sama sister city.")
    assert facts.cooperations == []


def test_a_region_after_a_foreign_city_locates_it_and_is_no_party():
    facts = facts_of("Pemkot Kendari menandatangani nota kesepahaman dengan Kota Ube, Prefektur "
                     "Yamaguchi, Jepang, di bidang pertukaran pemuda dan pertukaran pelajar.")
    assert [(c.parties, c.status, c.domains) for c in facts.cooperations] == [
        (["place/kota-kendari", "place/jp-ube"], "agreed", ["education", "youth-sports"])]


def test_a_signing_within_a_visit_is_signed_by_the_heads_on_the_visit():
    facts = facts_of("Wali Kota Bitung Maurits Mantiri bersama Kepala Biro Kerja Sama, "
                     "Rina Lumowa, menerima kunjungan kerja Wali Kota Changwon Hong Nam-pyo di "
                     "Kota Bitung, Senin (4/3). Kunjungan ini sekaligus menandatangani nota "
                     "kesepahaman bidang perikanan.")
    names = {p.key: p.name for p in facts.persons}
    kinds = {e.key: e.kind for e in facts.events}
    signers = {names[p.person] for p in facts.participations if kinds[p.event] == "signing"}
    assert signers == {"Maurits Mantiri", "Hong Nam-pyo"}


def test_the_reported_event_is_in_the_body_not_the_caption():
    facts = facts_of("Wali Kota Blitar Santoso membuka Festival Kopi di Blitar, 3 Maret 2024.\n\n"
                     "BLITAR - Rakernas Apeksi digelar di Kota Blitar, Senin (4/3/2024). "
                     "Menurut Santoso, kota siap.\n\nBupati Kediri Hanindhito hadir.")
    names = {p.key: p.name for p in facts.persons}
    events = {e.key: e.kind for e in facts.events}
    taken = {(events[p.event], names[p.person]) for p in facts.participations}
    assert ("national-working-meeting", "Hanindhito") in taken
