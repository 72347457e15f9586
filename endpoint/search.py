"""``/search?q=``: entities by name (Indonesian or English; case, accents and punctuation
ignored), as JSON or a page, answered from the label index (``endpoint.labels``)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request

from endpoint import cors, get_store
from endpoint.describe import labels_of
from endpoint.labels import LabelIndex, fallback_label
from endpoint.web import label_languages, page_for, per_generation, wants_html
from kg.errors import BadInput
from kg.vocab import RDF, base_iri

bp = Blueprint("search", __name__)
bp.after_request(cors)  # an API other sites' pages may call
MAX_LIMIT = 100


@bp.route("/search")
def search() -> Response | str:
    """Find entities whose names start with the words of ``q``."""
    text = request.args.get("q", "").strip()
    limit = _limit(request.args.get("limit"))
    hits = per_generation("labels", lambda store: LabelIndex.build(store, base_iri())).search(
        text, limit) if text else []
    types = _types([hit.iri for hit in hits])
    results = [{"iri": hit.iri, "label": hit.label, "page": page_for(hit.iri),
                "types": types.get(hit.iri, [])} for hit in hits]
    if wants_html():
        return render_template("search.html", q=text, results=results)
    return jsonify({"ok": True, "q": text, "results": results})


def _limit(raw: str | None) -> int:
    """``limit`` as a number from 1 to :data:`MAX_LIMIT` (default 20).

    :raises BadInput: for anything else, saying what would work.
    """
    if raw is None or raw == "":
        return 20
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadInput(f"limit={raw!r}: give a whole number from 1 to {MAX_LIMIT}")
    return int(raw)


def _types(iris: list[str]) -> dict[str, list[dict]]:
    """The types of the entities found, with their labels (one query for the page)."""
    if not iris:
        return {}
    store = get_store()
    rows = list(store.query(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ "
                            f"{' '.join(f'<{i}>' for i in iris)} }} ?s <{RDF}type> ?t }}"))
    labels = labels_of(store, {row["t"] for row in rows}, label_languages())
    found: dict[str, list[dict]] = {}
    for row in rows:
        kind = row["t"]
        found.setdefault(row["s"].value, []).append(
            {"iri": kind.value, "label": labels.get(kind) or fallback_label(kind.value)})
    return found

