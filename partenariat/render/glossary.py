"""Acronym page: expansion, domain, description, related acronyms and notions."""

from __future__ import annotations

from partenariat.data import vocab
from partenariat.data.models import Acronym
from partenariat.render.common import Context, cited_by_section, front_matter, md_inline, provenance_section


def render_acronym(ctx: Context, entry: Acronym) -> str:
    headline = f"**{md_inline(entry.expansion)}**\n" if entry.expansion else f"*{md_inline(entry.shown_expansion)}.*\n"
    out = [front_matter(f"{entry.acronym} — {entry.shown_expansion}", entry.description or entry.shown_expansion),
           f"# {md_inline(entry.acronym)}\n", headline]
    meta = [f"*Domaine* : [{vocab.GLOSSARY_DOMAINS[entry.domain]}]({ctx.index_link('glossary', entry.domain)})"]
    if entry.variants:
        meta.append("*Variantes* : " + ", ".join(md_inline(v) for v in entry.variants))
    out.append("  \n".join(meta) + "\n")
    if entry.description:
        out.append(ctx.text(entry.description) + "\n")
    if entry.see_also:
        out.append("*Voir aussi* : " + ctx.links("glossary", entry.see_also) + "\n")
    if entry.concepts:
        out.append("*Notions liées* : " + ctx.links("concept", entry.concepts) + "\n")
    out.append(cited_by_section(ctx, "glossary", entry.id))
    out.append(provenance_section(ctx, entry))
    return "\n".join(x for x in out if x)


def abbreviations(entries: list[Acronym]) -> dict[str, str]:
    """Acronym (and its variants) → expansion, for the `abbr` extension's glossary option.
    An acronym the sources leave undeveloped gets no tooltip: there is nothing to show."""
    out: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.id):
        if entry.expansion is None:
            continue
        for form in (entry.acronym, *entry.variants):
            out.setdefault(form, entry.expansion)
    return out
