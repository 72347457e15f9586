"""Personal names as Indonesian news writes them: titles, initials, degrees, variants."""

from __future__ import annotations

import re

from kg.facts import slug

# Honorifics and titles written before a name; never part of the person's key.
TITLES = {"h", "hj", "dr", "drs", "dra", "ir", "prof", "kh", "mr", "mrs", "ms", "alderman",
          "bapak", "ibu", "pak", "bu", "sdr", "sdri", "haji", "hajah", "cak", "mas", "mbak",
          "kang", "abah", "bung", "tuan", "nyonya", "dato", "datuk", "drg", "apt", "ust",
          "ustadz", "habib", "gus", "letjen", "mayjen", "brigjen", "kombes", "irjen", "komjen",
          "jenderal", "kolonel", "ipda", "aiptu", "akbp"}
# Degrees written after a name (S.E., M.Si, ...), compared without dots.
DEGREES = {"se", "sh", "mh", "msi", "mm", "mba", "mpd", "spd", "ssos", "sip", "sstp", "msc",
           "phd", "ak", "mt", "skm", "mkes", "sked", "mag", "mpa", "map", "mec", "st", "ssi",
           "sik", "sipem", "mkn", "ma", "sag", "shi", "skom", "mkom", "sp", "mp", "ssn",
           "sarch", "mars", "sh.mh", "cpa", "mtcp"}
MUHAMMAD = {"m", "moh", "muh", "mochamad", "mochammad", "mohammad", "mohamad", "muhammad",
            "muhamad", "mhd", "moch", "mohd"}
# Balinese name prefixes as news abbreviates them ("IB Rai" is "Ida Bagus Rai").
BALINESE = {"ib": "ida bagus", "ida bagus": "ida bagus", "aa": "anak agung",
            "ign": "i gusti ngurah", "igst": "i gusti", "cok": "cokorda", "tjok": "cokorda"}
# Capitalised words that start clauses or name roles: never the first word of a name.
NOT_NAMES = {
    "wali", "walikota", "wakil", "wawako", "wabup", "bupati", "gubernur", "ketua", "sekretaris",
    "direktur", "bendahara", "kepala", "menteri", "presiden", "duta", "camat", "lurah",
    "kota", "kabupaten", "provinsi", "pemkot", "pemkab", "pemprov", "pemerintah", "dalam",
    "menurut", "pada", "di", "dan", "yang", "selain", "sementara", "namun", "saat", "ketika",
    "kami", "kita", "ia", "dia", "mereka", "ini", "itu", "hal", "para", "sebagai", "selaku",
    "bersama", "dengan", "oleh", "untuk", "dari", "ke", "rakernas", "munas", "munaslub",
    "rakor", "apeksi", "apkasi", "asosiasi", "balai", "jalan", "jl", "hotel", "gedung",
    "rapat", "kegiatan", "acara", "festival", "karnaval", "kunjungan", "sister", "city",
    "baca", "foto", "editor", "penulis", "reporter", "copyright", "dewan", "komisi", "badan",
    "dinas", "kementerian", "universitas", "the", "of", "pt", "cv", "tbk", "indonesia",
    "tahun", "hari", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "selamat", "terima", "kasih", "lebih", "setelah",
    "sebelumnya", "kemudian", "adapun", "tak", "tidak", "juga", "pun", "bahkan", "agenda",
    "pembukaan", "tema", "subtema", "program", "bagi", "melalui", "sehingga", "tentunya",
    "meski", "terlebih", "setidaknya", "pertama", "kedua", "ketiga", "semua",
    "masing", "humas", "biro", "setda", "ruang", "kantor", "municipality",
    "mal", "taman", "pokja", "delegasi", "rombongan", "pengusaha", "pejabat", "negeri",
    "nasional", "internasional", "metropolitan", "administrasi", "adm", "harian", "umum",
    "jenderal", "eksekutif", "bidang", "informasi", "advokasi", "hukum", "daerah", "kerja",
    "sama", "orang", "nomor", "satu", "pemimpin", "tuan", "rumah", "kehadiran", "lu",
    "komisariat", "komwil", "wilayah", "pengurus", "anggota", "forum", "sidang",
    "republik", "se-indonesia", "se-jawa", "se-sumatera", "se-kalimantan", "se-sulawesi",
    # verbs that title-case headlines capitalise ("Bupati Batu Bara Hadiri Pembukaan")
    "hadiri", "hadir", "buka", "membuka", "menerima", "resmikan", "sambut",
    "gelar", "ajak", "minta", "dorong", "tinjau", "serahkan", "lantik", "pimpin", "ikuti",
    "jajaki", "tandatangani", "teken", "bahas", "siap", "apresiasi", "kunjungi", "raih",
    "berkunjung", "bertemu", "temui", "paparkan", "sampaikan", "luncurkan", "harap",
}
NOT_NAMES.discard("lu")  # "Lu Kang": short Chinese surnames are names

