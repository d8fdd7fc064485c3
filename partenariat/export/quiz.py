"""The question bank for Moodle (XML and GIFT) and flashcards for Anki.

Moodle XML follows the `<quiz>` format of Moodle's question import (question/format/xml):
a `<question type="category">` sets the category of the questions after it (`$course$/top/…`,
a `/` inside a name is doubled); a `multichoice` question with `<single>true</single>` has
one `<answer fraction="100">` and the others at 0, each with its feedback, and a general
feedback that cites the source. GIFT says the same in text: `$CATEGORY:` lines,
`::name::[html]text{=right#feedback ~wrong#feedback ####general feedback}`, with
`~ = # { } :` and `\\` escaped by a backslash.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import lru_cache
from html import escape

from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.models import Acronym, Author, Concept, Source
from partenariat.derive.core import sort_key
from partenariat.derive.questions import KINDS, Competency, Question, person_label
from partenariat.export.common import SITE_TITLE, entry_address, plain_text, work_title_html, xml_document
from partenariat.export.spreadsheet import FORMULA_STARTS, csv_cell

ROOT_CATEGORY = "$course$/top/Partenariat dans le travail social"
RIGHT_FEEDBACK = "Bonne réponse."
GIFT_SPECIAL = "\\~=#{}:"


def kind_category(kind: str) -> str:
    return f"{ROOT_CATEGORY}/Par type de question/{category_name(KINDS[kind])}"


def competency_category(curriculum_short: str, competency: Competency, with_section: bool = False) -> str:
    """`…/Par compétence/<curriculum>/[<section>/]<code — label>`: the section (an activity)
    belongs in the path when the curriculum repeats a code from one section to the next."""
    section = f"{category_name(competency.section)}/" if with_section and competency.section else ""
    return f"{ROOT_CATEGORY}/Par compétence/{category_name(curriculum_short)}/{section}{category_name(competency.title)}"


def competency_categories(shorts: dict[str, str], competencies: Iterable[Competency]) -> dict[Competency, str]:
    """One Moodle category per competency, as its curriculum defines it. Moodle merges every
    question of two equal paths into one category, so a curriculum that repeats a code
    (Bac pro SPVL: « C 4 » in four activities) puts the section in every path, and a path that
    would still be shared gets the competency's anchor."""
    listed = list(competencies)
    codes: dict[str, list[str]] = {}
    for c in listed:
        if c.code:
            codes.setdefault(c.curriculum, []).append(c.code)
    repeated = {cid for cid, found in codes.items() if len(found) != len(set(found))}
    paths = {c: competency_category(shorts[c.curriculum], c, c.curriculum in repeated) for c in listed}
    shared = {p for p in paths.values() if list(paths.values()).count(p) > 1}
    return {c: f"{p} ({c.anchor})" if p in shared else p for c, p in paths.items()}


def category_name(name: str) -> str:
    """Moodle splits category paths on '/', and reads '//' as a slash inside a name."""
    return " ".join(name.split()).replace("/", "//")


def by_kind(bank: Iterable[Question]) -> list[tuple[str, list[Question]]]:
    """(category path, questions) for each kind of the bank, in the order of KINDS."""
    questions = list(bank)
    return [(kind_category(k), [q for q in questions if q.kind == k]) for k in KINDS
            if any(q.kind == k for q in questions)]


# --- shared text ---------------------------------------------------------------------


def question_html(question: Question) -> str:
    html = f"<p>{escape(question.prompt, quote=False)}</p>"
    if question.quote:
        html += f"<blockquote><p>« {escape(question.quote, quote=False)} »</p></blockquote>"
    return html


def general_feedback_html(question: Question, base_url: str = "") -> str:
    html = f"<p>{escape(question.explanation, quote=False)}</p>"
    if base_url:
        href = escape(entry_address(*question.page, base_url=base_url))
        html += f'<p><a href="{href}">Voir la fiche sur le site</a></p>'
    return html


