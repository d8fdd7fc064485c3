"""« Testez-vous » and the competency packs: questions of the bank (`partenariat.derive.questions`).

Without JavaScript each question is an admonition with its options and a closed « Voir la
réponse » block: it works offline, without a server, and prints. `quiz.js` turns each one
into a group of radio buttons (the block's `data-right` is the index of the right option):
choose, check, read right or wrong with the source, and a score per page.
"""

from __future__ import annotations

from html import escape

from partenariat.data.models import Concept, Curriculum
from partenariat.derive import addresses
from partenariat.derive.questions import Competency, Question, corpus_questions_for, page_bank
from partenariat.render.common import Context, front_matter, md_inline
from partenariat.render.compare import cards, definition_card

# On a concept page: at most this many questions of each kind, in this order.
PAGE_QUOTA = {"auteur": 2, "notion": 1, "relation": 2, "texte": 1}


def _markdown_text(text: str) -> str:
    """Plain text of the bank, safe in Markdown: no emphasis, link or HTML is read in it."""
    return md_inline(text).replace("*", "\\*").replace("_", "\\_")


LETTERS = "abcdefghij"


def option_label(index: int, option: str) -> str:
    """« b) Corinne Merini »: an option as lettered on the page, the printed sheet and its key."""
    return f"{LETTERS[index]}) {option}"


def question_block(ctx: Context, question: Question, number: int | None = None) -> str:
    """One question, styled as an admonition: the prompt (numbered in a pack), the quotation,
    the lettered options, then the answer with its source in a closed block. Written as HTML
    with `markdown` blocks (not `!!!`) so that the right option's index can ride on the block,
    unindented."""
    body = f"> « {_markdown_text(question.quote)} »\n\n" if question.quote else ""
    body += "\n".join(f"- {_markdown_text(option_label(n, o))}" for n, o in enumerate(question.options)) + "\n\n"
    answer = (f"**{_markdown_text(option_label(question.answer_index, question.right))}**. "
              f"{_markdown_text(question.explanation)} {ctx.link(*question.source, label='Voir la source')}.")
    prompt = f"{number}. {question.prompt}" if number else question.prompt
    return (f'<div class="admonition question pkb-question" data-right="{question.answer_index}" markdown>\n'
            f'<p class="admonition-title">{escape(prompt, quote=False)}</p>\n\n{body}'
            '<details class="success" markdown>\n<summary>Voir la réponse</summary>\n\n'
            f"{answer}\n\n</details>\n\n</div>\n")


def quiz_block(ctx: Context, questions: list[Question], numbered: bool = False) -> str:
    """The questions of a page, in a block quiz.js equips (score, answer buttons)."""
    if not questions:
        return ""
    blocks = "\n".join(question_block(ctx, q, n if numbered else None) for n, q in enumerate(questions, 1))
    # data-search-exclude: the distractors (other authors, other acronyms' expansions) must not
    # make this page an answer to a search for them
    sheet = " pkb-sheet" if numbered else ""
    return f'<div class="pkb-quiz{sheet}" data-search-exclude markdown>\n\n{blocks}\n</div>\n'


def answer_key(questions: list[Question]) -> str:
    """The printed sheet's key, on its own last pages: number, lettered right option, and the
    explanation with its source. Plain HTML (no heading in the page's table of contents);
    print only (the screen shows each answer under its question)."""
    items = "".join(f"<li><strong>{escape(option_label(q.answer_index, q.right), quote=False)}</strong>. "
                    f"{escape(q.explanation, quote=False)}</li>" for q in questions)
    return (f'<section class="pkb-answer-key" aria-hidden="true">\n<h2>Corrigé</h2>\n<ol>{items}</ol>\n'
            "</section>\n")


def page_questions(ctx: Context, concept: Concept) -> list[Question]:
    bank = page_bank(ctx.corpus, ("concept", concept.id))
    chosen: list[Question] = []
    for kind, quota in PAGE_QUOTA.items():
        chosen.extend([q for q in bank if q.kind == kind][:quota])
    return chosen


def quiz_section(ctx: Context, concept: Concept) -> str:
    block = quiz_block(ctx, page_questions(ctx, concept))
    return "## Testez-vous\n\n" + block if block else ""


# --- competency packs --------------------------------------------------------------------


