"""Reading crawled news from real files: good records come through, bad ones are reported."""

import gzip
import json

from kg.reading import Article, ReadProblem, read_articles, text_sha256

STORY = "BOGOR - Wali Kota Bogor menerima delegasi kota kembar dari Jepang, Selasa (5/3/2024)."


def record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, ReadProblem)])


def test_a_jsonl_file_with_bad_lines_still_gives_its_good_records(tmp_path):
    path = tmp_path / "berita.jsonl"
    lines = [
        record(id="b1", url="https://contoh.id/b1", title="Delegasi Jepang",
               published="2024-03-05T10:00:00+07:00", text=STORY).encode(),
        b"{not json",
        b"",
        record(id="b3", title="Tanpa teks").encode(),
        b'{"id": "b4", "text": "Kota Bogor \xff rusak"}',  # a byte no UTF-8 text holds
        b'["a", "list"]',
        record(id="b6", text=42).encode(),
        record(id="b7", text="   ").encode(),
        record(text="Wali kota menanam pohon di taman kota.", published="2023-07-12").encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")

    articles, problems = split(read_articles([path]))

    unnamed = text_sha256("Wali kota menanam pohon di taman kota.")[:16]
    assert [a.id for a in articles] == ["b1", unnamed]
    first, last = articles
    assert (first.url, first.title, first.published) == \
        ("https://contoh.id/b1", "Delegasi Jepang", "2024-03-05T10:00:00+07:00")
    assert first.source == "https://contoh.id/b1"
    assert last.source == path.resolve().as_uri() + "#L9"
    assert last.published == "2023-07-12"
    assert [p.line for p in problems] == [2, 4, 5, 6, 7, 8]
    assert str(problems[0]).startswith(f"{path}:2: invalid JSON")
    assert "UTF-8" in problems[2].message
    assert "text" in problems[1].message and "text" in problems[4].message


def test_a_record_without_id_takes_it_from_its_url(tmp_path):
    path = tmp_path / "tanpa-id.jsonl"
    path.write_text(record(url="https://www.contoh.id/2024/03/05/delegasi-jepang", text=STORY))
    (article,) = read_articles([path])
    assert article.id == "contoh-id-2024-03-05-delegasi-jepang"


def test_a_gzipped_jsonl_file_is_read(tmp_path):
    path = tmp_path / "arsip.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(record(id="g1", text=STORY) + "\n")
    (article,) = read_articles([path])
    assert (article.id, article.text) == ("g1", STORY)


def test_an_indonesian_published_date_becomes_iso(tmp_path):
    path = tmp_path / "tanggal.jsonl"
    path.write_text(record(id="t1", published="Selasa, 5 Maret 2024 10:00 WIB", text=STORY))
    (article,) = read_articles([path])
    assert article.published == "2024-03-05"


def test_a_text_file_gives_its_stem_and_headline(tmp_path):
    path = tmp_path / "delegasi-jepang.txt"
    path.write_text("Wali Kota Bogor Terima Delegasi Jepang\n\n" + STORY + "\n", encoding="utf-8")
    (article,) = read_articles([path])
    assert (article.id, article.title, article.url) == \
        ("delegasi-jepang", "Wali Kota Bogor Terima Delegasi Jepang", None)
    assert article.source == path.resolve().as_uri()


def test_a_text_file_opening_with_its_story_has_no_title(tmp_path):
    path = tmp_path / "langsung.txt"
    path.write_text(STORY + "\nWarga menyambut baik kunjungan itu.\n", encoding="utf-8")
    (article,) = read_articles([path])
    assert article.title is None


PAGE = """<!DOCTYPE html><html><head>
<title>Wali Kota Bogor Terima Delegasi Kota Kembar | Berita Contoh</title>
<link rel="canonical" href="https://berita.contoh.id/2024/03/05/delegasi-kota-kembar">
<meta property="og:title" content="Wali Kota Bogor Terima Delegasi Kota Kembar">
<meta property="article:published_time" content="2024-03-05T09:30:00+07:00">
</head><body><nav><a href="/">Beranda</a> <a href="/kota">Kota</a></nav>
<article><h1>Wali Kota Bogor Terima Delegasi Kota Kembar</h1>
<p>BOGOR - Wali Kota Bogor menerima delegasi kota kembarnya di Balai Kota Bogor pada Selasa
(5/3/2024). Pertemuan itu membahas kerja sama pendidikan dan pariwisata yang sudah berjalan.</p>
<p>Menurut wali kota, kunjungan tersebut memperluas pertukaran pelajar dan promosi wisata
kedua kota. Kedua pihak sepakat menyusun rencana kerja baru pada tahun depan.</p>
</article>
<div class="comments"><p>Komentar pembaca: Mantap sekali, semoga lancar kerja samanya!</p></div>
<footer>Hak cipta Berita Contoh</footer></body></html>"""


def test_an_html_page_gives_its_main_text_and_metadata(tmp_path):
    path = tmp_path / "halaman.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_articles([path])
    assert article.url == "https://berita.contoh.id/2024/03/05/delegasi-kota-kembar"
    assert article.id == "berita-contoh-id-2024-03-05-delegasi-kota-kembar"
    assert article.title == "Wali Kota Bogor Terima Delegasi Kota Kembar"
    assert article.published == "2024-03-05"
    assert "menerima delegasi kota kembarnya" in article.text
    assert "Beranda" not in article.text and "Mantap sekali" not in article.text


def test_an_html_page_without_text_is_a_problem(tmp_path):
    path = tmp_path / "kosong.htm"
    path.write_text("<html><head><title>Kosong</title></head><body></body></html>")
    (problem,) = read_articles([path])
    assert isinstance(problem, ReadProblem) and "text" in problem.message


def test_a_folder_is_walked_in_sorted_order_taking_known_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "dua.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(record(id="satu", text=STORY) + "\n")
    (tmp_path / "c.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "catatan.md").write_text("bukan berita")
    (tmp_path / ".tersembunyi.txt").write_text(STORY)
    assert [a.id for a in read_articles([tmp_path])] == ["satu", "dua", "c"]


def test_missing_and_unknown_paths_are_problems_and_reading_goes_on(tmp_path):
    unknown = tmp_path / "data.csv"
    unknown.write_text("id,text\n")
    good = tmp_path / "baik.txt"
    good.write_text(STORY, encoding="utf-8")
    items = list(read_articles([tmp_path / "hilang.jsonl", unknown, good]))
    assert [type(i).__name__ for i in items] == ["ReadProblem", "ReadProblem", "Article"]
    assert "no such file" in items[0].message
    assert "unknown kind of file" in items[1].message


def test_a_text_file_that_is_not_utf8_is_a_problem(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Wali Kota hadir di Balai Kota\ncaf\xe9\n")
    (problem,) = read_articles([path])
    assert isinstance(problem, ReadProblem) and "UTF-8" in problem.message
