"""The offline gazetteer: every known place name, and a fast scan of an article for them.

Built by :mod:`kg.kb_build` into ``kg/data/gazetteer.json.gz``. Names are compared
case-, accent- and punctuation-insensitively ("XI’AN", "Xian", "Xi'an" are one name), but a
mention must be capitalised as written: Indonesian words that are also place names ("batu",
"kota", "timur") never match in lower case.

>>> gaz = load_gazetteer()
>>> [e.key for e in gaz.candidates("Wali Kota Malang")]
['place/kota-malang']
>>> [(m.surface, m.cue) for m in gaz.find_mentions("Bupati Malang bertemu Wali Kota Batu.")]
[('Malang', 'kabupaten'), ('Batu', 'kota')]
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import KotakgError
from kg.facts import Place
from kg.resources import data_dir

TOKEN = re.compile(r"[^\W_]+(?:['’`][^\W_]+)*")
APOSTROPHES = re.compile(r"['’`]")

# The administrative word right before a name, and the kind of place it announces. Multi-word
# cues ("Wali Kota", "Pemerintah Kota", "Wakil Bupati") end in one of these words.
CUE_WORDS = {
    "kota": "kota", "walikota": "kota", "pemkot": "kota", "wawako": "kota",
    "balaikota": "kota", "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten",
    "bupati": "kabupaten", "wabup": "kabupaten", "provinsi": "province", "propinsi": "province",
    "prov": "province", "pemprov": "province", "gubernur": "province", "wagub": "province",
}
# Words that may stand between the cue and the name: "Kota Administrasi Jakarta Selatan".
CUE_FILLERS = {"administrasi", "adm"}
# Words before a name that make it a street, not the place: "Jalan Metro Tanjung Bunga".
STREET_WORDS = {"jalan", "jl", "jln"}
# Never a place on their own, however written.
GENERIC = {
    "kota", "kabupaten", "provinsi", "selatan", "timur", "barat", "tengah", "utara", "raya",
    "bay", "nusantara", "pusat", "baru", "jaya", "daya", "laut", "pulau", "kepulauan", "besar",
    "indah", "city", "north", "south", "east", "west", "central", "new", "port", "saint", "st",
    "island", "islands", "asia", "mr", "mrs", "dr", "sister",
}
# Place names that are also common Indonesian words: capitalised at the start of a sentence
# they are just words, so there they need a cue ("Kota Batu", "Kabupaten Pati").
COMMON_WORDS = {
    "batu", "batang", "pati", "kudus", "metro", "puncak", "bone", "buru", "banjar", "landak",
    "agam", "lahat", "seram", "sigi", "muna", "tual", "aru", "lingga", "kaur", "paser",
    "tapin", "bima", "karo", "dairi", "alor", "ende", "solok", "bangli", "kapuas",
}
# Lower-case words allowed inside a multi-word name ("Pangkajene dan Kepulauan").
CONNECTORS = {"dan", "di", "de", "la", "le", "upon", "on", "the", "of", "am", "an", "der",
              "aan", "den", "op", "sur", "en", "y", "da", "do", "del"}
# Capitalised words that may follow a place name without making it part of a longer name.
FOLLOWERS = {
    "mr", "mrs", "ms", "h", "hj", "dr", "drs", "ir", "prof", "kh", "pak", "bu", "ibu", "bapak",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "antara", "kompas",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "wib", "wita", "wit", "yang", "dan", "untuk", "pada",
}
KIND_ORDER = {"kota": 0, "kabupaten": 1, "province": 2, "country": 3, "foreign-city": 4}
# Foreign towns smaller than this need their country named in the article: dr5hn lists
# thousands of small towns whose names are also words or people's names.
WELL_KNOWN_POPULATION = 1_000_000


@dataclass(frozen=True)
class Entry:
    """One place of the gazetteer."""

    key: str  # place/kota-malang
    name: str
    kind: str  # kota | kabupaten | province | country | foreign-city
    country: str  # ISO 3166-1 alpha-2
    province: str | None  # key of the province, for Indonesian kota and kabupaten
    wikidata: str | None  # QID, None when no trusted source gives one
    population: int | None
    labels: dict[str, str] = field(hash=False, compare=False)
    aliases: tuple[str, ...] = ()
    coordinates: tuple[float, float] | None = None  # (lat, lon)
    qid_source: str | None = None  # "soluvas" or "dr5hn" (less certain)

    def to_place(self) -> Place:
        """The fact-model place for this entry, without mentions or a link decision."""
        return Place(key=self.key, name=self.name, kind=self.kind, country=self.country,
                     province=self.province, labels=dict(self.labels))


@dataclass(frozen=True)
class Mention:
    """A place name found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    candidates: list[Entry] = field(hash=False)
    cue: str | None  # "kota" | "kabupaten" | "province" | None


