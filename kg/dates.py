"""Indonesian date mentions in news text, normalised to ``datetime.date``.

News states dates in many ways ("Selasa, 18 Juli 2017", "Rabu (12/7)", "6–10 Mei 2025",
"Medan, 25/5 (Antara)"), often without a year. A yearless date takes the year that puts it
nearest the publication date. With no publication date, a yearless date whose weekday fits
exactly one year around the years the article states takes that year ("Selasa (5/11)" in an
article announcing "Februari 2025 mendatang" is 5 November 2024); otherwise it is left out
rather than guessed, and so is a month without a day ("Agustus mendatang").

>>> [m.begin.isoformat() for m in find_dates("Rakor digelar Rabu (5/11).", date(2024, 11, 6))]
['2024-11-05']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

__all__ = [
    "DateMention",
    "MonthMention",
    "find_dates",
    "find_months",
    "date_from_url",
    "parse_iso_date",
    "parse_time_zone",
]

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}

TIME_ZONES: dict[str, timezone] = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}


@dataclass(frozen=True)
class DateMention:
    """A date (or range, then ``end_date`` is set) and the characters that state it."""

    start: int
    end: int
    text: str
    begin: date
    end_date: date | None = None


@dataclass(frozen=True)
class _Anchor:
    """What a yearless date is resolved against: the publication date, else stated years."""

    published: date | None
    years: frozenset[int] = frozenset()


@dataclass(frozen=True)
class MonthMention:
    """A month of a year without a day ("Februari 2025"): not a date, but a useful hint."""

    start: int
    end: int
    text: str
    year: int
    month: int


# -- patterns, compiled once ---------------------------------------------------------------
# Weekdays are case-sensitive on purpose: lower-case "minggu" means "week".
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jum['’]?at|Sabtu|Minggu|Ahad|" \
           r"SENIN|SELASA|RABU|KAMIS|JUM['’]?AT|SABTU|MINGGU|AHAD)"
_DAYPART = r"(?:\s+(?:pagi|siang|sore|petang|malam|dini\s+hari))"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?=[JFMAPSONDjfmapsond])(?i:{_MONTH_NAMES})\b\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_TO = r"(?:[-–—]|s\.?\s?d\.?|s/d|hingga|sampai(?:\s+dengan)?)"
_ZONE = r"(?:WITA|WIT|WIB)\b"
_CLOCK = r"\d{1,2}[.:]\d{2}"
_TIME = (rf"(?:\s*,?\s*(?:pukul|jam|pk\.?)\s*{_CLOCK}(?:\s*[-–]\s*{_CLOCK})?(?:\s*{_ZONE})?"
         rf"|\s*[,\-–]?\s*{_CLOCK}\s*{_ZONE})?")


# Where a date may start: a weekday's initial, a digit or a parenthesis (a fast pre-check).
_STARTS = r"(?=[SRKJMA\d(])"


def _weekday(name: str) -> str:
    return rf"{_STARTS}(?:(?P<{name}>{_WEEKDAY}){_DAYPART}?\s*,?\s*)?"


_RANGE_ONE_MONTH = re.compile(
    rf"\b{_weekday('wd1')}(?P<d1>{_DAY})\s*{_TO}\s*{_weekday('wd2')}(?P<d2>{_DAY})\s+"
    rf"(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?(?!\d){_TIME}")
_RANGE_TWO_DATES = re.compile(
    rf"\b{_weekday('wd1')}(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*{_TO}\s*"
    rf"{_weekday('wd2')}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?(?!\d){_TIME}")
_DAY_MONTH_YEAR = re.compile(
    rf"\b{_weekday('wd1')}(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?(?!\d){_TIME}")
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})(?!\d)")
_PARENTHESISED = re.compile(
    rf"{_STARTS}(?:\b(?P<wd1>{_WEEKDAY}){_DAYPART}?\s*,?\s*)?\(\s*(?P<d1>{_DAY})"
    rf"(?:\s*[-–]\s*(?P<d2>{_DAY}))?\s*/\s*(?P<n1>{_NUM_MONTH})"
    rf"(?:\s*/\s*(?P<y1>{_YEAR}|\d{{2}}))?\s*\)")
_NUMERIC = re.compile(
    rf"{_STARTS}(?:\b(?P<wd1>{_WEEKDAY})\s*,?\s*)?(?<![\w/.,-])(?P<d1>{_DAY})(?P<sep>[/-])"
    rf"(?P<n1>{_NUM_MONTH})(?P=sep)(?P<y1>{_YEAR})(?![\w/-]){_TIME}")
_ISO = re.compile(
    r"(?<![\w/-])(?P<y1>(?:19|20)\d{2})-(?P<n1>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12]\d|3[01])(?!\d)")
_ANTARA_DATELINE = re.compile(
    rf"(?<![\w/])(?P<d1>{_DAY})/(?P<n1>{_NUM_MONTH})(?=\s*\((?i:antara))")
_MONTH_YEAR = re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})(?!\d)")
# "hari ini" (today) and "kemarin" (yesterday) count from the publication date; "tahun
# kemarin" (last year) and the like are not days.
_RELATIVE_DAY = re.compile(r"(?=[HhKk])\b(?P<word>[Hh]ari ini|[Kk]emarin)\b(?! ini)")
_NOT_A_DAY_BEFORE = re.compile(r"(?i:tahun|bulan|pekan|minggu|waktu)\s+$")
_RELATIVE_OFFSET = {"hari ini": 0, "kemarin": -1}
_BARE_YEAR = re.compile(rf"(?<![\w.,-])({_YEAR})(?![\w/.,-]?\d)")
# Numbers after these words are document numbers ("Nomor 5/12/2020"), not dates.
_DOCUMENT_NUMBER = re.compile(r"(?i:nomor|nomer|no\.?|pasal|perda|pp|uu)\s*$")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0[1-9]|1[0-2])[/-](?P<d>0[1-9]|[12]\d|3[01])(?=[/-]|$)")
_WEEKDAY_SLIP_DAYS = 31
_ZONE_WORD = re.compile(rf"\b{_ZONE}")


# -- public functions ------------------------------------------------------------------------
def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date the text states, in order and without overlaps (the longest wins).

    >>> [(m.text, str(m.begin), str(m.end_date)) for m in find_dates("digelar 6–10 Mei 2025")]
    [('6–10 Mei 2025', '2025-05-06', '2025-05-10')]
    """
    anchor = _Anchor(published, frozenset() if published else _stated_years(text))
    found = [mention for pattern, build in _READERS
             for match in pattern.finditer(text)
             if (mention := build(match, anchor)) is not None]
    return _without_overlaps(found)


