"""Case page: an encadré, a workshop synthesis or an interview, with the analysis it supports."""

from __future__ import annotations

from partenariat.data import vocab
from partenariat.data.models import Author, Case, Source
from partenariat.render.common import Context, cited_by_section, front_matter, indent, md_inline, provenance_section
from partenariat.render.roles import person_with_roles


def case_heading(case: Case) -> str:
    prefix = f"Encadré {case.number} — " if case.kind == "encadre" and case.number else ""
    return prefix + case.title


def render_case(ctx: Context, case: Case) -> str:
    heading = case_heading(case)
    out = [front_matter(heading, case.situation or case.body), f"# {md_inline(heading)}\n"]
    facts = [("Type", vocab.CASE_KINDS[case.kind])]
    for label, value in (("Lieu", case.place), ("Période", case.years), ("Dispositif", case.dispositif)):
        if value:
            facts.append((label, value))
    if case.level:
        facts.append(("Niveau de partenariat", f"{vocab.PARTNERSHIP_LEVELS[case.level]} "
                      f"([[concept:niveaux-de-partenariat|selon J.-Y. Trépos]])"))
    if case.partners:
        facts.append(("Partenaires", ", ".join(case.partners)))
    people = [person_with_roles(ctx, ctx.corpus.one_of("author", a, Author)) for a in case.people]
    if case.themes:
        facts.append(("Thèmes", ", ".join(case.themes)))
    lines = [f"- **{k}** : {ctx.text(v)}" for k, v in facts]
    if people:  # rendered links already (their roles dated): not passed through ctx.text again
        lines.append(f"- **{'Personnes nommées' if len(people) > 1 else 'Personne nommée'}** : " + " ; ".join(people))
    out.append("\n".join(lines) + "\n")
    for title, value in (("Situation", case.situation), ("Actions", case.actions),
                         ("Résultats", case.results)):
        if value:
            out.append(f"## {title}\n\n" + ctx.text(value) + "\n")
    if case.body:
        out.append(ctx.text(case.body) + "\n")
    if case.analysis:
        out.append("## Analyse\n")
        out.append(analysis_credit(ctx, case))
        for a in case.analysis:
            title = (f"« {md_inline(a.about)} »" if a.about else "Commentaire").replace('"', "'")
            text = ctx.text(a.comment)
            if a.concept:
                text += "\n\n→ " + ctx.link("concept", a.concept)
            out.append(f'!!! quote "{title}"\n\n' + indent(text) + "\n")
    if case.concepts:
        out.append("## Notions mobilisées\n\n" + ctx.links("concept", case.concepts) + "\n")
    if case.glossary:
        out.append("*Sigles* : " + ctx.links("glossary", case.glossary) + "\n")
    pages = f", {md_inline(case.pages)}" if case.pages else ""
    out.append(f"*Source* : {ctx.link('source', case.source)}{pages}.\n")
    out.append(cited_by_section(ctx, "case", case.id))
    out.append(provenance_section(ctx, case))
    return "\n".join(x for x in out if x)


def analysis_credit(ctx: Context, case: Case) -> str:
    """Whose comments the analysis boxes hold: in an encadré, the speaker's margin notes on
    phrases of the case (a quoted phrase must not read as the site's own words)."""
    source = ctx.entity("source", case.source)
    assert isinstance(source, Source)
    if case.kind != "encadre" or not source.authors:
        return ""
    who = ctx.links("author", source.authors)
    return (f"*Entre guillemets, des passages de l'encadré ; en dessous, le commentaire que {who} "
            f"en donne en marge de son support ({ctx.link('source', case.source)}), résumé.*\n")
