"""Page furniture removed from crawled news text, without moving a single character.

Crawlers deliver font widgets, "Baca juga" links, photo captions, bylines and copyright footers
mixed with the story. :func:`clean` replaces them with spaces (newlines stay), so the cleaned
text has exactly the original length and an offset found in it indexes the original text:
fact spans stay true to what the article says.

>>> raw = "A A A\\nMALANG - Wali kota hadir.\\nBaca juga: Judul lain\\n"
>>> cleaned = clean(raw)
>>> len(cleaned) == len(raw), cleaned.split()
(True, ['MALANG', '-', 'Wali', 'kota', 'hadir.'])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.dates import find_dates
from kg.facts import Span

__all__ = ["CleanedArticle", "clean", "clean_article", "find_dateline", "find_page_date"]

# How far into the text the title, the page stamp and the dateline may stand.
HEAD_LINES = 15
# Shorter lines may repeat legitimately ("Kemudian,"); longer repeats are captions.
MIN_REPEATED_LINE = 20
# A page's date stamp is a short line of its own.
MAX_STAMP_LENGTH = 80
# A "Baca juga:" block lists at most this many headlines.
MAX_READ_ALSO_HEADLINES = 8

_BULLETS = re.compile(r"[•●▪■►◦‣]|^\s*[·\-*]\s+(?=\S)", re.MULTILINE)
_FURNITURE_LINES = [re.compile(p) for p in (
    r"^A[-+]?(?:\s+A[-+]?){1,3}$",  # font size widget
    r"(?i)^(?:advertisement|iklan|ads|scroll to (?:continue|resume)(?: with content)?"
    r"|advertisement\s+scroll to (?:continue|resume)(?: with content)?"
    r"|scroll untuk melanjutkan(?: membaca)?)$",
    r"(?i)^(?:penulis|editor|reporter|pewarta|penyunting|redaktur|wartawan|kontributor"
    r"|fotografer|foto|photo|sumber foto|laporan\s+(?:wartawan|reporter)[^:]{0,60})\s*:.{0,150}$",
    r"(?i)^(?:oleh|font|ukuran\s+font|tags?|bagikan|share)\s*:.{0,80}$",
    r"^\((?:[A-Za-z]{2,6})(?:\s*/\s*[A-Za-z]{2,6})*\)$",  # desk codes: (adv) (poe) (ant/hms)
    r"^(?:\*{1,3}|\(\*\))$",
    r"(?i)^(?=.{0,200}$).*(?:copyright\b|©|all\s+rights\s+reserved|hak\s+cipta\s+dilindungi)",
    r"(?i)rendering in\s+\d+(?:\.\d+)?\s+seconds",
)]
# "(Baca juga: Judul lain)" or "[Baca Juga: ...]" inside a paragraph: a link, not the story.
_INLINE_READ_ALSO = re.compile(r"[(\[]\s*(?i:baca(?:\s+juga)?|simak(?:\s+juga)?|lihat\s+juga)"
                               r"\s*:[^)\]\n]{0,200}[)\]]")
_TRAILING_DESK_CODE = re.compile(r"(?<=[.!?\"”’])\s*\([a-z]{2,6}(?:/[a-z]{2,6})*\)\s*$")
_READ_ALSO = re.compile(
    r"(?i)^(?:baca(?:\s+juga)?|simak(?:\s+juga)?|lihat\s+juga|berita\s+terkait"
    r"|artikel\s+terkait|related)\s*(?::\s*(?P<rest>.*)|$)")
_CAPTION_CREDIT = re.compile(
    r"[.!?)]\s+(?:[A-Z][A-Z'’.-]+\s+){1,3}[A-Z][A-Z'’.-]+\s*$"
    r"|(?:ANTARA(?:\s+FOTO)?|TEMPO|KOMPAS\.com|Dok\.?|DOK\.?)\s*/\s*[\w .'’-]{2,40}\)?\s*$")
_STAMP_PREFIX = re.compile(
    r"^(?:[A-Za-z0-9.]+\s*[-–|]\s*)?(?:(?:diterbitkan|dipublikasikan|diperbarui|dibuat"
    r"|published|updated|posted)(?:\s+(?:pada|on))?\s*:?\s*)?", re.IGNORECASE)

_SITE = (r"(?:[A-Za-z][A-Za-z0-9-]*\.(?i:co\.id|com|co|id|net|tv|news)|(?i:antara(?:news)?)"
         r"|CNN\s+Indonesia|IDN\s+Times)")
_PLACE = (r"(?:[A-Z][A-Z'’-]*[A-Z](?:\s+[A-Z][A-Z'’-]*[A-Z]){0,3}"
          r"|[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})")
_DATELINE = re.compile(
    rf"(?:{_SITE}\s*,\s*)?(?P<place>{_PLACE})(?:\s*,\s*{_SITE})?"
    r"(?:\s*,\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?)?(?:\s*\((?i:antara)[^)]{0,20}\))?"
    r"\s*(?:--|[-–—])\s+(?=\S)")
# Capitalised words that open a line with a dash but name no place.
_NOT_PLACES = {"kompas", "tempo", "antara", "detik", "liputan", "tribun", "foto", "baca",
               "editor", "penulis", "oleh", "advertisement", "update", "breaking", "video"}


@dataclass(frozen=True)
class Line:
    """One line of the text: ``text`` is ``original[start:end]``, without its newline."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanedArticle:
    """The cleaned text with what the furniture told: the page's date and the dateline."""

    text: str
    page_date: str | None
    dateline: tuple[Span, str] | None