def wrong_feedback(question: Question) -> str:
    return f"Non : la bonne réponse est « {question.right} »."


# --- Moodle XML ----------------------------------------------------------------------


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _category(quiz: ET.Element, path: str) -> None:
    element = ET.SubElement(quiz, "question", {"type": "category"})
    category = ET.SubElement(element, "category")
    ET.SubElement(category, "text").text = path
    _text(element, "info", "")


def _multichoice(quiz: ET.Element, question: Question, base_url: str) -> None:
    element = ET.SubElement(quiz, "question", {"type": "multichoice"})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question.id
    _text(element, "questiontext", question_html(question))
    _text(element, "generalfeedback", general_feedback_html(question, base_url))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"), ("idnumber", question.id),
                       ("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc"),
                       ("showstandardinstruction", "0")):
        ET.SubElement(element, tag).text = value
    _text(element, "correctfeedback", f"<p>{RIGHT_FEEDBACK}</p>")
    _text(element, "partiallycorrectfeedback", "")
    _text(element, "incorrectfeedback", f"<p>{escape(wrong_feedback(question), quote=False)}</p>")
    for option in question.options:
        right = option == question.right
        answer = ET.SubElement(element, "answer", {"fraction": "100" if right else "0", "format": "html"})
        ET.SubElement(answer, "text").text = escape(option, quote=False)
        feedback = RIGHT_FEEDBACK if right else wrong_feedback(question)
        _text(answer, "feedback", f"<p>{escape(feedback, quote=False)}</p>")


def _origin(publisher: str | None) -> str:
    """« Questions générées depuis « Site » (publié par X) »: where the file comes from."""
    return f"Questions générées depuis « {SITE_TITLE} »" + (f" (publié par {publisher})" if publisher else "")


@lru_cache(maxsize=8192)
def _multichoice_element(question: Question, base_url: str) -> ET.Element:
    """A question's element, built once: the same question is in the whole bank, its curriculum's
    file and its competencies' files (ElementTree lets one element sit in several documents;
    `ET.indent` sets its spacing again before each file is written)."""
    holder = ET.Element("quiz")
    _multichoice(holder, question, base_url)
    return holder[0]


def moodle_quiz_xml(groups: Iterable[tuple[str, list[Question]]], base_url: str = "",
                    publisher: str | None = None) -> str:
    """A Moodle XML question file: each group is (category path, its questions)."""
    quiz = ET.Element("quiz")
    origin = _origin(publisher).replace("--", "- -")  # an XML comment holds no « -- »
    quiz.append(ET.Comment(f" {origin} : Banque de questions > Importer > format XML Moodle "))
    for path, questions in groups:
        _category(quiz, path)
        for question in questions:
            quiz.append(_multichoice_element(question, base_url))
    return xml_document(quiz)


# --- GIFT ----------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    """GIFT text: one line, its special characters (and the backslash) escaped."""
    line = " ".join(text.split())
    return "".join("\\" + ch if ch in GIFT_SPECIAL else ch for ch in line)


@lru_cache(maxsize=8192)  # a question is written in several files (see _multichoice_element)
def gift_question(question: Question, base_url: str = "") -> str:
    answers = []
    for option in question.options:
        right = option == question.right
        feedback = RIGHT_FEEDBACK if right else wrong_feedback(question)
        mark = "=" if right else "~"
        answers.append(f"\t{mark}{gift_escape(escape(option, quote=False))}#{gift_escape(escape(feedback, quote=False))}")
    answers.append(f"\t####{gift_escape(general_feedback_html(question, base_url))}")
    return (f"::{gift_escape(question.id)}::[html]{gift_escape(question_html(question))}" + " {\n"
            + "\n".join(answers) + "\n}\n")


