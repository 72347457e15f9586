"""Indonesian dates for the synthetic corpus: written as news writes them, and moved.

A real dev article is re-dated by shifting every date it states by the same number of days
(weekdays recomputed), so that its internal arithmetic ("hingga Kamis 20 Juli") still holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

_MONTH = "(" + "|".join(MONTHS) + ")"
_WEEKDAY = r"(?:(" + "|".join(WEEKDAYS) + r")((?:\s+(?:malam|pagi|siang|sore))?,?\s*))?"
_RANGE = re.compile(_WEEKDAY + r"\b(\d{1,2})\s*([-–])\s*(\d{1,2})\s+" + _MONTH + r"\s+(\d{4})")
_LONG = re.compile(_WEEKDAY + r"\b(\d{1,2})\s+" + _MONTH + r"\s+(\d{4})")
_BRACKET = re.compile(_WEEKDAY + r"\((\d{1,2})/(\d{1,2})(?:/(\d{4}))?\)")
_NUMERIC = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})(?= \()")  # "Medan, 25/5 (Antara)"
_MONTH_YEAR = re.compile(_MONTH + r"\s+(\d{4})")
_YEAR = re.compile(r"\b(20[0-3]\d)\b")
_URL_DATE = re.compile(r"/(\d{4})/(\d{2})(?:/(\d{2}))?/")


def long_date(day: date, weekday: bool = False) -> str:
    """ "Selasa, 18 Juli 2017" or "18 Juli 2017"."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def bracket_date(day: date, year: bool = True) -> str:
    """ "Selasa (18/7/2017)", or "Selasa (18/7)" when the reader knows the year."""
    numbers = f"{day.day}/{day.month}/{day.year}" if year else f"{day.day}/{day.month}"
    return f"{WEEKDAYS[day.weekday()]} ({numbers})"


def date_range(start: date, end: date) -> str:
    """ "18-20 Juli 2017", "30 Juni - 2 Juli 2017", or one date when they are the same."""
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {MONTHS[start.month - 1]} {start.year}"
    return f"{start.day} {MONTHS[start.month - 1]} - {long_date(end)}"


def month_year(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def roman(number: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                           (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


class Shifter:
    """Moves every date of a text by ``delta`` days; yearless dates take ``year``."""

    def __init__(self, delta: timedelta, year: int):
        self.delta, self.year = delta, year
        self.years = (date(year, 7, 1) + delta).year - year
        self.kept: list[str] = []

    def text(self, text: str) -> str:
        """The text with its dates moved; each replaced date is protected from later passes."""
        for pattern, rewrite in ((_RANGE, self._range), (_LONG, self._long),
                                 (_BRACKET, self._bracket), (_NUMERIC, self._numeric),
                                 (_DAY_MONTH, self._day_month), (_MONTH_YEAR, self._month_year),
                                 (_YEAR, self._year)):
            text = pattern.sub(self._protected(rewrite), text)
        return re.sub("\x02(\\d+)\x02", lambda m: self.kept[int(m.group(1))], text)

    def url(self, url: str) -> str:
        def moved(m: re.Match[str]) -> str:
            day = self.moved(int(m.group(1)), int(m.group(2)), int(m.group(3) or 15))
            tail = f"/{day.day:02d}" if m.group(3) else ""
            return f"/{day.year}/{day.month:02d}{tail}/"
        return _URL_DATE.sub(moved, url)

    def moved(self, year: int, month: int, day: int) -> date:
        return date(year, month, day) + self.delta

    def _protected(self, rewrite: Callable[[re.Match[str]], str]):
        def replace(match: re.Match[str]) -> str:
            self.kept.append(rewrite(match))
            return f"\x02{len(self.kept) - 1}\x02"
        return replace

    def _weekday(self, match: re.Match[str], day: date) -> str:
        if not match.group(1):
            return ""
        return WEEKDAYS[day.weekday()] + match.group(2)

    def _range(self, m: re.Match[str]) -> str:
        month, year = MONTHS.index(m.group(6)) + 1, int(m.group(7))
        start, end = self.moved(year, month, int(m.group(3))), self.moved(year, month,
                                                                          int(m.group(5)))
        return self._weekday(m, start) + date_range(start, end).replace("-", m.group(4), 1)

    def _long(self, m: re.Match[str]) -> str:
        day = self.moved(int(m.group(5)), MONTHS.index(m.group(4)) + 1, int(m.group(3)))
        return self._weekday(m, day) + long_date(day)

    def _bracket(self, m: re.Match[str]) -> str:
        year = int(m.group(5)) if m.group(5) else self.year
        day = self.moved(year, int(m.group(4)), int(m.group(3)))
        numbers = f"{day.day}/{day.month}" + (f"/{day.year}" if m.group(5) else "")
        return self._weekday(m, day) + f"({numbers})"

    def _numeric(self, m: re.Match[str]) -> str:
        day = self.moved(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return f"{day.day:02d}/{day.month:02d}/{day.year}"

    def _day_month(self, m: re.Match[str]) -> str:
        day = self.moved(self.year, int(m.group(2)), int(m.group(1)))
        return f"{day.day}/{day.month}"

    def _month_year(self, m: re.Match[str]) -> str:
        return month_year(self.moved(int(m.group(2)), MONTHS.index(m.group(1)) + 1, 15))

    def _year(self, m: re.Match[str]) -> str:
        year = int(m.group(1))
        return str(year + self.years) if 2005 <= year <= 2030 else m.group(1)
