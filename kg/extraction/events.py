"""Events: Rakernas, Munas, visits, signings, festivals, with place, dates and organiser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.dates import DateMention
from kg.extraction.associations import AssociationMention
from kg.extraction.places import PlaceHit
from kg.extraction.text import Segment
from kg.facts import Span

TRIGGERS: list[tuple[str, str]] = [
    (r"Musyawarah\s+Nasional\s+Luar\s+Biasa|Munaslub", "extraordinary-congress"),
    (r"Rapat\s+Kerja\s+Nasional|Rakernas", "national-working-meeting"),
    (r"Musyawarah\s+Nasional|Munas", "national-congress"),
    (r"Rapat\s+Kerja\s+Komisariat\s+Wilayah|Raker\s+Komwil|Rakerkomwil|Rakerwil|"
     r"Rapat\s+Kerja\s+Wilayah", "regional-meeting"),
    (r"[Rr]apat\s+[Kk]oordinasi|Rakor", "other"),
    (r"[Kk]unjungan(?:\s+(?:kerja|dinas|balasan|resmi|kehormatan))?|[Kk]unker|"
     r"berkunjung\s+ke|datang\s+ke|melawat\s+ke|[Ll]awatan|"
     # "Wali Kota Surabaya menerima Wali Kota Den Haag": a head received is a visit.
     r"menerima(?=\s+(?:delegasi|Wali\s*[Kk]ota|Walikota|Bupati|Gubernur|Wakil\s+"
     r"(?:Wali\s*[Kk]ota|Bupati|Gubernur)|Duta\s+Besar|Dubes|Konsul\s+Jenderal)\b)",
     "working-visit"),
    (r"menandatangani|[Pp]enandatanganan|ditandatangani|[Tt]anda\s+tangan|"
     r"[Ss]igning\s+[Cc]eremony", "signing"),
    (r"Festival|Karnaval", "festival"),
]
_DATELINE_AFTER = re.compile(r"\s*(?:\((?i:antara)[^)]{0,20}\)\s*)?[-–—]\s")
_TRIGGER = re.compile("|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(TRIGGERS)))
SHORT_NAMES = {"national-working-meeting": "Rakernas", "national-congress": "Munas",
               "extraordinary-congress": "Munaslub", "regional-meeting": "Raker Komwil",
               "working-visit": "Kunjungan kerja", "signing": "Penandatanganan",
               "festival": "Festival", "other": "Rapat koordinasi"}
_ORDINAL = re.compile(r"\)?\s*(?:ke[-\s]?)?(?P<roman>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))\b"
                      r"|\s*ke-?(?P<number>\d{1,2})\b")
_FUTURE = re.compile(r"\b(?:akan|dijadwalkan|direncanakan|rencana|rencananya|mendatang|berencana|"
                     r"persiapan|mempersiapkan)\b",
                     re.IGNORECASE)
_MODAL = re.compile(r"\b(?:bisa|dapat|boleh|ingin|untuk)\s+$", re.IGNORECASE)
_SERIES = re.compile(r"(?:rangkaian|jelang|menjelang|pasca)\s+(?:acara\s+)?$", re.IGNORECASE)
_PLACE_LEAD = re.compile(r"\b(?:di|ke|bertempat\s+di|berlangsung\s+di)\s", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?)\s+$", re.IGNORECASE)
_COUNT = re.compile(
    r"(?P<n>\d{1,4})\s+(?:wali\s*kota|bupati|kepala\s+daerah|peserta|delegasi)\b"
    r"(?P<after>\s+(?:dan\s+\w+\s+)?(?:se-?\s?Indonesia|seluruh\s+Indonesia|hadir|"
    r"dari\s+seluruh|mengikuti|menghadiri|turut\s+hadir|ikut\s+serta))?", re.IGNORECASE)
_ATTENDED = re.compile(r"(?:dihadiri|hadirnya|diikuti|kehadiran)\s+(?:oleh\s+)?"
                       r"(?:sebanyak\s+)?$", re.IGNORECASE)
_APPROXIMATE = re.compile(r"(?:lebih\s+dari|sekitar|hampir|kurang\s+lebih|ratusan|puluhan)"
                          r"\s+$", re.IGNORECASE)
CITY_KINDS = {"kota", "kabupaten", "foreign-city", "place"}
# "Festival Kampung Lawas di ...": the capitalised words after the trigger name a festival.
_FESTIVAL_NAME = re.compile(r"(?:\s+(?!(?:Di|Ke|Yang|Dan|Pada|Tahun)\b)[A-Z][\w'’-]*){1,5}")


@dataclass
class EventMention:
    """One trigger and what its sentence says about the event."""

    kind: str
    start: int
    end: int
    sentence: Segment
    organizer: str | None = None
    ordinal: int | None = None
    place: str | None = None
    begin: str | None = None
    finish: str | None = None
    future: bool = False
    reference: bool = False  # "rangkaian Munas": named, not reported
    title: str | None = None  # a festival's own name
    spans: list[Span] = field(default_factory=list)


def find_event_mentions(text: str, sentences: list[Segment], places: list[PlaceHit],
                        associations: list[AssociationMention],
                        dates: list[DateMention]) -> list[EventMention]:
    """Each trigger with the organiser, ordinal, place and dates its sentence gives."""
    found: list[EventMention] = []
    for sentence in sentences:
        chunk = text[sentence.start:sentence.end]
        for match in _TRIGGER.finditer(chunk):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            kind = _kind(match)
            if _restates(text, found, kind, start, end, sentence):
                continue
            if kind == "working-visit" and _MODAL.search(text[max(0, start - 20):start]):
                continue  # "bisa berkunjung ke ...": a possibility, not a visit
            mention = EventMention(kind, start, end, sentence)
            mention.spans.append(Span(start, end, text[start:end]))
            mention.reference = bool(_SERIES.search(text[max(0, start - 30):start]))
            mention.future = bool(_FUTURE.search(chunk))
            if kind == "festival":
                mention.title = _festival_title(text, start, end, sentence.end)
            _read_details(text, mention, places, associations, dates)
            found.append(mention)
    return found


def _restates(text: str, found: list[EventMention], kind: str, start: int, end: int,
              sentence: Segment) -> bool:
    """ "Rapat Kerja Nasional (Rakernas)": the acronym in brackets is the same mention."""
    if not found or found[-1].kind != kind or found[-1].sentence != sentence:
        return False
    previous = found[-1]
    if re.fullmatch(r"\s*\(\s*", text[previous.end:start]):
        previous.spans.append(Span(start, end, text[start:end]))
        if previous.ordinal is None:  # "Rapat Kerja Nasional (Rakernas) XVI"
            previous.ordinal = _ordinal_after(text, end, sentence.end)
        return True
    return False


def _read_details(text: str, mention: EventMention, places: list[PlaceHit],
                  associations: list[AssociationMention], dates: list[DateMention]) -> None:
    sentence = mention.sentence
    organizer = _nearest_association(mention, associations)
    if organizer:
        mention.organizer = organizer.association.key
    after = text[mention.end:min(mention.end + 80, sentence.end)]
    if organizer and organizer.start >= mention.end and organizer.start - mention.end < 4:
        after = text[organizer.end:min(organizer.end + 40, sentence.end)]
    mention.ordinal = _ordinal_after(after, 0, len(after))
    if mention.reference:
        return
    mention.place = _event_place(text, mention, places)
    if mention.place is None and text.startswith("menerima", mention.start):
        mention.place = _host_place(mention, places)
    in_sentence = [d for d in dates if sentence.start <= d.start < sentence.end]
    # "Pekanbaru, 3/10 (Antara) - ... pada 1-2 Oktober 2019": the dateline's day is when
    # the story was filed, the event's own dates come after it.
    in_sentence = [d for d in in_sentence if not _DATELINE_AFTER.match(text, d.end)] \
        or in_sentence
    if in_sentence:
        first = in_sentence[0]
        mention.begin = first.begin.isoformat()
        mention.finish = first.end_date.isoformat() if first.end_date else None
        if not first.end_date and len(in_sentence) > 1 and _UNTIL.search(
                text[first.end:in_sentence[1].start + 1][-30:] + " "):
            mention.finish = in_sentence[1].begin.isoformat()


def _nearest_association(mention: EventMention,
                         associations: list[AssociationMention]) -> AssociationMention | None:
    """The association named closest to the trigger within its sentence."""
    sentence = mention.sentence
    inside = [a for a in associations if sentence.start <= a.start < sentence.end]
    if not inside:
        return None
    return min(inside, key=lambda a: abs(a.start - mention.end) + (0 if a.start >= mention.end
                                                                  else 20))


def _event_place(text: str, mention: EventMention, places: list[PlaceHit]) -> str | None:
    """The city an event happens in: the first place after "di"/"ke" past the trigger."""
    sentence = mention.sentence
    for lead in _PLACE_LEAD.finditer(text, mention.start, sentence.end):
        if _other_kind_between(text, mention, lead.start()):
            return None  # "menandatangani ... Festival X di Y": Y is the festival's place
        candidates = [p for p in places if lead.end() <= p.start < lead.end() + 90
                      and p.start < sentence.end]
        cities = [p for p in candidates if p.kind in CITY_KINDS]
        chosen = cities[0] if cities else (candidates[0] if candidates else None)
        if chosen and chosen.kind != "country":
            return chosen.key
    return None


def _festival_title(text: str, start: int, end: int, limit: int) -> str | None:
    """ "Festival Kopi" from "membuka Festival Kopi di Blitar"; None for a bare "festival"."""
    named = _FESTIVAL_NAME.match(text, end, limit)
    return text[start:named.end()] if named else None


def _host_place(mention: EventMention, places: list[PlaceHit]) -> str | None:
    """ "Wali Kota Surabaya menerima ...": the host's city, the last one named before."""
    before = [p for p in places if mention.sentence.start <= p.start < mention.start
              and p.kind in CITY_KINDS]
    return before[-1].key if before else None


