"""Cooperation between places: who with whom, at which stage, in which domains."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extraction.places import PlaceHit
from kg.extraction.text import Segment
from kg.facts import Span
from kg.schemes import synonyms

_TRIGGER = re.compile(
    r"\b(?:kerja\s*sama(?:kan)?|bekerja\s*sama|kerjasama|sister\s+city|kota\s+kembar|"
    r"kota\s+bersaudara|kemitraan|nota\s+kesepahaman|MoU|LoI|letter\s+of\s+intent|"
    r"menjalin\s+hubungan|memperkuat\s+hubungan|persaudaraan|record\s+of\s+discussion)\b",
    re.IGNORECASE)
_SINCE = re.compile(r"\bsejak\s+(?:tahun\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
_ACTIVE = re.compile(r"\bsejak\s+(?:tahun\s+)?(?:19|20)\d{2}\b|"
                     r"\b(?:sudah|telah)\s+(?:lama\s+)?(?:terjalin|menjalin|dijalin|berjalan)|"
                     r"\bselama\s+ini\b|\btahun\s+ke-?\d+\s+sister\s+city", re.IGNORECASE)
_AGREED = re.compile(r"\b(?:menandatangani|penandatanganan|ditandatangani|tanda\s+tangan|"
                     r"menyepakati|sepakat|meneken|diteken)\b", re.IGNORECASE)
_PROPOSED = re.compile(r"\b(?:menjajaki|jajaki|penjajakan|menawarkan|akan|ingin|berencana|"
                       r"rencana|usulan|mengusulkan|menggandeng|follow\s+up|tahap|harap|"
                       r"berharap|berinisiatif|mengajak|menginginkan|siap)\b", re.IGNORECASE)
# Agreement words that do not make an agreement: "sepakat menjajaki kerja sama" (agreeing
# to explore), "rencana penandatanganan MoU", "akan meneken" (a signing planned).
_NOT_YET_AGREED = re.compile(
    r"\b(?:sepakat|menyepakati|bersepakat)\s+(?:untuk\s+)?"
    r"(?:menjajaki|mengkaji|membahas|menindaklanjuti|akan)\b"
    r"|\b(?:rencana|berencana|direncanakan|akan|membahas)\s+(?:\w+\s+){0,2}?"
    r"(?:penandatanganan|menandatangani|ditandatangani|meneken|diteken)\b", re.IGNORECASE)
# "Kota Ube, Prefektur Yamaguchi, Jepang": a place after a comma, or after a region word,
# says where the one before it is; it is not a party.
_QUALIFIER_GAP = re.compile(r"\s*,\s*(?:(?:prefektur|provinsi|negara\s+bagian|distrik|"
                            r"wilayah|region|prefecture|province|state\s+of)\s+)?",
                            re.IGNORECASE)
STAGES = ("proposed", "agreed", "active")
FOREIGN_KINDS = {"foreign-city"}
HOME_KINDS = {"kota", "kabupaten", "province"}


@dataclass
class CooperationMention:
    """What the sentences about one pair of places say."""

    parties: tuple[str, str]
    status: str | None = None
    domains: set[str] = field(default_factory=set)
    since: str | None = None
    spans: list[Span] = field(default_factory=list)


@lru_cache(maxsize=1)
def _domain_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    words = {w.lower(): code for w, code in synonyms("domain").items() if len(w) > 2}
    alternatives = sorted(words, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alternatives) + r")\b",
                         re.IGNORECASE)
    return pattern, words


def domains_in(text: str) -> set[str]:
    """The domain codes the words of ``text`` name ("ekonomi kreatif" -> creative-economy)."""
    pattern, words = _domain_pattern()
    return {words[m.group().lower()] for m in pattern.finditer(text)}


def find_cooperations(text: str, sentences: list[Segment],
                      places: list[PlaceHit]) -> list[CooperationMention]:
    """One mention per pair of places, gathering the stage and domains of every sentence."""
    pairs: dict[frozenset[str], CooperationMention] = {}
    current: tuple[str, str] | None = None
    for i, sentence in enumerate(sentences):
        chunk = text[sentence.start:sentence.end]
        trigger = _TRIGGER.search(chunk)
        if not trigger:
            continue
        here = _without_qualifiers(text, [p for p in places
                                          if sentence.start <= p.start < sentence.end])
        found = _pairs(here) or _pair_with_counterpart(here, places, current)
        if not found and current is None:
            before = [p for p in places if p.start < sentence.end]
            found = _main_pair(before) if _BOTH.search(chunk) else _only_pair(before)
        if found:
            current = found[0]
        elif current is None:
            continue
        for pair in found or [current]:
            mention = pairs.setdefault(frozenset(pair), CooperationMention(pair))
            _read_sentence(text, sentence, sentences[i - 1] if i else None, mention)
            mention.spans.append(Span(sentence.start, sentence.end, chunk))  # stage and
            # domains come from the whole sentence, so the sentence is the evidence
    return list(pairs.values())


def _without_qualifiers(text: str, here: list[PlaceHit]) -> list[PlaceHit]:
    """Drop foreign places that only locate the foreign place named just before them."""
    kept: list[PlaceHit] = []
    for hit in here:
        before = kept[-1] if kept else None
        if (before and hit.country != "ID" and before.country == hit.country
                and _QUALIFIER_GAP.fullmatch(text, before.end, hit.start)):
            continue
        kept.append(hit)
    return kept


def _pairs(here: list[PlaceHit]) -> list[tuple[str, str]]:
    """Pairs of an Indonesian place and a foreign city named in one sentence."""
    home = _unique([p.key for p in here if p.kind in HOME_KINDS and p.kind != "province"])
    home = home or _unique([p.key for p in here if p.kind == "province"])
    foreign = _unique([p.key for p in here if p.kind in FOREIGN_KINDS or
                       (p.kind == "place" and p.country != "ID")])
    if home and foreign:
        return [(h, f) for h in home for f in foreign]
    return []


_BOTH = re.compile(r"\b(?:kedua\s+(?:kota|daerah|pemerintah|pemda|belah\s+pihak|pihak)|"
                   r"keduanya)\b", re.IGNORECASE)


def _main_pair(places: list[PlaceHit]) -> list[tuple[str, str]]:
    """ "Kedua kota sepakat ...": the article's most named home city and foreign city."""
    home = _most_named([p for p in places if p.kind in HOME_KINDS - {"province"}])
    foreign = _most_named([p for p in places if p.kind in FOREIGN_KINDS])
    return [(home, foreign)] if home and foreign else []