_NAME_TOKEN = r"(?:[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*\.?|[A-Z]\.)"
# Lower-case particles inside names ("Jan van Zanen", "Anwar bin Ibrahim"), only between
# capitalised words.
_PARTICLE = r"(?:van\s+(?:der\s+|den\s+|de\s+)?|von\s+|de\s+|der\s+|bin\s+|binti\s+)"
NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+{_PARTICLE}?{_NAME_TOKEN}){{0,6}}")
_TITLE_RE = re.compile(r"(?:(?:" + "|".join(sorted(TITLES, key=len, reverse=True))
                       + r")\.?\s+)+", re.IGNORECASE)
_DEGREES_AFTER = re.compile(r"(?:,?\s*(?:[A-Z][a-zA-Z]{0,3}\.){1,3}(?:\s?[A-Z][a-zA-Z]{0,3}\.?)?)+")


def words(name: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9'’]+", name.lower().replace(".", " ")) if w]


def strip_titles(name: str) -> str:
    """``"H. Baharuddin Siagian, S.E."`` -> ``"Baharuddin Siagian"``."""
    tokens = name.replace(",", " ").split()
    while tokens and tokens[0].rstrip(".").lower() in TITLES:
        tokens.pop(0)
    while tokens and tokens[-1].replace(".", "").lower() in DEGREES:
        tokens.pop()
    return " ".join(tokens)


def person_key(name: str) -> str:
    """The key shared by a person's name variants ("Mochamad Anton" = "M Anton").

    >>> person_key("H. Mochamad Anton")
    'person/m-anton'
    >>> person_key("Hwang Myeong-seon")
    'person/hwang-myeong-seon'
    """
    parts = [BALINESE.get(w, "m" if w in MUHAMMAD else w) for w in words(strip_titles(name))]
    return "person/" + slug(" ".join(parts))


def read_name(text: str, pos: int, limit: int | None = None) -> tuple[int, int, str] | None:
    """The name starting at ``pos`` (after optional titles): (start, end, name) or None.

    A name is up to seven capitalised words or initials; it stops at a lower-case word, a
    comma, a bracket, or a word that starts clauses or names roles.
    """
    end_limit = len(text) if limit is None else limit
    title = _TITLE_RE.match(text, pos, end_limit)
    start = title.end() if title else pos
    match = NAME.match(text, start, end_limit)
    if not match:
        return None
    tokens = match.group().split()
    kept: list[str] = []
    for token in tokens:
        bare = token.rstrip(".").lower()
        if bare in NOT_NAMES:
            break
        kept.append(token)
        if token.endswith(".") and len(bare) > 1 and bare not in MUHAMMAD | TITLES:
            break  # "Byung-soo. Kedatangannya": the full stop ends the sentence
    if kept and kept[-1].endswith(".") and len(kept[-1]) > 2:
        kept[-1] = kept[-1][:-1]  # "Mas'ud." at a sentence end: the dot ends the sentence
    if not kept or (len(kept) == 1 and len(kept[0].rstrip(".")) < 3):
        return None
    end = start + _span_of(text[start:], kept)
    return start, end, " ".join(kept)


def _span_of(segment: str, tokens: list[str]) -> int:
    pos = 0
    for token in tokens:
        pos = segment.index(token, pos) + len(token)
    return pos
