"""Comparison tables, definitions side by side and the continuum diagram, all from the data.

Used by the macros of hand-written pages (`Comparer` section) and by the concept pages.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .. import vocab
from ..models import Concept, Definition, Source
from .cite import locator, person_name
from .common import Context, cell


def attribution(ctx: Context, source_id: str, author_id: str | None, page: str | None) -> str:
    """« Dhume, *Du travail social au travail ensemble* (2001), p. 12 », each part linked; a
    speaker quoted in someone else's work reads « Rancière, cité par Dhume, … »."""
    source = ctx.entity("source", source_id)
    assert isinstance(source, Source)
    who = _names(ctx, [author_id] if author_id else source.authors)
    if author_id and source.authors and author_id not in source.authors:
        who += ", cité par " + _names(ctx, source.authors)
    year = f" ({source.year})" if source.year and source.title else ""  # cited_as holds its year
    page_text = f", {locator(page)}" if page else ""
    work = ctx.link("source", source_id)
    return ", ".join(x for x in (who, work + year + page_text) if x)


def _names(ctx: Context, ids: list[str]) -> str:
    return ", ".join(ctx.link("author", a, person_name(ctx.entity("author", a))) for a in ids)  # type: ignore[arg-type]


def definition_card(ctx: Context, d: Definition, with_comment: bool = True) -> str:
    """One grid card: the quotation (one line, so Markdown keeps it whole), then who and where."""
    quote = " ".join(d.quote.split())
    card = f"> « {quote} »\n\n— " + attribution(ctx, d.source, d.author, d.page)
    if with_comment and d.comment:
        card += "\n\n" + " ".join(ctx.text(d.comment).split())
    return "-   " + card.replace("\n", "\n    ")


def cards(items: list[str], css: str = "") -> str:
    return f'<div class="grid cards{css}" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>\n"


def _concepts(ctx: Context, ids: tuple[str, ...]) -> list[Concept]:
    out = []
    for concept_id in ids:
        concept = ctx.entity("concept", concept_id)
        assert isinstance(concept, Concept)
        out.append(concept)
    return out


def compare_table(ctx: Context, ids: tuple[str, ...]) -> str:
    """Rows: the comparison traits found in the data; columns: the concepts; every cell referenced.

    An HTML table whose cells carry their column's name (`data-label`): under 600 px the CSS
    stacks each row as a card, so no column is cut on a phone."""
    concepts = _concepts(ctx, ids)
    cells: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for concept in concepts:
        for trait in concept.traits:
            ref = attribution(ctx, trait.source, trait.author, trait.page)
            cells[trait.trait][concept.id].append(f"{ctx.text(trait.value)} <small>({ref})</small>")
    head = "".join(f'<th scope="col" markdown="span">{ctx.link("concept", c.id)}</th>' for c in concepts)
    rows = []
    for trait, label in vocab.TRAITS.items():
        if trait not in cells:
            continue
        values = "".join(f'<td data-label="{escape(c.term)}" markdown="span">'
                         f'{cell("<br>".join(cells[trait].get(c.id, [])) or "—")}</td>' for c in concepts)
        rows.append(f'<tr markdown><th scope="row">{escape(label)}</th>{values}</tr>')
    if not rows:
        return "*Aucun trait de comparaison n'est encore renseigné pour ces notions.*\n"
    return (f'<table class="pkb-compare" markdown>\n<thead markdown><tr markdown><th scope="col">Trait</th>{head}</tr></thead>\n'
            "<tbody markdown>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n")


def definitions_grid(ctx: Context, ids: tuple[str, ...]) -> str:
    """One card per concept, its attributed definitions inside, side by side."""
    out = []
    for concept in _concepts(ctx, ids):
        items = [definition_card(ctx, d, with_comment=False) for d in concept.definitions]
        if not items:
            items = ["-   " + " ".join(ctx.text(concept.summary).split())]
        out.append(f"### {concept.term}\n\n" + cards(items, " pkb-definitions"))
    return "\n".join(out)


