"""Dates as Indonesian news writes them, each turned into the calendar day a reader means."""

from datetime import date, timedelta

import pytest

from kg.dates import date_from_url, find_dates, find_months, parse_iso_date, parse_time_zone

PUBLISHED = date(2024, 11, 6)


def only_date(text: str, published: date | None = PUBLISHED):
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start:mention.end] == mention.text
    return mention


@pytest.mark.parametrize(("sentence", "span", "begin"), [
    ("Rapat dibuka Selasa, 18 Juli 2017 di pendopo.", "Selasa, 18 Juli 2017", "2017-07-18"),
    ("Pawai digelar pada Rabu, 15 Februari 2017 pagi.", "Rabu, 15 Februari 2017", "2017-02-15"),
    ("Kontrak diteken 3 Juni 2024 oleh kedua pihak.", "3 Juni 2024", "2024-06-03"),
    ("Warga berkumpul Rabu (27/11/2019) lalu.", "Rabu (27/11/2019)", "2019-11-27"),
    ("Surat itu terbit (2/7/2022) di Bogor.", "(2/7/2022)", "2022-07-02"),
    ("Rombongan tiba Selasa (15/4/2024) siang.", "Selasa (15/4/2024)", "2024-04-15"),
    ("Parade berlangsung Jumat malam (9/5/2025).", "Jumat malam (9/5/2025)", "2025-05-09"),
    ("Tim datang Jum'at (3/5/2024) ke balai kota.", "Jum'at (3/5/2024)", "2024-05-03"),
    ("The delegation arrived on July 18, 2017 in Bogor.", "July 18, 2017", "2017-07-18"),
    ("Laporan bertanggal 2017-07-18 itu beredar.", "2017-07-18", "2017-07-18"),
    ("Dinas menerbitkan edaran 12 Agt 2023 lalu.", "12 Agt 2023", "2023-08-12"),
    ("Acara dimulai 4 Sept 2022 di alun-alun.", "4 Sept 2022", "2022-09-04"),
    ("RAPAT DIGELAR SENIN, 8 JANUARI 2024.", "SENIN, 8 JANUARI 2024", "2024-01-08"),
])
def test_a_single_day_is_read_with_its_weekday(sentence, span, begin):
    mention = only_date(sentence)
    assert (mention.text, mention.begin.isoformat(), mention.end_date) == (span, begin, None)


@pytest.mark.parametrize(("sentence", "span", "begin", "end"), [
    ("Pameran berlangsung Senin 3 Juni 2024 hingga Rabu 5 Juni 2024.",
     "Senin 3 Juni 2024 hingga Rabu 5 Juni 2024", "2024-06-03", "2024-06-05"),
    ("Festival digelar 29 Juni-1 Juli 2022 di tepi danau.",
     "29 Juni-1 Juli 2022", "2022-06-29", "2022-07-01"),
    ("Munas berlangsung 6–10 Mei 2025 di Surabaya.", "6–10 Mei 2025", "2025-05-06", "2025-05-10"),
    ("Pekan olahraga 1-6 Juni 2024 diikuti 40 kota.", "1-6 Juni 2024", "2024-06-01", "2024-06-06"),
    ("Bazar 13-16 Februari 2025 mendatang.", "13-16 Februari 2025", "2025-02-13", "2025-02-16"),
    ("Libur 30 Desember-2 Januari 2025 diumumkan.",
     "30 Desember-2 Januari 2025", "2024-12-30", "2025-01-02"),
])
def test_a_range_gives_its_first_and_last_day(sentence, span, begin, end):
    mention = only_date(sentence)
    assert (mention.text, str(mention.begin), str(mention.end_date)) == (span, begin, end)


def test_a_yearless_date_takes_the_year_nearest_publication():
    assert only_date("Tamu diterima Selasa (5/11).").begin == date(2024, 11, 5)
    assert only_date("Kerja bakti (28/12) diikuti warga.", date(2025, 1, 3)).begin == \
        date(2024, 12, 28)
    assert only_date("Panen raya 17 Agustus nanti.", date(2024, 8, 1)).begin == date(2024, 8, 17)


def test_a_slipped_weekday_close_to_publication_does_not_move_the_date_a_year():
    assert only_date("Tamu diterima Rabu (5/11).").begin == date(2024, 11, 5)


def test_a_weekday_picks_the_year_when_publication_is_far():
    # 12 July 2023 was a Wednesday; 12 July 2024, nearer to publication, a Friday.
    mention = only_date("Rapat pleno Rabu (12/7) ditutup.", date(2024, 6, 1))
    assert mention.begin == date(2023, 7, 12)


def test_a_yearless_date_without_publication_is_left_out():
    assert find_dates("Tamu diterima Selasa (5/11).", None) == []
    assert find_dates("Panen raya 17 Agustus nanti.", None) == []


