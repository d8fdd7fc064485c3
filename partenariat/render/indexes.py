"""One index page per entity type: concepts by family and A–Z, authors, bibliography,
legal timeline, glossary A–Z and by domain, cases by kind, curricula."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from partenariat.data import vocab
from partenariat.data.models import Acronym, Author, Case, Concept, Curriculum, Entity, LegalText, Source
from partenariat.derive.core import sort_key
from partenariat.render.case import case_heading
from partenariat.render.cite import reference
from partenariat.render.common import (
    Context,
    cell,
    escape_label,
    filterable,
    first_sentence,
    fr_date,
    front_matter,
    md_inline,
)
from partenariat.render.curriculum import anchor_map, walk_items
from partenariat.render.legal import article_label, legal_heading


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """« Encadré 2 » before « Encadré 10 »: numbers compare as numbers, words without accents."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", sort_key(text)) if part)


def _source_key(ctx: Context, s: Source) -> tuple[str, int]:
    """The bibliography's order: the first author's surname (or the body's name), then the year."""
    lead = ctx.entity("author", s.authors[0]) if s.authors else None
    name = (getattr(lead, "family", None) or getattr(lead, "name", "")) if lead else (s.title or s.cited_as or "")
    return (sort_key(name or ""), s.year or 0)


def _case_key(c: Case) -> tuple[int, int, tuple[tuple[int, int | str], ...]]:
    return (list(vocab.CASE_KINDS).index(c.kind), c.number or 0, natural_key(c.title))


def _author_key(a: Author) -> tuple[bool, tuple[tuple[int, int | str], ...]]:
    """People by surname, then bodies by name, as on the authors' index."""
    return (a.kind != "personne", natural_key(f"{a.family} {a.given or ''}" if a.kind == "personne" else a.name))


def index_order(ctx: Context, type_name: str) -> list[Entity]:
    """The entities of a type in the order of their index page, for the sidebar."""
    keys: dict[str, Callable[[Any], Any]] = {
        "concept": lambda c: natural_key(c.term),
        "author": _author_key,
        "source": lambda s: _source_key(ctx, s),
        "legal": lambda t: (t.date, natural_key(t.title)),
        "glossary": lambda e: natural_key(e.acronym),
        "case": _case_key,
        "curriculum": lambda c: natural_key(c.short),
    }
    return sorted(ctx.corpus.entities(type_name), key=keys[type_name])


def _letter(text: str) -> str:
    first = sort_key(text)[:1].upper()
    return first if first.isalpha() else "0–9"


def letter_anchor(letter: str) -> str:
    """Anchor of a letter's section of an A–Z list ('lettre-a', 'lettre-0-9')."""
    return "lettre-" + ("0-9" if letter == "0–9" else letter.lower())


def letter_bar(letters: list[str]) -> str:
    """A–Z bar jumping to each letter's section; a letter without entries is shown, not linked."""
    present = set(letters)
    alphabet = ([ "0–9"] if "0–9" in present else []) + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    links = [f"[{letter}](#{letter_anchor(letter)})" if letter in present else f"<span>{letter}</span>"
             for letter in alphabet]
    return '<nav class="pkb-az" aria-label="Lettres de l\'alphabet" markdown>\n' + " ".join(links) + "\n</nav>\n"


def _az(items: list[tuple[str, str]]) -> str:
    """items: (sort text, markdown line) → sections per initial letter."""
    groups: dict[str, list[str]] = defaultdict(list)
    for text, line in sorted(items, key=lambda x: sort_key(x[0])):
        groups[_letter(text)].append(line)
    return "\n".join(f"### {letter}\n\n" + "\n".join(lines) + "\n" for letter, lines in sorted(groups.items()))


def concepts_index(ctx: Context) -> str:
    concepts: list[Concept] = ctx.corpus.all_of("concept", Concept)
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
                f"- {ctx.link('concept', c.id)} — {md_inline(first_sentence(c.summary))}" for c in members) + "\n")
    out.append("## De A à Z\n")
    out.append(_az([(c.term, f"- {ctx.link('concept', c.id)}") for c in concepts]))
    return "\n".join(out)


def authors_index(ctx: Context) -> str:
    authors: list[Author] = ctx.corpus.all_of("author", Author)
    people = [a for a in authors if a.kind == "personne"]
    bodies = [a for a in authors if a.kind == "organisme"]
    out = [front_matter("Auteurs", "Les auteurs et organismes cités."), "# Auteurs\n",
           f"{len(people)} personnes et {len(bodies)} organismes cités dans les documents.\n",
           "## Personnes\n",
           _az([(f"{a.family} {a.given or ''}", f"- {ctx.link('author', a.id, _sorted_name(a))}") for a in people]),
           "## Organismes\n",
           "\n".join(f"- {ctx.link('author', a.id)}" + (f" ({md_inline(a.acronym)})" if a.acronym else "")
                     for a in sorted(bodies, key=lambda a: sort_key(a.name))) + "\n"]
    return "\n".join(out)