def gift(groups: Iterable[tuple[str, list[Question]]], base_url: str = "", publisher: str | None = None) -> str:
    """A GIFT file (Banque de questions > Importer > format GIFT), UTF-8."""
    origin = " ".join(_origin(publisher).split())  # one comment line
    parts = [f"// {origin}. Import : Banque de questions > Importer > GIFT.\n"]
    for path, questions in groups:
        parts.append(f"$CATEGORY: {path}\n")
        parts.extend(gift_question(q, base_url) for q in questions)
    return "\n".join(parts)


# --- Anki ----------------------------------------------------------------------------

ANKI_HEADER = "#separator:Semicolon\n#html:true\n#columns:Recto;Verso;Étiquettes\n#tags column:3\n"


def _definition_back(corpus: Corpus, concept: Concept) -> str:
    back = f"<p>{escape(plain_text(corpus, concept.summary), quote=False)}</p>"
    defining = [d for d in concept.definitions if d.is_definition]
    if defining:
        d = defining[0]
        source = corpus.one_of("source", d.source, Source)
        ids = [d.author] if d.author else source.authors
        who = ", ".join(person_label(corpus.one_of("author", a, Author)) for a in ids)
        credit = ", ".join(p for p in (escape(who, quote=False), work_title_html(corpus, source, "i")) if p)
        back += (f"<blockquote>« {escape(' '.join(d.quote.split()), quote=False)} »</blockquote>"
                 f"<p>— {credit}</p>")
    return back


def _acronym_back(corpus: Corpus, entry: Acronym) -> str:
    back = f"<p><b>{escape(entry.shown_expansion, quote=False)}</b></p>"
    if entry.ended:
        back += f"<p><i>{escape(entry.ended.sentence(), quote=False)}</i></p>"
    if entry.description:
        back += f"<p>{escape(plain_text(corpus, entry.description), quote=False)}</p>"
    if entry.other_meanings:
        back += f"<p><i>{escape(entry.other_meanings_note, quote=False)}</i></p>"
    return back


def anki_cards(corpus: Corpus) -> list[tuple[str, str, str, str]]:
    """(key, front, back, tags) of every flashcard: the acronyms (sigle → développement) and the
    notions (terme → résumé et définition de référence, attribuée). The key names the entry
    (`sigle/cpom`), for a note that stays the same note when its text changes."""
    cards = []
    acronyms: list[Acronym] = sorted(corpus.all_of("glossary", Acronym), key=lambda e: sort_key(e.acronym))
    for entry in (a for a in acronyms if a.expansion):  # an undeveloped acronym has nothing to learn
        cards.append((f"sigle/{entry.id}", escape(entry.acronym, quote=False), _acronym_back(corpus, entry),
                      f"sigle {_tag(vocab.GLOSSARY_DOMAINS[entry.domain])}"))
    concepts: list[Concept] = sorted(corpus.all_of("concept", Concept), key=lambda c: sort_key(c.term))
    for concept in concepts:
        cards.append((f"notion/{concept.id}", escape(concept.term, quote=False), _definition_back(corpus, concept),
                      f"notion {_tag(vocab.CONCEPT_FAMILIES[concept.family])}"))
    return cards


def anki_csv(corpus: Corpus) -> str:
    """The flashcards for Anki (Fichier > Importer) and other tools: Anki reads the header lines
    (separator, HTML, columns, tags); UTF-8 without byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    for _, front, back, tags in anki_cards(corpus):
        writer.writerow([anki_cell(front), anki_cell(back), csv_cell(tags)])
    return ANKI_HEADER + buffer.getvalue()


def anki_cell(html: str) -> str:
    """An HTML cell (front or back of a card) that a spreadsheet opening the file reads as text:
    a first character that would start a formula (= + - @ tab CR) is written as its character
    reference, which Anki shows as the character itself."""
    return f"&#{ord(html[0])};{html[1:]}" if html.startswith(FORMULA_STARTS) else html


def _tag(label: str) -> str:
    """Anki tags are separated by spaces: 'Action sociale' → 'Action_sociale'."""
    return "_".join(label.replace("'", " ").split())
