"""Saved SPARQL queries (``queries/*.rq``) and running a query against the store."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import BadInput, BadQuery, UnknownQuery
from kg.resources import queries_dir


@dataclass(frozen=True)
class SavedQuery:
    """A file of ``queries/``: its name, the title and description of its comment header."""

    name: str
    title: str
    description: str
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def saved_queries() -> list[SavedQuery]:
    """Every saved query, by name."""
    return [_saved(path) for path in sorted(queries_dir().glob("*.rq"))]


def _saved(path: Path) -> SavedQuery:
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("# ").rstrip())
    title = header[0] if header else path.stem
    return SavedQuery(path.stem, title, " ".join(h for h in header[1:] if h), path)


def load_query(reference: str) -> str:
    """The text of a query given as a ``.rq`` file, a saved query's name, or ``-`` (stdin).

    :raises UnknownQuery: if the reference is neither a readable file nor a saved query.
    """
    if reference == "-":
        return sys.stdin.read()
    path = Path(reference)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[\w.-]+", reference) and (queries_dir() / f"{reference}.rq").is_file():
        return (queries_dir() / f"{reference}.rq").read_text(encoding="utf-8")
    names = ", ".join(q.name for q in saved_queries())
    raise UnknownQuery(f"{reference}: no such file, and no saved query of that name "
                       f"(saved: {names})")


def run_query(store: ox.Store, text: str):
    """Evaluate a SPARQL query on the store's default graph.

    :raises BadQuery: if the query does not parse or cannot be evaluated.
    """
    try:
        return store.query(text)
    except SyntaxError as e:
        raise BadQuery(f"the query does not parse: {e}") from e
    except (OSError, ValueError) as e:
        raise BadQuery(f"the query failed: {e}") from e


def read_text_argument(value: str) -> str:
    """Read a file argument that may be ``-``; a helper for commands taking text."""
    if value == "-":
        return sys.stdin.read()
    try:
        return Path(value).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"{value}: cannot read it: {e}") from e