def _other_kind_between(text: str, mention: EventMention, end: int) -> bool:
    """Does a trigger of another kind stand between the mention and ``end``?"""
    return any(_kind(match) != mention.kind
               for match in _TRIGGER.finditer(text, mention.end, end))


def _kind(match: re.Match[str]) -> str:
    return next(k for i, (_, k) in enumerate(TRIGGERS) if match.group(f"k{i}"))


def _ordinal_after(text: str, start: int, end: int) -> int | None:
    """ "XVI", "ke-VII", "ke-24" right after an event's name."""
    match = _ORDINAL.match(text, start, end)
    if match and (match.group("roman") or match.group("number")):
        return _ordinal_value(match)
    return None


def _ordinal_value(match: re.Match[str]) -> int | None:
    if match.group("number"):
        return int(match.group("number"))
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    roman = match.group("roman")
    total = 0
    for i, ch in enumerate(roman):
        value = values[ch]
        total += -value if i + 1 < len(roman) and values[roman[i + 1]] > value else value
    return total or None


def participant_count(text: str) -> tuple[int, Span] | None:
    """An exact attendance ("dihadiri 88 wali kota", "98 wali kota se-Indonesia"); "lebih
    dari 80 wali kota" is not one."""
    for match in _COUNT.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        if _APPROXIMATE.search(before):
            continue
        attended = _ATTENDED.search(before)
        if attended or match.group("after"):
            start = match.start() - (len(attended.group()) if attended else 0)
            return int(match.group("n")), Span(start, match.end(), text[start:match.end()])
    return None


def extend_end(text: str, mention: EventMention, dates: list[DateMention],
               sentences: list[Segment]) -> None:
    """ "... dijadwalkan berlangsung hingga 20 Januari 2026": an end in a later sentence."""
    if not mention.begin or mention.finish:
        return
    following = [s for s in sentences if mention.sentence.index < s.index
                 <= mention.sentence.index + 2]
    for sentence in following:
        for date in dates:
            if sentence.start <= date.start < sentence.end and _UNTIL.search(
                    text[max(sentence.start, date.start - 25):date.start]):
                if date.begin.isoformat() >= mention.begin:
                    mention.finish = date.begin.isoformat()
                return
