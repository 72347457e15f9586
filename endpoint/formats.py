"""Content negotiation: which serialisation a client gets, from ``format`` or ``Accept``.

The ``format`` parameter (a short name or a MIME type) wins over ``Accept``, because
browsers and some clients cannot set headers. ``Accept`` is read with q-values and
wildcards. When nothing acceptable is on offer the error names what would work.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KotakgError


class NotAcceptable(KotakgError):
    """No serialisation the client accepts is available for this kind of result."""

    status = 406


@dataclass(frozen=True)
class Format:
    """One serialisation: its short name (an ``endpoint.execute`` key) and MIME types."""

    key: str
    mime: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text types state their charset)."""
        textual = self.mime.startswith("text/") or self.mime.endswith(("+json", "+xml", "/json"))
        return f"{self.mime}; charset=utf-8" if textual else self.mime


# Offers in order of preference: the first is the default when Accept allows anything.
SOLUTIONS = (
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
BOOLEAN = SOLUTIONS[:2]
GRAPH = (
    Format("turtle", "text/turtle", ("application/x-turtle",)),
    Format("ntriples", "application/n-triples", ("text/plain",)),
    Format("rdfxml", "application/rdf+xml"),
    Format("jsonld", "application/ld+json"),
    Format("trig", "application/trig"),
    Format("nquads", "application/n-quads"),
)
SHORT_NAMES = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "owl": "rdfxml",
               "json-ld": "jsonld", "nq": "nquads", "srj": "json", "srx": "xml"}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` as (media range, q) pairs; a missing header accepts anything.

    >>> parse_accept("text/turtle;q=0.5, application/rdf+xml")
    [('text/turtle', 0.5), ('application/rdf+xml', 1.0)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching any of ``fmt``'s MIME types."""
    best, best_specificity = 0.0, -1
    for mime in (fmt.mime, *fmt.aliases):
        kind = mime.split("/")[0]
        for media_range, q in ranges:
            specificity = (2 if media_range == mime else 1 if media_range == f"{kind}/*"
                           else 0 if media_range == "*/*" else -1)
            better = specificity > best_specificity or (
                specificity == best_specificity and q > best)
            if better and specificity >= 0:
                best, best_specificity = q, specificity
    return best


def negotiate(offers: tuple[Format, ...], accept: str | None, format_param: str | None) -> Format:
    """Pick the serialisation for ``offers``.

    :raises NotAcceptable: naming the formats that would work.
    """
    if format_param:
        wanted = format_param.strip().lower().split(";")[0].strip()
        wanted = SHORT_NAMES.get(wanted, wanted)
        for fmt in offers:
            if wanted == fmt.key or wanted == fmt.mime or wanted in fmt.aliases:
                return fmt
        raise NotAcceptable(f"format={format_param!r} is not available for this result; "
                            f"use one of: {_names(offers)}")
    ranges = parse_accept(accept)
    scored = [(_quality(fmt, ranges), -i, fmt) for i, fmt in enumerate(offers)]
    q, _, fmt = max(scored, key=lambda t: (t[0], t[1]))
    if q <= 0:
        raise NotAcceptable(f"the Accept header ({accept}) allows none of the formats for this "
                            f"result: ask for one of {_names(offers)}")
    return fmt


def _names(offers: tuple[Format, ...]) -> str:
    return ", ".join(f"{f.mime} (format={f.key})" for f in offers)


def prefers_html(accept: str | None) -> bool:
    """Whether a browser-like client prefers an HTML page over RDF."""
    if not accept:
        return False
    html = _quality(Format("html", "text/html", ("application/xhtml+xml",)), parse_accept(accept))
    rdf = max(_quality(f, parse_accept(accept)) for f in GRAPH)
    return html > rdf and "text/html" in accept.lower()
