"""News articles read as a crawler delivers them: JSONL records, text files or HTML pages.

Real input is messy. A broken record does not stop the reading: it comes out as a
:class:`ReadProblem` among the articles, so the caller can report it and go on.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text(json.dumps({"id": "a1", "text": "Isi."}) + "\\n{oops\\n")
>>> [type(item).__name__ for item in read_articles([folder])]
['Article', 'ReadProblem']
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kg.cleaning import find_dateline, find_page_date
from kg.dates import find_dates
from kg.facts import slug

__all__ = ["Article", "ReadProblem", "normalise_published", "read_articles", "text_sha256"]

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
KNOWN_SUFFIXES = JSONL_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES
# Ids derived from long URLs are cut here and made unique again with a hash.
MAX_ID_LENGTH = 100
# A first line longer than this, or ending like a sentence, is no headline.
MAX_HEADLINE_LENGTH = 200

_SENTENCE_END = re.compile(r"[.,;:][\"”’)]?$")
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", re.IGNORECASE)


@dataclass
class Article:
    """One news text and what is known about where it came from."""

    id: str
    text: str
    url: str | None
    title: str | None
    published: str | None  # ISO date or date-time as given, normalised when parseable
    source: str  # the URL, else the file's ``file:`` IRI (+ ``#L<line>`` for JSONL)


@dataclass
class ReadProblem:
    """A record or file that could not be read, and why."""

    source: str  # file path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


def read_articles(
    paths: Iterable[str | Path] | str | Path,
) -> Iterator[Article | ReadProblem]:
    """Articles from files and folders (walked recursively, in sorted order), in turn.

    ``.jsonl`` / ``.jsonl.gz`` hold one record a line, ``.txt`` one plain text,
    ``.html`` / ``.htm`` one page whose main text trafilatura extracts.
    """
    if isinstance(paths, str | Path):  # one path given bare, not a list of characters
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in _files_in(path):
                yield from _read_file(child)
        elif not path.exists():
            yield ReadProblem(str(path), None, "no such file or folder")
        elif not _suffix(path):
            yield ReadProblem(str(path), None,
                              "unknown kind of file: expected " + ", ".join(KNOWN_SUFFIXES))
        else:
            yield from _read_file(path)


def text_sha256(text: str) -> str:
    """The SHA-256 of the UTF-8 text, to tell identical texts apart from near copies.

    >>> text_sha256("abc")[:16]
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- files -----------------------------------------------------------------------------------
def _files_in(folder: Path) -> list[Path]:
    """Readable files below the folder, hidden ones left out, in a stable order."""
    found = [p for p in folder.rglob("*")
             if p.is_file() and _suffix(p)
             and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in KNOWN_SUFFIXES if name.endswith(s)), None)


def _read_file(path: Path) -> Iterator[Article | ReadProblem]:
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
        elif suffix in TEXT_SUFFIXES:
            yield _read_text(path)
        else:
            yield _read_html(path)
    except (OSError, EOFError) as error:  # unreadable file, truncated gzip
        yield ReadProblem(str(path), None, f"cannot read: {error}")


def _read_jsonl(path: Path) -> Iterator[Article | ReadProblem]:
    """One article a line; each line decoded on its own so one bad line costs only itself."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            yield _record_article(path, number, raw)


def _record_article(path: Path, number: int, raw: bytes) -> Article | ReadProblem:
    def problem(message: str) -> ReadProblem:
        return ReadProblem(str(path), number, message)

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return problem(f"not UTF-8 (byte {error.start})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return problem(f"invalid JSON: {error.msg} (column {error.colno})")
    if not isinstance(record, dict):
        return problem(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return problem("no 'text'")
    if not isinstance(text, str):
        return problem(f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        return problem("empty 'text'")
    url = _optional_str(record.get("url"))
    return Article(
        id=_optional_str(record.get("id")) or _derived_id(url, text),
        text=text,
        url=url,
        title=_optional_str(record.get("title")),
        published=normalise_published(_optional_str(record.get("published"))),
        source=url or f"{path.resolve().as_uri()}#L{number}",
    )


def _read_text(path: Path) -> Article | ReadProblem:
    """A plain text file: its stem is the id, a headline-like first line the title."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return ReadProblem(str(path), None, f"not UTF-8 (byte {error.start})")
    if not text.strip():
        return ReadProblem(str(path), None, "empty text")
    return Article(id=path.stem, text=text, url=None, title=_headline(text),
                   published=find_page_date(text), source=path.resolve().as_uri())


def _read_html(path: Path) -> Article | ReadProblem:
    """A saved page: main text and metadata through trafilatura, comments left out."""
    from trafilatura import bare_extraction  # slow to import; only HTML needs it

    extracted = bare_extraction(path.read_bytes(), include_comments=False, with_metadata=True,
                                favor_recall=True)
    document = extracted.as_dict() if extracted is not None else {}
    text = document.get("text") or ""
    if not text.strip():
        return ReadProblem(str(path), None, "no text could be extracted from the page")
    url = _optional_str(document.get("url"))
    return Article(
        id=_derived_id(url, text) if url else path.stem,
        text=text,
        url=url,
        title=_optional_str(document.get("title")),
        published=normalise_published(_optional_str(document.get("date"))),
        source=url or path.resolve().as_uri(),
    )


# -- fields ----------------------------------------------------------------------------------
def normalise_published(value: str | None) -> str | None:
    """An ISO date or date-time; an Indonesian date becomes ISO; anything else stays as given.

    >>> normalise_published("2017-07-20 20:42:00+07:00"), normalise_published("Rabu, 12 Juli 2023")
    ('2017-07-20T20:42:00+07:00', '2023-07-12')
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        mentions = find_dates(value)
        return mentions[0].begin.isoformat() if mentions else value
    if len(value) <= len("2017-07-20"):
        return parsed.date().isoformat()
    return parsed.isoformat()


def _derived_id(url: str | None, text: str) -> str:
    """An id for a record without one: from its URL, else from its text."""
    if not url:
        return text_sha256(text)[:16]
    name = slug(_URL_SCHEME.sub("", url))
    if len(name) <= MAX_ID_LENGTH:
        return name
    return name[:MAX_ID_LENGTH - 9] + "-" + text_sha256(url)[:8]


def _optional_str(value: Any) -> str | None:
    """A stripped string, or None for null, empty or nested values."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _headline(text: str) -> str | None:
    """The first non-empty line, if it reads like a headline rather than a sentence."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    first = lines[0]
    looks_like_sentence = (len(first) > MAX_HEADLINE_LENGTH or len(first.split()) < 2
                           or _SENTENCE_END.search(first) or first[0].islower())
    if looks_like_sentence or find_dateline(first):
        return None
    return first