def _sorted_name(a: Author) -> str:
    return f"{(a.family or a.name).upper()} {a.given or ''}".strip()


def sources_index(ctx: Context) -> str:
    sources: list[Source] = ctx.corpus.all_of("source", Source)

    ordered = [s for s in index_order(ctx, "source") if isinstance(s, Source)]
    lines = [f"- {reference(ctx, s)} {ctx.link('source', s.id, 'Fiche')}" for s in ordered]
    out = [front_matter("Bibliographie", "Les travaux cités, avec leurs références complètes."), "# Bibliographie\n",
           f"{len(sources)} références, classées par auteur.\n", "\n".join(lines) + "\n"]
    return "\n".join(out)


def legal_index(ctx: Context) -> str:
    texts = [t for t in index_order(ctx, "legal") if isinstance(t, LegalText)]  # the sidebar's order
    rows = ["| Date | Texte | Articles |", "| --- | --- | --- |"]
    for t in texts:
        arts = ", ".join(md_inline(a.codified_as or article_label(a, short=True)) for a in t.articles)
        # a text the seeds do not cite (a legal basis added for practitioners) says so here too
        outside = " *(hors des documents sources)*" if not t.attested_in else ""
        rows.append(f"| {fr_date(t.date)} | {ctx.link('legal', t.id, legal_heading(t))}{outside} | {cell(arts)} |")
    outside_count = sum(1 for t in texts if not t.attested_in)
    note = (f" Les documents sources en citent {len(texts) - outside_count} ; les autres, signalés, sont des "
            "bases légales ajoutées pour les professionnels." if outside_count else "")
    return "\n".join([front_matter("Textes juridiques", "Les bases juridiques du partenariat, dans l'ordre chronologique."),
                      "# Textes juridiques\n",
                      f"{len(texts)} textes, du plus ancien au plus récent.{note}\n", "\n".join(rows) + "\n"])


def expansion_cell(e: Acronym) -> str:
    """The expansion and, in italics, what became of a body that no longer exists and the other
    meanings of the letters."""
    ended = f" *({cell(md_inline(e.ended.phrase()))})*" if e.ended else ""
    other = f" *(autre sens : {cell(md_inline(' ; '.join(e.other_meanings)))})*" if e.other_meanings else ""
    return cell(md_inline(e.shown_expansion)) + ended + other


def glossary_index(ctx: Context) -> str:
    entries: list[Acronym] = ctx.corpus.all_of("glossary", Acronym)
    outside = sum(1 for e in entries if not e.attested_in)
    out = [front_matter("Glossaire", "Les sigles du travail social et de l'éducation : ceux des documents sources "
                                     "et ceux que les professionnels rencontrent chaque jour."),
           "# Glossaire des sigles\n",
           f"{len(entries)} sigles, dont {outside} absents des documents sources (leur fiche le signale). "
           "Chaque sigle a sa fiche et une ancre stable sur cette page "
           "(par exemple `glossaire/#cpom`).\n",
           "## De A à Z\n"]
    groups: dict[str, list[Acronym]] = defaultdict(list)
    for e in entries:
        groups[_letter(e.acronym)].append(e)
    out.append(letter_bar(sorted(groups)))
    tables = []
    for letter in sorted(groups):
        rows = ["| Sigle | Signification | Domaine |", "| --- | --- | --- |"]
        for e in sorted(groups[letter], key=lambda e: sort_key(e.acronym)):
            rows.append(f"| {ctx.link('glossary', e.id)} {{#{e.id}}} | {expansion_cell(e)} | "
                        f"[{vocab.GLOSSARY_DOMAINS[e.domain]}](#{e.domain}) |")
        tables.append(f"### {letter} {{#{letter_anchor(letter)}}}\n\n" + "\n".join(rows) + "\n")
    out.append(filterable("\n".join(tables), "Filtrer les sigles", "Tapez un sigle ou un mot pour filtrer."))
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
    entries: list[Acronym] = sorted(ctx.corpus.all_of("glossary", Acronym), key=lambda e: sort_key(e.acronym))
    rows = ["| Sigle | Signification | Domaine | En bref |", "| --- | --- | --- | --- |"]
    for e in entries:
        rows.append(f"| **{cell(md_inline(e.acronym))}** | {expansion_cell(e)} | {vocab.GLOSSARY_DOMAINS[e.domain]} | "
                    f"{cell(md_inline(first_sentence(e.description or '')))} |")
    return "\n".join([
        front_matter("Glossaire à imprimer", "Tous les sigles sur une page, pour un support de cours."),
        "# Glossaire des sigles — version à imprimer\n",
        f"{len(entries)} sigles du travail social et de l'éducation. Chaque sigle a sa fiche sur le site "
        "(rubrique Glossaire). <button type=\"button\" class=\"md-button pkb-print\" hidden>Imprimer</button>\n",
        '<div class="pkb-printable" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n",
    ])


