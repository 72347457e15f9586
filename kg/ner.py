"""Names of persons, places and organisations in Indonesian news, found by a trained CRF.

The model (``kg/data/ner``) is trained by ``python -m kg.ner_train`` on the IndoLEM and IndoNLU
NER data, with word clusters from unlabelled Indonesian news and a Wikidata place gazetteer;
its README gives the sources, licences and scores.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

import pycrfsuite

from kg.ner_features import Lexicon

MODEL_DIR = Path(__file__).resolve().parent / "data" / "ner"
TYPES = ("PERSON", "LOCATION", "ORGANIZATION")

# Abbreviations whose dot belongs to the word: titles, initials, "Jl.", and dotted degrees.
_ABBREVIATIONS = r"(?:H|Hj|Dr|Drs|Dra|Drg|Ir|Prof|KH|Jl|Kab|Kec|Kel|Prov|Sdr|Ny|Tn|St|No|[A-Z])\."
TOKEN_RE = re.compile(
    r"\w+\.(?:co\.id|com|id|net|org)\b"  # Kompas.com  detik.com
    r"|[A-Za-z]{1,4}(?:\.[A-Za-z]{1,4})+\.?"  # S.E.  M.Si  S.Sos.
    rf"|\b{_ABBREVIATIONS}(?!\w)"  # Hj.  Dr.  M. (an initial)
    r"|(?:Rp)?\d+(?:[.,]\d+)*(?![\w-])"  # 1.000  2,5  Rp1.000.000
    r"|\w+(?:['’\-]\w+)*"  # Myeong-seon  Mas'ud  ke-44
    r"|[^\w\s]"  # any other character on its own
)
# Roles written right before the place they govern ("Bupati Sleman Kustini").
ROLES_BEFORE_PLACE = frozenset({"bupati", "gubernur", "walikota", "kota", "wawali", "wawako",
                                "wabup", "wagub", "camat", "lurah", "kapolres", "kapolda",
                                "kapolresta", "kapolsek", "sekda", "dandim", "kajari", "kajati"})
_SENTENCE_ENDS = frozenset({".", "!", "?"})


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Tokens with their character offsets; keeps names like "Mas'ud" and "M.Si" whole.

    >>> [t for _, _, t in tokenize("Hj. Kustini, S.E., M.Si dan Myeong-seon.")]
    ['Hj.', 'Kustini', ',', 'S.E.', ',', 'M.Si', 'dan', 'Myeong-seon', '.']
    """
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def sentences(text: str, tokens: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Tokens grouped into sentences at ". ! ?" and line breaks, as the model was trained."""
    out: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    last_end = 0
    for tok in tokens:
        if current and "\n" in text[last_end:tok[0]]:
            out.append(current)
            current = []
        current.append(tok)
        last_end = tok[1]
        if tok[2] in _SENTENCE_ENDS:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, type) of each entity in BIO labels; a stray I- starts one.

    >>> spans(["B-PERSON", "I-PERSON", "O", "I-LOCATION"])
    [(0, 2, 'PERSON'), (3, 4, 'LOCATION')]
    """
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, this = label.partition("-")
        if start >= 0 and (prefix != "I" or this != kind):
            found.append((start, i, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, this
    return found


class Tagger:
    """A loaded model with its lexicon; ``tag`` is serialised since crfsuite's isn't re-entrant."""

    def __init__(self, folder: Path = MODEL_DIR):
        self.lexicon = Lexicon.load(folder)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(folder / "model.crfsuite"))
        # Features the model has no weight for are dropped before crfsuite sees them.
        self.lexicon.known = frozenset(a for a, _ in self._crf.info().state_features)
        self._lock = threading.Lock()

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO labels (PERSON, LOCATION, ORGANIZATION) for one tokenized sentence.

        >>> load_tagger().tag(["Bupati", "Sleman", "Kustini", "tiba", "di", "Yogyakarta", "."])
        ['O', 'B-LOCATION', 'B-PERSON', 'O', 'O', 'B-LOCATION', 'O']
        """
        if not tokens:
            return []
        features = self.lexicon.sentence(tokens)
        with self._lock:
            labels = self._crf.tag(features)
        if "I-LOCATION" not in labels:
            return labels
        return self._split_place_and_person(tokens, labels)

    def _split_place_and_person(self, tokens: list[str], labels: list[str]) -> list[str]:
        """Split "Bupati [Sleman Kustini]" into a place and a person at the gazetteer's end.

        News writes role, place and name with no comma; the training data rarely does, so
        the CRF tends to run the place on into the name.
        """
        for first, stop, kind in spans(labels):
            if kind != "LOCATION" or first == 0 or stop - first < 2:
                continue
            if tokens[first - 1].lower() not in ROLES_BEFORE_PLACE:
                continue
            marks = self.lexicon.place_marks([t.lower() for t in tokens[first:stop]])
            end = next((i for i in range(1, len(marks)) if marks[i] != "I"), len(marks))
            if marks[0] == "B" and end < len(marks) and tokens[first + end][:1].isupper():
                labels[first + end] = "B-PERSON"
                for i in range(first + end + 1, stop):
                    labels[i] = "I-PERSON"
        return labels

    def entities(self, text: str) -> list[tuple[int, int, str, str]]:
        """(char start, char end, type, surface) of every name found in ``text``.

        >>> load_tagger().entities("Wali Kota Madiun Maidi menerima kunjungan Bupati Sleman.")
        [(10, 16, 'LOCATION', 'Madiun'), (17, 22, 'PERSON', 'Maidi'), \
(49, 55, 'LOCATION', 'Sleman')]
        """
        found: list[tuple[int, int, str, str]] = []
        for sentence in sentences(text, tokenize(text)):
            labels = self.tag([t for _, _, t in sentence])
            for first, stop, kind in spans(labels):
                start, end = sentence[first][0], sentence[stop - 1][1]
                found.append((start, end, kind, text[start:end]))
        return found


@cache
def load_tagger(folder: Path = MODEL_DIR) -> Tagger:
    """The tagger for ``folder`` (the shipped model by default), loaded once per process."""
    return Tagger(folder)