def _only_pair(places: list[PlaceHit]) -> list[tuple[str, str]]:
    """ "Pertemuan itu membahas rencana MoU sister city": a sentence naming no place speaks of
    the one home city and the one foreign city named so far, when there is just one of each."""
    home = _unique([p.key for p in places if p.kind in HOME_KINDS - {"province"}])
    foreign = _unique([p.key for p in places if p.kind in FOREIGN_KINDS])
    return [(home[0], foreign[0])] if len(home) == 1 and len(foreign) == 1 else []


def _most_named(places: list[PlaceHit]) -> str | None:
    counts: dict[str, int] = {}
    for p in places:
        counts[p.key] = counts.get(p.key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _pair_with_counterpart(here: list[PlaceHit], places: list[PlaceHit],
                           current: tuple[str, str] | None) -> list[tuple[str, str]]:
    """A sentence naming one side: the other is the article's main counterpart."""
    cities = _unique([p.key for p in here if p.kind in HOME_KINDS | FOREIGN_KINDS
                      and p.kind != "province"])
    if len(cities) != 1:
        return []
    only = cities[0]
    if current and only in current:
        return [current]
    side = next(p for p in here if p.key == only)
    wanted = HOME_KINDS - {"province"} if side.kind in FOREIGN_KINDS else FOREIGN_KINDS
    counts: dict[str, int] = {}
    for p in places:
        if p.kind in wanted:
            counts[p.key] = counts.get(p.key, 0) + 1
    if not counts:
        return []
    other = max(counts, key=lambda k: counts[k])
    return [(only, other) if side.kind not in FOREIGN_KINDS else (other, only)]


def _read_sentence(text: str, sentence: Segment, previous: Segment | None,
                   mention: CooperationMention) -> None:
    chunk = text[sentence.start:sentence.end]
    mention.domains |= domains_in(chunk)
    if previous and re.search(r"\bhal\s+ini\b|\bitu\b", chunk, re.IGNORECASE):
        prior = text[previous.start:previous.end]
        if re.search(r"\bbidang\b", prior, re.IGNORECASE):
            mention.domains |= domains_in(prior)
    active = _ACTIVE.search(chunk)
    agreed = _AGREED.search(chunk) and not _NOT_YET_AGREED.search(chunk)
    stage = ("active" if active else "agreed" if agreed
             else "proposed" if _PROPOSED.search(chunk) else None)
    since = _SINCE.search(chunk)
    if since:
        mention.since = since.group("year")
    if stage and (mention.status is None or STAGES.index(stage) > STAGES.index(mention.status)):
        mention.status = stage


def _unique(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(keys))
