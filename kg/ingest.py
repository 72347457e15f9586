"""The whole path for a batch of articles: read, extract, populate, replace, bulk-load."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg.extraction import extract
from kg.population import Population, populate
from kg.reading import Article, ReadProblem, read_articles, text_sha256
from kg.resolution import Holders, resolve_persons
from kg.store import (
    count_default_graph,
    ensure_ontology,
    existing_articles,
    keep_best_link_scores,
    remove_articles,
)

CHUNK = 500  # articles per bulk load: big enough for Oxigraph's bulk path, small in memory


@dataclass
class IngestSummary:
    """What an ingest did, for the closing line and the exit status."""

    articles: int = 0
    replaced: int = 0
    facts: int = 0
    triples: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    seconds: float = 0.0
    extract_seconds: float = 0.0  # cleaning, extraction, population, replacing old versions
    load_seconds: float = 0.0  # Oxigraph's bulk load

    def line(self) -> str:
        return (f"{self.articles} articles ({self.replaced} replaced), {self.facts} facts, "
                f"{self.triples} triples in the knowledge graph, {len(self.problems)} skipped, "
                f"{self.seconds:.2f} s")


def ingest(paths: Iterable[str | Path], store: ox.Store, *, threshold: float = 0.0,
           on_article: Callable[[], None] | None = None) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``; bad records are skipped.

    Re-ingesting an article (same id, same URL or same text) replaces it: its old graph and
    the facts only it supported go before the new version is loaded.
    """
    began = time.perf_counter()
    summary = IngestSummary()
    ensure_ontology(store)
    known = existing_articles(store)
    holders = Holders.from_store(store)
    for chunk in _chunks(_articles(paths, summary), CHUNK):
        mark = time.perf_counter()
        summary.replaced += _replace(store, chunk, known)
        populations = [_extracted(article, threshold, holders) for article in chunk]
        # each article restates the facts it shares with others: send each quad once
        quads = list(dict.fromkeys(q for p in populations for q in p.quads()))
        loading = time.perf_counter()
        store.bulk_extend(quads)
        summary.load_seconds += time.perf_counter() - loading
        summary.extract_seconds += loading - mark
        summary.articles += len(chunk)
        summary.facts += sum(p.fact_count for p in populations)
        if on_article:
            for _ in chunk:
                on_article()
        _remember(known, chunk, populations)
    keep_best_link_scores(store)
    summary.triples = count_default_graph(store)
    summary.seconds = time.perf_counter() - began
    return summary


def _articles(paths: Iterable[str | Path], summary: IngestSummary) -> Iterator[Article]:
    """The readable articles; each problem is reported on stderr and counted."""
    for item in read_articles(paths):
        if isinstance(item, ReadProblem):
            summary.problems.append(item)
            print(f"skipped: {item}", file=sys.stderr)
        else:
            yield item


def _extracted(article: Article, threshold: float, holders: Holders) -> Population:
    started = datetime.now(UTC)
    facts = resolve_persons(extract(article).above(threshold), holders)
    return populate(article, facts, started, datetime.now(UTC))


def _replace(store: ox.Store, chunk: list[Article],
             known: dict[tuple[str, str], ox.NamedNode]) -> int:
    """Remove the stored versions of the chunk's articles; returns how many there were.

    Within a chunk the last version of a repeated article wins.
    """
    last = {article.id: article for article in chunk}
    chunk[:] = list(last.values())
    old = set()
    for article in chunk:
        for key in _identities(article):
            if key in known:
                old.add(known[key])
    remove_articles(store, sorted(old, key=lambda n: n.value))
    return len(old)


def _remember(known: dict[tuple[str, str], ox.NamedNode], chunk: list[Article],
              populations: list[Population]) -> None:
    """Record the loaded articles, so that a later repeat in the same run replaces them."""
    for article, population in zip(chunk, populations, strict=True):
        for key in _identities(article):
            known[key] = population.article


def _identities(article: Article) -> list[tuple[str, str]]:
    """The ways an article is recognised again: its id, its URL, its text."""
    keys = [("id", article.id), ("sha", text_sha256(article.text))]
    return keys + [("url", article.url)] if article.url else keys


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