@lru_cache(maxsize=1 << 16)  # words repeat across articles: fold each once
def fold(text: str) -> str:
    """A name reduced for comparison: no accents, case, apostrophes or punctuation.

    >>> fold("XI’AN") == fold("Xi'an") == fold("Xian")
    True
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(APOSTROPHES.sub("", t) for t in TOKEN.findall(text))


def _capitalised(token: str, position: int) -> bool:
    """Is a word of a name written as a name would be (or a connector inside one)?"""
    return token[0].isupper() or token[0].isdigit() or (
        position > 0 and token.casefold() in CONNECTORS)


class Gazetteer:
    """All entries, an alias index, and a token trie for scanning texts."""

    def __init__(self, records: list[dict[str, Any]], attribution: str = ""):
        self.attribution = attribution
        self.entries = [_entry(r) for r in records]
        self._by_key = {e.key: e for e in self.entries}
        self._by_alias: dict[str, list[Entry]] = {}
        self._by_compact: dict[str, list[Entry]] = {}  # "pare pare" and "parepare" as one
        self._trie: dict[str, Any] = {}
        for e in self.entries:
            for alias in e.aliases:
                self._index(alias, e)
        for found in [*self._by_alias.values(), *self._by_compact.values()]:
            found.sort(key=_rank)

    def _index(self, alias: str, e: Entry) -> None:
        folded = fold(alias)
        if not folded or folded in GENERIC:
            return
        for index, name in ((self._by_alias, folded), (self._by_compact, _compact(folded))):
            found = index.setdefault(name, [])
            if e not in found:
                found.append(e)
        node = self._trie
        for token in folded.split(" "):
            node = node.setdefault(token, {})
        acronym = alias.isupper() and len(alias) <= 4
        node.setdefault("", []).append((e, acronym))

    def entry(self, key: str) -> Entry | None:
        """The entry with that key (``place/kota-malang``), if any."""
        return self._by_key.get(key)

    def candidates(self, surface: str) -> list[Entry]:
        """Every entry a name may denote; a leading cue ("Kota", "Bupati") narrows the kind.

        >>> [e.key for e in load_gazetteer().candidates("Kabupaten Malang")]
        ['place/kabupaten-malang']
        """
        tokens = fold(surface).split(" ")
        cue = None
        while len(tokens) > 1 and (tokens[0] in CUE_WORDS or tokens[0] in CUE_FILLERS
                                   or tokens[0] in {"wali", "wakil", "pemerintah"}):
            cue = CUE_WORDS.get(tokens.pop(0), cue)
        name = " ".join(tokens)
        found = self._by_alias.get(name) or self._by_compact.get(_compact(name), [])
        narrowed = [e for e in found if cue and kind_fits(e.kind, cue)]
        return list(narrowed or found)

    def find_mentions(self, text: str) -> list[Mention]:
        """Every place name in the text, longest match first, left to right.

        Foreign towns count only when their country is named in the text, or when they are
        big (Busan, Beijing); see :func:`_foreign_ok`.
        """
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        folded = [fold(t[2]) for t in tokens]
        raw: list[tuple[Mention, int, int]] = []
        i = 0
        while i < len(tokens):
            hit = self._longest(text, tokens, folded, i)
            if hit is None:
                i += 1
                continue
            j, found = hit
            mention = Mention(tokens[i][0], tokens[j][1], text[tokens[i][0]:tokens[j][1]],
                              found, _cue(text, tokens, folded, i))
            if _plausible(text, tokens, folded, i, j, mention, self._trie):
                raw.append((mention, i, j))
            i = j + 1
        countries = {e.country for m, _, _ in raw for e in m.candidates if e.kind == "country"}
        return [m for m, i, j in raw if _foreign_ok(m, countries)]

    def _longest(self, text: str, tokens: list[tuple[int, int, str]], folded: list[str],
                 i: int) -> tuple[int, list[Entry]] | None:
        """The last token and the entries of the longest name starting at token ``i``."""
        node, best = self._trie, None
        for j in range(i, len(tokens)):
            if j > i and text[tokens[j - 1][1]:tokens[j][0]] not in {" ", "-", "–"}:
                break
            node = node.get(folded[j])
            if node is None or not _capitalised(tokens[j][2], j - i):
                break
            words = [t[2] for t in tokens[i:j + 1]]
            found = [e for e, acronym in node.get("", [])
                     if not acronym or all(w.isupper() for w in words)]
            if found:
                best = (j, sorted(dict.fromkeys(found), key=_rank))
        return best


def kind_fits(kind: str, cue: str) -> bool:
    """Does a cue word fit a kind of place? Foreign cities are "kota" in Indonesian."""
    return kind == cue or (cue == "kota" and kind == "foreign-city")


def _compact(folded: str) -> str:
    return folded.replace(" ", "")


def _rank(e: Entry) -> tuple[int, int]:
    return KIND_ORDER.get(e.kind, 9), -(e.population or 0)


def _cue(text: str, tokens: list[tuple[int, int, str]], folded: list[str], i: int) -> str | None:
    """The kind a cue word right before token ``i`` announces ("Wali Kota", "Kab.")."""
    k = i - 1
    while k >= 0 and _joined(text, tokens, k) and folded[k] in CUE_FILLERS:
        k -= 1
    if k >= 0 and _joined(text, tokens, k):
        return CUE_WORDS.get(folded[k])
    return None


def _joined(text: str, tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Is token ``k`` followed by the next one with only spaces or a dot between?"""
    return text[tokens[k][1]:tokens[k + 1][0]].strip(" .") == ""


