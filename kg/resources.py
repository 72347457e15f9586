"""Find the files kotakg ships: the ontology, saved queries and bundled data.

In an installed wheel, ``ontology/`` and ``queries/`` live inside the ``kg`` package; in a
checkout (or an editable install) they are beside it at the project root.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


def ontology_dir() -> Path:
    """The folder holding the OWL ontology, SHACL shapes and concept schemes."""
    return _shipped("ontology")


def queries_dir() -> Path:
    """The folder holding the saved SPARQL queries (``*.rq``)."""
    return _shipped("queries")


def data_dir() -> Path:
    """The folder of data kotakg ships: gazetteer, NER model, demo articles."""
    return PACKAGE_DIR / "data"
