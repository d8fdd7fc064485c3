"""Acronym page: expansion, domain, description, related acronyms and notions."""

from __future__ import annotations

import re

from partenariat.data import vocab
from partenariat.data.models import ENDED, Acronym
from partenariat.derive.core import locator
from partenariat.render.common import Context, cited_by_section, front_matter, indent, md_inline, provenance_section


def render_acronym(ctx: Context, entry: Acronym) -> str:
    headline = f"**{md_inline(entry.expansion)}**\n" if entry.expansion else f"*{md_inline(entry.shown_expansion)}.*\n"
    out = [front_matter(f"{entry.acronym} — {entry.shown_expansion}", entry.description or entry.shown_expansion),
           f"# {md_inline(entry.acronym)}\n", headline]
    meta = [f"*Domaine* : [{vocab.GLOSSARY_DOMAINS[entry.domain]}]({ctx.index_link('glossary', entry.domain)})"]
    if entry.variants:
        meta.append("*Variantes* : " + ", ".join(md_inline(v) for v in entry.variants))
    out.append("  \n".join(meta) + "\n")
    if entry.ended:
        out.append(ended_box(ctx, entry))
    if entry.description:
        out.append(ctx.text(entry.description) + "\n")
    if entry.other_meanings:
        out.append(other_meanings_box(ctx, entry))
    if entry.in_sources:
        out.append(in_sources_section(ctx, entry))
    if entry.see_also:
        out.append("*Voir aussi* : " + ctx.links("glossary", entry.see_also) + "\n")
    if entry.concepts:
        out.append("*Notions liées* : " + ctx.links("concept", entry.concepts) + "\n")
    out.append(cited_by_section(ctx, "glossary", entry.id))
    out.append(provenance_section(ctx, entry))
    return "\n".join(x for x in out if x)


def ended_box(ctx: Context, entry: Acronym) -> str:
    """What became of a replaced or abolished body, its successors linked to their entries."""
    assert entry.ended is not None
    text = ctx.text(entry.ended.phrase(exact=True))
    for successor in entry.ended.successors:
        acronym = ctx.corpus.one_of("glossary", successor, Acronym).acronym
        pattern = re.compile(rf"(?<![\w\-\[]){re.escape(acronym)}(?![\w\-\]])")
        match = pattern.search(text)
        if match:
            text = text[:match.start()] + ctx.link("glossary", successor, acronym) + text[match.end():]
    return f'!!! warning "{ENDED}"\n\n' + indent(text[0].upper() + text[1:] + ".") + "\n"


def other_meanings_box(ctx: Context, entry: Acronym) -> str:
    """The other current meanings of the letters, and which one this entry (and the tooltip) is about."""
    title = "Autres sens du sigle" if len(entry.other_meanings) > 1 else "Autre sens du sigle"
    which = "celui des documents sources" if entry.attested_in else "celui de cette fiche"
    text = (f"{ctx.text(entry.other_meanings_note)} Sur ce site, l'infobulle et cette fiche donnent le sens "
            f"« {entry.shown_expansion} », {which}.")
    return f'!!! note "{title}"\n\n' + indent(text) + "\n"


def in_sources_section(ctx: Context, entry: Acronym) -> str:
    """Where the sources use the acronym and what the passage says around it."""
    lines = []
    for usage in entry.in_sources:
        where = ctx.link("source", usage.source) + (f", {locator(usage.page)}" if usage.page else "")
        lines.append(f"- {where} : {ctx.text(usage.context)}")
    return "## Dans les documents sources\n\n" + "\n".join(lines) + "\n"


def abbreviations(entries: list[Acronym]) -> dict[str, str]:
    """Acronym (and its variants) → expansion, for the `abbr` extension's glossary option; a body
    that no longer exists says what became of it (« … (remplacée par la DDETS en 2021) »).
    An acronym the sources leave undeveloped gets no tooltip: there is nothing to show."""
    out: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.id):
        if entry.expansion is None:
            continue
        for form in (entry.acronym, *entry.variants):
            out.setdefault(form, entry.full_expansion)
    return out