def clean_article(text: str, title: str | None = None) -> CleanedArticle:
    """Clean the text, keeping the page stamp's date and the dateline found before cleaning."""
    cleaned = clean(text, title)
    return CleanedArticle(cleaned, find_page_date(text), find_dateline(cleaned))


def clean(text: str, title: str | None = None) -> str:
    """The text with page furniture replaced by spaces: same length, same newlines.

    >>> clean("Judul\\nKamis, 20 Juli 2017 - 20:42 WIB\\nIsi berita.", title="Judul")
    '     \\n                               \\nIsi berita.'
    """
    lines = list(_lines(text))
    noise: list[tuple[int, int]] = []
    noise += _furniture_lines(lines)
    noise += _read_also_blocks(lines)
    noise += _captions(lines)
    noise += _repeated_lines(lines)
    noise += _title_lines(lines, title)
    noise += _partial_noise(lines)
    return _blanked(text, noise)


def find_page_date(text: str) -> str | None:
    """The ISO date of the page's stamp ("Kamis, 20 Juli 2017 - 20:42 WIB") near the top.

    >>> find_page_date("Judul\\n\\nKompas.com - 02/12/2019, 11:19 WIB\\nDENPASAR, KOMPAS.com - ...")
    '2019-12-02'
    """
    for line in _head(_lines(text)):
        mention = _stamp(line.text)
        if mention:
            return mention
    return None


def find_dateline(text: str) -> tuple[Span, str] | None:
    """The place of the dateline opening the story ("MALANG -", "Liputan6.com, Jakarta -").

    Call it on cleaned text: a headline with a dash could otherwise pass for a dateline.

    >>> find_dateline("SURYAMALANG.COM, SURABAYA - Karnaval budaya berjalan semarak.")
    (Span(start=17, end=25, text='SURABAYA'), 'SURABAYA')
    """
    for line in _head(_lines(text)):
        content = line.text.lstrip(" \t•·")
        offset = line.start + len(line.text) - len(content)
        match = _DATELINE.match(content)
        if match and _is_place(match["place"]):
            start, end = match.span("place")
            return Span(offset + start, offset + end, match["place"]), match["place"]
    return None


