"""Parameters of a saved query, from a URL's query string, as a ``VALUES`` block.

``/queries/officials?of=https://w3id.org/kotakg/resource/place/kota-malang`` runs
``officials.rq`` with ``VALUES ?of { <...> }`` placed at the start of its WHERE clause.
A value never reaches the query as typed: it is parsed into an RDF term (an IRI that must
be a valid IRI, or a literal) and written back in N-Triples syntax by Oxigraph, so quotes,
braces and ``>`` in a value cannot end the term and add SPARQL of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from endpoint.sparql_text import tokens
from kg.errors import BadQuery

# Query-string keys that configure the request rather than bind a variable.
RESERVED = frozenset({"format", "timeout"})
_IRI_SCHEME = re.compile(r"(?:https?|urn|mailto|file|tag):\S", re.IGNORECASE)
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def query_parameters(query: str) -> list[str]:
    """The variables of ``query`` a caller may bind, in order of first appearance.

    >>> query_parameters('SELECT ?city ?n WHERE { ?city ?p ?n # ?comment\\n FILTER(?n != "?x") }')
    ['city', 'n', 'p']
    """
    names = (t.text[1:] for t in tokens(query) if t.kind == "var")
    return list(dict.fromkeys(names))


def to_term(raw: str, name: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a parameter's value stands for.

    ``<iri>`` or ``http(s)://…``/``urn:…`` is an IRI; ``"text"@lang`` or
    ``"1"^^<datatype>`` is a literal in N-Triples syntax; anything else is a plain string.

    >>> to_term("https://w3id.org/kotakg/resource/place/kota-malang", "city")
    <NamedNode value=https://w3id.org/kotakg/resource/place/kota-malang>
    >>> str(to_term('Malang" } DROP ALL', "name"))
    '"Malang\\\\" } DROP ALL"'

    :raises BadQuery: for an empty value, or an IRI or N-Triples literal that does not parse.
    """
    if raw == "":
        raise BadQuery(f"parameter {name!r} is empty: give an IRI or a literal value")
    if raw.startswith("<"):
        if not raw.endswith(">"):
            raise BadQuery(f"parameter {name!r}: {raw!r} is not an IRI in <…>")
        return _iri(raw[1:-1], name)
    if raw.startswith('"'):
        return _literal(raw, name)
    if _IRI_SCHEME.match(raw):
        return _iri(raw, name)
    return ox.Literal(raw)


def _iri(text: str, name: str) -> ox.NamedNode:
    bad = _NOT_IN_IRI.search(text)
    if bad:
        raise BadQuery(f"parameter {name!r}: {text!r} is not an IRI "
                       f"(it contains {bad.group()!r})")
    try:
        return ox.NamedNode(text)
    except ValueError as e:
        raise BadQuery(f"parameter {name!r}: {text!r} is not an IRI: {e}") from e


def _literal(text: str, name: str) -> ox.Literal:
    """An N-Triples literal, checked by Oxigraph's own parser: exactly one term, nothing else."""
    try:
        triples = list(ox.parse(f"<x:s> <x:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as e:
        raise BadQuery(f"parameter {name!r}: {text!r} is not an N-Triples literal "
                       f'(write "text", "text"@lang or "1"^^<datatype>): {e}') from e
    if len(triples) != 1 or not isinstance(triples[0].object, ox.Literal):
        raise BadQuery(f"parameter {name!r}: {text!r} is not a single literal")
    return triples[0].object


def bind_parameters(query: str, args: Iterable[tuple[str, str]]) -> str:
    """``query`` with a ``VALUES`` block for each parameter in ``args`` (key, value pairs;
    a key may repeat to give several values). Keys in :data:`RESERVED` are skipped.

    >>> print(bind_parameters("SELECT * WHERE { ?city ?p ?o }", [("city", "urn:x:1")]))
    SELECT * WHERE { VALUES ?city { <urn:x:1> } ?city ?p ?o }

    :raises BadQuery: for a key that is not a variable of the query, or a bad value.
    """
    accepted = query_parameters(query)
    values: dict[str, list[str]] = {}
    for key, raw in args:
        if key in RESERVED:
            continue
        name = key.lstrip("?$")
        if name not in accepted:
            raise BadQuery(f"unknown parameter {key!r}: this query takes "
                           f"{', '.join(accepted) or 'no parameters'} (and format, timeout)")
        values.setdefault(name, []).append(str(to_term(raw, name)))
    if not values:
        return query
    block = "".join(f" VALUES ?{name} {{ {' '.join(dict.fromkeys(terms))} }}"
                    for name, terms in values.items())
    at = _where_brace(query) + 1
    return query[:at] + block + query[at:]


def _where_brace(query: str) -> int:
    """Offset of the ``{`` opening the query's WHERE clause (strings and comments skipped).

    :raises BadQuery: when the query has no group pattern to bind into.
    """
    toks = tokens(query)
    start = next((i for i, t in enumerate(toks) if t.is_kw("WHERE")), 0)
    for tok in toks[start:]:
        if tok.kind == "punct" and tok.text == "{":
            return tok.start
    raise BadQuery("this query has no WHERE clause to take parameters")
