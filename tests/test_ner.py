"""The shipped name recogniser: news-like sentences, the tokenizer, and F1 on NER UI fold 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.ner import load_tagger, spans, tokenize

ROOT = Path(__file__).resolve().parent.parent


def ner_data() -> Path | None:
    """The shared NER data (``$KOTAKG_SHARED/data/ner``, else ``../shared/data/ner``)."""
    base = Path(os.environ.get("KOTAKG_SHARED") or ROOT.parent / "shared")
    folder = base / "data" / "ner"
    return folder if (folder / "indolem_nerui" / "test.01.tsv").is_file() else None


def names(text: str) -> set[tuple[str, str]]:
    """(type, surface) of every entity the shipped model finds in ``text``."""
    return {(kind, surface) for _, _, kind, surface in load_tagger().entities(text)}


@pytest.mark.parametrize("text, expected", [
    ("Wali Kota Madiun Maidi menerima kunjungan Bupati Sleman Kustini di Balai Kota.",
     {("PERSON", "Maidi"), ("PERSON", "Kustini"), ("LOCATION", "Madiun"),
      ("LOCATION", "Sleman")}),
    ("Gubernur Jawa Timur Khofifah Indar Parawansa meresmikan jembatan di Surabaya, Senin.",
     {("PERSON", "Khofifah Indar Parawansa"), ("LOCATION", "Jawa Timur"),
      ("LOCATION", "Surabaya")}),
    ("Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo pekan lalu.",
     {("PERSON", "Joko Widodo"), ("LOCATION", "Jepang"), ("LOCATION", "Tokyo")}),
    ("Menurut Bupati Banyuwangi Ipuk Fiestiandani, program itu didukung Kementerian Keuangan.",
     {("PERSON", "Ipuk Fiestiandani"), ("LOCATION", "Banyuwangi"),
      ("ORGANIZATION", "Kementerian Keuangan")}),
])
def test_news_sentences(text, expected):
    found = names(text)
    assert expected <= found, f"missing {expected - found}; found {found}"


def test_entities_give_offsets_into_the_text():
    text = "Kemarin, Wali Kota Bogor Bima Arya berkunjung ke Bandung."
    for start, end, kind, surface in load_tagger().entities(text):
        assert text[start:end] == surface
        assert kind in {"PERSON", "LOCATION", "ORGANIZATION"}


def test_tag_gives_one_label_per_token():
    tokens = ["Bupati", "Sleman", "Kustini", "tiba", "di", "Yogyakarta", "."]
    labels = load_tagger().tag(tokens)
    assert len(labels) == len(tokens)
    assert load_tagger().tag([]) == []


def test_tokenizer_keeps_names_and_degrees_whole():
    text = "Dr. Kim Myeong-seon, Mas'ud, S.E., M.Si hadir."
    tokens = [t for _, _, t in tokenize(text)]
    assert tokens == ["Dr.", "Kim", "Myeong-seon", ",", "Mas'ud", ",", "S.E.", ",", "M.Si",
                      "hadir", "."]
    assert all(text[s:e] == t for s, e, t in tokenize(text))


def test_spans_read_bio_like_conlleval():
    assert spans(["B-PERSON", "I-PERSON", "B-PERSON", "O", "I-LOCATION", "I-ORGANIZATION"]) == [
        (0, 2, "PERSON"), (2, 3, "PERSON"), (4, 5, "LOCATION"), (5, 6, "ORGANIZATION")]


def test_auto_types_become_a_word_class(tmp_path):
    # A model trained on two sentences calls "Kustini" a person in unlabelled text; the
    # majority type found there becomes the word's "at" class, kept beside the others.
    from kg.ner_features import Lexicon
    from kg.ner_train import auto_types, train, with_auto_types

    lex = Lexicon(columns=("k0", "k1"), words={"bupati": ("3", "7")})
    labelled = [[("Bupati", "O"), ("Kustini", "B-PERSON"), ("tiba", "O")],
                [("Bupati", "O"), ("Maidi", "B-PERSON"), ("pulang", "O")]] * 5
    train(labelled, lex, tmp_path / "m.crfsuite")
    text = [["Bupati", "Kustini", "hadir"], ["Bupati", "Kustini", "pergi"], ["lalu", "pulang"]]
    types = auto_types(tmp_path / "m.crfsuite", lex, text)
    assert types == {"kustini": "PER"}
    extended = with_auto_types(lex, types)
    assert extended.columns == ("k0", "k1", "at")
    assert extended.words == {"bupati": ("3", "7", ""), "kustini": ("", "", "PER")}
    assert "at=PER" in extended.sentence(["Kustini"])[0]


def fold_1_f1() -> float:
    """Entity F1 (seqeval default mode) of the shipped model on NER UI test fold 1."""
    folder = ner_data()
    if folder is None:
        pytest.skip("needs the shared NER data: set KOTAKG_SHARED or put shared/ beside the repo")
    from seqeval.metrics import f1_score

    from kg.ner_train import TEST_FILE, read_conll

    test = read_conll(folder / TEST_FILE)
    tagger = load_tagger()
    gold = [[y for _, y in s] for s in test]
    pred = [tagger.tag([w for w, _ in s]) for s in test]
    return 100 * f1_score(gold, pred)


def test_f1_on_ner_ui_test_fold_1_is_at_least_87():
    # The target; the shipped model scores 87.46 (kg/data/ner/README.md).
    assert fold_1_f1() >= 87


def test_another_sets_conventions_stay_on_its_own_feature_copies(tmp_path):
    # The extra set (twice as many sentences) puts the title inside the person's name; NER UI
    # does not. Trained with domain copies, the tagger follows NER UI; without, the majority.
    import pycrfsuite

    from kg.ner_features import Lexicon
    from kg.ner_train import train

    lex = Lexicon()
    ui = [[("Bupati", "O"), (name, "B-PERSON"), ("hadir", "O")] for name in ("Maidi", "Kustini")]
    other = [[("Bupati", "B-PERSON"), (name, "I-PERSON"), ("hadir", "O")]
             for name in ("Anton", "Yana", "Bima", "Rudy")]

    def tags(domains: list[str] | None) -> list[str]:
        train(ui + other, lex, tmp_path / "m.crfsuite", c1=0.0, c2=0.1, domains=domains)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(tmp_path / "m.crfsuite"))
        return tagger.tag(lex.sentence(["Bupati", "Sutiaji", "hadir"]))

    assert tags(None) == ["B-PERSON", "I-PERSON", "O"]
    assert tags([""] * len(ui) + ["nerugm"] * len(other)) == ["O", "B-PERSON", "O"]
