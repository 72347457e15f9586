"""Generate a large, realistic, deterministic corpus of Indonesian city-government news.

    python bench/make_corpus.py --articles 10000 --out bench/out/corpus.jsonl [--seed 1]

About a third of the articles are the real dev articles rewritten about other places,
people and dates; the rest come from kotakg's own template families (Rakernas and Munas
reports, working visits, MoU signings, sister-city features, festivals). All of them are
written about one generated world (see ``corpus_world``), so the same mayor, Rakernas or
sister-city pair appears in many articles, as in real news. The same seed gives the same
file, and a smaller ``--articles`` gives a prefix of a larger run's file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
import corpus_templates as tpl  # noqa: E402
from corpus_dev import dev_variant, load_dev, url_for  # noqa: E402
from corpus_world import FIRST_YEAR, LAST_YEAR, World, build_world  # noqa: E402

# How much coverage each kind of story gets, relative to a single working visit.
WEIGHTS = {("meeting", "rakernas", "apeksi"): 30, ("meeting", "munas", "apeksi"): 40,
           ("meeting", "rakernas", "apkasi"): 15, ("meeting", "komwil", "apeksi"): 2,
           "visit": 1.0, "signing": 4.0, "festival": 1.5, "home-visit": 0.5, "feature": 0.4}
LAST_DAY = date(LAST_YEAR, 12, 31)


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    dev = [] if args.no_dev else load_dev(args.dev)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    families: Counter[str] = Counter()
    years: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as sink:
        for family, record in generate(args.articles, args.seed, dev, args.dev_share,
                                       not args.no_appositive):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            families[family] += 1
            years[(record["published"] or "none")[:4]] += 1
    print(f"{args.articles} articles -> {out}", file=sys.stderr)
    print("families: " + ", ".join(f"{k} {v}" for k, v in sorted(families.items())),
          file=sys.stderr)
    print("published: " + ", ".join(f"{k} {v}" for k, v in sorted(years.items())),
          file=sys.stderr)


def generate(count: int, seed: int, dev: list[dict], dev_share: float,
             appositive: bool = True) -> Iterator[tuple[str, dict]]:
    """``count`` (family, record) pairs; every id, URL and text unique."""
    world = build_world(seed)
    rng = random.Random(seed * 7919 + 17)
    stories = _stories(world)
    weights = [s[0] for s in stories]
    seen: set[str] = set()
    number = 0
    while number < count:
        if dev and rng.random() < dev_share:
            made = _from_dev(rng.choice(dev), world, rng, number)
        else:
            made = _from_template(rng.choices(stories, weights)[0], world, rng, number,
                                  appositive)
        if made is None:
            continue
        family, record = made
        digest = hashlib.sha256(record["text"].encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        number += 1
        yield family, record


def _stories(world: World) -> list[tuple[float, str, object]]:
    """(weight, kind, story) for every meeting, visit and partnership of the world."""
    stories: list[tuple[float, str, object]] = []
    for m in world.meetings:
        stories.append((WEIGHTS[("meeting", m.kind, m.association)], "meeting", m))
    for v in world.visits:
        stories.append((WEIGHTS[v.kind], v.kind, v))
    for pair in world.partnerships:
        years = LAST_YEAR + 1 - max(FIRST_YEAR, pair.proposed)
        if years > 0:
            stories.append((WEIGHTS["feature"] * years, "feature", pair))
    return stories


def _from_dev(record: dict, world: World, rng: random.Random, number: int
              ) -> tuple[str, dict] | None:
    variant = dev_variant(record, world, rng)
    if variant is None:
        return None
    day = min(variant["day"], LAST_DAY)
    headline = variant["title"] or variant["text"].strip().splitlines()[0][:90]
    outlet = rng.choice(tpl.OUTLETS)[0]
    url = url_for(variant["url_base"], outlet, day, headline, number)
    return f"dev-{record['id']}", _record(rng, number, url, variant["title"], variant["text"],
                                           variant["published"])


def _from_template(story: tuple[float, str, object], world: World, rng: random.Random,
                   number: int, appositive: bool) -> tuple[str, dict]:
    _, kind, subject = story
    writer = tpl.Writer(rng, world, appositive)
    outlet, style = rng.choice(tpl.OUTLETS)
    if kind == "meeting":
        day = tpl.published_after(rng, subject.start)
        title, text = tpl.meeting_article(writer, subject, day, style)
        kind = f"{subject.kind}-{subject.association}"
    elif kind == "feature":
        first = max(FIRST_YEAR, subject.proposed)
        day = date(rng.randrange(first, LAST_YEAR + 1), rng.randrange(1, 13), rng.randrange(1, 29))
        title, text = tpl.feature_article(writer, subject, day, style)
    else:
        day = tpl.published_after(rng, subject.day)
        render = {"visit": tpl.visit_article, "signing": tpl.signing_article,
                  "festival": tpl.festival_article, "home-visit": tpl.home_visit_article}[kind]
        title, text = render(writer, subject, day, style)
    day = min(day, LAST_DAY)
    url = url_for(None, outlet, day, title, number)
    published = f"{day.isoformat()}T{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}:00+07:00"
    return kind, _record(rng, number, url, title, text, published)


def _record(rng: random.Random, number: int, url: str, title: str | None, text: str,
            published: str) -> dict:
    """One JSONL record; one in ten has no ``published`` (the URL still dates it)."""
    if published[:10] > LAST_DAY.isoformat():
        published = LAST_DAY.isoformat()
    return {"id": f"bench-{number:06d}", "url": url, "title": title,
            "published": None if rng.random() < 0.1 else published, "text": text}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    shared = Path(os.environ.get("KOTAKG_SHARED") or HERE.parent.parent / "shared")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", default=str(HERE / "out" / "corpus.jsonl"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dev", type=Path, default=shared / "corpus" / "dev" / "articles.jsonl",
                        help="the real dev articles to rewrite (KOTAKG_SHARED/corpus/dev/...)")
    parser.add_argument("--dev-share", type=float, default=0.35,
                        help="the share of articles rewritten from dev articles")
    parser.add_argument("--no-dev", action="store_true", help="templates only")
    parser.add_argument("--no-appositive", action="store_true",
                        help='never write "Name, Wali Kota X, said" (for checkouts whose '
                             'extraction loops on it: see corpus_templates.Writer)')
    args = parser.parse_args(argv)
    if not args.no_dev and not args.dev.is_file():
        parser.error(f"{args.dev}: no dev articles there (give --dev PATH, set KOTAKG_SHARED, "
                     f"or pass --no-dev)")
    return args


if __name__ == "__main__":
    main()
