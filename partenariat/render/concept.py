"""Concept page: summary, attributed definitions, neighbours, comparison traits, uses."""

from __future__ import annotations

from .. import vocab
from ..addresses import export_path
from ..models import Concept, Curriculum
from .cite import reference
from .common import Context, cell, cited_by_section, front_matter, indent, provenance_section
from .compare import attribution, cards, definition_card
from .conceptmap import concept_map
from .curriculum import items_citing
from .quiz import quiz_section


def render_concept(ctx: Context, concept: Concept) -> str:
    out = [front_matter(concept.term, concept.summary), f"# {concept.term}\n"]
    meta = [f"*Famille* : [{vocab.CONCEPT_FAMILIES[concept.family]}]({ctx.index_link('concept', concept.family)})"]
    if concept.aliases:
        meta.append("*Autres formes* : " + ", ".join(concept.aliases))
    out.append("  \n".join(meta) + "\n")
    out.append('<button type="button" class="md-button pkb-print" hidden>Imprimer la fiche</button>\n')
    out.append("## En bref\n\n" + ctx.text(concept.summary) + "\n")
    confusions = [r for r in concept.related if r.relation in ("distinct-de", "s-oppose-a")]
    if confusions:
        lines = []
        for r in confusions:
            line = f"- {ctx.link('concept', r.concept)}"
            if r.note:
                line += " : " + " ".join(ctx.text(r.note).split())
            lines.append(line)
        out.append('!!! warning "Ne pas confondre avec"\n\n' + indent("\n".join(lines)) + "\n")
    if concept.definitions:
        out.append("## Définitions\n")
        out.append(cards([definition_card(ctx, d) for d in concept.definitions], " pkb-definitions"))
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
    relation_map = concept_map(ctx, concept, f"concepts/{concept.id}.md")
    if relation_map:
        out.append("## Carte des relations\n\n" + relation_map)
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
    used = list(dict.fromkeys([d.source for d in concept.definitions] + [t.source for t in concept.traits]
                              + [r.source for r in concept.related if r.source]))
    if used:
        refs = [f"- {reference(ctx, ctx.entity('source', s))} {ctx.link('source', s, 'Fiche')} · "  # type: ignore[arg-type]
                f"[RIS](../{export_path('source', s, 'ris')}) · [BibTeX](../{export_path('source', s, 'bib')})" for s in used]
        out.append("## Sources\n\n" + "\n".join(refs) + "\n")
    out.append(quiz_section(ctx, concept))
    out.append(cited_by_section(ctx, "concept", concept.id, skip=("case", "curriculum")))
    out.append(provenance_section(ctx, concept))
    return "\n".join(x for x in out if x)
