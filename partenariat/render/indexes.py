"""One index page per entity type: concepts by family and A–Z, authors, bibliography,
legal timeline, glossary A–Z and by domain, cases by kind, curricula."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from .. import vocab
from ..core import sort_key
from ..models import Acronym, Author, Case, Concept, Curriculum, LegalText, Source
from .case import case_heading
from .cite import reference
from .common import Context, cell, filterable, first_sentence, fr_date, front_matter
from .legal import legal_heading


def _letter(text: str) -> str:
    first = sort_key(text)[:1].upper()
    return first if first.isalpha() else "0–9"


def _az(items: list[tuple[str, str]]) -> str:
    """items: (sort text, markdown line) → sections per initial letter."""
    groups: dict[str, list[str]] = defaultdict(list)
    for text, line in sorted(items, key=lambda x: sort_key(x[0])):
        groups[_letter(text)].append(line)
    return "\n".join(f"### {letter}\n\n" + "\n".join(lines) + "\n" for letter, lines in sorted(groups.items()))


def concepts_index(ctx: Context) -> str:
    concepts: list[Concept] = ctx.corpus.entities("concept")  # type: ignore[assignment]
    out = [front_matter("Concepts", "Les notions du partenariat dans le travail social."), "# Concepts\n",
           f"{len(concepts)} notions, chacune avec ses définitions attribuées, ses voisines et ses usages.\n",
           "## Par famille\n"]
    by_family: dict[str, list[Concept]] = defaultdict(list)
    for c in concepts:
        by_family[c.family].append(c)
    for family, label in vocab.CONCEPT_FAMILIES.items():
        members = sorted(by_family.get(family, []), key=lambda c: sort_key(c.term))
        if members:
            out.append(f"### {label} {{#{family}}}\n\n" + "\n".join(
                f"- {ctx.link('concept', c.id)} — {cell(first_sentence(c.summary))}" for c in members) + "\n")
    out.append("## De A à Z\n")
    out.append(_az([(c.term, f"- {ctx.link('concept', c.id)}") for c in concepts]))
    return "\n".join(out)


def authors_index(ctx: Context) -> str:
    authors: list[Author] = ctx.corpus.entities("author")  # type: ignore[assignment]
    people = [a for a in authors if a.kind == "personne"]
    bodies = [a for a in authors if a.kind == "organisme"]
    out = [front_matter("Auteurs", "Les auteurs et organismes cités."), "# Auteurs\n",
           f"{len(people)} personnes et {len(bodies)} organismes cités dans les documents.\n",
           "## Personnes\n",
           _az([(f"{a.family} {a.given or ''}", f"- {ctx.link('author', a.id, _sorted_name(a))}") for a in people]),
           "## Organismes\n",
           "\n".join(f"- {ctx.link('author', a.id)}" + (f" ({a.acronym})" if a.acronym else "")
                     for a in sorted(bodies, key=lambda a: sort_key(a.name))) + "\n"]
    return "\n".join(out)


def _sorted_name(a: Author) -> str:
    return f"{(a.family or a.name).upper()} {a.given or ''}".strip()


def sources_index(ctx: Context) -> str:
    sources: list[Source] = ctx.corpus.entities("source")  # type: ignore[assignment]

    def key(s: Source) -> tuple[str, int]:
        lead = s.authors[0] if s.authors else ""
        name = getattr(ctx.entity("author", lead), "family", None) or getattr(
            ctx.entity("author", lead), "name", "") if lead else (s.title or s.cited_as or "")
        return (sort_key(name or ""), s.year or 0)

    lines = [f"- {reference(ctx, s)} {ctx.link('source', s.id, 'Fiche')}"
             for s in sorted(sources, key=key)]
    out = [front_matter("Bibliographie", "Les travaux cités, avec leurs références complètes."), "# Bibliographie\n",
           f"{len(sources)} références, classées par auteur.\n", "\n".join(lines) + "\n"]
    return "\n".join(out)


def legal_index(ctx: Context) -> str:
    texts: list[LegalText] = sorted(ctx.corpus.entities("legal"), key=lambda t: t.date)  # type: ignore
    rows = ["| Date | Texte | Articles |", "| --- | --- | --- |"]
    for t in texts:
        arts = ", ".join(a.codified_as or f"art. {a.number}" for a in t.articles)
        rows.append(f"| {fr_date(t.date)} | {ctx.link('legal', t.id, legal_heading(t))} | {cell(arts)} |")
    return "\n".join([front_matter("Textes juridiques", "Les bases juridiques du partenariat, dans l'ordre chronologique."),
                      "# Textes juridiques\n",
                      f"{len(texts)} textes, du plus ancien au plus récent.\n", "\n".join(rows) + "\n"])


def glossary_index(ctx: Context) -> str:
    entries: list[Acronym] = ctx.corpus.entities("glossary")  # type: ignore[assignment]
    out = [front_matter("Glossaire", "Les sigles du travail social et de l'éducation rencontrés dans les documents."),
           "# Glossaire des sigles\n",
           f"{len(entries)} sigles. Chaque sigle a sa fiche et une ancre stable sur cette page "
           "(par exemple `glossaire/#cpom`). Tapez un sigle ou un mot pour filtrer.\n",
           "## De A à Z\n"]
    groups: dict[str, list[Acronym]] = defaultdict(list)
    for e in entries:
        groups[_letter(e.acronym)].append(e)
    tables = []
    for letter in sorted(groups):
        rows = ["| Sigle | Signification | Domaine |", "| --- | --- | --- |"]
        for e in sorted(groups[letter], key=lambda e: sort_key(e.acronym)):
            rows.append(f"| {ctx.link('glossary', e.id)} {{#{e.id}}} | {cell(e.expansion)} | "
                        f"[{vocab.GLOSSARY_DOMAINS[e.domain]}](#{e.domain}) |")
        tables.append(f"### {letter}\n\n" + "\n".join(rows) + "\n")
    out.append(filterable("\n".join(tables), "Filtrer les sigles"))
    out.append("## Par domaine\n")
    by_domain: dict[str, list[Acronym]] = defaultdict(list)
    for e in entries:
        by_domain[e.domain].append(e)
    for domain, label in vocab.GLOSSARY_DOMAINS.items():
        members = sorted(by_domain.get(domain, []), key=lambda e: sort_key(e.acronym))
        if members:
            out.append(f"### {label} {{#{domain}}}\n\n" + ", ".join(ctx.link("glossary", e.id) for e in members) + "\n")
    return "\n".join(out)


def printable_glossary(ctx: Context) -> str:
    """Every acronym on one page, compact, for a handout."""
    entries: list[Acronym] = sorted(ctx.corpus.entities("glossary"), key=lambda e: sort_key(e.acronym))  # type: ignore
    rows = ["| Sigle | Signification | Domaine | En bref |", "| --- | --- | --- | --- |"]
    for e in entries:
        rows.append(f"| **{e.acronym}** | {cell(e.expansion)} | {vocab.GLOSSARY_DOMAINS[e.domain]} | "
                    f"{cell(first_sentence(e.description or ''))} |")
    return "\n".join([
        front_matter("Glossaire à imprimer", "Tous les sigles sur une page, pour un support de cours."),
        "# Glossaire des sigles — version à imprimer\n",
        f"{len(entries)} sigles du travail social et de l'éducation. Chaque sigle a sa fiche sur le site "
        "(rubrique Glossaire). <button type=\"button\" class=\"md-button pkb-print\" hidden>Imprimer</button>\n",
        '<div class="pkb-printable" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n",
    ])


def cases_index(ctx: Context) -> str:
    cases: list[Case] = ctx.corpus.entities("case")  # type: ignore[assignment]
    order = list(vocab.CASE_KINDS)
    rows = ["| Cas | Type | Niveau | Lieu | Dispositif | Thèmes |", "| --- | --- | --- | --- | --- | --- |"]
    for c in sorted(cases, key=lambda c: (order.index(c.kind), c.number or 0, sort_key(c.title))):
        level = vocab.PARTNERSHIP_LEVELS[c.level] if c.level else "—"
        rows.append(f"| {ctx.link('case', c.id, case_heading(c))} | {vocab.CASE_KINDS[c.kind]} | {level} | "
                    f"{cell(c.place or '—')} | {cell(c.dispositif or '—')} | {cell(', '.join(c.themes))} |")
    by_level = []
    for level, label in vocab.PARTNERSHIP_LEVELS.items():
        members = [c for c in cases if c.level == level]
        if members:
            by_level.append(f"- **{label}** : " + ", ".join(ctx.link("case", c.id, case_heading(c)) for c in members))
    return "\n".join([
        front_matter("Cas et encadrés", "Situations concrètes de partenariat : encadrés, ateliers, entretiens."),
        "# Cas et encadrés\n",
        f"{len(cases)} situations concrètes : les encadrés commentés par J.-Y. Trépos, des synthèses d'ateliers "
        "de professionnels, des entretiens et une enquête. Tapez un mot (niveau, lieu, dispositif, thème) pour "
        "filtrer le tableau.\n",
        filterable("\n".join(rows), "Filtrer les cas"),
        "## Par niveau de partenariat\n",
        ctx.text("Les trois niveaux distingués par [[concept:niveaux-de-partenariat|J.-Y. Trépos]] :") + "\n",
        "\n".join(by_level) + "\n",
    ])


def curricula_index(ctx: Context) -> str:
    curricula: list[Curriculum] = ctx.corpus.entities("curriculum")  # type: ignore[assignment]
    lines = [f"- {ctx.link('curriculum', c.id, c.short)} — {c.diploma} ({c.document})" for c in curricula]
    return "\n".join([front_matter("Référentiels", "Les diplômes et leurs compétences liées au partenariat."),
                      "# Référentiels\n",
                      "Les compétences et savoirs des diplômes du social qui touchent au partenariat, "
                      "reliés aux notions du site.\n", "\n".join(lines) + "\n"])


INDEXES: dict[str, Callable[[Context], str]] = {
    "concept": concepts_index,
    "author": authors_index,
    "source": sources_index,
    "legal": legal_index,
    "glossary": glossary_index,
    "case": cases_index,
    "curriculum": curricula_index,
}
