"""What an entity page shows: an IRI's labels, types and facts, the labels of the nodes it
links to, and the article sentences that support it.

Facts come from the default graph (the knowledge graph) and, for an article or a mention,
from the article's own named graph. Incoming links matter as much as outgoing ones: a
person's offices are tenure nodes pointing at the person, a city's partnerships are
cooperation nodes naming it as a party. Such a fact node is summarised by its own
statements, and its supporting sentences are shown with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from endpoint.labels import DISPLAY_LABELS, NAME_PREDICATES, best_label, fallback_label
from kg.vocab import KG, NIF, OWL, RDF, SCHEMA, WD, base_iri

MAX_INCOMING = 300          # links shown into a hub (a province, a country)
MAX_EVIDENCE_ARTICLES = 20  # articles whose text is read for one page
MAX_SENTENCES = 5           # sentences shown per fact
MAX_MENTIONS = 500          # mentions read for one page (a province is mentioned a lot)
_SKIP_INCOMING = (KG + "describes", KG + "supports", KG + "inArticle")
_LONG = (KG + "text", KG + "factsJson")
# Fact IRIs kotakg mints from a hash (kg.facts.digest) say nothing to a reader.
_HASHED = re.compile(r"/[0-9a-f]{16}$")


@dataclass(frozen=True)
class Node:
    """A term as a page shows it: its label and whether it is a link."""

    term: ox.NamedNode | ox.Literal | ox.BlankNode
    label: str
    linked: bool = True  # False for a term with no page here (a literal, an unknown property)

    @property
    def iri(self) -> str | None:
        return self.term.value if isinstance(self.term, ox.NamedNode) else None

    @property
    def datatype(self) -> str | None:
        if isinstance(self.term, ox.Literal) and self.term.language:
            return "@" + self.term.language
        return None


@dataclass
class Sentence:
    """One supporting sentence, cut around a mention, and where it comes from."""

    before: str
    anchor: str
    after: str
    article: str
    url: str | None
    headline: str | None
    published: str | None


@dataclass
class Statement:
    """A value of a property, with the sentences supporting it (for a fact node)."""

    value: Node
    summary: list[tuple[Node, Node]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Description:
    """Everything the entity page and its drawing need."""

    iri: str
    label: str
    labels: list[Node]
    types: list[Node]
    wikidata: list[str]
    outgoing: dict[Node, list[Statement]]
    incoming: dict[Node, list[Statement]]
    sentences: list[Sentence]
    truncated: bool


def describe(store: ox.Store, iri: str, languages: tuple[str, ...]) -> Description | None:
    """The description of ``iri``, or ``None`` if the store has no triple about it."""
    me = ox.NamedNode(iri)
    out = _pairs(store, f"SELECT DISTINCT ?p ?o WHERE {{ {{ {me} ?p ?o }} UNION "
                        f"{{ GRAPH ?g {{ {me} ?p ?o }} }} }}", "p", "o")
    incoming = _pairs(store, f"SELECT DISTINCT ?x ?p WHERE {{ ?x ?p {me} . FILTER(?p NOT IN "
                             f"({', '.join(f'<{p}>' for p in _SKIP_INCOMING)})) }} "
                             f"LIMIT {MAX_INCOMING + 1}", "x", "p")
    if not out and not incoming:
        return None
    truncated = len(incoming) > MAX_INCOMING
    incoming = incoming[:MAX_INCOMING]
    facts = _statements_of(store, {x for x, _ in incoming if isinstance(x, ox.NamedNode)})
    terms = {me} | {t for pair in out + incoming for t in pair}
    terms |= {t for pairs in facts.values() for pair in pairs for t in pair}
    labels = labels_of(store, terms, languages)
    labels.update(_fact_labels(facts, labels, me))
    evidence = sentences_for(store, [me] + [x for x, _ in incoming if x in facts])

    def name(term, linked: bool = True) -> Node:
        return _node(term, labels, linked)

    def prop(term) -> Node:  # a property's page exists only if the store describes it
        return name(term, term in labels)

    return Description(
        iri=iri, label=labels.get(me) or fallback_label(iri),
        labels=[name(o) for p, o in out if p.value in NAME_PREDICATES],
        types=[name(o) for p, o in out if p.value == RDF + "type"],
        wikidata=[o.value for p, o in out
                  if p.value == OWL + "sameAs" and o.value.startswith(WD)],
        outgoing=_group([(prop(p), Statement(name(_shorten(p, o)))) for p, o in out
                         if p.value not in NAME_PREDICATES and p.value != RDF + "type"]),
        incoming=_group([(prop(p), Statement(
            name(x), [(prop(fp), name(fo)) for fp, fo in facts.get(x, [])
                      if fo != me and fp.value != RDF + "type"],
            evidence.get(x, [])[:MAX_SENTENCES])) for x, p in incoming]),
        sentences=evidence.get(me, [])[:MAX_SENTENCES], truncated=truncated)


def _fact_labels(facts: dict, labels: dict, me: ox.NamedNode) -> dict:
    """Names for unlabelled fact nodes whose IRI ends in a hash (``cooperation/3f…``):
    their type and what they link to, e.g. "Cooperation: Nonsan, tourism"."""
    named = {}
    for x, statements in facts.items():
        if not _HASHED.search(x.value):
            continue  # a readable key (post/mayor-kota-malang) names itself
        types = [labels.get(o) or fallback_label(o.value) for p, o in statements
                 if p.value == RDF + "type"]
        linked = [o for p, o in statements
                  if p.value != RDF + "type" and isinstance(o, ox.NamedNode) and o != me]
        linked.sort(key=lambda o: not o.value.startswith(base_iri()))  # entities, then codes
        values = [labels.get(o) or fallback_label(o.value) for o in linked]
        kind = types[0] if types else "Fact"
        named[x] = f"{kind}: {', '.join(values[:3])}" if values else kind
    return named


def _pairs(store: ox.Store, query: str, a: str, b: str) -> list[tuple]:
    return [(row[a], row[b]) for row in store.query(query)]


def _shorten(p: ox.NamedNode, o: ox.Literal | ox.NamedNode):
    """Long literals (an article's whole text, its facts as JSON) shown as their start."""
    if p.value in _LONG and isinstance(o, ox.Literal) and len(o.value) > 300:
        return ox.Literal(o.value[:300] + " …")
    return o


def _statements_of(store: ox.Store, nodes: set[ox.NamedNode]) -> dict[ox.NamedNode, list]:
    """The statements of the unlabelled fact nodes among ``nodes`` (tenures, cooperations…),
    which a page shows in place of a label."""
    if not nodes:
        return {}
    query = (f"SELECT ?x ?p ?o WHERE {{ VALUES ?x {{ {' '.join(map(str, nodes))} }} "
             f"FILTER NOT EXISTS {{ ?x {'|'.join(f'<{p}>' for p in DISPLAY_LABELS)} ?l }} "
             f"?x ?p ?o }}")
    found: dict[ox.NamedNode, list] = defaultdict(list)
    for row in store.query(query):
        found[row["x"]].append((row["p"], row["o"]))
    return found


def labels_of(store: ox.Store, terms: set, languages: tuple[str, ...]) -> dict:
    """The best label of each IRI among ``terms``, in the reader's languages."""
    iris = [t for t in terms if isinstance(t, ox.NamedNode)]
    if not iris:
        return {}
    predicates = " ".join(f"<{p}>" for p in DISPLAY_LABELS)
    query = (f"SELECT ?x ?p ?l WHERE {{ VALUES ?x {{ {' '.join(map(str, iris))} }} "
             f"VALUES ?p {{ {predicates} }} ?x ?p ?l }}")
    candidates: dict[ox.NamedNode, list] = defaultdict(list)
    for row in store.query(query):
        candidates[row["x"]].append((row["p"].value, row["l"]))
    return {x: best_label(found, languages) for x, found in candidates.items()}


def _node(term, labels: dict, linked: bool = True) -> Node:
    if isinstance(term, ox.NamedNode):
        return Node(term, labels.get(term) or fallback_label(term.value), linked)
    return Node(term, term.value, False)


def _group(pairs: list[tuple[Node, Statement]]) -> dict[Node, list[Statement]]:
    grouped: dict[str, tuple[Node, list[Statement]]] = {}
    for prop, statement in pairs:
        grouped.setdefault(prop.term.value, (prop, []))[1].append(statement)
    ordered = sorted(grouped.values(), key=lambda item: item[0].label.lower())
    return {prop: sorted(items, key=lambda s: s.value.label.lower()) for prop, items in ordered}


def sentences_for(store: ox.Store, nodes: list[ox.NamedNode]) -> dict:
    """The sentences of the mentions supporting each of ``nodes``, newest articles first."""
    if not nodes:
        return {}
    rows = list(store.query(
        f"SELECT ?node ?article ?b ?e ?anchor WHERE {{ "
        f"VALUES ?node {{ {' '.join(map(str, nodes))} }} GRAPH ?article {{ "
        f"?m <{KG}supports> ?node ; <{NIF}beginIndex> ?b ; <{NIF}endIndex> ?e . "
        f"OPTIONAL {{ ?m <{NIF}anchorOf> ?anchor }} }} }} ORDER BY ?article ?b "
        f"LIMIT {MAX_MENTIONS}"))
    articles = _articles(store, list(dict.fromkeys(r["article"] for r in rows)))
    found: dict[ox.NamedNode, list[Sentence]] = defaultdict(list)
    for row in rows:
        article = articles.get(row["article"])
        if article is None:
            continue
        anchor = row["anchor"].value if row["anchor"] else None
        before, words, after = cut_sentence(article["text"], int(row["b"].value),
                                            int(row["e"].value), anchor)
        found[row["node"]].append(Sentence(before, words, after, row["article"].value,
                                           article["url"], article["headline"],
                                           article["published"]))
    for sentences in found.values():
        sentences.sort(key=lambda s: s.published or "", reverse=True)
    return found


def _articles(store: ox.Store, iris: list[ox.NamedNode]) -> dict:
    """Text and metadata of (at most :data:`MAX_EVIDENCE_ARTICLES`) articles."""
    iris = iris[:MAX_EVIDENCE_ARTICLES]
    if not iris:
        return {}
    rows = store.query(
        f"SELECT ?a ?text ?url ?headline ?published WHERE {{ "
        f"VALUES ?a {{ {' '.join(map(str, iris))} }} GRAPH ?a {{ ?a <{KG}text> ?text . "
        f"OPTIONAL {{ ?a <{SCHEMA}url> ?url }} OPTIONAL {{ ?a <{SCHEMA}headline> ?headline }} "
        f"OPTIONAL {{ ?a <{SCHEMA}datePublished> ?published }} }} }}")
    return {row["a"]: {key: row[key].value if row[key] else None
                       for key in ("text", "url", "headline", "published")} for row in rows}


def cut_sentence(text: str, begin: int, end: int, anchor: str | None,
                 limit: int = 240) -> tuple[str, str, str]:
    """The sentence around ``text[begin:end]``, as (before, the mention's words, after).

    Offsets that no longer match the anchor (a text re-cleaned since) fall back to the
    anchor's first occurrence, so a sentence is still shown.

    >>> cut_sentence("Satu. Wali Kota Malang hadir. Dua.", 11, 22, "Kota Malang")
    ('Wali ', 'Kota Malang', ' hadir.')
    """
    if anchor and text[begin:end] != anchor and anchor in text:
        begin = text.index(anchor)
        end = begin + len(anchor)
    start = max(text.rfind(mark, 0, begin) for mark in (". ", "! ", "? ", "\n"))
    start = 0 if start < 0 else start + 1
    stops = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    stop = min(stops) + 1 if stops else len(text)
    before, after = text[start:begin].lstrip(), text[end:stop].rstrip()
    if len(before) > limit:
        before = "…" + before[-limit:]
    if len(after) > limit:
        after = after[:limit] + "…"
    return before, text[begin:end], after