def test_without_publication_a_weekday_fitting_one_year_near_a_stated_year_decides():
    # 14 March was a Thursday in 2024 (and in 2019, 2030): only 2024 is within a year of 2025.
    text = "Rombongan tiba Kamis (14/3). Pameran bersama digelar Mei 2025 mendatang."
    assert only_date(text, None).begin == date(2024, 3, 14)


@pytest.mark.parametrize("text", [
    "Rombongan tiba Kamis (14/3) dan pulang esoknya.",                  # no year stated
    "Rombongan tiba (14/3). Pameran digelar Mei 2025 mendatang.",        # no weekday
    "Rombongan tiba Sabtu (14/3). Pameran digelar Mei 2024 mendatang.",  # no fitting year
    "Rombongan tiba Kamis (14/3). Kerja sama sejak 2018, diperbarui 2024.",  # 2019 and 2024
])
def test_without_publication_an_unsettled_yearless_date_is_still_left_out(text):
    assert find_dates(text, None) == []


def test_today_and_yesterday_count_from_publication():
    assert only_date("Delegasi itu hari ini berkunjung ke Balai Kota.").begin == PUBLISHED
    assert only_date("Nota itu diteken kemarin di Balai Kota.").begin == date(2024, 11, 5)
    assert find_dates("Tahun kemarin festival itu ramai.", PUBLISHED) == []
    assert find_dates("Delegasi itu hari ini berkunjung ke Balai Kota.", None) == []


def test_an_antara_dateline_gives_its_day():
    mention = only_date("Bogor, 25/5 (Antara) - Wali kota meresmikan taman.", date(2017, 5, 26))
    assert (mention.text, mention.begin) == ("25/5", date(2017, 5, 25))


def test_a_clock_time_after_the_date_joins_the_span_but_not_the_date():
    mention = only_date("Upacara dimulai 3 Juni 2024 pukul 10.00 WITA di lapangan.")
    assert (mention.text, mention.begin) == ("3 Juni 2024 pukul 10.00 WITA", date(2024, 6, 3))
    stamp = only_date("Kamis, 20 Juli 2017 - 20:42 WIB")
    assert stamp.end == len(stamp.text) and stamp.begin == date(2017, 7, 20)


def test_several_dates_come_in_order_without_overlap():
    text = ("Tim tiba Senin (2/12/2019) dan menandatangani MoU pada Rabu, 4 Desember 2019. "
            "Evaluasi dijadwalkan 10-12 Maret 2020.")
    mentions = find_dates(text, None)
    assert [m.begin.isoformat() for m in mentions] == ["2019-12-02", "2019-12-04", "2020-03-10"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


@pytest.mark.parametrize("sentence", [
    "Festival akan digelar Agustus mendatang.",
    "Festival akan digelar Februari 2025 mendatang.",
    "Rapat dihadiri Ketua Komwil I–VI.",
    "Aturan itu tercantum dalam pasal 5/2023.",
    "Hubungi kantor di nomor 0341/123 untuk informasi.",
    "Sesuai Perda Nomor 5/12/2020 tentang pajak.",
    "Sebanyak 31 Februari 2024 tidak pernah ada.",
    "Nomor telepon 0812-3456-7890 aktif.",
    "Dua minggu lalu warga berkumpul.",
])
def test_no_date_is_guessed(sentence):
    assert find_dates(sentence, PUBLISHED) == []


def test_a_month_of_a_year_is_a_hint_not_a_date():
    months = find_months("Festival digelar Februari 2025 mendatang, tepatnya 13-16 Februari 2025.")
    assert [(m.text, m.year, m.month) for m in months] == [("Februari 2025", 2025, 2)]


def test_time_zones_of_indonesia():
    assert parse_time_zone("pukul 09.00 WIB").utcoffset(None) == timedelta(hours=7)
    assert parse_time_zone("pukul 09.00 WITA").utcoffset(None) == timedelta(hours=8)
    assert parse_time_zone("pukul 09.00 WIT").utcoffset(None) == timedelta(hours=9)
    assert parse_time_zone("pukul 09.00") is None


def test_published_values_become_dates():
    assert parse_iso_date("2017-07-20T20:42:00+07:00") == date(2017, 7, 20)
    assert parse_iso_date("2023-07-12") == date(2023, 7, 12)
    assert parse_iso_date("2023-07-12 08:00") == date(2023, 7, 12)
    assert parse_iso_date("kemarin sore") is None
    assert parse_iso_date(None) is None

def test_a_date_in_an_article_url_is_a_hint():
    assert date_from_url("https://kota.example.id/read/2019/12/02/11194151/taman") == \
        date(2019, 12, 2)
    assert date_from_url("https://kota.example.id/2026/01/bupati-hadir.html") is None
    assert date_from_url("https://kota.example.id/berita/read/9617") is None
    assert date_from_url(None) is None