# -- the kinds of noise ----------------------------------------------------------------------
def _furniture_lines(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """Whole lines that are widgets, bylines, footers or the page's date stamp."""
    for line in lines:
        content = _content(line.text)
        if content and (any(p.search(content) for p in _FURNITURE_LINES)
                        or _stamp(content) is not None):
            yield line.start, line.end


def _read_also_blocks(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """"Baca juga: X" lines, and the headlines listed under a bare "Baca juga:"."""
    listing = 0
    for line in lines:
        content = _content(line.text)
        match = _READ_ALSO.match(content)
        if match:
            yield line.start, line.end
            listing = MAX_READ_ALSO_HEADLINES if not match["rest"] else 0
        elif listing and content and len(content) <= 200:
            yield line.start, line.end
            listing -= 1
        else:
            listing = 0


def _captions(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """Photo captions: the photographer's credit, and the copy of a caption glued to itself.

    The caption's own words stay (a mayor named there is news); its second copy goes,
    so the caption states its facts once.
    """
    for line in lines:
        content = _content(line.text)
        credit = _CAPTION_CREDIT.search(line.text) if len(content.split()) >= 8 else None
        if credit:
            yield line.start + credit.start() + 1, line.end
        copy_at = _second_copy(line.text)
        if copy_at is not None:
            yield line.start + copy_at, line.end


def _repeated_lines(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """Second and later copies of a line: captions and titles shown twice."""
    seen: set[str] = set()
    for line in lines:
        key = _normalised(line.text)
        if len(key) < MIN_REPEATED_LINE:
            continue
        if key in seen:
            yield line.start, line.end
        seen.add(key)


def _title_lines(lines: list[Line], title: str | None) -> Iterator[tuple[int, int]]:
    """Copies of the title at the top: the caller has the title already."""
    key = _normalised(title or "")
    if not key:
        return
    for line in _head(lines):
        if _normalised(line.text) == key:
            yield line.start, line.end


def _partial_noise(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """Bullet glyphs, a desk code closing a paragraph ("... ujarnya. (adv)") and a
    bracketed "(Baca juga: ...)" link."""
    for line in lines:
        for match in _INLINE_READ_ALSO.finditer(line.text):
            yield line.start + match.start(), line.start + match.end()
        for match in _BULLETS.finditer(line.text):
            yield line.start + match.start(), line.start + match.end()
        code = _TRAILING_DESK_CODE.search(line.text)
        if code:
            yield line.start + code.start(), line.start + code.end()


# -- helpers ---------------------------------------------------------------------------------
def _lines(text: str) -> Iterator[Line]:
    start = 0
    for piece in text.split("\n"):
        yield Line(start, start + len(piece), piece)
        start += len(piece) + 1


def _head(lines: Iterator[Line] | list[Line]) -> Iterator[Line]:
    """The first :data:`HEAD_LINES` lines that hold something."""
    count = 0
    for line in lines:
        if not line.text.strip():
            continue
        yield line
        count += 1
        if count >= HEAD_LINES:
            return


def _content(line: str) -> str:
    return line.strip().lstrip("•●▪■►◦‣· \t").strip()


def _normalised(line: str) -> str:
    return " ".join(_content(line).split()).casefold()


def _stamp(content: str) -> str | None:
    """The ISO date if the line is nothing but a date stamp, else None."""
    content = content.strip()
    if len(content) > MAX_STAMP_LENGTH:
        return None
    prefix = _STAMP_PREFIX.match(content)
    rest = content[prefix.end():] if prefix else content
    mentions = find_dates(rest)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(rest):
        return mentions[0].begin.isoformat()
    return None


def _second_copy(line: str) -> int | None:
    """Where a caption printed twice in one line starts again ("Foto Wali Kota ... Humas
    Foto Wali Kota ..."), or None."""
    lead = len(line) - len(line.lstrip())
    content = line[lead:].rstrip()
    probe = content[:MIN_REPEATED_LINE]
    if len(content) < 2 * MIN_REPEATED_LINE:
        return None
    at = content.find(probe, MIN_REPEATED_LINE)
    while at != -1:
        if content.startswith(content[at:]) and len(content) - at >= 0.3 * len(content):
            return lead + at
        at = content.find(probe, at + 1)
    return None


def _is_place(name: str) -> bool:
    words = name.casefold().split()
    return not any(w in _NOT_PLACES or "news" in w for w in words)


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with every range turned to spaces, except line breaks."""
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
