"""A polite SPARQL client for Wikidata's query service (or any SPARQL endpoint).

Polite, as https://www.mediawiki.org/wiki/Wikidata_Query_Service/User_Manual asks: a
descriptive User-Agent, answers cached on disk (the same question is never asked twice),
waiting as long as a 429's ``Retry-After`` says, backing off on 5xx. And bounded: a run that
cannot get its answers within its time limit stops with :class:`EndpointTimeout` instead of
hanging on a server that accepts and never replies.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
import urllib.error
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from kg.errors import KotakgError

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
USER_AGENT = ("kotakg/0.1 (https://w3id.org/kotakg; links Indonesian city-government news to "
              "Wikidata) SPARQLWrapper/2")
RETRIED = {429, 500, 502, 503, 504}

Binding = dict[str, dict[str, str]]  # a SPARQL JSON results row: var -> {"type", "value", ...}


class EndpointError(KotakgError):
    """The SPARQL endpoint refused or failed the query."""

    status = 502


class EndpointTimeout(EndpointError):
    """The SPARQL endpoint did not answer within the time limit."""

    status = 504


@dataclass
class SparqlClient:
    """Runs SELECT queries against one endpoint, under one overall time limit."""

    endpoint: str = WIKIDATA_SPARQL
    cache_dir: Path | None = None
    timeout: float = 120.0  # seconds for the whole run, retries and waits included
    user_agent: str = USER_AGENT
    retries: int = 4
    backoff: float = 1.0  # first wait after a 5xx without Retry-After; doubles each time
    requests: int = 0  # queries sent over HTTP
    cache_hits: int = 0
    _deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self._deadline = time.monotonic() + self.timeout
        if self.cache_dir:
            self.cache_dir = Path(self.cache_dir)
            self.cache_dir.mkdir(parents=True, exist_ok=True)

    def select(self, query: str) -> list[Binding]:
        """The result rows of a SELECT query, from the cache when asked before.

        :raises EndpointTimeout: if no answer came within the time limit.
        :raises EndpointError: if the endpoint rejects the query or keeps failing.
        """
        cached = self._cache_path(query)
        if cached and cached.exists():
            self.cache_hits += 1
            return json.loads(cached.read_text(encoding="utf-8"))["bindings"]
        rows = self._ask(query)
        if cached:
            record = {"endpoint": self.endpoint, "query": query, "bindings": rows,
                      "retrieved": datetime.now(UTC).isoformat(timespec="seconds")}
            cached.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        return rows

    def _ask(self, query: str) -> list[Binding]:
        """Send the query, retrying 429 and 5xx answers while time remains."""
        for attempt in range(self.retries + 1):
            remaining = self._remaining()
            try:
                return self._send(query, remaining)
            except urllib.error.HTTPError as e:
                if e.code not in RETRIED or attempt == self.retries:
                    raise EndpointError(f"{self.endpoint} answered HTTP {e.code}: "
                                        f"{_body(e)}") from e
                wait = _retry_after(e) if e.code == 429 else None
                self._sleep(self.backoff * 2 ** attempt if wait is None else wait)
            except EndPointInternalError as e:
                if attempt == self.retries:
                    raise EndpointError(f"{self.endpoint} answered HTTP 500: {e}") from e
                self._sleep(self.backoff * 2 ** attempt)
            except SPARQLWrapperException as e:
                raise EndpointError(f"{self.endpoint} rejected the query: {e}") from e
            except TimeoutError as e:
                raise self._timed_out() from e
            except urllib.error.URLError as e:
                if isinstance(e.reason, TimeoutError):
                    raise self._timed_out() from e
                raise EndpointError(f"cannot reach {self.endpoint}: {e.reason}") from e
        raise EndpointError(f"{self.endpoint}: no answer after {self.retries + 1} tries")

    def _send(self, query: str, remaining: float) -> list[Binding]:
        self.requests += 1
        wrapper = SPARQLWrapper(self.endpoint, agent=self.user_agent)
        wrapper.setQuery(query)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(max(1, math.ceil(remaining)))  # whole seconds only
        return wrapper.query().convert()["results"]["bindings"]

    def _remaining(self) -> float:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise self._timed_out()
        return remaining

    def _sleep(self, seconds: float) -> None:
        """Wait before a retry, unless the wait would run past the time limit."""
        if seconds >= self._remaining():
            raise self._timed_out()
        time.sleep(max(0.0, seconds))

    def _timed_out(self) -> EndpointTimeout:
        return EndpointTimeout(f"{self.endpoint} did not answer within the time limit of "
                               f"{self.timeout:g} s (raise it with --timeout)")

    def _cache_path(self, query: str) -> Path | None:
        if not self.cache_dir:
            return None
        digest = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        return Path(self.cache_dir) / f"{digest}.json"


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    """Seconds a 429 asks to wait: ``Retry-After`` as seconds or as an HTTP date."""
    value = error.headers.get("Retry-After") if error.headers else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError):
            return None


def _body(error: urllib.error.HTTPError) -> str:
    try:
        return error.read().decode("utf-8", "replace")[:200].strip()
    except OSError:
        return ""


def term_value(row: Binding, name: str) -> str | None:
    """The lexical value of a variable in a result row, if bound."""
    term = row.get(name)
    return term["value"] if term else None


def sparql_string(text: str, lang: str | None = None) -> str:
    """A SPARQL literal for a string (escaped), with a language tag when given.

    >>> sparql_string('Kota "Malang"', "id")
    '"Kota \\\\"Malang\\\\""@id'
    """
    escaped = json.dumps(text, ensure_ascii=False)
    return escaped + (f"@{lang}" if lang else "")


def qid(iri: str) -> str:
    """``http://www.wikidata.org/entity/Q11445`` -> ``Q11445``."""
    return iri.rsplit("/", 1)[-1]