def cases_index(ctx: Context) -> str:
    cases: list[Case] = ctx.corpus.all_of("case", Case)
    rows = ["| Cas | Type | Niveau | Lieu | Dispositif | Thèmes |", "| --- | --- | --- | --- | --- | --- |"]
    for c in (c for c in index_order(ctx, "case") if isinstance(c, Case)):
        level = vocab.PARTNERSHIP_LEVELS[c.level] if c.level else "—"
        rows.append(f"| {ctx.link('case', c.id, case_heading(c))} | {vocab.CASE_KINDS[c.kind]} | {level} | "
                    f"{cell(md_inline(c.place or '—'))} | {cell(md_inline(c.dispositif or '—'))} | "
                    f"{cell(', '.join(md_inline(t) for t in c.themes))} |")
    by_level = []
    for level, label in vocab.PARTNERSHIP_LEVELS.items():
        members = [c for c in cases if c.level == level]
        if members:
            by_level.append(f"- **{label}** : " + ", ".join(ctx.link("case", c.id, case_heading(c)) for c in members))
    return "\n".join([
        front_matter("Cas et encadrés", "Situations concrètes de partenariat : encadrés, ateliers, entretiens."),
        "# Cas et encadrés\n",
        f"{len(cases)} situations concrètes : les encadrés commentés par J.-Y. Trépos, des synthèses d'ateliers "
        "de professionnels, des entretiens et une enquête.\n",
        filterable("\n".join(rows), "Filtrer les cas", "Tapez un mot (niveau, lieu, dispositif, thème) pour filtrer le tableau."),
        "## Par niveau de partenariat\n",
        ctx.text("Les trois niveaux distingués par [[concept:niveaux-de-partenariat|J.-Y. Trépos]] :") + "\n",
        "\n".join(by_level) + "\n",
    ])


def curricula_index(ctx: Context) -> str:
    curricula: list[Curriculum] = [c for c in index_order(ctx, "curriculum") if isinstance(c, Curriculum)]
    lines = [f"- {ctx.link('curriculum', c.id, c.short)} — {md_inline(c.diploma)} ({md_inline(c.document)})"
             for c in curricula]
    return "\n".join([front_matter("Référentiels", "Les diplômes et leurs compétences liées au partenariat."),
                      "# Référentiels\n",
                      "Les compétences et savoirs des diplômes du social qui touchent au partenariat, "
                      "reliés aux notions du site.\n", "\n".join(lines) + "\n",
                      "## Notions et compétences\n",
                      "Pour chaque notion, les compétences et savoirs qui l'appellent, diplôme par diplôme ; "
                      "chaque renvoi ouvre l'item dans son référentiel.\n",
                      filterable(competency_matrix(ctx, curricula), "Filtrer les notions et compétences",
                                 "Tapez une notion, un code ou un mot pour filtrer.")])


def competency_matrix(ctx: Context, curricula: list[Curriculum]) -> str:
    """Rows: the notions named by a curriculum; columns: the diplomas; cells: links to the items."""
    cells: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for curriculum in curricula:
        anchors = anchor_map(curriculum)
        for item in walk_items(curriculum):
            path = ctx.addresses.md_link("curriculum", curriculum.id, anchors.get(id(item), ""), ctx.prefix)
            text = item.code or _short(item.label)
            for concept_id in item.concept_ids:
                cells[concept_id][curriculum.id].append(f'[{escape_label(text)}]({path} "{_attr(item.label)}")')
    rows = ["| Notion | " + " | ".join(cell(md_inline(c.short)) for c in curricula) + " |", "| --- " * (len(curricula) + 1) + "|"]
    for concept_id in sorted(cells, key=lambda i: natural_key(ctx.title("concept", i))):
        values = [cell(", ".join(cells[concept_id].get(c.id, [])) or "—") for c in curricula]
        rows.append(f"| {ctx.link('concept', concept_id)} | " + " | ".join(values) + " |")
    return "\n".join(rows) + "\n"


def _short(label: str, words: int = 5) -> str:
    """The first words of a long label without a code, for a table cell."""
    parts = label.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _attr(text: str) -> str:
    """Text as a Markdown link's title (« "…" » after the address): escaped, and no quote or
    parenthesis that would end the title or the link."""
    return md_inline(text).replace('"', "&quot;").replace("(", "&#40;").replace(")", "&#41;")


INDEXES: dict[str, Callable[[Context], str]] = {
    "concept": concepts_index,
    "author": authors_index,
    "source": sources_index,
    "legal": legal_index,
    "glossary": glossary_index,
    "case": cases_index,
    "curriculum": curricula_index,
}
