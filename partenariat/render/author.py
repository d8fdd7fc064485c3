"""Author page: who they are (roles with dates), their works, the notions they define."""

from __future__ import annotations

from partenariat.base.folding import sort_key
from partenariat.data import vocab
from partenariat.data.models import Author, Source
from partenariat.render.cite import reference
from partenariat.render.common import Context, cited_by_section, front_matter, md_inline, provenance_section
from partenariat.render.roles import dated_role


def render_author(ctx: Context, author: Author) -> str:
    out = [front_matter(author.name, author.notes), f"# {md_inline(author.name)}\n"]
    meta = [f"*{vocab.AUTHOR_KINDS[author.kind]}*"]
    if author.acronym:
        meta.append(f"*Sigle* : {md_inline(author.acronym)}")
    if author.fields:
        meta.append("*Domaines* : " + ", ".join(md_inline(f) for f in author.fields))
    out.append(" · ".join(meta) + "\n")
    if author.notes:
        out.append(ctx.text(author.notes) + "\n")
    if author.affiliations:  # each dated and sourced by the model: a role of 2010 is not a current one
        lines = [f"- {dated_role(ctx, a)}" for a in author.affiliations]
        out.append("## Fonctions et rattachements\n\n*À la date des sources qui les donnent.*\n\n"
                   + "\n".join(lines) + "\n")
    cited = ctx.index.cited_by("author", author.id)
    works = sorted((s for s in cited.get("source", []) if author.id in _contributors(ctx, s)),
                   key=lambda s: (ctx.corpus.one_of("source", s, Source).year or 0, s))
    if works:
        out.append("## Travaux cités\n\n" + "\n".join(
            f"- {reference(ctx, ctx.corpus.one_of('source', s, Source))} {ctx.link('source', s, 'Fiche')}"
            for s in works) + "\n")
    defined = ctx.defined_by(author.id)
    if defined:
        ordered = sorted(defined, key=lambda c: sort_key(ctx.title("concept", c)))
        out.append("## Notions définies\n\n" + ctx.links("concept", ordered) + "\n")
    out.append(cited_by_section(ctx, "author", author.id, skip=("source",)))
    out.append(provenance_section(ctx, author))
    return "\n".join(x for x in out if x)


def _contributors(ctx: Context, source_id: str) -> list[str]:
    source = ctx.entity("source", source_id)
    assert isinstance(source, Source)
    return source.authors + source.editors
