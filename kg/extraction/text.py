"""Sentences and paragraphs of a cleaned article, with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (or a closing quote after them) followed by space and a capital,
# a quote or a digit; abbreviations common in Indonesian news do not end one.
_ABBREVIATIONS = ("H", "Hj", "Dr", "Drs", "Dra", "Ir", "Prof", "St", "Mr", "Mrs", "Ms", "No",
                  "Jl", "Kab", "Prov", "Kec", "Kel", "Tbk", "dkk", "dll", "M", "Moh", "Muh",
                  "S", "I", "K", "KH", "Bpk", "Sdr", "a.n", "u.p", "Yth", "vs", "Pj", "Plt",
                  "Plh", "S.E", "S.H", "M.Si", "M.M", "M.T", "S.T", "S.Sos", "S.Pd", "M.Pd")
_END = re.compile(r"[.!?]+[\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|\n\s*\n|\n")
_ABBREV_END = re.compile(r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS)
                         + r")\.$")


@dataclass(frozen=True)
class Segment:
    """A sentence (or paragraph): offsets into the article's text and its index."""

    start: int
    end: int
    index: int
    paragraph: int


def sentences(text: str) -> list[Segment]:
    """Split ``text`` into sentences, keeping offsets; newlines always end a sentence."""
    out: list[Segment] = []
    start, paragraph = 0, 0
    for match in _END.finditer(text):
        end = match.end()
        ends_with_stop = match.group().startswith(tuple(".!?"))
        if ends_with_stop and _ABBREV_END.search(text[start:match.start() + 1]):
            continue
        _add(out, text, start, end, paragraph)
        if "\n" in match.group():
            paragraph += 1
        start = end
    _add(out, text, start, len(text), paragraph)
    return out


def _add(out: list[Segment], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Segment(start, end, len(out), paragraph))


def segment_at(segments: list[Segment], offset: int) -> Segment | None:
    """The segment containing ``offset`` (binary search: segments are in order)."""
    lo, hi = 0, len(segments) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        seg = segments[mid]
        if offset < seg.start:
            hi = mid - 1
        elif offset >= seg.end:
            lo = mid + 1
        else:
            return seg
    return None
