"""Token features for the CRF name recogniser, shared by training and tagging.

Everything a token contributes on its own (word, shape, affixes, word clusters, cue-word class)
is computed once per distinct word and cached, already prefixed for each of the five window
positions (-2..+2): tagging a sentence is then mostly tuple concatenation, which keeps the
tagger well above 50,000 tokens/s on one core. Only the word bigrams and the gazetteer matches
depend on the sentence.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    """A word list written as running text, for readability."""
    return frozenset(text.split())


# Titles and roles written before a person's name ("Wali Kota Madiun Maidi", "Hj. Kustini").
TITLE_CUES = _words("""
h h. hj hj. dr dr. drs drs. dra dra. ir ir. prof prof. kh kh. kh. mr mr. mrs mrs. ms ms.
bapak ibu pak bu sdr sdr. sdri haji hajah tuan nyonya dato datuk drg drg. ust ust. ustadz habib
gus cak mas mbak kang bung syekh kiai kyai raden rm pdt pdt. romo pastor
wali walikota wawali wakil wawako wabup bupati gubernur wagub presiden wapres menteri menko mendagri
ketua ketum wakil sekretaris sekjen sekda direktur dirut kepala kadis kabag kasat kapolri kapolda
kapolres kapolsek kajati kajari kasi camat lurah kades ketua kabid anggota juru jubir
jenderal letjen mayjen brigjen kolonel kombes akbp kompol iptu ipda aiptu irjen komjen laksamana
marsekal danrem dandim pangdam kasad kasal kasau panglima senator perdana raja ratu pangeran
""")
# Words that head organisation names ("Pemerintah Kota", "Dinas Pendidikan", "PT Garuda").
ORG_CUES = _words("""
asosiasi pemerintah pemkot pemkab pemprov kementerian kemenkeu kemendagri dinas badan komisi dewan
dpr dprd mpr dpd partai fraksi pt cv tbk persero bank universitas univ institut sekolah akademi
politeknik yayasan lembaga kantor perusahaan perum perseroan koperasi persatuan ikatan himpunan
perhimpunan majelis mahkamah pengadilan kejaksaan kejati kejari kepolisian polri polda polres
polsek tni kodam korem kodim rs rsud puskesmas satpol bappeda bpbd bumn bumd pdam pln pertamina
kpk kpu bawaslu ojk bi bpk bpjs apeksi apkasi apindo kadin pwi ormas organisasi federasi
serikat liga klub fc group grup holding corporation corp inc ltd co company association council
ministry department agency university
""")
# Words that head place names ("Kota Madiun", "Kabupaten Sleman", "Jalan Sudirman").
LOC_CUES = _words("""
kota kabupaten kab kab. provinsi prov prov. desa kecamatan kelurahan kampung dusun jalan jl jl.
pulau kepulauan sungai gunung danau selat teluk laut samudra tanjung negara negeri daerah
wilayah kawasan bandara pelabuhan stasiun terminal balai alun-alun lapangan taman pasar
""")
# Prepositions that often come before a place ("di Madiun", "ke Jakarta", "dari Bandung").
PLACE_PREPS = frozenset({"di", "ke", "dari", "asal", "menuju", "sekitar", "wilayah"})

_CACHE_LIMIT = 200_000


def shape(word: str) -> str:
    """Collapsed character classes, so "Maidi" and "Kustini" look alike ("Xx")."""
    out: list[str] = []
    last = ""
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)


def cue_class(low: str) -> str:
    """The cue-word class of a lower-cased word: title, organisation, place, preposition."""
    if low in TITLE_CUES:
        return "T"
    if low in ORG_CUES:
        return "O"
    if low in LOC_CUES:
        return "L"
    if low in PLACE_PREPS:
        return "P"
    return ""


@dataclass
class Lexicon:
    """What the features look up: word classes and multi-word place names.

    ``words`` maps a lower-cased word to its classes, one per name in ``columns``: cluster ids
    (coarse to fine), how often nlp-id tags it as a proper noun, the entity type other
    annotated corpora give it, and the type a first-pass model mostly gives it in unlabelled
    news (``at``, see ``kg.ner_train.auto_types``). ``places`` maps the first lower-cased word
    of a place name to the names (as word tuples) starting with it.
    """

    columns: tuple[str, ...] = ("k0", "k1", "k2")
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    known: frozenset[str] | None = None
    _cache: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, folder: Path) -> Lexicon:
        """Read ``words.tsv.gz`` and ``places.txt.gz`` as written by :func:`save`."""
        lex = cls()
        with gzip.open(folder / "words.tsv.gz", "rt", encoding="utf-8") as fh:
            lex.columns = tuple(fh.readline().rstrip("\n").split("\t")[1:])
            for line in fh:
                word, *ids = line.rstrip("\n").split("\t")
                lex.words[word] = tuple(ids)
        with gzip.open(folder / "places.txt.gz", "rt", encoding="utf-8") as fh:
            lex.add_places(line.rstrip("\n") for line in fh)
        return lex

    def save(self, folder: Path) -> None:
        """Write the lexicon next to the model (gzip with mtime 0, so rebuilds are identical)."""
        head = "word\t" + "\t".join(self.columns) + "\n"
        rows = "".join(f"{w}\t" + "\t".join(ids) + "\n" for w, ids in sorted(self.words.items()))
        names = sorted(" ".join(n) for names in self.places.values() for n in names)
        _write_gz(folder / "words.tsv.gz", head + rows)
        _write_gz(folder / "places.txt.gz", "".join(n + "\n" for n in names))

    def add_places(self, names: Iterable[str]) -> None:
        """Index place names by first word, longest first so the longest match wins."""
        for name in names:
            words = tuple(name.lower().split())
            if words and words not in self.places.get(words[0], ()):
                self.places.setdefault(words[0], []).append(words)
        for options in self.places.values():
            options.sort(key=len, reverse=True)

    def word(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The five window-prefixed feature tuples of one word, cached."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            found = self._word_features(word)
            if self.known is not None:
                known = self.known
                found = tuple(tuple(f for f in group if f in known) for group in found)
            self._cache[word] = found
        return found

    def _word_features(self, word: str) -> tuple[tuple[str, ...], ...]:
        """Features of ``word`` at positions -2, -1, 0, +1, +2 (position 0 gets the most)."""
        low = word.lower()
        shp = shape(word)
        found = self.words.get(low)
        classes = [f"{c}={v}" for c, v in zip(self.columns, found or (), strict=False) if v]
        cue = cue_class(low)
        flags = []
        if word.istitle():
            flags.append("T")
        if word.isupper():
            flags.append("U")
        if any(ch.isdigit() for ch in word):
            flags.append("D")
        if len(word) > 1 and ("-" in word or "." in word or "'" in word):
            flags.append("H")
        near = [f"w={low}", f"s={shp}", *classes, *(f"f={f}" for f in flags)]
        if cue:
            near.append(f"q={cue}")
        k1 = found[1] if found else ""
        near.append(f"sk={shp}|{k1}")
        far = [f"w={low}", f"s={shp}", *(c for c in classes if c[:3] in ("k1=", "et=", "pn="))]
        if cue:
            far.append(f"q={cue}")
        centre = near + [f"p2={low[:2]}", f"p3={low[:3]}", f"x2={low[-2:]}", f"x3={low[-3:]}",
                         f"x4={low[-4:]}", f"W={word}", f"n={min(len(word), 8)}"]
        return (
            tuple("-2" + f for f in far),
            tuple("-1" + f for f in near),
            tuple(centre),
            tuple("+1" + f for f in near),
            tuple("+2" + f for f in far),
        )

    def place_marks(self, lows: list[str]) -> list[str]:
        """B/I marks for the longest place names found in the sentence (else "")."""
        marks = [""] * len(lows)
        i = 0
        n = len(lows)
        while i < n:
            options = self.places.get(lows[i])
            step = 1
            if options:
                for name in options:
                    k = len(name)
                    if tuple(lows[i:i + k]) == name:
                        marks[i] = "B"
                        for j in range(i + 1, i + k):
                            marks[j] = "I"
                        step = k
                        break
            i += step
        return marks

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """CRF features for every token of one sentence, windows of ±2 words."""
        per_word = [self.word(t) for t in tokens]
        lows = [t.lower() for t in tokens]
        marks = self.place_marks(lows)
        n = len(tokens)
        pairs = [f"{lows[i]}|{lows[i + 1]}" for i in range(n - 1)]
        if self.known is not None:
            # A word pair the model has no weight for would only cost crfsuite a lookup.
            known = self.known
            pairs = [p if "bl=" + p in known or "br=" + p in known else "" for p in pairs]
        out: list[list[str]] = []
        for i in range(n):
            feats = ["b"]
            feats += per_word[i][2]
            if i == 0:
                feats.append("BOS")
            else:
                feats += per_word[i - 1][1]
                if pairs[i - 1]:
                    feats.append("bl=" + pairs[i - 1])
                if i > 1:
                    feats += per_word[i - 2][0]
            if i == n - 1:
                feats.append("EOS")
            else:
                feats += per_word[i + 1][3]
                if pairs[i]:
                    feats.append("br=" + pairs[i])
                if i < n - 2:
                    feats += per_word[i + 2][4]
            if marks[i]:
                feats.append("g=" + marks[i])
            if i and marks[i - 1]:
                feats.append("g-1=" + marks[i - 1])
            if i < n - 1 and marks[i + 1]:
                feats.append("g+1=" + marks[i + 1])
            out.append(feats)
        return out


def _write_gz(path: Path, text: str) -> None:
    """Gzip ``text`` reproducibly (no timestamp or file name in the header)."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                filename="") as fh:
        fh.write(text.encode("utf-8"))
