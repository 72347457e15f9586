"""Choose which gazetteer entry a place mention denotes, with a score, or abstain.

The evidence, strongest first: the cue word before the name ("Wali Kota Malang" is the kota,
"Bupati Malang" the kabupaten), the article's other places, provinces and countries, its
dateline; failing all that, a prior: the kota over the kabupaten of the same name, an
Indonesian place over a foreign one, the most populous of same-named foreign cities. A choice
made on a prior alone scores lower, and under :data:`LINK_THRESHOLD` the linker abstains.

>>> from kg.gazetteer import load_gazetteer
>>> gaz = load_gazetteer()
>>> entry, score = choose(gaz.candidates("Malang"), cue="kabupaten", context=LinkContext())
>>> entry.wikidata, score
('Q11095', 0.95)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.gazetteer import Entry, Mention, kind_fits

LINK_THRESHOLD = 0.5

SURE = 0.95  # one candidate left after the cue, or the only candidate at all
EVIDENCE = 0.85  # several candidates; the article's other places settle it
PRIOR = 0.6  # several candidates, nothing in the article tells them apart; a prior decides
COIN = 0.45  # several candidates and not even a prior: abstain
CUE_CONFLICT = 0.3  # the cue names another kind than every candidate ("Kota Bandung Barat")
NO_COUNTRY = 0.15  # a foreign city whose country the article does not name
DR5HN_ONLY = 0.95  # factor for QIDs only dr5hn gives (known errors there)
NO_CUE = 0.05  # an unambiguous name with no cue is a shade less certain

DATELINE = re.compile(r"\s*(?:[-–—]|,\s*(?:\d|[A-Z][\w.]*\s*[-–—(]))")


@dataclass
class LinkContext:
    """What the rest of the article says: the places it names unambiguously."""

    provinces: set[str] = field(default_factory=set)  # province keys
    countries: set[str] = field(default_factory=set)  # ISO 3166-1 alpha-2
    places: set[str] = field(default_factory=set)  # other place keys
    dateline: str | None = None  # key of the place of the dateline ("MAKASSAR –")


def choose(candidates: list[Entry], *, cue: str | None,
           context: LinkContext) -> tuple[Entry | None, float]:
    """The entry a mention denotes and a score in [0, 1]; ``(None, score)`` to abstain.

    An entry without a QID may be chosen: it is the place, but has no Wikidata link.
    """
    if not candidates:
        return None, 0.0
    pool = [e for e in candidates if cue and kind_fits(e.kind, cue)]
    penalty = CUE_CONFLICT if cue and not pool else 0.0
    pool = pool or list(candidates)
    best, score = _pick(pool, context)
    if cue is None and len(candidates) == 1:
        penalty += NO_CUE
    if best.kind == "foreign-city" and best.country not in context.countries:
        penalty += NO_COUNTRY
    score = (score - penalty) * (DR5HN_ONLY if best.qid_source == "dr5hn" else 1.0)
    score = round(max(0.0, min(1.0, score)), 3)
    return (best if score >= LINK_THRESHOLD else None), score


def _pick(pool: list[Entry], context: LinkContext) -> tuple[Entry, float]:
    """The best of the candidates the cue allows, and how sure the pick is."""
    if len(pool) == 1:
        return pool[0], SURE
    ranked = sorted(pool, key=lambda e: (-_evidence(e, context), _prior(e)))
    first, second = ranked[0], ranked[1]
    if _evidence(first, context) > _evidence(second, context):
        return first, EVIDENCE
    if _prior(first) < _prior(second):
        return first, PRIOR
    return first, COIN


def _evidence(e: Entry, context: LinkContext) -> int:
    """How much of the article points at this entry."""
    score = 0
    if e.key in context.places:
        score += 3
    if e.key == context.dateline:
        score += 2
    if e.province and e.province in context.provinces:
        score += 1
    if e.kind == "foreign-city" and e.country in context.countries:
        score += 2
    if e.country == "ID" and context.countries and "ID" not in context.countries:
        score -= 1
    return score


def _prior(e: Entry) -> tuple[int, int]:
    """Lower is likelier with no evidence: a kota before a kabupaten or province of the same
    name, Indonesia before abroad, then the more populous (with a 10× margin to count)."""
    kind = {"kota": 0, "kabupaten": 1, "province": 1, "country": 0}.get(e.kind, 2)
    if e.kind != "foreign-city":
        return kind, 0
    # Bucket populations by order of magnitude, so that near-equal towns stay a tie.
    return kind, -len(str(e.population or 0))


def article_context(text: str, mentions: list[Mention]) -> LinkContext:
    """The context for linking an article's mentions: the places it names unambiguously
    (one candidate after the cue), their provinces and countries, and its dateline."""
    context = LinkContext()
    for m in mentions:
        pool = [e for e in m.candidates if m.cue and kind_fits(e.kind, m.cue)] or m.candidates
        if len(pool) != 1:
            continue
        e = pool[0]
        if e.kind == "province":
            context.provinces.add(e.key)
        elif e.kind == "country":
            context.countries.add(e.country)
        context.places.add(e.key)
    context.dateline = dateline(text, mentions)
    return context


def dateline(text: str, mentions: list[Mention]) -> str | None:
    """The key of the place a news dateline names ("MAKASSAR –", "Medan, 25/5 (Antara)"),
    when the first such mention stands near the start; the kota when ambiguous."""
    for m in mentions:
        if m.start > 200:
            break
        if DATELINE.match(text, m.end) and m.candidates:
            return m.candidates[0].key
    return None


def link_mentions(text: str, mentions: list[Mention]) -> list[tuple[Mention, Entry | None, float]]:
    """Every mention with its chosen entry (None: abstain) and score, in text order.

    A bare "Malang" after "Kota Malang" is the kota: settled mentions are the context of
    the ambiguous ones.
    """
    context = article_context(text, mentions)
    return [(m, *choose(m.candidates, cue=m.cue, context=context)) for m in mentions]
