"""A navigable map of a concept's relations: inline SVG generated at build time.

The concept sits in the centre; every concept it names in `related`, and every concept that
names it, sits on a circle around it, linked to its own page (which has its own map), the
edge labelled with the relation. Title, description and text labels make it readable by
screen readers; the same relations are listed as a table on the page.
"""

from __future__ import annotations

import math
from html import escape

from .. import vocab
from ..models import Concept
from .common import Context

MAX_NEIGHBOURS = 14


def neighbours(ctx: Context, concept: Concept) -> list[tuple[str, str, bool]]:
    """(concept id, relation, outgoing?) — outgoing relations first, then incoming ones."""
    seen: set[str] = set()
    out: list[tuple[str, str, bool]] = []
    for rel in concept.related:
        if rel.concept not in seen and rel.concept != concept.id:
            seen.add(rel.concept)
            out.append((rel.concept, rel.relation, True))
    for edge in ctx.index.edges_to("concept", concept.id):
        if edge.source_type == "concept" and edge.path[0] == "related" and edge.source_id not in seen:
            other = ctx.entity("concept", edge.source_id)
            assert isinstance(other, Concept)
            relation = other.related[edge.path[1]].relation  # type: ignore[index]
            seen.add(edge.source_id)
            out.append((edge.source_id, relation, False))
    return out[:MAX_NEIGHBOURS]


def _box(x: float, y: float, text: str, css: str, href: str | None = None) -> str:
    width = max(90, 7.4 * len(text) + 20)
    rect = (f'<rect x="{x - width / 2:.0f}" y="{y - 16:.0f}" width="{width:.0f}" height="32" rx="16" class="{css}"/>'
            f'<text x="{x:.0f}" y="{y + 5:.0f}" text-anchor="middle" class="pkb-label">{escape(text)}</text>')
    return f'<a href="{escape(href)}">{rect}</a>' if href else rect


def concept_map(ctx: Context, concept: Concept, from_path: str) -> str:
    items = neighbours(ctx, concept)
    if not items:
        return ""
    width, height = 860, 520
    cx, cy, rx, ry = width / 2, height / 2, 330, 200
    edges, nodes, desc = [], [], []
    for i, (other_id, relation, outgoing) in enumerate(items):
        angle = 2 * math.pi * i / len(items) - math.pi / 2
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        term = ctx.title("concept", other_id)
        label = vocab.RELATIONS[relation]
        sentence = f"{concept.term} {label} {term}" if outgoing else f"{term} {label} {concept.term}"
        desc.append(sentence)
        edges.append(f'<line x1="{cx:.0f}" y1="{cy:.0f}" x2="{x:.0f}" y2="{y:.0f}" class="pkb-arrow"/>')
        mx, my = (cx + x) / 2, (cy + y) / 2
        arrow = "→" if outgoing else "←"
        edges.append(f'<text x="{mx:.0f}" y="{my - 4:.0f}" text-anchor="middle" class="pkb-edge">'
                     f'{escape(arrow + " " + label)}</text>')
        nodes.append(_box(x, y, term, "pkb-step", ctx.html_href("concept", other_id, from_path)))
    nodes.append(_box(cx, cy, concept.term, "pkb-centre"))
    title = f"Carte des relations de la notion « {concept.term} »"
    description = "Relations : " + " ; ".join(desc) + "."
    ident = f"pkb-map-{concept.id}"
    return (
        f'<figure class="pkb-continuum pkb-map"><svg role="group" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(description)}</desc>'
        + "".join(edges) + "".join(nodes)
        + f"</svg><figcaption>{escape(title)} : cliquez sur une notion pour ouvrir sa fiche.</figcaption></figure>\n"
    )
