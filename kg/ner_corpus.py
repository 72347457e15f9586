"""Unlabelled Indonesian text for the name recogniser's word clusters, from IndoNLU's data sets.

The clusters (``kg.ner_train``) group words by the neighbours they have in running text; nlp-id's
560k tokens of news leave most rarer names unclustered. IndoNLU (github.com/IndoNLP/indonlu,
Apache-2.0) ships more Indonesian text with its task data: the IDN POS-tagged news corpus (whose
NNP tags also feed the proper-noun rate), FacQA's news passages, WReTE's Wikipedia sentences and
SmSA's reviews. Only the text is read, never a task label, and no NER set is read here.

    python -m kg.ner_corpus --indonlu PATH/TO/indonlu --out /tmp/indonlu_text.txt
    python -m kg.ner_train --data ... --out kg/data/ner --corpus /tmp/indonlu_text.txt

The output is a token per line (``token<TAB>POS`` where the source is POS-tagged), a blank line
between sentences, sentences deduplicated. It is an input to training only: kotakg ships the
word classes derived from it, not the text.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

Tokens = list[tuple[str, str]]
SPLITS = ("train", "valid", "test")


def tagged(path: Path) -> Iterator[Tokens]:
    """Sentences of a ``token<TAB>B-TAG`` file (IndoNLU's POS format): (token, TAG) pairs."""
    current: Tokens = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, label = line.rstrip("\n").partition("\t")
            word = word.strip()
            if word:
                current.append((word, label.rpartition("-")[2]))
            elif current:
                yield current
                current = []
    if current:
        yield current


def facqa_passages(path: Path) -> Iterator[Tokens]:
    """FacQA's news passages (a Python list of tokens per CSV row), untagged."""
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield [(w, "") for w in ast.literal_eval(row["passage"])]


def wrete_sentences(path: Path) -> Iterator[Tokens]:
    """Both Wikipedia sentences of each WReTE pair (already space-tokenized), untagged."""
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for key in ("sent_A", "sent_B"):
                yield [(w, "") for w in row[key].split()]


def smsa_texts(path: Path) -> Iterator[Tokens]:
    """SmSA's review texts (``text<TAB>sentiment``, space-tokenized), untagged."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            words = line.rstrip("\n").rpartition("\t")[0].split()
            if words:
                yield [(w, "") for w in words]


def indonlu_text(root: Path) -> Iterator[Tokens]:
    """Every sentence of the IndoNLU sets read here, in a fixed order.

    POSP is left out: it is the same Prosa text as NERP, which training already reads.
    """
    data = root / "dataset"
    for split in SPLITS:
        yield from tagged(data / "bapos_pos-idn" / f"{split}_preprocess.txt")
    for split in SPLITS:
        yield from facqa_passages(data / "facqa_qa-factoid-itb" / f"{split}_preprocess.csv")
    for split in SPLITS:
        yield from wrete_sentences(data / "wrete_entailment-ui" / f"{split}_preprocess.csv")
    for split in SPLITS:
        yield from smsa_texts(data / "smsa_doc-sentiment-prosa" / f"{split}_preprocess.tsv")


def write_corpus(sentences: Iterator[Tokens], out: Path) -> tuple[int, int]:
    """Write each distinct sentence once (FacQA repeats a passage per question)."""
    seen: set[tuple[str, ...]] = set()
    n_sent = n_tok = 0
    with open(out, "w", encoding="utf-8") as fh:
        for sentence in sentences:
            key = tuple(w.lower() for w, _ in sentence)
            if key in seen:
                continue
            seen.add(key)
            fh.write("".join(f"{w}\t{t}\n" if t else f"{w}\n" for w, t in sentence) + "\n")
            n_sent += 1
            n_tok += len(sentence)
    return n_sent, n_tok


def main(argv: list[str] | None = None) -> int:
    """Write the IndoNLU text as a token-per-line corpus for ``kg.ner_train --corpus``."""
    parser = argparse.ArgumentParser(prog="python -m kg.ner_corpus",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--indonlu", type=Path, required=True,
                        help="a checkout of github.com/IndoNLP/indonlu (its dataset/ folder)")
    parser.add_argument("--out", type=Path, required=True, help="the corpus file to write")
    args = parser.parse_args(argv)
    n_sent, n_tok = write_corpus(indonlu_text(args.indonlu), args.out)
    print(f"{n_sent} sentences, {n_tok} tokens -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
