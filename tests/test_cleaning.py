"""Cleaning blanks page furniture but leaves every character of the story where it was."""

import pytest

from kg.cleaning import clean, clean_article, find_dateline, find_page_date

STORY = "BOGOR - Wali Kota Bogor meresmikan taman kota baru di pusat kota, Senin (4/3/2024)."

PAGE = "\n".join([
    "Wali Kota Resmikan Taman Kota Baru",
    "",
    "Senin, 4 Maret 2024 - 14:05 WIB",
    "Wali Kota Resmikan Taman Kota Baru",
    "A A A",
    "Penulis: Rina Kartika | Editor: Budi Santoso",
    STORY,
    "Baca juga: Banjir Surut, Warga Kembali ke Rumah",
    "Taman itu dilengkapi jalur lari dan perpustakaan mini untuk warga.",
    "Advertisement",
    "Baca juga:",
    "  Harga Cabai Turun Jelang Lebaran",
    "  Festival Kuliner Digelar Akhir Pekan",
    "",
    "Warga menyambut baik taman tersebut, kata kepala dinas. (adv)",
    "(rka)",
    "Copyright © 2024 Harian Contoh",
    "All Rights Reserved",
    "halaman/ rendering in 0.8123 seconds (0.1#10.140)",
])


def kept_words(text: str, title: str | None = None) -> str:
    cleaned = clean(text, title)
    assert len(cleaned) == len(text)
    assert [i for i, c in enumerate(cleaned) if c == "\n"] == \
        [i for i, c in enumerate(text) if c == "\n"]
    return " ".join(cleaned.split())


def test_only_the_story_survives_and_offsets_still_point_into_the_original():
    cleaned = clean(PAGE, title="Wali Kota Resmikan Taman Kota Baru")
    assert " ".join(cleaned.split()) == " ".join([
        STORY,
        "Taman itu dilengkapi jalur lari dan perpustakaan mini untuk warga.",
        "Warga menyambut baik taman tersebut, kata kepala dinas.",
    ])
    at = cleaned.index("meresmikan taman")
    assert PAGE[at:at + len("meresmikan taman")] == "meresmikan taman"


def test_the_page_stamp_is_blanked_but_its_date_is_kept():
    article = clean_article(PAGE, title="Wali Kota Resmikan Taman Kota Baru")
    assert "14:05" not in article.text
    assert article.page_date == "2024-03-04"
    assert article.dateline is not None and article.dateline[1] == "BOGOR"


def test_a_numeric_page_stamp_gives_its_date():
    page = "Judul Berita\n\nKoranKita.com - 04/03/2024, 14:05 WIB\nBOGOR, KoranKita.com - Isi."
    assert find_page_date(page) == "2024-03-04"
    assert "14:05" not in clean(page)
    assert find_page_date("BOGOR - Wali kota meresmikan taman, Senin (4/3/2024).") is None


def test_without_a_title_the_first_headline_stays_and_its_copies_go():
    text = ("Dua Kota Sepakat Kerja Sama Wisata\nDua Kota Sepakat Kerja Sama Wisata\n"
            "SOLO - Kedua kota sepakat bekerja sama.")
    assert kept_words(text) == "Dua Kota Sepakat Kerja Sama Wisata SOLO - Kedua kota sepakat " \
                               "bekerja sama."


def test_a_caption_keeps_its_words_once_without_the_credit():
    caption = ("Wali Kota Bogor meninjau taman kota baru bersama warga di pusat kota, "
               "Bogor, 4 Maret 2024.")
    text = f"  • {caption} DIMAS PRATAMA\n\n    {caption} DIMAS PRATAMA\n\n    {STORY}"
    assert kept_words(text) == f"{caption} {STORY}"


def test_a_caption_glued_to_its_own_copy_is_kept_once():
    caption = "Wali Kota Bogor dan tamu dari Jepang saat penandatanganan MoU kota kembar"
    text = f"{caption} Humas Pemkot Bogor{caption}\n\n{STORY}"
    assert kept_words(text) == f"{caption} Humas Pemkot Bogor {STORY}"


def test_tempo_style_widgets_and_bullets_are_blanked():
    text = "Oleh :\n  • Font:\n  • Ukuran Font: - +\n  • " + STORY
    assert kept_words(text) == STORY


def test_a_read_also_block_ends_at_the_blank_line():
    text = "Baca:\n  Judul Pertama Lain\n  Judul Kedua Lain\n\nKalimat cerita berlanjut di sini."
    assert kept_words(text) == "Kalimat cerita berlanjut di sini."


def test_a_bracketed_read_also_link_inside_the_story_is_blanked():
    text = ("Rapat dibuka pagi ini. (Baca juga: Bupati Se-Jawa Kumpul di Solo) Rapat ditutup "
            "sore.\n[Baca Juga: Wali Kota Hadiri Festival]")
    assert kept_words(text) == "Rapat dibuka pagi ini. Rapat ditutup sore."


def test_story_sentences_that_merely_mention_furniture_words_stay():
    text = ("Warga diminta membaca juga aturan baru itu.\n"
            "Sengketa hak cipta lagu daerah dibahas di DPRD.\n"
            "Ketua panitia, Andi, mengatakan acara berjalan lancar. Panitia APEKSI\n"
            "Minggu (10/3/2024) warga berkumpul.")
    assert clean(text) == text


@pytest.mark.parametrize(("opening", "place"), [
    ("MALANG - Wali kota hadir.", "MALANG"),
    ("MAKASSAR – Wali kota hadir.", "MAKASSAR"),
    ("MALANG, KOMPAS.com - Wali kota hadir.", "MALANG"),
    ("DENPASAR, KOMPAS.com - Wali kota hadir.", "DENPASAR"),
    ("SURYAMALANG.COM, SURABAYA - Wali kota hadir.", "SURABAYA"),
    ("Medan, 25/5 (Antara) - Wali kota hadir.", "Medan"),
    ("Jakarta Selatan - Wali kota hadir.", "Jakarta Selatan"),
    ("Liputan6.com, Jakarta - Wali kota hadir.", "Jakarta"),
    ("TEMPO.CO, Jakarta - Wali kota hadir.", "Jakarta"),
    ("Bogor (ANTARA) - Wali kota hadir.", "Bogor"),
])
def test_the_dateline_gives_the_place_as_written(opening, place):
    text = "\n\n    " + opening
    span, name = find_dateline(text)
    assert name == place == span.text == text[span.start:span.end]


@pytest.mark.parametrize("text", [
    "Wali kota hadir di Malang - kata warga.",
    "KoranKita.com - 04/03/2024, 14:05 WIB",
    "DikoNews7 -\nBupati hadir.",
    "Rakor jelang Munas APEKSI\nBupati hadir.",
])
def test_no_dateline_is_invented(text):
    assert find_dateline(text) is None
