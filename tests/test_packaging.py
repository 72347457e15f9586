"""A plain, non-editable install works outside the checkout: the wheel carries its files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True)
    return next(out.glob("kotakg-*.whl"))


def test_the_wheel_ships_ontology_queries_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("kg/ontology/kotakg.ttl", "kg/ontology/schemes.ttl",
                     "kg/ontology/shapes.ttl", "kg/queries/officials.rq",
                     "kg/data/gazetteer.json.gz", "kg/data/demo/seed.jsonl",
                     "endpoint/__init__.py"):
        assert expected in names, f"{expected} is not in {wheel.name}"


def test_an_installed_wheel_finds_its_files_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    probe = ("import kg.resources as r; print(r.ontology_dir()); print(r.queries_dir()); "
             "print(sorted(p.name for p in r.queries_dir().glob('*.rq'))[:1])")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, text=True,
                            capture_output=True, env={"PYTHONPATH": str(target),
                                                      "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    ontology, queries, first = result.stdout.splitlines()
    assert ontology.startswith(str(target)) and queries.startswith(str(target))
    assert first != "[]"
