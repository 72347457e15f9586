"""Fixtures shared by the test modules: the shared corpus, and kotakg run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """The workplace's shared folder (``KOTAKG_SHARED``, else ``../shared`` beside the repo)."""
    candidate = Path(os.environ.get("KOTAKG_SHARED") or ROOT.parent / "shared")
    return candidate if (candidate / "corpus").is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder; tests that need the dev corpus skip, saying why, without it."""
    found = shared_dir()
    if found is None:
        pytest.skip("needs the shared corpus: set KOTAKG_SHARED or put shared/ beside the repo")
    return found


@pytest.fixture(scope="session")
def dev_articles(shared: Path) -> Path:
    return shared / "corpus" / "dev" / "articles.jsonl"


def kotakg(*args: str, stdin: str | None = None, env: dict | None = None,
           cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the ``kotakg`` command in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "kg", *args], input=stdin, text=True,
                          capture_output=True, env={**os.environ, **(env or {})},
                          cwd=cwd or ROOT, timeout=600)


@pytest.fixture
def run():
    return kotakg