def competency_pack_path(competency: Competency) -> str:
    """docs-relative path of a pack: beside its curriculum's page (`referentiels/bts-esf/c4-1.md`)."""
    return addresses.pack_path(competency.curriculum, competency.anchor)


def pack_files(competency: Competency) -> dict[str, str]:
    """Format → site-relative path of the question files of one competency."""
    return addresses.pack_question_files(competency.curriculum, competency.anchor)


def _fiche(ctx: Context, concept: Concept) -> str:
    """A notion in short: summary, two definitions, what not to confuse it with."""
    out = [f"### {md_inline(concept.term)}\n", ctx.text(concept.summary) + "\n"]
    if concept.definitions:
        first = sorted(concept.definitions, key=lambda d: not d.is_definition)[:2]  # definitions before remarks
        out.append(cards([definition_card(ctx, d, with_comment=False) for d in first],
                         " pkb-definitions"))
    confusions = [ctx.link("concept", r.concept) for r in concept.related if r.relation in ("distinct-de", "s-oppose-a")]
    if confusions:
        out.append("*Ne pas confondre avec* : " + ", ".join(confusions) + ".\n")
    out.append(f"{ctx.link('concept', concept.id, 'Fiche complète')}.\n")
    return "\n".join(out)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("s" if n > 1 else "")


def pack_heading(curriculum: Curriculum, competency: Competency) -> str:
    """« BTS ESF C4.1 », or « DE CESF — Se concerter avec les partenaires » for an item without a code."""
    return f"{curriculum.short} {competency.code}" if competency.code else f"{curriculum.short} — {competency.label}"


def render_pack(ctx: Context, competency: Competency) -> str:
    """One page per competency: on screen, the fiches of its notions and its self-test; printed,
    an exercise sheet (numbered questions without their answers, then the key on its own pages)."""
    deep = ctx.with_prefix("../../")  # two folders deep: referentiels/<id>/<anchor>.md
    curriculum = ctx.entity("curriculum", competency.curriculum)
    assert isinstance(curriculum, Curriculum)
    questions = corpus_questions_for(ctx.corpus, competency.concepts)
    files = pack_files(competency)
    name = files["xml"].rsplit("/", 1)[1]
    gift_name = files["gift"].rsplit("/", 1)[1]
    heading = pack_heading(curriculum, competency)
    # out of the search index: a code typed in the search box goes to the curriculum page
    header = front_matter(f"{heading} : fiches et questions",
                          f"Fiches des notions et questions d'autoévaluation de la compétence {competency.title}.",
                          search_exclude=True)
    out = [header, f"# {_markdown_text(heading)} : fiches et questions\n"]
    if competency.code:
        out.append(f"**{_markdown_text(competency.label)}**\n")
    out += [f"{_count(len(competency.concepts), 'notion')} que la compétence mobilise, en fiches courtes, puis "
            f"{_count(len(questions), 'question')} pour s'entraîner "
            f"({deep.link('curriculum', curriculum.id, 'la compétence dans le référentiel', competency.anchor)}).\n"
            "{: .pkb-sheet-about }\n",
            '<button type="button" class="md-button pkb-print" hidden>Imprimer la feuille d\'exercices</button>\n',
            '<p class="pkb-sheet-about">Imprimée, la page devient une feuille d\'exercices : les questions '
            "numérotées sans leurs réponses, puis le corrigé et ses sources sur les dernières pages. Les fiches "
            "des notions ne s'impriment pas avec elle : chaque notion a sa fiche à imprimer.</p>\n",
            f"*Questions pour Moodle* : [XML Moodle]({name}) · [GIFT]({gift_name}) "
            "(Banque de questions › Importer).\n{: .pkb-sheet-about }\n",
            '<div class="pkb-pack-notions" markdown>\n\n## Les notions\n']
    for concept_id in competency.concepts:
        out.append(_fiche(deep, ctx.corpus.one_of("concept", concept_id, Concept)))
    out.append("</div>\n")
    if questions:
        out.append("## Questions\n")
        out.append('<p class="pkb-sheet-note">Pour chaque question, entourez la bonne réponse. '
                   "Le corrigé est à la fin.</p>\n")
        out.append(quiz_block(deep, questions, numbered=True))
        out.append(answer_key(questions))
    return "\n".join(out)
