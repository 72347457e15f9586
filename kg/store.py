"""The persistent Oxigraph store: opening it, and the operations on articles' graphs."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError


def default_store_path() -> Path:
    """``KOTAKG_STORE`` if set, else ``$XDG_DATA_HOME/kotakg/store``."""
    if os.environ.get("KOTAKG_STORE"):
        return Path(os.environ["KOTAKG_STORE"])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "kotakg" / "store"


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False) -> ox.Store:
    """Open (creating it when writable) the Oxigraph store in the directory ``path``.

    :raises StoreError: if the directory is not a store, is locked, or cannot be read.
    """
    location = Path(path) if path else default_store_path()
    try:
        if read_only:
            if not location.is_dir():
                raise StoreError(f"{location}: no store there (run `kotakg ingest` first)")
            return ox.Store.read_only(str(location))
        location.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(location))
    except OSError as e:
        raise StoreError(f"{location}: cannot open the store: {e}") from e
