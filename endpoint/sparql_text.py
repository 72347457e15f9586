"""Reading SPARQL text before it runs: its form, its SERVICE calls, LOAD, protocol USING.

A regular expression over the raw text is fooled by comments, strings and IRIs (``# SERVICE
<x>`` is not a SERVICE call), so this module tokenises first: comments are dropped and
strings and IRIs are single tokens. The SERVICE allowlist check then confirms with rdflib's
SPARQL algebra, and refuses whenever the two readings disagree (fail closed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from endpoint.errors import Forbidden
from kg.errors import BadQuery

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<word>[\w\u00c0-\uffff][\w\u00c0-\uffff.\-:%\\]*(?<!\.)|:[\w\u00c0-\uffff.\-:%\\]*(?<!\.))
  | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind (a group name above), text and offset in the source."""

    kind: str
    text: str
    start: int

    def is_kw(self, *words: str) -> bool:
        """Whether this is one of the (case-insensitive) keywords ``words``."""
        return self.kind == "word" and self.text.upper() in words


def tokens(text: str) -> list[Token]:
    """The significant tokens of ``text`` (no whitespace, no comments).

    >>> [t.text for t in tokens('ASK { ?s <p> "#}" } # SERVICE')]
    ['ASK', '{', '?s', '<p>', '"#}"', '}']
    """
    found = []
    for m in _TOKEN.finditer(text):
        if m.lastgroup not in ("ws", "comment"):
            found.append(Token(m.lastgroup or "punct", m.group(), m.start()))
    return found


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the first keyword after the prologue.

    >>> query_form("PREFIX a: <x:> # SELECT\\n CONSTRUCT WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    toks = tokens(text)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.is_kw("PREFIX"):
            i += 3
        elif tok.is_kw("BASE"):
            i += 2
        elif tok.is_kw("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
            return tok.text.upper()
        else:
            break
    raise BadQuery("malformed query: expected SELECT, CONSTRUCT, DESCRIBE or ASK "
                   "after the PREFIX and BASE declarations")


def service_iris(text: str, update: bool = False) -> list[str]:
    """The IRIs of the query's (or update's) SERVICE calls, as the SPARQL algebra reads them.

    :raises BadQuery: if a SERVICE names a variable, or its target cannot be established.
    """
    declared = sum(1 for t in tokens(text) if t.is_kw("SERVICE"))
    if declared == 0:
        return []
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        algebra = (translateUpdate(parseUpdate(text)).algebra if update
                   else translateQuery(parseQuery(text)).algebra)
    except Exception as e:  # noqa: BLE001 - rdflib raises many types; any means "unverified"
        raise BadQuery(f"the query uses SERVICE, and its SERVICE targets could not be "
                       f"verified ({type(e).__name__}): SERVICE is refused") from e
    targets = _walk_services(algebra, [])
    if len(targets) != declared:
        raise BadQuery("the query's SERVICE targets could not be verified: SERVICE is refused")
    iris = []
    for term in targets:
        if type(term).__name__ != "URIRef":
            raise BadQuery("SERVICE with a variable endpoint is not allowed on this server")
        iris.append(str(term))
    return iris


def _walk_services(node: object, out: list) -> list:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            out.append(node.get("term"))
        for value in node.values():
            _walk_services(value, out)
    elif isinstance(node, list | tuple):
        for value in node:
            _walk_services(value, out)
    return out


def check_services(text: str, allowlist: list[str], update: bool = False) -> None:
    """Refuse SERVICE calls whose IRI does not start with an allowlisted prefix.

    :raises BadQuery: naming the refused endpoint.
    """
    if "service" not in text.lower():
        return  # fast path: no token can spell SERVICE
    for iri in service_iris(text, update):
        if not any(iri.startswith(prefix) for prefix in allowlist):
            raise Forbidden(f"SERVICE <{iri}> is not allowed on this server "
                            "(federated queries are limited to an allowlist, empty by default)")


def check_no_load(text: str) -> None:
    """Refuse SPARQL Update LOAD: the server does not fetch URLs on a client's behalf.

    :raises Forbidden: if the update contains a LOAD operation.
    """
    if any(t.is_kw("LOAD") for t in tokens(text)):
        raise Forbidden("LOAD is not allowed on this server: send the data with the "
                        "Graph Store Protocol (PUT/POST /rdf-graphs/service) instead")


def add_using(text: str, using: list[str], using_named: list[str]) -> str:
    """Apply the protocol's using-graph-uri / using-named-graph-uri to every DELETE/INSERT
    ... WHERE operation, as USING / USING NAMED clauses placed before its WHERE.

    :raises BadQuery: if an operation already names its dataset with USING or WITH
        (the protocol forbids both at once).
    """
    if not using and not using_named:
        return text
    clause = "".join(f" USING <{g}>" for g in using) + "".join(
        f" USING NAMED <{g}>" for g in using_named) + " "
    inserts: list[int] = []
    for op in _operations(tokens(text)):
        words = [t for t in op if t.kind == "word"]
        if any(t.is_kw("USING", "WITH") for t in words):
            raise BadQuery("using-graph-uri / using-named-graph-uri cannot be combined with "
                           "an update that has its own USING or WITH clause")
        if _is_modify(op):
            inserts += [t.start for t in op if t.is_kw("WHERE")]
    for offset in sorted(inserts, reverse=True):
        text = text[:offset] + clause + text[offset:]
    return text


def _operations(toks: list[Token]) -> list[list[Token]]:
    """Top-level tokens of each operation (split at depth-0 ';'), braces' insides dropped."""
    ops: list[list[Token]] = [[]]
    depth = 0
    for tok in toks:
        if tok.text == "{" and tok.kind == "punct":
            if depth == 0:
                ops[-1].append(tok)  # keeps "INSERT {" apart from "DELETE WHERE"
            depth += 1
        elif tok.text == "}" and tok.kind == "punct":
            depth -= 1
        elif depth == 0 and tok.kind == "punct" and tok.text == ";":
            ops.append([])
        elif depth == 0:
            ops[-1].append(tok)
    return ops


def _is_modify(op: list[Token]) -> bool:
    """DELETE/INSERT ... WHERE (not INSERT DATA, DELETE DATA nor DELETE WHERE)."""
    for i, tok in enumerate(op):
        if tok.is_kw("WITH"):
            return True
        if tok.is_kw("INSERT", "DELETE"):
            nxt = op[i + 1] if i + 1 < len(op) else None
            return not (nxt and nxt.is_kw("DATA", "WHERE"))
    return False
