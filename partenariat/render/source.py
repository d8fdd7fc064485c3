"""Source page: the full reference, what the work holds, what the site takes from it."""

from __future__ import annotations

from partenariat.base.french import fill
from partenariat.data import vocab
from partenariat.data.models import Concept, Definition, Source
from partenariat.derive.core import author_name
from partenariat.render.cite import export_links, locator, reference
from partenariat.render.common import Context, cited_by_section, front_matter, indent, md_inline, provenance_section


def render_source(ctx: Context, source: Source) -> str:
    title = source.title or f"{source.cited_as} — titre non précisé"
    out = [front_matter(title, source.summary), f"# {md_inline(title)}\n"]
    out.append(f"*{vocab.SOURCE_TYPES[source.type]}*\n")
    out.append("## Référence\n\n" + reference(ctx, source, link_authors=True) + "\n")
    out.append(export_links("source", source.id) + "\n")
    if source.summary:
        out.append("## Présentation\n\n" + ctx.text(source.summary) + "\n")
    if source.note:
        out.append('!!! note "Remarque"\n\n' + indent(ctx.text(source.note)) + "\n")
    if source.part_of:
        out.append(f"*Fait partie de* : {ctx.link('source', source.part_of)}.\n")
    parts = [s for s in ctx.index.cited_by("source", source.id).get("source", [])
             if ctx.corpus.one_of("source", s, Source).part_of == source.id]
    if parts:
        out.append("## Contenu cité\n\n" + "\n".join(f"- {ctx.link('source', p)}" for p in parts) + "\n")
    passages = []
    for edge in ctx.index.edges_to("source", source.id):  # definitions[i].source of a concept
        position = edge.path[1] if len(edge.path) > 1 else None
        if edge.source_type == "concept" and edge.path[0] == "definitions" and isinstance(position, int) \
                and edge.path[-1] == "source":
            d = ctx.corpus.one_of("concept", edge.source_id, Concept).definitions[position]
            passages.append(f"> « {md_inline(d.quote)} »\n\n— "
                            + passage_credit(ctx, source, d, edge.source_id) + "\n")
    if passages:
        out.append("## Passages cités\n\n" + "\n".join(passages))
    out.append(cited_by_section(ctx, "source", source.id))
    out.append(provenance_section(ctx, source))
    return "\n".join(x for x in out if x)


def passage_credit(ctx: Context, source: Source, d: Definition, concept_id: str) -> str:
    """Who speaks, when it is not the work's author (a quoted definition would otherwise read as
    the author's), then the notion it defines and where."""
    parts = []
    if d.author and d.author not in source.authors:
        speaker = ctx.link("author", d.author, author_name(ctx.corpus, d.author))
        parts.append(f"{speaker}, cité dans cet ouvrage")
    what = "définition de" if d.is_definition else vocab.QUOTE_KINDS[d.kind].lower() + " à propos de"
    parts.append(fill(what + " {notion}", notion=ctx.link("concept", concept_id)))
    if d.page:
        parts.append(md_inline(locator(d.page)))
    return ", ".join(parts)
