"""A small drawing of an entity's neighbourhood: the entity in the middle, the nodes it
links to (and that link to it) around it, each edge labelled with its property.

Drawn on the server as inline SVG: the page needs no JavaScript library, and the drawing
is there for readers with scripts off and for crawlers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from endpoint.describe import Description
from endpoint.web import page_for
from kg.vocab import base_iri

MAX_NEIGHBOURS = 12
WIDTH, HEIGHT = 760, 440
_COLOURS = {"place": "#2b7a4b", "person": "#8a3b9a", "association": "#b05a12",
            "event": "#1f5fa8", "article": "#555555", "external": "#777777"}
_FACT_COLOUR = "#4a6b7d"


@dataclass
class Edge:
    """A line between the entity and one neighbour, with the properties it stands for."""

    iri: str
    label: str
    outgoing: list[str]
    incoming: list[str]


def edges(description: Description) -> list[Edge]:
    """The neighbours to draw: IRIs only, at most :data:`MAX_NEIGHBOURS`, properties merged."""
    found: dict[str, Edge] = {}
    for prop, statements in description.outgoing.items():
        for statement in statements:
            if statement.value.iri and statement.value.iri != description.iri:
                edge = found.setdefault(statement.value.iri, Edge(
                    statement.value.iri, statement.value.label, [], []))
                edge.outgoing.append(prop.label)
    for prop, statements in description.incoming.items():
        for statement in statements:
            if statement.value.iri and statement.value.iri != description.iri:
                edge = found.setdefault(statement.value.iri, Edge(
                    statement.value.iri, statement.value.label, [], []))
                edge.incoming.append(prop.label)
    return list(found.values())[:MAX_NEIGHBOURS]


def kind_of(iri: str) -> str:
    """The kind of node, read from its IRI (``place/…``, ``person/…``) for its colour."""
    base = base_iri()
    if not iri.startswith(base):
        return "external"
    return iri[len(base):].split("/", 1)[0]


def draw(description: Description) -> Markup:
    """The SVG drawing of ``description``'s neighbourhood (empty when it has none)."""
    around = edges(description)
    if not around:
        return Markup("")
    cx, cy = WIDTH / 2, HEIGHT / 2
    parts = [_defs()]
    nodes = []
    for i, edge in enumerate(around):
        angle = 2 * math.pi * i / len(around) - math.pi / 2
        x, y = cx + (WIDTH / 2 - 110) * math.cos(angle), cy + (HEIGHT / 2 - 40) * math.sin(angle)
        parts.append(_edge(edge, cx, cy, x, y))
        nodes.append(_node(edge.iri, edge.label, x, y))
    nodes.append(_node(description.iri, description.label, cx, cy, centre=True))
    title = escape(f"Neighbourhood of {description.label}")
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" class="neighbourhood" '
                  f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{title}">'
                  f'<title>{title}</title>{"".join(parts)}{"".join(nodes)}</svg>')


def _defs() -> str:
    return ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>')


def _edge(edge: Edge, cx: float, cy: float, x: float, y: float) -> str:
    """A line from the entity to a neighbour (arrows show each property's direction)."""
    sx, sy = _toward(cx, cy, x, y, 34)
    ex, ey = _toward(x, y, cx, cy, 22)
    markers = (' marker-end="url(#arrow)"' if edge.outgoing else "") + (
        ' marker-start="url(#arrow)"' if edge.incoming else "")
    names = edge.outgoing + [f"{name} (of)" for name in edge.incoming]
    text = escape(_short(", ".join(dict.fromkeys(names)), 34))
    mx, my = sx + (ex - sx) * 0.5, sy + (ey - sy) * 0.5
    return (f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="#aaa" '
            f'stroke-width="1.4"{markers}/>'
            f'<text x="{mx:.1f}" y="{my - 4:.1f}" class="edge-label" text-anchor="middle" '
            f'font-size="11" fill="#444" paint-order="stroke" stroke="#fff" '
            f'stroke-width="3">{text}</text>')


def _node(iri: str, label: str, x: float, y: float, centre: bool = False) -> str:
    """A labelled box linking to the node's page."""
    colour = _COLOURS.get(kind_of(iri), _FACT_COLOUR)
    text = _short(label, 26)
    width = max(60, 7.2 * len(text) + 18)
    height = 30 if centre else 24
    href = escape(page_for(iri))
    weight = ' font-weight="bold"' if centre else ""
    return (f'<a href="{href}"><title>{escape(label)} — {escape(iri)}</title>'
            f'<rect x="{x - width / 2:.1f}" y="{y - height / 2:.1f}" width="{width:.1f}" '
            f'height="{height}" rx="6" fill="{colour}" opacity="{1 if centre else 0.9}"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="12" '
            f'fill="#fff"{weight}>{escape(text)}</text></a>')


def _toward(x1: float, y1: float, x2: float, y2: float, by: float) -> tuple[float, float]:
    """The point ``by`` pixels from (x1, y1) toward (x2, y2), so lines stop at the boxes."""
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    return x1 + (x2 - x1) * by / length, y1 + (y2 - y1) * by / length


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
