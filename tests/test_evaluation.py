"""The corpus's yardstick: the competency questions scored with the shared scorer.

Needs ``../shared`` (the dev corpus, its gold and ``score.py``); skips, saying so, without it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, kotakg

QUESTIONS = ("officials", "events", "event-participants", "cooperations", "wikidata-links")


def score(shared: Path, articles: Path, gold: Path, work: Path) -> dict:
    """Build a graph from ``articles``, answer every question as CSV, and score it."""
    store, answers = work / "store", work / "answers"
    answers.mkdir()
    ingest = kotakg("ingest", str(articles), "--store", str(store))
    assert ingest.returncode == 0, ingest.stderr
    for name in QUESTIONS:
        result = kotakg("query", str(ROOT / "queries" / f"{name}.rq"), "--store", str(store),
                        "--format", "csv")
        assert result.returncode == 0, result.stderr
        (answers / f"{name}.csv").write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(shared / "corpus" / "score.py"), str(gold),
                             str(answers), "--json"], capture_output=True, text=True, check=True)
    return json.loads(scored.stdout)


def test_every_question_on_the_seed_article_is_answered_fully(shared, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(shared / "corpus" / "dev" / "gold" / "seed.json", gold)
    result = score(shared, ROOT / "kg" / "data" / "demo" / "seed.jsonl", gold, tmp_path)
    for name in QUESTIONS:
        assert (result[name]["precision"], result[name]["recall"]) == (1.0, 1.0), (name, result)


def test_dev_articles_score_above_the_targets(shared, dev_articles, tmp_path):
    result = score(shared, dev_articles, shared / "corpus" / "dev" / "gold", tmp_path)
    overall = result["overall"]
    assert overall["precision"] >= 0.90 and overall["recall"] >= 0.80, result
    assert min(result[name]["f1"] for name in QUESTIONS) >= 0.70, result
