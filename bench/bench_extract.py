"""Extraction alone (text to plain facts, no RDF), in articles per CPU-second on one core.

usage: python bench/bench_extract.py CORPUS.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import time

from kg.extraction import extract
from kg.reading import Article, read_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    articles = [a for a in read_articles([args.corpus]) if isinstance(a, Article)][:args.limit]
    extract(articles[0])  # load the gazetteer and compile the patterns before timing
    started = time.process_time()
    facts = sum(sum(extract(a).counts().values()) for a in articles)
    seconds = time.process_time() - started
    print(f"{len(articles)} articles, {facts} facts, {seconds:.2f} CPU-s: "
          f"{len(articles) / seconds:.0f} articles per CPU-second (target 100)")


if __name__ == "__main__":
    main()
