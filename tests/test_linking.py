"""Linking place mentions to Wikidata offline, measured on a test set of the hard cases
(``tests/data/linking_cases.tsv``): kota vs kabupaten of the same name, renamed units,
Jakarta's administrative cities, short forms, foreign cities, places that must stay unlinked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.gazetteer import load_gazetteer
from kg.linking import LINK_THRESHOLD, LinkContext, choose, link_mentions

CASES = Path(__file__).parent / "data" / "linking_cases.tsv"


def load_cases() -> list[tuple[str, str, str | None, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, surface, qid, case = line.split("\t")
            rows.append((text, surface, qid or None, case))
    return rows


def predict(text: str, surface: str) -> tuple[str | None, float]:
    """The QID the offline linker gives the n-th mention written ``surface`` ("Malang#3")."""
    surface, _, nth = surface.partition("#")
    linked = [(e, s) for m, e, s in link_mentions(text, load_gazetteer().find_mentions(text))
              if m.surface == surface]
    index = int(nth or 1) - 1
    if index >= len(linked):
        return None, 0.0
    entry, score = linked[index]
    return (entry.wikidata if entry else None), score


@pytest.mark.parametrize(("text", "surface", "expected", "case"), load_cases(),
                         ids=[f"{c[3]}|{c[1]}" for c in load_cases()])
def test_case(text: str, surface: str, expected: str | None, case: str) -> None:
    assert predict(text, surface)[0] == expected


def test_precision_and_recall_on_the_test_set() -> None:
    tp = fp = fn = 0
    for text, surface, expected, _ in load_cases():
        got, _ = predict(text, surface)
        tp += got is not None and got == expected
        fp += got is not None and got != expected
        fn += expected is not None and got != expected
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"linking test set: {len(load_cases())} cases, P={precision:.3f} R={recall:.3f}")
    assert precision >= 0.98
    assert recall >= 0.95


def test_the_test_set_covers_every_shared_kota_kabupaten_name() -> None:
    shared = ["Malang", "Bandung", "Bogor", "Madiun", "Blitar", "Kediri", "Magelang",
              "Pekalongan", "Sukabumi", "Cirebon", "Tegal", "Probolinggo", "Pasuruan",
              "Mojokerto", "Serang", "Tangerang", "Bekasi", "Solok", "Jayapura", "Sorong",
              "Kupang"]
    texts = {t for t, *_ in load_cases()}
    for name in shared:
        for form in (f"Wali Kota {name}", f"Bupati {name}", f"Kabupaten {name}",
                     f"Kota {name}", f"di {name} "):
            assert any(form in t for t in texts), form


def test_bare_shared_name_is_the_kota_but_less_sure_than_with_a_cue() -> None:
    gaz = load_gazetteer()
    bare = choose(gaz.candidates("Malang"), cue=None, context=LinkContext())
    cued = choose(gaz.candidates("Malang"), cue="kota", context=LinkContext())
    assert bare[0].wikidata == cued[0].wikidata == "Q11445"
    assert LINK_THRESHOLD <= bare[1] < cued[1]


def test_article_evidence_settles_a_bare_name() -> None:
    text = "Bupati Malang hadir. Di Malang, acara berlangsung meriah."
    (_, first, _), (_, second, score) = link_mentions(text, load_gazetteer().find_mentions(text))
    assert first.key == second.key == "place/kabupaten-malang"
    assert score > 0.6


def test_abstains_between_equally_likely_foreign_cities() -> None:
    # Two towns named alike in two countries, neither named in the article, no size gap.
    gaz = load_gazetteer()
    towns = [e for e in gaz.candidates("Wellington") if e.kind == "foreign-city"]
    assert {e.country for e in towns} >= {"GB", "ZA"}
    entry, score = choose(towns, cue=None, context=LinkContext())
    assert entry is None and score < LINK_THRESHOLD


def test_unknown_place_has_no_candidates() -> None:
    assert choose([], cue="kota", context=LinkContext()) == (None, 0.0)


def test_links_of_the_dev_corpus(shared: Path) -> None:
    """Offline links per article against the gold ``links`` (QIDs an article names)."""
    corpus = shared / "corpus" / "dev"
    articles = [json.loads(line) for line in (corpus / "articles.jsonl").read_text().splitlines()]
    tp = fp = fn = 0
    for article in articles:
        gold_file = corpus / "gold" / f"{article['id']}.json"
        gold = {link["wikidata"] for link in json.loads(gold_file.read_text())["links"]}
        text = article["text"]
        found = {e.wikidata for _, e, _ in link_mentions(text, load_gazetteer().find_mentions(text))
                 if e and e.wikidata}
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"dev corpus links: {len(articles)} articles, P={precision:.3f} R={recall:.3f}")
    # Misses: Gimhae (dr5hn gives its QID to Gimje too, so offline it stays unlinked). Extra:
    # countries the text names that the gold leaves out (Mesir, "Kolonial Belanda").
    assert precision >= 0.9 and recall >= 0.95