def _plausible(text: str, tokens: list[tuple[int, int, str]], folded: list[str], i: int, j: int,
               mention: Mention, trie: dict[str, Any]) -> bool:
    """Reject names that are words, streets or part of a longer proper name."""
    name = " ".join(folded[i:j + 1])
    if name in GENERIC:
        return False
    if i > 0 and _joined(text, tokens, i - 1) and folded[i - 1] in STREET_WORDS:
        return False
    if mention.cue:
        return True
    if name in COMMON_WORDS and _sentence_start(text, mention.start):
        return False
    if i == j and j + 1 < len(tokens) and text[tokens[j][1]:tokens[j + 1][0]] == " ":
        nxt = tokens[j + 1][2]
        # "Bima Arya": a name followed by a capitalised word that is no place is a person's.
        if nxt[0].isupper() and folded[j + 1] not in FOLLOWERS and folded[j + 1] not in trie:
            return False
    return True


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n:"


def _foreign_ok(mention: Mention, countries: set[str]) -> bool:
    """A foreign town needs its country named in the text, a city cue, or to be big; a short name
    (≤ 4 letters: "Kita" is also "we") needs its country and a cue, or to be big ("Xian")."""
    foreign = [e for e in mention.candidates if e.kind == "foreign-city"]
    if len(foreign) < len(mention.candidates):
        return True
    in_country = any(e.country in countries for e in foreign)
    big = max((e.population or 0) for e in foreign) >= WELL_KNOWN_POPULATION
    if len(fold(mention.surface).replace(" ", "")) <= 4:
        return in_country and (big or mention.cue is not None)
    return in_country or big or mention.cue == "kota"  # "Wali Kota Gimhae" says it is a city


def _entry(r: dict[str, Any]) -> Entry:
    coords = r.get("coordinates")
    return Entry(key=r["key"], name=r["name"], kind=r["kind"], country=r["country"],
                 province=r.get("province"), wikidata=r.get("wikidata"),
                 population=r.get("population"), labels=dict(r.get("labels") or {}),
                 aliases=tuple(r.get("aliases") or ()),
                 coordinates=tuple(coords) if coords else None,
                 qid_source=r.get("qid_source"))


def gazetteer_path() -> Path:
    """Where the built gazetteer ships."""
    return data_dir() / "gazetteer.json.gz"


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer (built once per process and path).

    :raises KotakgError: if the file is missing (run ``python -m kg.kb_build``).
    """
    location = Path(path) if path else gazetteer_path()
    try:
        with gzip.open(location, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError as e:
        raise KotakgError(f"{location}: no gazetteer (run `python -m kg.kb_build`)") from e
    return Gazetteer(data["entries"], data.get("attribution", ""))
