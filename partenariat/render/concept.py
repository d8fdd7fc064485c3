"""Concept page, built as a list of small sections.

What a student needs comes first and stays open: term, « En bref », how to cite the page,
the key definitions (ranked by the editors) and the comparisons that concern the notion.
Everything else sits below in collapsible sections (`<details>`, heading in the summary):
one line each, so the whole outline fits on a phone screen, nothing leaves the page (search,
find-in-page and anchors still reach it), and it needs no JavaScript. Printing keeps the
first part only: a one- or two-page fiche whose citation gives the page's address.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from partenariat.data import vocab
from partenariat.data.models import Concept, Curriculum, Definition, Source
from partenariat.data.notes import NOTE
from partenariat.derive.addresses import comparison_path, export_path, source_path
from partenariat.derive.comparisons import CONTINUUM_AXIS, Comparison
from partenariat.derive.core import quotations_title, relation_phrase
from partenariat.render.cite import definition_citation, reference, short_reference
from partenariat.render.common import (
    Context,
    cell,
    cited_by_section,
    entity_cite_block,
    front_matter,
    indent,
    md_inline,
    provenance_section,
)
from partenariat.render.compare import attribution, cards, definition_card
from partenariat.render.conceptmap import concept_map
from partenariat.render.curriculum import items_citing
from partenariat.render.quiz import quiz_section

Section = Callable[[Context, Concept], str]
OTHER_DEFINITIONS = "Autres définitions"


def render_concept(ctx: Context, concept: Concept) -> str:
    first = [_heading(ctx, concept), _in_brief(ctx, concept), _cite_page(ctx, concept), _key_definitions(ctx, concept),
             _comparisons(ctx, concept)]
    more = [collapsible(_titled(title, concept), anchor, body(ctx, concept)) for title, anchor, body in MORE_SECTIONS]
    more = [m for m in more if m]
    outline = '<div class="pkb-more" markdown>\n\n' + "\n".join(more) + "\n</div>\n" if more else ""
    last = provenance_section(ctx, concept, cite=False)
    return "\n".join(x for x in [front_matter(concept.term, concept.summary), *first, outline, last] if x)


# --- what is shown first ------------------------------------------------------------------


def _heading(ctx: Context, concept: Concept) -> str:
    family = vocab.CONCEPT_FAMILIES[concept.family]
    meta = [f"*Famille* : [{family}]({ctx.index_link('concept', concept.family)})"]
    if concept.aliases:
        meta.append("*Autres formes* : " + ", ".join(md_inline(a) for a in concept.aliases))
    button = '<button type="button" class="md-button pkb-print" hidden>Imprimer la fiche</button>\n'
    return f"# {md_inline(concept.term)}\n\n" + "  \n".join(meta) + "\n\n" + button


# Python-Markdown's footnotes go where this paragraph stands (its PLACE_MARKER, left at its default
# in mkdocs.yml): right under « En bref », so that the notes stay in the first screen and in print.
FOOTNOTES_HERE = "///Footnotes Go Here///"
ADJACENT_CALLS = re.compile(r"(\[\^\d+\])(?=\[\^\d+\])")
NOTE_MARK = ("\ue000", "\ue001")
NOTE_MARKS = re.compile("\ue000(\\d+)\ue001")


def _in_brief(ctx: Context, concept: Concept) -> str:
    """The summary, each source note a numbered footnote (one number per source and page)."""
    numbers: dict[tuple[str, str], int] = {}

    def call(match: re.Match[str]) -> str:
        key = (match.group(1).strip(), " ".join((match.group(2) or "").split()))
        return f"{NOTE_MARK[0]}{numbers.setdefault(key, len(numbers) + 1)}{NOTE_MARK[1]}"

    # The text is escaped (`ctx.text`) with each note as a mark no data text can hold (private-use
    # characters, refused by `check`), which becomes the footnote call afterwards.
    escaped = ctx.text(NOTE.sub(call, concept.summary))
    text = NOTE_MARKS.sub(lambda m: f"[^{m.group(1)}]", escaped)
    # two calls side by side read « 12 » in superscript: a superscript comma keeps them apart
    text = ADJACENT_CALLS.sub(r"\1<sup>,</sup>", text)
    if not numbers:
        return "## En bref\n\n" + text + "\n"
    notes = "\n".join(f"[^{n}]: {short_reference(ctx, source, where or None)}" for (source, where), n in numbers.items())
    # the list of notes is references, not the section's text: Material's search skips it
    return (f"## En bref\n\n{text}\n\n{notes}\n\n"
            f'<div class="pkb-notes" data-search-exclude markdown>\n\n{FOOTNOTES_HERE}\n\n</div>\n')


def _cite_page(ctx: Context, concept: Concept) -> str:
    return entity_cite_block(ctx, "concept", concept)


def _key_definitions(ctx: Context, concept: Concept) -> str:
    shown = concept.key_definitions()
    if not shown:
        return ""
    title = "Définitions clés" if len(shown) < len(concept.definitions) else quotations_title(shown)
    return f"## {title} {{#definitions}}\n\n" + _definition_cards(ctx, concept, shown)


def _definition_cards(ctx: Context, concept: Concept, definitions: list[Definition]) -> str:
    items = [definition_card(ctx, d) + "\n\n" + indent(_cite_definition(ctx, concept, d)) for d in definitions]
    return cards(items, " pkb-definitions")


def _cite_definition(ctx: Context, concept: Concept, d: Definition) -> str:
    """A collapsed, copyable reference of one definition (site.js adds the address and date)."""
    what = "cette définition" if d.is_definition else "ce passage"
    return (f'??? quote "Citer {what}"\n\n'
            + indent(f'<p class="pkb-cite" markdown>{definition_citation(ctx, d, concept.id, concept.term)}</p>\n\n'
                     '<button type="button" class="md-button pkb-cite-copy" hidden>Copier la référence</button>')
            + "\n")


def comparisons_of(ctx: Context, concept: Concept) -> list[Comparison]:
    """The comparison pages that include the notion, the continuum last."""
    found = [c for c in ctx.comparisons if concept.id in c.concepts]
    on_scale = concept.id == CONTINUUM_AXIS or any(
        r.relation == "etape-de" and r.concept == CONTINUUM_AXIS for r in concept.related)
    return found + ([c for c in ctx.comparisons if c.continuum] if on_scale else [])


def _comparisons(ctx: Context, concept: Concept) -> str:
    found = comparisons_of(ctx, concept)
    lines = [f"- [{c.title}]({ctx.prefix}{comparison_path(c.slug)}) : {c.criterion}" for c in found]
    compared = {i for c in found for i in c.concepts}
    # a confusion a comparison page already treats is not listed twice
    confusions = [r for r in concept.related if r.relation in ("distinct-de", "s-oppose-a") and r.concept not in compared]
    if not lines and not confusions:
        return ""
    out = "## Comparer {#comparer}\n\n"
    if lines:
        out += "\n".join(lines) + "\n\n"
    if confusions:
        items = []
        for r in confusions:
            note = " : " + " ".join(ctx.text(r.note).split()) if r.note else ""
            items.append(f"- {ctx.link('concept', r.concept)}{note}")
        out += "**Ne pas confondre avec**\n\n" + "\n".join(items) + "\n"
    return out


# --- everything else, one tap away -------------------------------------------------------


def collapsible(title: str, anchor: str, body: str) -> str:
    """A closed section whose summary is its heading (listed in the table of contents)."""
    if not body.strip():
        return ""
    return (f'<details class="pkb-section" id="section-{anchor}" markdown>\n<summary markdown="block">\n\n'
            f"## {title} {{#{anchor}}}\n\n</summary>\n\n{body.strip()}\n\n</details>\n")


def _titled(title: str, concept: Concept) -> str:
    """« Autres définitions » says how many wait behind it."""
    if title != OTHER_DEFINITIONS:
        return title
    return f"{title} ({len(concept.definitions) - len(concept.key_definitions())})"


def _other_definitions(ctx: Context, concept: Concept) -> str:
    key = concept.key_definitions()
    others = [d for d in concept.definitions if not any(d is k for k in key)]
    return _definition_cards(ctx, concept, others) if others else ""


def _body(ctx: Context, concept: Concept) -> str:
    return ctx.text(concept.body) + "\n" if concept.body else ""


def _neighbours(ctx: Context, concept: Concept) -> str:
    if not concept.related:
        return ""
    rows = ["| Relation | Notion | Précision |", "| --- | --- | --- |"]
    for r in concept.related:
        note = ctx.text(r.note) if r.note else ""
        if r.source:
            note += (" — " if note else "") + ctx.link("source", r.source)
        scope = f" (« {ctx.text(r.scope)} »)" if r.scope else ""
        rows.append(f"| {cell(md_inline(concept.term))} {relation_phrase(r)} | {ctx.link('concept', r.concept)}{scope} | "
                    f"{cell(note)} |")
    out = "\n".join(rows) + "\n"
    relation_map = concept_map(ctx, concept, source_path("concept", concept.id))
    return out + ("\n### Carte des relations\n\n" + relation_map if relation_map else "")


def _traits(ctx: Context, concept: Concept) -> str:
    if not concept.traits:
        return ""
    rows = ["| Trait | Ce qu'en disent les auteurs | Source |", "| --- | --- | --- |"]
    for t in concept.traits:
        rows.append(f"| {vocab.TRAITS[t.trait]} | {cell(ctx.text(t.value))} | "
                    f"{cell(attribution(ctx, t.source, t.author, t.page))} |")
    return "\n".join(rows) + "\n"


def _cases(ctx: Context, concept: Concept) -> str:
    cases = ctx.index.cited_by("concept", concept.id).get("case", [])
    return "\n".join(f"- {ctx.link('case', c)}" for c in cases) + "\n" if cases else ""


def _competencies(ctx: Context, concept: Concept) -> str:
    lines = []
    for cid in ctx.index.cited_by("concept", concept.id).get("curriculum", []):
        curriculum = ctx.entity("curriculum", cid)
        assert isinstance(curriculum, Curriculum)
        for anchor, label in items_citing(curriculum, concept.id):
            lines.append(f"- {ctx.link('curriculum', cid, curriculum.short)} — "
                         f"{ctx.link('curriculum', cid, label, anchor)}")
    return "\n".join(lines) + "\n" if lines else ""


def _sources(ctx: Context, concept: Concept) -> str:
    used = list(dict.fromkeys([d.source for d in concept.definitions] + [t.source for t in concept.traits]
                              + [r.source for r in concept.related if r.source]))
    refs = [f"- {reference(ctx, ctx.corpus.one_of('source', s, Source))} {ctx.link('source', s, 'Fiche')} · "
            f"[RIS](../{export_path('source', s, 'ris')}) · [BibTeX](../{export_path('source', s, 'bib')})"
            for s in used]
    return "\n".join(refs) + "\n" if refs else ""


def _quiz(ctx: Context, concept: Concept) -> str:
    return quiz_section(ctx, concept).removeprefix("## Testez-vous\n\n")


def _cited_by(ctx: Context, concept: Concept) -> str:
    return cited_by_section(ctx, "concept", concept.id, skip=("case", "curriculum")).removeprefix("## Cité dans\n\n")


MORE_SECTIONS: tuple[tuple[str, str, Section], ...] = (
    (OTHER_DEFINITIONS, "autres-definitions", _other_definitions),
    ("Pour approfondir", "pour-approfondir", _body),
    ("Notions voisines", "notions-voisines", _neighbours),
    ("Traits de comparaison", "traits-de-comparaison", _traits),
    ("Cas et encadrés", "cas-et-encadres", _cases),
    ("Dans les référentiels", "dans-les-referentiels", _competencies),
    ("Sources", "sources", _sources),
    ("Testez-vous", "testez-vous", _quiz),
    ("Cité dans", "cite-dans", _cited_by),
)
