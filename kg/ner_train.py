"""Retrain the shipped name recogniser (``kg/data/ner``) from the shared Indonesian NER data.

    python -m kg.ner_train --data /work/shared/data/ner --out kg/data/ner
    python -m kg.ner_train --data /work/shared/data/ner --out kg/data/ner --evaluate

Training needs the unlabelled news text shipped by the ``nlp-id`` package (MIT) for the word
clusters and the self-trained word types (``pip install --no-deps nlp-id``: only its data file
is read, so its pinned dependencies are not needed); ``--corpus`` adds token-per-line files.
Uses one core: BLAS threads are pinned to 1 before numpy loads.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import itertools
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from kg.ner_features import Lexicon

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

Sentence = list[tuple[str, str]]

# How each data set's labels map to the three kotakg types; anything else becomes O.
LABEL_MAPS = {
    "nerui": {"PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION"},
    "nerugm": {"PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION"},
    "nergrit": {"PERSON": "PERSON", "PLACE": "LOCATION", "ORGANISATION": "ORGANIZATION"},
    "nerp": {"PPL": "PERSON", "PLC": "LOCATION", "IND": "ORGANIZATION"},
}
# The files of each data set that may be trained on; NER UI test fold 1 never is.
FILES = {
    "nerui": ["indolem_nerui/train.01.tsv", "indolem_nerui/dev.01.tsv"],
    "nerugm": ["indolem_nerugm/nerugm.txt"],
    "nergrit": [f"indonlu_nergrit/{n}_preprocess.txt" for n in ("train", "valid", "test")],
    "nerp": [f"indonlu_nerp/{n}_preprocess.txt" for n in ("train", "valid", "test")],
}
TEST_FILE = "indolem_nerui/test.01.tsv"
DEV_FILE = "indolem_nerui/dev.01.tsv"
TRAIN_FILE = "indolem_nerui/train.01.tsv"
# Extra data chosen by --compare-data, c1/c2 by --tune on dev.01 (see kg/data/ner/README.md).
# Each extra set is trained with its own copy of every feature (see :func:`domain_features`).
EXTRA_SETS = ("nergrit", "nerugm")
# Annotated sets not trained on, whose entity words still inform a word-class feature.
LEXICON_SETS = ("nerp",)
C1, C2 = 0.05, 0.3
MAX_ITERATIONS = 150
CLUSTER_SIZES = (64, 256, 1024)
OVERLAP_NGRAM = 8


def read_conll(path: Path, dataset: str = "nerui") -> list[Sentence]:
    """Sentences of ``token<TAB>label`` lines, labels mapped to PERSON/LOCATION/ORGANIZATION."""
    mapping = LABEL_MAPS[dataset]
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t") if "\t" in line else line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((parts[0], _map_label(parts[-1], mapping)))
    if current:
        sentences.append(current)
    return sentences


def _map_label(label: str, mapping: dict[str, str]) -> str:
    """``B-PLC`` -> ``B-LOCATION``; unmapped types (EVT, TIME, ...) -> ``O``."""
    if label == "O" or "-" not in label:
        return "O"
    prefix, kind = label.split("-", 1)
    mapped = mapping.get(kind)
    return f"{prefix}-{mapped}" if mapped else "O"


def _ngrams(words: list[str], n: int = OVERLAP_NGRAM) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


class OverlapFilter:
    """Drops sentences equal to, or sharing an 8-word span with, a test sentence.

    NER UI has duplicated sentences across its folds, so train.01 holds some of test.01.
    """

    def __init__(self, test: list[Sentence]):
        self.whole = {tuple(w.lower() for w, _ in s) for s in test}
        self.grams: set[tuple[str, ...]] = set()
        for s in test:
            self.grams |= _ngrams([w.lower() for w, _ in s])
        self.dropped: dict[str, int] = {}

    def overlaps(self, words: list[str]) -> bool:
        """True if this (lower-cased) sentence repeats test text."""
        return tuple(words) in self.whole or not self.grams.isdisjoint(_ngrams(words))

    def keep(self, name: str, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences that do not overlap, counting the dropped ones under ``name``."""
        kept = [s for s in sentences if not self.overlaps([w.lower() for w, _ in s])]
        self.dropped[name] = self.dropped.get(name, 0) + len(sentences) - len(kept)
        return kept