def _stated_years(text: str) -> frozenset[int]:
    """Years the text states (1900-2099), the only clue to a yearless date's year when
    the article has no publication date."""
    return frozenset(int(y) for y in _BARE_YEAR.findall(text))


def find_months(text: str) -> list[MonthMention]:
    """Months of a year stated without a day ("Februari 2025 mendatang").

    >>> [(m.year, m.month) for m in find_months("digelar Februari 2025 mendatang")]
    [(2025, 2)]
    """
    dated = find_dates(text)
    months = []
    for match in _MONTH_YEAR.finditer(text):
        if any(d.start <= match.start() < d.end for d in dated):
            continue
        months.append(MonthMention(match.start(), match.end(), match.group(0),
                                   int(match["y1"]), _month_number(match["m1"])))
    return months


def date_from_url(url: str | None) -> date | None:
    """The date news sites put in their article paths, a hint when ``published`` is missing.

    >>> date_from_url("https://kota.example.id/2025/05/09/karnaval-budaya")
    datetime.date(2025, 5, 9)
    """
    match = _URL_DATE.search(url or "")
    return _valid_date(int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def parse_time_zone(text: str) -> timezone | None:
    """The Indonesian time zone named in the text: WIB (+7), WITA (+8) or WIT (+9).

    >>> parse_time_zone("pukul 10.00 WITA")
    datetime.timezone(datetime.timedelta(seconds=28800), 'WITA')
    """
    match = _ZONE_WORD.search(text)
    return TIME_ZONES[match.group(0)] if match else None


def parse_iso_date(value: str | None) -> date | None:
    """The calendar date of an ISO date or date-time as given (no shift to UTC).

    >>> parse_iso_date("2017-07-20T20:42:00+07:00")
    datetime.date(2017, 7, 20)
    >>> parse_iso_date("kemarin") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- building mentions from matches ----------------------------------------------------------
def _single_date(match: re.Match[str], anchor: _Anchor) -> DateMention | None:
    """One day: "Selasa, 18 Juli 2017", "Rabu (12/7)", "2017-07-18"."""
    groups = match.groupdict()
    month = _month_of(match, "1")
    begin = _resolve(groups["d1"], month, groups.get("y1"), groups.get("wd1"), anchor)
    return _mention(match, begin, None) if begin else None


def _parenthesised(match: re.Match[str], anchor: _Anchor) -> DateMention | None:
    """"(2/7/2022)", "Selasa (15/4/2024)", "(18-20/7)": the day may be a range of days."""
    year = match["y1"]
    if year and len(year) == 2:
        year = "20" + year
    month = int(match["n1"])
    begin = _resolve(match["d1"], month, year, match["wd1"], anchor)
    if begin is None or not match["d2"]:
        return _mention(match, begin, None) if begin else None
    end = _valid_date(begin.year, month, int(match["d2"]))
    return _mention(match, begin, end) if end and end > begin else None


def _numeric(match: re.Match[str], anchor: _Anchor) -> DateMention | None:
    """"02/12/2019" or "20-07-2017", unless it is a document number."""
    if _DOCUMENT_NUMBER.search(match.string, max(0, match.start() - 12), match.start()):
        return None
    return _single_date(match, anchor)


def _date_range(match: re.Match[str], anchor: _Anchor) -> DateMention | None:
    """"6–10 Mei 2025", "29 Juni-1 Juli 2022", "Selasa 18 Juli 2017 hingga Kamis 20 Juli 2017"."""
    groups = match.groupdict()
    end_month = _month_number(groups["m2"])
    begin_month = _month_number(groups["m1"]) if groups.get("m1") else end_month
    begin = _resolve(groups["d1"], begin_month, groups.get("y1") or groups["y2"],
                     groups["wd1"], anchor)
    if begin is None:
        return None
    end_year = int(groups["y2"] or groups.get("y1") or begin.year)
    end = _valid_date(end_year, end_month, int(groups["d2"]))
    if begin and end and end < begin and not groups.get("y1"):
        # "30 Desember-2 Januari 2025": a year stated once belongs to the end.
        if groups["y2"]:
            begin = _valid_date(begin.year - 1, begin_month, begin.day)
        else:
            end = _valid_date(end.year + 1, end_month, end.day)
    if begin is None or end is None or not begin < end or (end - begin).days > 366:
        return None
    return _mention(match, begin, end)


def _relative_day(match: re.Match[str], anchor: _Anchor) -> DateMention | None:
    """"hari ini" is the publication day, "kemarin" the day before; unknown without one."""
    if anchor.published is None or _NOT_A_DAY_BEFORE.search(
            match.string, max(0, match.start() - 8), match.start()):
        return None
    offset = _RELATIVE_OFFSET[match["word"].lower()]
    return _mention(match, anchor.published + timedelta(days=offset), None)


def _mention(match: re.Match[str], begin: date, end: date | None) -> DateMention:
    start, stop = match.span()
    return DateMention(start, stop, match.string[start:stop], begin, end)


def _month_of(match: re.Match[str], suffix: str) -> int:
    groups = match.groupdict()
    if groups.get("m" + suffix):
        return _month_number(groups["m" + suffix])
    return int(groups["n" + suffix])


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _weekday_number(name: str | None) -> int | None:
    if not name:
        return None
    return WEEKDAYS.get(re.sub(r"['’]", "", name).lower())


def _resolve(day: str, month: int, year: str | None, weekday: str | None,
             anchor: _Anchor) -> date | None:
    """The date meant, taking a missing year from the publication date (or stated years)."""
    if year:
        return _valid_date(int(year), month, int(day))
    if anchor.published is not None:
        return _nearest_year(int(day), month, _weekday_number(weekday), anchor.published)
    return _year_by_weekday(int(day), month, _weekday_number(weekday), anchor.years)


def _year_by_weekday(day: int, month: int, weekday: int | None,
                     years: frozenset[int]) -> date | None:
    """The one date within a year of a stated year on the stated weekday, else None.

    A weekday recurs on the same day and month only every 5, 6 or 11 years, so around a
    stated year it usually singles one out; two fits, or no weekday, and nothing is guessed.
    """
    if weekday is None or not years:
        return None
    fitting = {d for y in years for near in (y - 1, y, y + 1)
               if (d := _valid_date(near, month, day)) is not None and d.weekday() == weekday}
    return fitting.pop() if len(fitting) == 1 else None


def _nearest_year(day: int, month: int, weekday: int | None, published: date) -> date | None:
    """The year within ±1 of publication nearest to it; a stated weekday may overrule.

    A date within a month of publication is kept even if its weekday is wrong: a slip of the
    writer is likelier than a date a year away. Further out, a fitting weekday decides.
    """
    candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                  if (d := _valid_date(y, month, day)) is not None]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: abs((d - published).days))
    if weekday is None or nearest.weekday() == weekday:
        return nearest
    if abs((nearest - published).days) <= _WEEKDAY_SLIP_DAYS:
        return nearest
    fitting = [d for d in candidates if d.weekday() == weekday]
    return min(fitting, key=lambda d: abs((d - published).days), default=nearest)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    """Keep the earliest, then longest, mention wherever mentions overlap."""
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


_READERS: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Anchor],
                                               DateMention | None]]] = [
    (_RANGE_TWO_DATES, _date_range),
    (_RANGE_ONE_MONTH, _date_range),
    (_DAY_MONTH_YEAR, _single_date),
    (_MONTH_DAY_YEAR, _single_date),
    (_PARENTHESISED, _parenthesised),
    (_NUMERIC, _numeric),
    (_ISO, _single_date),
    (_ANTARA_DATELINE, _single_date),
    (_RELATIVE_DAY, _relative_day),
]

