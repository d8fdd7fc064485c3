"""Concept page: summary, attributed definitions, neighbours, comparison traits, uses."""

from __future__ import annotations

from .. import vocab
from ..models import Concept, Curriculum, Source
from .cite import person_name
from .common import Context, cell, cited_by_section, front_matter, index_path, provenance_section, quote_block
from .curriculum import items_citing


def attribution(ctx: Context, source_id: str, author_id: str | None, page: str | None) -> str:
    source = ctx.entity("source", source_id)
    assert isinstance(source, Source)
    authors = [author_id] if author_id else source.authors
    who = ", ".join(ctx.link("author", a, person_name(ctx.entity("author", a))) for a in authors)  # type: ignore[arg-type]
    where = ctx.link("source", source_id)
    year = f" ({source.year})" if source.year else ""
    page_text = f", p. {page}" if page else ""
    return ", ".join(x for x in (who, where + year + page_text) if x)


def render_concept(ctx: Context, concept: Concept) -> str:
    out = [front_matter(concept.term, concept.summary), f"# {concept.term}\n"]
    meta = [f"*Famille* : [{vocab.CONCEPT_FAMILIES[concept.family]}]({index_path('concept', concept.family)})"]
    if concept.aliases:
        meta.append("*Autres formes* : " + ", ".join(concept.aliases))
    out.append("  \n".join(meta) + "\n")
    out.append("## En bref\n\n" + ctx.text(concept.summary) + "\n")
    if concept.definitions:
        out.append("## Définitions\n")
        for d in concept.definitions:
            block = quote_block(f"« {d.quote} »") + "\n>\n> — " + attribution(ctx, d.source, d.author, d.page)
            out.append(block + "\n")
            if d.comment:
                out.append(ctx.text(d.comment) + "\n")
    if concept.body:
        out.append("## Pour approfondir\n\n" + ctx.text(concept.body) + "\n")
    if concept.related:
        rows = ["| Relation | Notion | Précision |", "| --- | --- | --- |"]
        for r in concept.related:
            note = ctx.text(r.note) if r.note else ""
            if r.source:
                note += (" — " if note else "") + ctx.link("source", r.source)
            rows.append(f"| {concept.term} {vocab.RELATIONS[r.relation]} | {ctx.link('concept', r.concept)} | {cell(note)} |")
        out.append("## Notions voisines\n\n" + "\n".join(rows) + "\n")
    if concept.traits:
        rows = ["| Trait | Ce qu'en disent les auteurs | Source |", "| --- | --- | --- |"]
        for t in concept.traits:
            rows.append(f"| {vocab.TRAITS[t.trait]} | {cell(ctx.text(t.value))} | "
                        f"{cell(attribution(ctx, t.source, t.author, t.page))} |")
        out.append("## Traits de comparaison\n\n" + "\n".join(rows) + "\n")
    cases = ctx.index.cited_by("concept", concept.id).get("case", [])
    if cases:
        out.append("## Cas et encadrés\n\n" + "\n".join(f"- {ctx.link('case', c)}" for c in cases) + "\n")
    competencies = []
    for cid in ctx.index.cited_by("concept", concept.id).get("curriculum", []):
        curriculum = ctx.entity("curriculum", cid)
        assert isinstance(curriculum, Curriculum)
        for anchor, label in items_citing(curriculum, concept.id):
            competencies.append(f"- {ctx.link('curriculum', cid, curriculum.short)} — "
                                f"{ctx.link('curriculum', cid, label, anchor)}")
    if competencies:
        out.append("## Dans les référentiels\n\n" + "\n".join(competencies) + "\n")
    out.append(cited_by_section(ctx, "concept", concept.id, skip=("case", "curriculum")))
    out.append(provenance_section(ctx, concept))
    return "\n".join(x for x in out if x)