def load_sets(data: Path, flt: OverlapFilter) -> dict[str, list[Sentence]]:
    """Every trainable data set, test overlap removed; NER UI split into train and dev."""
    sets = {"train": flt.keep("nerui train.01", read_conll(data / TRAIN_FILE)),
            "dev": flt.keep("nerui dev.01", read_conll(data / DEV_FILE))}
    for name in ("nerugm", "nergrit", "nerp"):
        sets[name] = [s for f in FILES[name] for s in flt.keep(name, read_conll(data / f, name))]
    return sets


# ---- word clusters -------------------------------------------------------------------------

def nlp_id_corpus() -> Path | None:
    """The POS-tagged news text inside the installed ``nlp-id`` package, if any."""
    spec = importlib.util.find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset_postag.txt"
    return path if path.exists() else None


def corpus_text(path: Path) -> Iterator[list[str]]:
    """Sentences of a token-per-line file as written (first column; blank line ends one)."""
    current: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word = line.split("\t", 1)[0].strip()
            if word:
                current.append(word)
            elif current:
                yield current
                current = []
    if current:
        yield current


def word_vectors(sentences: list[list[str]], min_count: int = 3, n_contexts: int = 2000,
                 dims: int = 100):
    """Words and unit vectors: SVD of positive PMI over left/right neighbour counts.

    Left and right neighbours are separate contexts, which groups words by the slots they
    fill (names after "Bupati", places after "di") rather than by topic.
    """
    import numpy as np
    from scipy import sparse

    counts: dict[str, int] = {}
    for s in sentences:
        for w in s:
            counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    words = [w for w in ranked if counts[w] >= min_count]
    index = {w: i for i, w in enumerate(words)}
    flat = np.array([index.get(w, -1) for s in sentences for w in [*s, "\0"]], dtype=np.int64)
    rows, cols = [], []
    for block, offset in ((0, -1), (1, 1), (2, -2), (2, 2)):
        a = flat[max(0, -offset):len(flat) - max(0, offset)]
        b = flat[max(0, offset):len(flat) - max(0, -offset)]
        ok = (a >= 0) & (b >= 0) & (b < n_contexts)
        rows.append(a[ok])
        cols.append(b[ok] + block * n_contexts)
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), np.float64), (r, c)),
                          shape=(len(words), 3 * n_contexts)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    pw = np.asarray(m.sum(axis=1)).ravel() / total
    pc = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    pc /= pc.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (pw[m.row] * pc[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    gram = (ppmi.T @ ppmi).toarray()
    values, vectors = np.linalg.eigh(gram)
    top = np.argsort(values)[::-1][:dims]
    emb = ppmi @ vectors[:, top] / np.sqrt(np.maximum(values[top], 1e-9)) ** 0.5
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
    return words, emb


def spherical_kmeans(x, k: int, iterations: int = 20, seed: int = 0):
    """Cluster ids of unit vectors ``x`` (cosine k-means, k-means++-lite seeding by frequency)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    # Seed from the frequent half of the vocabulary: rows are in frequency order.
    centres = x[rng.choice(max(k, len(x) // 2), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms.ravel() == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centres = sums / norms
    return assign


def build_clusters(sentences: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids at each of :data:`CLUSTER_SIZES` (coarse to fine)."""
    words, emb = word_vectors(sentences)
    ids = [spherical_kmeans(emb, k, seed=k) for k in CLUSTER_SIZES]
    return {w: tuple(str(int(a[i])) for a in ids) for i, w in enumerate(words)}


def proper_noun_rates(corpora: Iterable[Path]) -> dict[str, str]:
    """How often the POS-tagged corpora call a word NNP, bucketed: A (mostly) .. C (rarely).

    Tells "Madiun" from "Menurut" even when both start a sentence. Lines with no tag (text
    that was never POS-tagged) do not count.
    """
    seen: dict[str, list[int]] = {}
    for corpus in corpora:
        with open(corpus, encoding="utf-8") as fh:
            for line in fh:
                word, _, tag = line.strip().partition("\t")
                if word and tag:
                    counts = seen.setdefault(word.lower(), [0, 0])
                    counts[0] += tag == "NNP"
                    counts[1] += 1
    return {w: "A" if n / t >= 0.8 else "B" if n / t >= 0.4 else "C"
            for w, (n, t) in seen.items() if n and t >= 2}


def entity_types(sentences: Iterable[Sentence], min_count: int = 2) -> dict[str, str]:
    """The entity type most words get in other annotated corpora, where mostly in one."""
    seen: dict[str, dict[str, int]] = {}
    for s in sentences:
        for word, label in s:
            counts = seen.setdefault(word.lower(), {})
            kind = label[2:] or "O"
            counts[kind] = counts.get(kind, 0) + 1
    out = {}
    for word, counts in seen.items():
        kind, n = max(counts.items(), key=lambda kv: kv[1])
        if kind != "O" and n >= min_count and n * 2 > sum(counts.values()):
            out[word] = kind[:3]
    return out


# ---- gazetteer -----------------------------------------------------------------------------

def place_names(wikidata: Path, repo_data: Path) -> set[str]:
    """Indonesian kota/kabupaten and provinces, countries (English and Indonesian names)."""
    names: set[str] = set()
    with open(wikidata / "kabupaten_kota_514.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for name in (row["label_id_wikidata_2017"], row["official_name_2025"]):
                names.add(name)
                names.add(name.removeprefix("Kabupaten ").removeprefix("Kota "))
    with open(wikidata / "provinces_38.csv", encoding="utf-8") as fh:
        names |= {row["name_kemendagri_2025"] for row in csv.DictReader(fh)}
    with open(wikidata / "soluvas-province-ID.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names |= {row["name_id"], row["capitalName_id"]}
    with open(wikidata / "country.csv", encoding="utf-8") as fh:
        names |= {row["name"] for row in csv.DictReader(fh)}
    for line in (repo_data / "country_names_id.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names |= set(line.split("\t")[1].split("|"))
    return {n.strip() for n in names if n and n.strip()}


# ---- training and evaluation ---------------------------------------------------------------

def domain_features(features: list[list[str]], domain: str) -> list[list[str]]:
    """Every feature twice, once as is and once prefixed by the data set it comes from.

    Daume's "frustratingly easy" domain adaptation, target copies left out: NER UI sentences
    carry the plain features only, another set's sentences also a ``nergrit:``-style copy.
    What that set annotates its own way (titles inside person names, places nested in
    organisations) is learnt on its copies, which the tagger never fires, while what the
    sets share is learnt on the plain features, the only ones the tagger uses.
    """
    if not domain:
        return features
    return [token + [f"{domain}:{f}" for f in token] for token in features]


def train(sentences: Iterable[Sentence], lex: Lexicon, model: Path, c1: float = C1,
          c2: float = C2, iterations: int = MAX_ITERATIONS,
          domains: Sequence[str] | None = None) -> None:
    """Fit a CRF with L-BFGS (L1 ``c1`` keeps the model small, L2 ``c2``).

    ``domains`` names each sentence's data set ("" for NER UI), for :func:`domain_features`.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s, domain in zip(sentences, domains or itertools.repeat(""), strict=False):
        features = domain_features(lex.sentence([w for w, _ in s]), domain)
        trainer.append(features, [y for _, y in s])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(model))


def auto_types(model: Path, lex: Lexicon, text: list[list[str]]) -> dict[str, str]:
    """The entity type a first-pass model mostly gives each word across unlabelled news.

    Self-training at the word level: a name the annotated sets never show ("Kustini") is
    often tagged right somewhere in the unlabelled text, where its context is plainer; the
    majority type found there is then a feature wherever the word appears.
    """
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tagged = (list(zip(s, tagger.tag(lex.sentence(s)), strict=True)) for s in text)
    return entity_types(tagged)


def with_auto_types(lex: Lexicon, types: dict[str, str]) -> Lexicon:
    """A copy of ``lex`` with one more word class, ``at``: the type from :func:`auto_types`."""
    out = Lexicon(columns=(*lex.columns, "at"), places=lex.places)
    empty = ("",) * len(lex.columns)
    for word in lex.words.keys() | types.keys():
        out.words[word] = (*lex.words.get(word, empty), types.get(word, ""))
    return out


def train_two_pass(sentences: Iterable[Sentence], lex: Lexicon, text: list[list[str]],
                   model: Path, c1: float = C1, c2: float = C2,
                   domains: Sequence[str] | None = None) -> Lexicon:
    """Train, tag ``text`` for :func:`auto_types`, retrain with them; the lexicon used.

    Both passes see only ``sentences``, so cross-validation stays honest: a held-out fold's
    labels never reach the auto types.
    """
    sentences = list(sentences)
    train(sentences, lex, model, c1, c2, domains=domains)
    final = with_auto_types(lex, auto_types(model, lex, text))
    train(sentences, final, model, c1, c2, domains=domains)
    return final


def predict(model: Path, lex: Lexicon, sentences: list[Sentence]) -> list[list[str]]:
    """Labels the model gives each sentence."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [tagger.tag(lex.sentence([w for w, _ in s])) for s in sentences]


def f1(model: Path, lex: Lexicon, sentences: list[Sentence]) -> float:
    """Entity-level F1 (seqeval, default conlleval-style matching), in percent."""
    from seqeval.metrics import f1_score

    gold = [[y for _, y in s] for s in sentences]
    return 100 * f1_score(gold, predict(model, lex, sentences))


def throughput(tagger, sentences: list[Sentence], rounds: int = 5) -> tuple[float, float]:
    """Tokens per second of ``tagger.tag`` (features + Viterbi): empty word cache, best warm."""
    tokens = [[w for w, _ in s] for s in sentences]
    n = sum(map(len, tokens))
    rates = []
    tagger.lexicon._cache.clear()
    for _ in range(rounds + 1):
        start = time.perf_counter()
        for t in tokens:
            tagger.tag(t)
        rates.append(n / (time.perf_counter() - start))
    return rates[0], max(rates[1:])


def extra_data(sets: dict[str, list[Sentence]],
               extras: Iterable[str]) -> tuple[list[Sentence], list[str]]:
    """The chosen extra data sets' sentences, each with its set's name as its domain."""
    extras = list(extras)
    return ([s for name in extras for s in sets[name]],
            [name for name in extras for _ in sets[name]])


def training_set(sets: dict[str, list[Sentence]], extras: Iterable[str],
                 with_dev: bool) -> tuple[list[Sentence], list[str]]:
    """NER UI train (+dev) and the chosen extra data sets; each sentence's domain."""
    ui = list(sets["train"]) + (list(sets["dev"]) if with_dev else [])
    extra, domains = extra_data(sets, extras)
    return ui + extra, [""] * len(ui) + domains


# ---- command line --------------------------------------------------------------------------

def unlabelled_text(corpora: list[Path], flt: OverlapFilter) -> list[list[str]]:
    """The corpora's sentences as written, less any that repeat test.01 text."""
    return [s for corpus in corpora for s in corpus_text(corpus)
            if not flt.overlaps([w.lower() for w in s])]


def build_lexicon(data: Path, corpora: list[Path], unlabelled: list[list[str]],
                  sets: dict[str, list[Sentence]]) -> Lexicon:
    """Clusters from the unlabelled text plus the trainable NER text; the place gazetteer."""
    text = [[w.lower() for w in s] for s in unlabelled]
    text += [[w.lower() for w, _ in s] for group in sets.values() for s in group]
    clusters = build_clusters(text)
    proper = proper_noun_rates(corpora)
    types = entity_types(s for name in LEXICON_SETS for s in sets[name])
    sizes = len(CLUSTER_SIZES)
    lex = Lexicon(columns=(*(f"k{i}" for i in range(sizes)), "pn", "et"))
    for word in clusters.keys() | proper.keys() | types.keys():
        lex.words[word] = (*clusters.get(word, ("",) * sizes), proper.get(word, ""),
                           types.get(word, ""))
    repo_data = Path(__file__).resolve().parent / "data"
    lex.add_places(place_names(data.parent / "wikidata", repo_data))
    return lex


GRID = ((0.05, 0.05), (0.1, 0.01), (0.2, 0.05), (0.02, 0.1), (0.1, 0.1), (0.05, 0.3),
        (0.1, 0.3), (0.05, 1.0))
DATA_CHOICES = ((), ("nergrit",), ("nerugm",), ("nergrit", "nerugm"), ("nergrit", "nerugm", "nerp"))


def tune(sets: dict[str, list[Sentence]], lex: Lexicon, text: list[list[str]],
         scratch: Path) -> None:
    """Dev.01 F1 for each c1/c2 pair, trained on train.01 and the extra data, one run at a time."""
    sentences, domains = training_set(sets, EXTRA_SETS, with_dev=False)
    for c1, c2 in GRID:
        start = time.perf_counter()
        used = train_two_pass(sentences, lex, text, scratch, c1, c2, domains)
        print(f"c1={c1:<5} c2={c2:<5} dev F1={f1(scratch, used, sets['dev']):.2f} "
              f"({time.perf_counter() - start:.0f}s)", flush=True)


def cross_validate(sets: dict[str, list[Sentence]], lex: Lexicon, text: list[list[str]],
                   scratch: Path, extras: Iterable[str] = EXTRA_SETS, folds: int = 4) -> float:
    """F1 of a 4-fold cross-validation over NER UI train.01+dev.01, ``extras`` in every fold.

    Dev.01 alone (164 sentences) is too small to tell a 0.5-point change from noise.
    """
    from seqeval.metrics import f1_score

    ui = sets["train"] + sets["dev"]
    extra, extra_domains = extra_data(sets, extras)
    gold, pred = [], []
    for k in range(folds):
        held = [s for i, s in enumerate(ui) if i % folds == k]
        rest = [s for i, s in enumerate(ui) if i % folds != k]
        used = train_two_pass(rest + extra, lex, text, scratch,
                              domains=[""] * len(rest) + extra_domains)
        gold += [[y for _, y in s] for s in held]
        pred += predict(scratch, used, held)
    return 100 * f1_score(gold, pred)


def compare_data(sets: dict[str, list[Sentence]], lex: Lexicon, text: list[list[str]],
                 scratch: Path) -> None:
    """Cross-validated F1 for each choice of extra training data."""
    for extras in DATA_CHOICES:
        score = cross_validate(sets, lex, text, scratch, extras)
        print(f"extra data {'+'.join(extras) or '-':16} CV F1={score:.2f}", flush=True)


def evaluate(data: Path, out: Path) -> None:
    """Print seqeval's report on NER UI test fold 1 and the tagging speed, as kg.ner tags."""
    from seqeval.metrics import classification_report, f1_score

    from kg.ner import Tagger

    tagger = Tagger(out)
    test = read_conll(data / TEST_FILE)
    gold = [[y for _, y in s] for s in test]
    pred = [tagger.tag([w for w, _ in s]) for s in test]
    print(f"NER UI test fold 1: {len(test)} sentences, {sum(map(len, test))} tokens")
    print(classification_report(gold, pred, digits=4))
    print(f"overall F1 {100 * f1_score(gold, pred):.2f}")
    cold, warm = throughput(tagger, test)
    print(f"tagging speed (features + Viterbi, one core): {cold:,.0f} tokens/s with an empty "
          f"word cache, {warm:,.0f} tokens/s warm")


def main(argv: list[str] | None = None) -> int:
    """Build clusters and gazetteer, train the CRF, write it to ``--out``; or evaluate it."""
    parser = argparse.ArgumentParser(prog="python -m kg.ner_train", description=__doc__.split(
        "\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data/ner folder")
    parser.add_argument("--out", type=Path, required=True, help="model folder (kg/data/ner)")
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="more unlabelled text for the word clusters, a token per line "
                        "(an optional POS tag after a tab); may be repeated. Read besides "
                        "nlp-id's dataset_postag.txt")
    parser.add_argument("--evaluate", action="store_true",
                        help="only evaluate the model in --out on NER UI test fold 1")
    parser.add_argument("--tune", action="store_true",
                        help="also print dev.01 F1 over the c1/c2 grid")
    parser.add_argument("--cv", action="store_true",
                        help="also print the cross-validated F1 of the shipped setting")
    parser.add_argument("--compare-data", action="store_true",
                        help="also print cross-validated F1 for each choice of extra data")
    args = parser.parse_args(argv)
    if args.evaluate:
        evaluate(args.data, args.out)
        return 0
    nlp_id = nlp_id_corpus()
    if nlp_id is None:
        parser.error("no unlabelled corpus: pip install --no-deps nlp-id")
    corpora = [nlp_id, *args.corpus]
    started = time.perf_counter()
    flt = OverlapFilter(read_conll(args.data / TEST_FILE))
    sets = load_sets(args.data, flt)
    print("dropped for overlap with test.01:", flt.dropped, file=sys.stderr)
    text = unlabelled_text(corpora, flt)
    lex = build_lexicon(args.data, corpora, text, sets)
    print(f"{len(lex.words)} words with classes from {len(text)} unlabelled sentences "
          f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = args.out / "scratch.crfsuite"
    if args.cv:
        print(f"CV F1={cross_validate(sets, lex, text, scratch):.2f}", flush=True)
    if args.compare_data:
        compare_data(sets, lex, text, scratch)
    if args.tune:
        tune(sets, lex, text, scratch)
    scratch.unlink(missing_ok=True)
    sentences, domains = training_set(sets, EXTRA_SETS, with_dev=True)
    final = train_two_pass(sentences, lex, text, args.out / "model.crfsuite",
                           domains=domains)
    final.save(args.out)
    print(f"trained in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
