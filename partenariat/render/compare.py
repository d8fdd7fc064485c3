"""Comparison tables, definitions side by side and the continuum diagram, all from the data.

Used by the macros of hand-written pages (`Comparer` section) and by the concept pages.
"""

from __future__ import annotations

from collections import defaultdict

from partenariat.base.french import lead_in
from partenariat.data import vocab
from partenariat.data.models import Concept, Definition, Source
from partenariat.derive.core import author_name
from partenariat.render.cite import locator
from partenariat.render.common import Context, cell, md_inline
from partenariat.render.common import html_line as escape  # one line, escaped: no fence can start in raw HTML
from partenariat.render.conceptmap import box, label, svg


def attribution(ctx: Context, source_id: str, author_id: str | None, page: str | None) -> str:
    """« Dhume, *Du travail social au travail ensemble* (2001), p. 12 », each part linked; a
    speaker quoted in someone else's work reads « Rancière, cité par Dhume, … »."""
    source = ctx.entity("source", source_id)
    assert isinstance(source, Source)
    who = _names(ctx, [author_id] if author_id else source.authors)
    if author_id and source.authors and author_id not in source.authors:
        who += ", cité par " + _names(ctx, source.authors)
    year = f" ({source.year})" if source.year and source.title else ""  # cited_as holds its year
    page_text = f", {md_inline(locator(page))}" if page else ""
    work = ctx.link("source", source_id)
    return ", ".join(x for x in (who, work + year + page_text) if x)


def _names(ctx: Context, ids: list[str]) -> str:
    return ", ".join(ctx.link("author", a, author_name(ctx.corpus, a)) for a in ids)


def quote_credit(ctx: Context, d: Definition) -> str:
    """Who says it and where, and what the quotation is when it is not a definition: « Remarque
    d'Evelyne Simondi, … », « Question posée par Jean-Yves Trépos, … »; a law's text is credited
    to the law, « cité par » the work that reproduces it."""
    credit = attribution(ctx, d.source, d.author, d.page)
    if d.legal:
        return f"{ctx.link('legal', d.legal)}, cité par {credit}"
    words = vocab.QUOTE_CREDITS.get(d.kind)
    if not words:
        return credit
    source = ctx.entity("source", d.source)
    assert isinstance(source, Source)
    speakers = [d.author] if d.author else source.authors
    return lead_in(words, author_name(ctx.corpus, speakers[0]) if speakers else "") + credit


def definition_card(ctx: Context, d: Definition, with_comment: bool = True) -> str:
    """One grid card: the quotation (one line, so Markdown keeps it whole), then who and where."""
    card = f"> « {md_inline(' '.join(d.quote.split()))} »\n\n— " + quote_credit(ctx, d)
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
    for trait_name, trait_label in vocab.TRAITS.items():
        if trait_name not in cells:
            continue
        values = "".join(f'<td data-label="{escape(c.term)}" markdown="span">'
                         f'{cell("<br>".join(cells[trait_name].get(c.id, [])) or "—")}</td>' for c in concepts)
        rows.append(f'<tr markdown><th scope="row">{escape(trait_label)}</th>{values}</tr>')
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
        out.append(f"### {md_inline(concept.term)}\n\n" + cards(items, " pkb-definitions"))
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
    chains: dict[str, list[str]] = {}
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
    """Inline, accessible SVG: each author's scale in its own band, each step linked to its concept
    page. Scales are not aligned on a common axis (they do not share one): a wide layout puts the
    steps of a band across the whole width, a phone layout stacks them (CSS shows one of the two)."""
    chains = scales(ctx, axis)
    if not chains:
        return ""
    bands = []
    for source_id, chain in sorted(chains.items(), key=lambda kv: -len(kv[1])):
        source = ctx.entity("source", source_id)
        assert isinstance(source, Source)
        who = ", ".join(author_name(ctx.corpus, a) for a in source.authors)
        name = f"{who} ({source.year})" if source.year else who
        steps = [(ctx.title("concept", c), ctx.html_href("concept", c, from_path)) for c in chain]
        bands.append((f"Échelle de {name}", steps))
    title = "De l'information à la fusion : les échelles du travail en commun"
    desc = ("Chaque auteur ordonne ses propres formes de relation, de la moins à la plus intégrée ; "
            "les échelles ne se superposent pas. "
            + " ; ".join(f"{band} : " + " → ".join(term for term, _ in steps) for band, steps in bands) + ".")
    svgs = "".join(svg(f"pkb-continuum-{name}", name, title, desc, layout(bands))
                   for name, layout in (("wide", _wide_scales), ("narrow", _narrow_scales)))
    return (f'<figure class="pkb-continuum">{svgs}<figcaption>{escape(title)}. Une bande par auteur : '
            "chacun a sa propre échelle, de la forme la moins intégrée (à gauche, ou en haut) à la plus "
            "intégrée. Chaque étape renvoie à sa notion.</figcaption></figure>\n")


def _arrow_head(ident: str) -> str:
    return (f'<defs><marker id="{ident}" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto">'
            '<path d="M0,0 L8,4 L0,8 z" class="pkb-arrowhead"/></marker></defs>')


Band = tuple[str, list[tuple[str, str]]]  # (« Échelle de … », [(term, href)])


def _wide_scales(bands: list[Band]) -> tuple[int, int, str]:
    """One band per author; its steps spread over the whole width, so no false columns appear."""
    width, box_h, gap, band_h = 760, 40, 24, 104
    parts = []
    for row, (name, steps) in enumerate(bands):
        top = 8 + row * band_h
        parts.append(f'<rect x="2" y="{top}" width="{width - 4}" height="{band_h - 12}" rx="10" class="pkb-lane"/>')
        parts.append(label(16, top + 24, name, "pkb-scale", 14, width - 32, "start"))
        box_w = (width - 32 - gap * (len(steps) - 1)) / len(steps)
        y = top + 38
        for i, (term, href) in enumerate(steps):
            x = 16 + i * (box_w + gap)
            if i:
                parts.append(f'<line x1="{x - gap + 2:.0f}" y1="{y + box_h / 2}" x2="{x - 4:.0f}" y2="{y + box_h / 2}" '
                             'class="pkb-arrow" marker-end="url(#pkb-head-wide)"/>')
            parts.append(box(x, y, box_w, box_h, term, "pkb-step", href))
    return width, 8 + len(bands) * band_h - 4, _arrow_head("pkb-head-wide") + "".join(parts)


def _narrow_scales(bands: list[Band]) -> tuple[int, int, str]:
    """For a phone: the bands one under the other, the steps of each stacked downwards."""
    width, box_h, step_h = 360, 36, 56
    parts, top = [], 4
    for name, steps in bands:
        band_h = 44 + len(steps) * step_h
        parts.append(f'<rect x="2" y="{top}" width="{width - 4}" height="{band_h - 8}" rx="10" class="pkb-lane"/>')
        parts.append(label(14, top + 24, name, "pkb-scale", 14, width - 28, "start"))
        for i, (term, href) in enumerate(steps):
            y = top + 40 + i * step_h
            if i:
                parts.append(f'<line x1="{width / 2:.0f}" y1="{y - step_h + box_h + 2}" x2="{width / 2:.0f}" '
                             f'y2="{y - 4}" class="pkb-arrow" marker-end="url(#pkb-head-narrow)"/>')
            parts.append(box(24, y, width - 48, box_h, term, "pkb-step", href))
        top += band_h
    return width, top, _arrow_head("pkb-head-narrow") + "".join(parts)
