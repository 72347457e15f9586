"""How fast kotakg ingests, and how its load stage compares with Oxigraph loading the same quads.

    python bench/bench_ingest.py bench/out/corpus.jsonl [--keep-store DIR] [--json]

1. ``kg.ingest.ingest`` into a fresh store in a temporary folder: articles/s overall, the
   extraction stage (single-threaded, so its rate is per core) and the load stage
   (``Store.bulk_extend`` per chunk of 500 articles).
2. The resulting store dumped to N-Quads, then the same quads loaded by raw pyoxigraph into
   fresh stores: ``bulk_load`` from the file, and ``bulk_extend`` of them already in memory
   (in one call, and in as many calls as kotakg made).

The target: kotakg's load stage within 1.5x of the raw ``bulk_load``. The machine is shared,
so the load average is printed with the results; run it once or twice, not in a loop.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import itertools
import json
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
import environment  # noqa: E402

from kg.extraction import extract  # noqa: E402
from kg.ingest import CHUNK, ingest  # noqa: E402
from kg.population import populate  # noqa: E402
from kg.reading import Article, read_articles  # noqa: E402
from kg.resolution import Holders, resolve_persons  # noqa: E402
from kg.store import open_store  # noqa: E402

LOAD_TARGET = 1.5


class CountingStore:
    """The store as ingest sees it, counting what reaches ``bulk_extend``.

    kotakg hands Oxigraph every article's fact triples, so a fact told by thirty articles
    is loaded thirty times and stored once: the quads fed are more than the quads stored.
    """

    def __init__(self, store: ox.Store):
        self._store = store
        self.fed = 0
        self.calls = 0
        self.cpu = 0.0  # process CPU seconds inside bulk_extend (Oxigraph may use threads)

    def bulk_extend(self, quads) -> None:
        quads = quads if isinstance(quads, list) else list(quads)
        self.fed += len(quads)
        self.calls += 1
        began = _cpu()
        self._store.bulk_extend(quads)
        self.cpu += _cpu() - began

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def __contains__(self, quad) -> bool:
        return quad in self._store

    def __len__(self) -> int:
        return len(self._store)

    def __iter__(self):
        return iter(self._store)


@dataclass
class Results:
    """Every figure the bench prints, in the units the table uses."""

    corpus: str
    articles: int = 0
    facts: int = 0
    default_graph_triples: int = 0
    quads_stored: int = 0
    quads_fed: int = 0
    bulk_extend_calls: int = 0
    ingest_seconds: float = 0.0
    ingest_cpu_seconds: float = 0.0
    extract_seconds: float = 0.0
    load_seconds: float = 0.0
    load_cpu_seconds: float = 0.0
    dump_seconds: float = 0.0
    nquads_bytes: int = 0
    raw_bulk_load_seconds: float = 0.0
    raw_bulk_extend_seconds: float = 0.0
    raw_bulk_extend_chunked_seconds: float = 0.0
    environment: dict = field(default_factory=environment.machine)
    load_after: list[float] = field(default_factory=list)

    @property
    def load_ratio(self) -> float:
        return self.load_seconds / self.raw_bulk_load_seconds

    def summary(self) -> dict:
        return asdict(self) | {
            "load_ratio": round(self.load_ratio, 3), "load_target": LOAD_TARGET,
            "articles_per_second": self.articles / self.ingest_seconds,
            "extract_articles_per_second": self.articles / self.extract_seconds,
            "extract_articles_per_cpu_second": self.articles / self.extract_cpu_seconds}

    @property
    def extract_cpu_seconds(self) -> float:
        """CPU outside bulk_extend: extraction, population, bookkeeping (one thread)."""
        return self.ingest_cpu_seconds - self.load_cpu_seconds


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    results = Results(corpus=str(args.corpus))
    work = Path(tempfile.mkdtemp(prefix="kotakg-bench-ingest-", dir=args.workdir))
    try:
        store_dir = Path(args.keep_store) if args.keep_store else work / "kotakg"
        if store_dir.exists() and any(store_dir.iterdir()):
            sys.exit(f"{store_dir}: not empty; the bench needs a fresh store")
        nquads = work / "store.nq"
        _kotakg(args.corpus, store_dir, nquads, results)
        _raw(nquads, work, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results.load_after = list(os.getloadavg())
    print(json.dumps(results.summary(), indent=2) if args.json else table(results))
    if args.profile:
        print(profile_extraction(args.corpus, args.profile))


def _kotakg(corpus: Path, store_dir: Path, nquads: Path, results: Results) -> None:
    """Ingest, then dump what was stored: the quads the raw loaders get."""
    store = CountingStore(open_store(store_dir))
    cpu = _cpu()
    summary = ingest([corpus], store)
    results.ingest_cpu_seconds = _cpu() - cpu
    results.articles, results.facts = summary.articles, summary.facts
    results.default_graph_triples = summary.triples
    results.ingest_seconds = summary.seconds
    results.extract_seconds, results.load_seconds = summary.extract_seconds, summary.load_seconds
    results.quads_fed, results.bulk_extend_calls = store.fed, store.calls
    results.load_cpu_seconds = store.cpu
    results.quads_stored = len(store)
    began = time.perf_counter()
    store.dump(str(nquads), ox.RdfFormat.N_QUADS)
    results.dump_seconds = time.perf_counter() - began
    results.nquads_bytes = nquads.stat().st_size
    del store
    gc.collect()


def _raw(nquads: Path, work: Path, results: Results) -> None:
    """Raw pyoxigraph: the file bulk-loaded, then the same quads from memory."""
    results.raw_bulk_load_seconds = _timed(
        lambda s: s.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS), work / "raw-file")
    quads = list(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
    results.raw_bulk_extend_seconds = _timed(lambda s: s.bulk_extend(quads), work / "raw-memory")
    size = -(-len(quads) // max(1, results.bulk_extend_calls))
    chunks = [quads[i:i + size] for i in range(0, len(quads), size)]
    results.raw_bulk_extend_chunked_seconds = _timed(
        lambda s: [s.bulk_extend(chunk) for chunk in chunks], work / "raw-chunks")


def _timed(load, folder: Path) -> float:
    """Seconds ``load`` takes on a fresh store in ``folder`` (opening it not counted)."""
    store = ox.Store(str(folder))
    began = time.perf_counter()
    load(store)
    seconds = time.perf_counter() - began
    del store
    gc.collect()
    shutil.rmtree(folder, ignore_errors=True)
    return seconds


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def table(r: Results) -> str:
    """The results as a markdown table, with the ratio against the target."""
    rows = [
        ("kotakg ingest, overall", r.ingest_seconds, r.articles, r.quads_fed),
        ("kotakg extraction stage (1 core)", r.extract_seconds, r.articles, None),
        (f"kotakg load stage ({r.bulk_extend_calls} x bulk_extend)", r.load_seconds,
         r.articles, r.quads_fed),
        ("Oxigraph dump to N-Quads", r.dump_seconds, None, r.quads_stored),
        ("raw bulk_load (N-Quads file)", r.raw_bulk_load_seconds, None, r.quads_stored),
        ("raw bulk_extend (in memory, 1 call)", r.raw_bulk_extend_seconds, None, r.quads_stored),
        (f"raw bulk_extend (in memory, {r.bulk_extend_calls} calls)",
         r.raw_bulk_extend_chunked_seconds, None, r.quads_stored),
    ]
    lines = ["| stage | seconds | articles/s | quads | quads/s |", "|---|---:|---:|---:|---:|"]
    for name, seconds, articles, quads in rows:
        lines.append(f"| {name} | {seconds:.2f} | {_rate(articles, seconds)} | "
                     f"{quads if quads is not None else ''} | {_rate(quads, seconds)} |")
    verdict = "meets" if r.load_ratio <= LOAD_TARGET else "misses"
    lines += [
        "",
        f"{r.articles} articles, {r.facts} facts, {r.default_graph_triples} triples in the "
        f"default graph, {r.quads_stored} quads stored ({r.nquads_bytes / 1e6:.0f} MB of "
        f"N-Quads); {r.quads_fed} quads fed to bulk_extend.",
        f"CPU {r.ingest_cpu_seconds:.1f} s for {r.ingest_seconds:.1f} s of ingest "
        f"({r.ingest_cpu_seconds / r.ingest_seconds:.2f} cores busy); extraction "
        f"{r.articles / r.extract_cpu_seconds:.0f} articles per CPU-second, load "
        f"{r.load_cpu_seconds:.1f} CPU-s in {r.load_seconds:.1f} s.",
        f"Load ratio (kotakg load stage / raw bulk_load): {r.load_ratio:.2f}x, {verdict} the "
        f"{LOAD_TARGET}x target; against raw bulk_extend in memory: "
        f"{r.load_seconds / r.raw_bulk_extend_seconds:.2f}x.",
        environment.describe(r.environment, r.load_after),
    ]
    return "\n".join(lines)


def profile_extraction(corpus: Path, count: int) -> str:
    """The top of a cProfile of the extraction stage as ingest runs it (extract, resolve,
    populate, make the quads) over the first ``count`` articles, by cumulative time."""
    articles = [a for a in itertools.islice(read_articles([corpus]), count)
                if isinstance(a, Article)]
    extract(articles[0])  # the gazetteer loads once per process: not extraction's cost
    holders = Holders()
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        now = datetime.now(UTC)
        facts = resolve_persons(extract(article), holders)
        list(populate(article, facts, now, now).quads())
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    return f"\ncProfile of the extraction stage over {len(articles)} articles:\n{out.getvalue()}"


def _rate(count: int | None, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if count and seconds else ""


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a .jsonl corpus (bench/make_corpus.py)")
    parser.add_argument("--workdir", help="where the temporary stores go (default: $TMPDIR)")
    parser.add_argument("--keep-store", help="ingest into this (new) folder and keep it, "
                                             "e.g. for bench_export.py")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help=f"also profile extraction over the first N articles "
                             f"(ingest chunks are {CHUNK} articles)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
