"""Labels: which one a page shows, and an index that finds entities by any of them.

Search must not run ``FILTER(regex(...))`` over every label per request: on a large graph
that is a full scan each time. The index is built once from one SPARQL query and kept
until the store changes (see ``endpoint.web.per_generation``). Names are compared the way
people type them: case, accents and punctuation ignored, so "SURAKARTA" finds
"Surakarta" and "Xian" finds "Xi'an" or "Xī'ān".
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote

import pyoxigraph as ox

from kg.vocab import RDFS, SCHEMA, SKOS

# Shown as an entity's name, in this order of preference.
DISPLAY_LABELS = (RDFS + "label", SKOS + "prefLabel", SCHEMA + "name")
# Every name an entity is found by (other spellings and full names too).
NAME_PREDICATES = (*DISPLAY_LABELS, SKOS + "altLabel")
_JOINERS = re.compile(r"['\u2019\u02bc`´]")  # Xi'an is one word: "xian"
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """``text`` lower-cased, without accents, punctuation or repeated spaces.

    >>> normalise("  Xī'ān  ")
    'xian'
    >>> normalise("Kota SURAKARTA (Solo)")
    'kota surakarta solo'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", _JOINERS.sub("", plain)).split())


def best_label(candidates: list[tuple[str, ox.Literal]], languages: tuple[str, ...]) -> str:
    """The label to show among (predicate, literal) pairs: the reader's language first,
    then the predicate's rank in :data:`NAME_PREDICATES`.

    >>> best_label([(SCHEMA + "name", ox.Literal("Malang")),
    ...             (RDFS + "label", ox.Literal("Kota Malang", language="id"))], ("en", "id", ""))
    'Kota Malang'
    """
    def rank(pair: tuple[str, ox.Literal]) -> tuple[int, int]:
        predicate, literal = pair
        lang = (literal.language or "").split("-")[0].lower()
        by_lang = languages.index(lang) if lang in languages else len(languages)
        by_predicate = (NAME_PREDICATES.index(predicate) if predicate in NAME_PREDICATES
                        else len(NAME_PREDICATES))
        return by_lang, by_predicate

    return min(candidates, key=rank)[1].value


def fallback_label(iri: str) -> str:
    """A readable name for an IRI without a label: its last segment, dashes as spaces.

    >>> fallback_label("https://w3id.org/kotakg/resource/post/mayor-kota-malang")
    'mayor kota malang'
    """
    tail = re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri
    return unquote(tail).replace("-", " ").replace("_", " ")


@dataclass(frozen=True)
class Hit:
    """One entity found: its IRI, the label that matched, and how well (lower is better)."""

    iri: str
    label: str
    score: int


class LabelIndex:
    """Every name of every entity under a base IRI, searchable by word prefixes."""

    def __init__(self, names: list[tuple[str, str]]):
        """``names``: (IRI, label) pairs, one for each name of each entity."""
        self.names = [(iri, label, normalise(label)) for iri, label in names]
        self.word_sets = [frozenset(key.split()) for _, _, key in self.names]
        by_word: dict[str, set[int]] = defaultdict(set)
        for i, words in enumerate(self.word_sets):
            for word in words:
                by_word[word].add(i)
        self.words = sorted(by_word)
        self.by_word = by_word

    @classmethod
    def build(cls, store: ox.Store, base: str) -> LabelIndex:
        """Read every name under ``base`` in one query."""
        predicates = " ".join(f"<{p}>" for p in NAME_PREDICATES)
        rows = store.query(
            f"SELECT DISTINCT ?s ?l WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?l . "
            f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), {ox.Literal(base)})) }}")
        return cls([(row["s"].value, row["l"].value) for row in rows])

    def _with_prefix(self, prefix: str) -> set[int]:
        start = bisect.bisect_left(self.words, prefix)
        stop = bisect.bisect_left(self.words, prefix + "\U0010ffff")
        found: set[int] = set()
        for word in self.words[start:stop]:
            found |= self.by_word[word]
        return found

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Entities with a name whose words start with each word of ``text``, best first:
        the whole name, then a name starting with ``text``, then whole words."""
        query = normalise(text)
        if not query:
            return []
        words = query.split()
        matches = self._with_prefix(words[0])
        for word in words[1:]:
            matches &= self._with_prefix(word)
        best: dict[str, tuple[int, int, str]] = {}
        wanted = set(words)
        for i in matches:
            iri, label, key = self.names[i]
            rank = (_score(key, query, wanted, self.word_sets[i]), len(label), label)
            if rank < best.get(iri, (9,)):
                best[iri] = rank
        top = heapq.nsmallest(limit, best.items(), key=lambda item: item[1])
        return [Hit(iri, label, score) for iri, (score, _, label) in top]


def _score(key: str, query: str, wanted: set[str], words: frozenset[str]) -> int:
    if key == query:
        return 0
    if key.startswith(query):
        return 1
    return 2 if wanted <= words else 3
