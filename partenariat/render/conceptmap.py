"""A navigable map of a concept's relations: inline SVG generated at build time.

The concept sits in the middle; every concept it names in `related`, and every concept that
names it, gets a box linked to its own page (which has its own map), with the relation written
above the box. Two layouts of the same map are written, and CSS shows one: two columns around
the concept on a wide screen, one column under it on a phone (a scaled-down wide map would
print its labels at 4 px). Boxes sit on a grid, so they never overlap. Title, description and
text labels make the map readable by screen readers; the same relations are listed as a table
on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from partenariat.data.models import Concept
from partenariat.derive.core import relation_phrase
from partenariat.render.common import Context
from partenariat.render.common import html_line as escape  # one line, escaped: no fence can start inside the SVG

MAX_NEIGHBOURS = 14
CHAR_WIDTH = 0.56  # average advance of a sans-serif character, in font sizes: a generous estimate


@dataclass(frozen=True)
class Neighbour:
    term: str
    relation: str  # « → est une forme de » (this concept → the neighbour) or « ← … » (neighbour → this)
    href: str


def neighbours(ctx: Context, concept: Concept) -> list[tuple[str, str, bool]]:
    """(concept id, relation's words, outgoing?) — outgoing relations first, then incoming ones
    (the words in the conditional for a relation the source reports at a distance)."""
    seen: set[str] = set()
    out: list[tuple[str, str, bool]] = []
    for rel in concept.related:
        if rel.concept not in seen and rel.concept != concept.id:
            seen.add(rel.concept)
            out.append((rel.concept, relation_phrase(rel), True))
    for edge in ctx.index.edges_to("concept", concept.id):
        if edge.source_type == "concept" and edge.path[0] == "related" and edge.source_id not in seen:
            other = ctx.entity("concept", edge.source_id)
            assert isinstance(other, Concept)
            position = edge.path[1]
            assert isinstance(position, int)  # related[i].concept
            relation = relation_phrase(other.related[position])
            seen.add(edge.source_id)
            out.append((edge.source_id, relation, False))
    return out[:MAX_NEIGHBOURS]


def label(x: float, y: float, text: str, css: str, size: int, room: float, anchor: str = "middle") -> str:
    """A text label; squeezed to ``room`` px (never cut) when the estimate says it would not fit."""
    fit = f' textLength="{room:.0f}" lengthAdjust="spacingAndGlyphs"' if len(text) * size * CHAR_WIDTH > room else ""
    return (f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" class="{css}"{fit}>{escape(text)}</text>')


def box(x: float, y: float, width: float, height: float, text: str, css: str, href: str | None = None) -> str:
    """A rounded box (top-left at x, y) with its centred label, linked when ``href`` is given."""
    shape = (f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="{height:.0f}" rx="{height / 2:.0f}" '
             f'class="{css}"/>' + label(x + width / 2, y + height / 2 + 5, text, "pkb-label", 14, width - 16))
    return f'<a href="{escape(href)}">{shape}</a>' if href else shape


def wide_layout(term: str, items: list[Neighbour]) -> tuple[int, int, str]:
    """Two columns of neighbours around the concept: (width, height, SVG body)."""
    width, box_w, box_h, row_h = 800, 250, 32, 64
    half = (len(items) + 1) // 2
    columns = [(10, items[:half]), (width - 10 - box_w, items[half:])]
    height = max(half * row_h + 20, 120)
    cx, cy = width / 2, height / 2
    edges, nodes = [], [box(cx - box_w / 2, cy - box_h / 2, box_w, box_h, term, "pkb-centre")]
    for x, column in columns:
        toward_centre = x + box_w if x < cx else x
        from_centre = cx - box_w / 2 if x < cx else cx + box_w / 2
        for row, item in enumerate(column):
            top = 30 + row * row_h
            edges.append(f'<line x1="{from_centre:.0f}" y1="{cy:.0f}" x2="{toward_centre:.0f}" '
                         f'y2="{top + box_h / 2:.0f}" class="pkb-arrow"/>')
            nodes.append(label(x + 12, top - 6, item.relation, "pkb-edge", 13, box_w - 12, "start"))
            nodes.append(box(x, top, box_w, box_h, item.term, "pkb-step", item.href))
    return width, height, "".join(edges + nodes)


def narrow_layout(term: str, items: list[Neighbour]) -> tuple[int, int, str]:
    """One column under the concept, for a phone: (width, height, SVG body)."""
    width, box_h, row_h, trunk, indent = 360, 30, 54, 22, 40
    parts = [box(4, 6, width - 8, 36, term, "pkb-centre")]
    last = 0.0
    for row, item in enumerate(items):
        top = 60 + row * row_h
        middle = top + 18 + box_h / 2
        parts.append(f'<line x1="{trunk}" y1="{middle:.0f}" x2="{indent}" y2="{middle:.0f}" class="pkb-arrow"/>')
        parts.append(label(indent + 8, top + 12, item.relation, "pkb-edge", 12, width - indent - 12, "start"))
        parts.append(box(indent, top + 18, width - indent - 4, box_h, item.term, "pkb-step", item.href))
        last = middle
    parts.insert(0, f'<line x1="{trunk}" y1="42" x2="{trunk}" y2="{last:.0f}" class="pkb-arrow"/>')
    return width, int(60 + len(items) * row_h), "".join(parts)


def concept_map(ctx: Context, concept: Concept, from_path: str) -> str:
    items, sentences = [], []
    for other_id, relation, outgoing in neighbours(ctx, concept):
        term = ctx.title("concept", other_id)
        words = relation
        sentences.append(f"{concept.term} {words} {term}" if outgoing else f"{term} {words} {concept.term}")
        items.append(Neighbour(term, ("→ " if outgoing else "← ") + words, ctx.html_href("concept", other_id, from_path)))
    if not items:
        return ""
    title = f"Carte des relations de la notion « {concept.term} »"
    description = "Relations : " + " ; ".join(sentences) + "."
    svgs = "".join(svg(f"pkb-map-{concept.id}-{name}", name, title, description, layout(concept.term, items))
                   for name, layout in (("wide", wide_layout), ("narrow", narrow_layout)))
    return (f'<figure class="pkb-continuum pkb-map">{svgs}'
            f"<figcaption>{escape(title)} : cliquez sur une notion pour ouvrir sa fiche.</figcaption></figure>\n")


def svg(ident: str, layout_name: str, title: str, description: str, layout: tuple[int, int, str]) -> str:
    """An accessible inline SVG; ``layout_name`` (wide, narrow) tells CSS when to show it."""
    width, height, body = layout
    return (f'<svg class="pkb-{layout_name}" role="group" aria-labelledby="{ident}-t {ident}-d" '
            f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(description)}</desc>'
            f"{body}</svg>")