def scales(ctx: Context, axis: str) -> dict[str, list[str]]:
    """Ordered chains of the steps of ``axis`` (concepts `etape-de` it), one per source, from the
    `precede` relations: each author's own scale."""
    concepts = _concepts(ctx, tuple(ctx.corpus.records["concept"]))
    steps = {c.id for c in concepts if any(r.relation == "etape-de" and r.concept == axis for r in c.related)}
    edges: dict[str, dict[str, str]] = defaultdict(dict)
    for concept in concepts:
        for rel in concept.related:
            if rel.relation == "precede" and rel.source and {concept.id, rel.concept} <= steps:
                edges[rel.source][concept.id] = rel.concept
    chains = {}
    for source_id, nxt in edges.items():
        starts = [c for c in nxt if c not in nxt.values()]
        for start in starts:
            chain, node = [start], start
            while node in nxt and nxt[node] not in chain:
                node = nxt[node]
                chain.append(node)
            if len(chain) > len(chains.get(source_id, [])):
                chains[source_id] = chain
    return chains


def continuum_svg(ctx: Context, axis: str, from_path: str) -> str:
    """Inline, accessible SVG: one row per author's scale, each step linked to its concept page."""
    chains = scales(ctx, axis)
    if not chains:
        return ""
    box_w, box_h, gap, left, row_h = 150, 44, 28, 250, 90
    width = left + max(len(c) for c in chains.values()) * (box_w + gap) + 20
    height = 60 + len(chains) * row_h
    desc_parts = []
    body = []
    for row, (source_id, chain) in enumerate(sorted(chains.items(), key=lambda kv: -len(kv[1]))):
        source = ctx.entity("source", source_id)
        assert isinstance(source, Source)
        who = ", ".join(person_name(ctx.entity("author", a)) for a in source.authors)  # type: ignore[arg-type]
        label = f"{who} ({source.year})" if source.year else who
        terms = [ctx.title("concept", c) for c in chain]
        desc_parts.append(f"{label} : " + " → ".join(terms))
        y = 50 + row * row_h
        body.append(f'<text x="10" y="{y + box_h / 2 + 5}" class="pkb-scale">{escape(label)}</text>')
        for i, (concept_id, term) in enumerate(zip(chain, terms, strict=True)):
            x = left + i * (box_w + gap)
            if i:
                body.append(f'<line x1="{x - gap + 2}" y1="{y + box_h / 2}" x2="{x - 4}" y2="{y + box_h / 2}" '
                            'class="pkb-arrow" marker-end="url(#pkb-head)"/>')
            href = ctx.html_href("concept", concept_id, from_path)
            body.append(f'<a href="{escape(href)}"><rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="8" '
                        f'class="pkb-step"/><text x="{x + box_w / 2}" y="{y + box_h / 2 + 5}" text-anchor="middle" '
                        f'class="pkb-label">{escape(term)}</text></a>')
    title = "De l'information à la fusion : les échelles du travail en commun"
    desc = ("Chaque ligne ordonne des formes de relation selon un auteur, de la moins à la plus intégrée. "
            + " ; ".join(desc_parts) + ".")
    axis_y = 22
    return (
        f'<figure class="pkb-continuum"><svg role="group" aria-labelledby="pkb-continuum-title pkb-continuum-desc" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="pkb-continuum-title">{escape(title)}</title><desc id="pkb-continuum-desc">{escape(desc)}</desc>'
        '<defs><marker id="pkb-head" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto">'
        '<path d="M0,0 L8,4 L0,8 z" class="pkb-arrowhead"/></marker></defs>'
        f'<line x1="{left}" y1="{axis_y}" x2="{width - 20}" y2="{axis_y}" class="pkb-arrow" marker-end="url(#pkb-head)"/>'
        f'<text x="{left}" y="{axis_y - 8}" class="pkb-axis">intégration croissante</text>'
        + "".join(body)
        + f"</svg><figcaption>{escape(title)}. Chaque étape renvoie à sa notion.</figcaption></figure>\n"
    )
