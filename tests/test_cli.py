"""The foundation, end to end: the CLI as a subprocess over a real Oxigraph store on disk."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from conftest import ROOT, kotakg
from rdflib.compare import isomorphic

DEMO = ROOT / "kg" / "data" / "demo" / "seed.jsonl"


def default_graph_count(store: Path) -> int:
    result = kotakg("query", "-", "--store", str(store), "--format", "csv",
                    stdin="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1])


def quad_count(store: Path) -> int:
    result = kotakg("stats", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["quads_total"]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seed") / "store"
    result = kotakg("ingest", str(DEMO), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def test_ingest_reports_a_summary(tmp_path):
    result = kotakg("ingest", str(DEMO), "--store", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    assert "1 articles" in result.stderr and "triples" in result.stderr


def test_seed_officials_are_answered(seed_store):
    result = kotakg("query", "officials", "--store", str(seed_store), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    facts = {(r["personName"], r["roleCode"], r["ofName"]) for r in rows}
    assert ("M Anton", "mayor", "Kota Malang") in facts
    assert ("Hwang Myeong-seon", "mayor", "Nonsan") in facts


def test_reingesting_changes_nothing(tmp_path, dev_articles):
    store = tmp_path / "store"
    assert kotakg("ingest", str(dev_articles), "--store", str(store)).returncode == 0
    once = (default_graph_count(store), quad_count(store))
    again = kotakg("ingest", str(dev_articles), "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert "11 replaced" in again.stderr
    assert (default_graph_count(store), quad_count(store)) == once


def test_a_broken_line_is_skipped_and_named(tmp_path):
    records = DEMO.read_text(encoding="utf-8").strip()
    other = json.loads(records)
    other.update(id="second", text=other["text"].replace("Nonsan", "Gimhae"))
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(records + "\n{not json\n" + json.dumps(other) + "\n", encoding="utf-8")
    result = kotakg("ingest", str(corpus), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert f"{corpus}:2" in result.stderr
    stats = json.loads(kotakg("stats", "--store", str(tmp_path / "store"), "--json").stdout)
    assert stats["articles"] == 2


def test_turtle_export_is_exactly_the_default_graph(seed_store, tmp_path):
    out = tmp_path / "kg.ttl.gz"
    result = kotakg("export", "--store", str(seed_store), "--format", "turtle", "-o", str(out))
    assert result.returncode == 0, result.stderr
    exported = rdflib.Graph().parse(data=gzip.decompress(out.read_bytes()), format="turtle")
    store = ox.Store.read_only(str(seed_store))
    stored = rdflib.Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES,
                                                  from_graph=ox.DefaultGraph()), format="nt")
    assert len(exported) == default_graph_count(seed_store)
    assert isomorphic(exported, stored)


def test_nquads_export_is_the_whole_store(seed_store, tmp_path):
    out = tmp_path / "all.nq"
    assert kotakg("export", "--store", str(seed_store), "--format", "nquads",
                  "-o", str(out)).returncode == 0
    exported = set(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert exported == set(ox.Store.read_only(str(seed_store)))
    assert any("/article/seed" in q.graph_name.value for q in exported
               if isinstance(q.graph_name, ox.NamedNode))


def test_removing_an_article_removes_what_only_it_supported(tmp_path):
    seed = json.loads(DEMO.read_text(encoding="utf-8"))
    other = dict(seed, id="other", url="https://news.example/other",
                 text="MALANG - Wali Kota Malang, M Anton menerima Wali Kota Gimhae, Kim Min-su, "
                      "di Balai Kota Malang, Senin (7/8/2017). Keduanya menjajaki kerja sama "
                      "di bidang kesehatan.")
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(json.dumps(seed) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert kotakg("ingest", str(corpus), "--store", str(store)).returncode == 0

    def ask(query: str) -> bool:
        result = kotakg("query", "-", "--store", str(store), "--format", "json", stdin=query)
        return json.loads(result.stdout)["boolean"]

    anton = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ASK { ?p rdfs:label 'M Anton' }"
    kim = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ASK { ?p rdfs:label 'Kim Min-su' }"
    assert ask(anton) and ask(kim)
    result = kotakg("remove", "other", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert ask(anton) and not ask(kim)
    assert kotakg("remove", "no-such-article", "--store", str(store)).returncode == 1


def test_reingesting_with_new_text_drops_the_old_facts(tmp_path):
    seed = json.loads(DEMO.read_text(encoding="utf-8"))
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps(seed) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    kotakg("ingest", str(first), "--store", str(store))
    changed = dict(seed, text=seed["text"].replace("Hwang Myeong-seon", "Lee Jae-won"))
    first.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    kotakg("ingest", str(first), "--store", str(store))
    names = kotakg("query", "officials", "--store", str(store), "--format", "csv").stdout
    assert "Lee Jae-won" in names and "Hwang Myeong-seon" not in names


def test_extract_prints_facts_as_json():
    result = kotakg("extract", str(DEMO))
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["id"] == "seed"
    assert {o["role"] for o in facts["offices"]} == {"mayor"}
    span = facts["offices"][0]["mentions"][0]
    text = json.loads(DEMO.read_text(encoding="utf-8"))["text"]
    assert text[span[0]:span[1]] == span[2]


@pytest.mark.parametrize("format_name, marker", [
    ("csv", "personName"), ("tsv", "?personName"), ("json", '"bindings"'),
    ("xml", "<sparql"), ("table", "rows)"),
])
def test_query_formats(seed_store, format_name, marker):
    result = kotakg("query", "officials", "--store", str(seed_store), "--format", format_name)
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout


def test_construct_gives_rdf(seed_store):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/kotakg/ontology#Event> ; ?p ?o }"
    result = kotakg("query", "-", "--store", str(seed_store), "--format", "ntriples", stdin=query)
    assert result.returncode == 0, result.stderr
    assert len(rdflib.Graph().parse(data=result.stdout, format="nt")) > 5


def test_a_bad_query_is_a_clear_error(seed_store):
    result = kotakg("query", "-", "--store", str(seed_store), stdin="SELEC ?x")
    assert result.returncode == 1
    assert "Error: the query does not parse" in result.stderr
    missing = kotakg("query", "no-such-query", "--store", str(seed_store))
    assert missing.returncode == 1 and "no saved query" in missing.stderr


def test_stats_counts_entities(seed_store):
    stats = json.loads(kotakg("stats", "--store", str(seed_store), "--json").stdout)
    classes = stats["entities_per_class"]
    assert stats["articles"] == 1
    assert classes["https://w3id.org/kotakg/ontology#Person"] == 2
    assert classes["https://w3id.org/kotakg/ontology#Event"] == 2


def test_a_rebuild_gives_the_same_graph(seed_store, tmp_path):
    again = tmp_path / "again"
    assert kotakg("ingest", str(DEMO), "--store", str(again)).returncode == 0

    def knowledge_graph(store: Path) -> rdflib.Graph:
        dump = ox.Store.read_only(str(store)).dump(format=ox.RdfFormat.N_TRIPLES,
                                                    from_graph=ox.DefaultGraph())
        return rdflib.Graph().parse(data=dump, format="nt")

    assert isomorphic(knowledge_graph(seed_store), knowledge_graph(again))


def test_entity_iris_follow_the_configured_base(tmp_path):
    store = tmp_path / "store"
    env = {"KOTAKG_BASE": "https://data.example.org/kg/"}
    assert kotakg("ingest", str(DEMO), "--store", str(store), env=env).returncode == 0
    result = kotakg("query", "officials", "--store", str(store), "--format", "csv", env=env)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["person"].startswith("https://data.example.org/kg/person/")
                        for r in rows)
