"""The question bank and its exports: one right answer per question, distractors that are
verified wrong (never a co-author, never another right answer, never a notion or law the
seeds set beside the answer), stems that neither hold the answer nor lack an elision, only
definitions asked as definitions, Moodle XML and GIFT files that parse and say the same, Anki
flashcards, competency packs, and the self-test answered with the keyboard in Chromium."""

from __future__ import annotations

import copy
import csv
import dataclasses
import html
import io
import json
import re
import sqlite3
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from lxml import etree

from browser import chromium
from conftest import real_corpus
from moodle_import import Bank, category_of, import_files, import_gift, import_xml
from partenariat.base.folding import fold
from partenariat.base.french import fill, missing_elisions
from partenariat.data.models import Acronym, Definition, Group, Relation, Source
from partenariat.derive.addresses import curriculum_question_files
from partenariat.derive.questions import (
    KINDS,
    Facts,
    Question,
    answer_form,
    build_questions,
    competencies,
    questions_for,
    revealing_words,
    right_options,
)
from partenariat.export import ANKI_FILE, QUESTION_FILES, build_exports, question_exports
from partenariat.export.quiz import gift, gift_question, moodle_quiz_xml
from partenariat.render.curriculum import anchor_map, walk_items
from partenariat.render.pages import build_pages
from partenariat.render.quiz import competency_pack_path, pack_files

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():  # noqa: ANN201
    return real_corpus()


@pytest.fixture(scope="module")
def bank(corpus) -> list[Question]:  # noqa: ANN001
    return build_questions(corpus)


@pytest.fixture(scope="module")
def exports(corpus) -> dict[str, str]:  # noqa: ANN001
    return {f.path: f.content for f in build_exports(corpus)}


# --- a small GIFT reader (Moodle's format: ::name::[format]text{=right#fb ~wrong#fb ####general}) ---

def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split ``text`` before every unescaped character of ``marks``: [(mark, piece)]."""
    parts, mark, piece, i = [], "", "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            piece += text[i:i + 2]
            i += 2
            continue
        if text.startswith("####", i) and "#" in marks:
            parts.append((mark, piece))
            mark, piece, i = "####", "", i + 4
            continue
        if ch in marks:
            parts.append((mark, piece))
            mark, piece = ch, ""
        else:
            piece += ch
        i += 1
    parts.append((mark, piece))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def parse_gift(text: str) -> list[dict[str, object]]:
    """Questions of a GIFT file: name, category, text, answers [(is_right, text, feedback)], general feedback."""
    questions, category = [], ""
    blocks = re.split(r"\n\s*\n", "\n".join(line for line in text.splitlines() if not line.startswith("//")))
    for block in blocks:
        block = block.strip()
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:"):].strip()
            continue
        if not block:
            continue
        match = re.fullmatch(r"::((?:[^:\\]|\\.)*)::(\[\w+\])?((?:[^{\\]|\\.)*)\{((?:[^}\\]|\\.)*)\}", block, re.S)
        assert match, f"not a GIFT question: {block[:200]}"
        answers, general = [], ""
        for mark, piece in _split_unescaped(match.group(4), "=~#"):
            if mark in "=~" and mark:
                answers.append([mark == "=", _unescape(piece), ""])
            elif mark == "#":
                answers[-1][2] = _unescape(piece)
            elif mark == "####":
                general = _unescape(piece)
            else:
                assert not piece.strip(), f"text before the first answer: {piece!r}"
        questions.append({"name": _unescape(match.group(1)), "category": category, "format": match.group(2),
                          "text": _unescape(match.group(3)), "answers": answers, "general": general})
    return questions


def parse_moodle(text: str) -> list[dict[str, object]]:
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    questions, category = [], ""
    for q in root.iter("question"):
        if q.get("type") == "category":
            category = q.findtext("category/text")
            continue
        assert q.get("type") == "multichoice"
        answers = [[float(a.get("fraction")) == 100, html.unescape(a.findtext("text")),
                    a.findtext("feedback/text")] for a in q.findall("answer")]
        questions.append({"name": q.findtext("name/text"), "category": category, "single": q.findtext("single"),
                          "text": q.findtext("questiontext/text"), "answers": answers,
                          "general": q.findtext("generalfeedback/text"),
                          "fractions": [a.get("fraction") for a in q.findall("answer")]})
    return questions


# --- the bank ----------------------------------------------------------------------------

def test_the_bank_has_every_kind_and_enough_questions(bank: list[Question]) -> None:
    kinds = {q.kind for q in bank}
    assert kinds == set(KINDS)
    assert len(bank) >= 100
    assert len({q.id for q in bank}) == len(bank)  # stable ids, one per question


# --- the generator's rules, question by question ------------------------------------------

CORPUS = real_corpus()
BANK = build_questions(CORPUS)
FACTS = Facts(CORPUS)


def _by_id(question: Question) -> str:
    return question.id


@pytest.mark.parametrize("question", BANK, ids=_by_id)
def test_each_question_has_exactly_one_right_option(question: Question) -> None:
    options = [o.casefold() for o in question.options]
    assert right_options(FACTS, question) == [question.right]
    assert len(set(options)) == len(options) and len(question.distractors) >= 2


@pytest.mark.parametrize("question", BANK, ids=_by_id)
def test_no_stem_or_quotation_holds_the_answer(question: Question) -> None:
    """Not the answer's words, nor their plural, feminine or unaccented forms, unless every
    option shares them (« Niveau minimal » beside « Niveau maximal »)."""
    assert revealing_words(f"{question.prompt} {question.quote}", question.right, question.distractors) == set()


def _groups() -> list[tuple[str, Group]]:
    return [(s.id, g) for s in CORPUS.all_of("source", Source) for g in s.groups]


def _member_labels(group: Group) -> set[str]:
    """The labels options give the members of a source's group (terms, short titles, names)."""
    from partenariat.derive.questions import legal_label, person_label

    labels = {answer_form(FACTS.concept(c).term) for c in group.concepts}
    labels |= {answer_form(legal_label(t)) for t in FACTS.legal_texts if t.id in group.legal}
    labels |= {answer_form(person_label(FACTS.author(a))) for a in group.authors}
    return labels


@pytest.mark.parametrize("question", BANK, ids=_by_id)
def test_no_distractor_comes_from_the_answers_group(question: Question) -> None:
    """Read from the sources' groups directly: what a source presents together with the right
    answer (Chauffaut's three levels, Béhar's three territories, the laws of 004:469) is never
    offered as wrong."""
    right = answer_form(question.right)
    for source_id, group in _groups():
        members = _member_labels(group)
        if right in members:
            wrong = [d for d in question.distractors if answer_form(d) in members]
            assert wrong == [], f"{source_id}: « {group.label} »"


def test_the_sources_group_what_the_review_found_offered_as_wrong() -> None:
    """The sets of the review (content-2026-12.md, A) are in the data."""
    groups = [_member_labels(g) for _, g in _groups()]
    for together in (["Niveau opérationnel", "Niveau décisionnel", "Niveau politique"],
                     ["Territoires politiques", "Territoires administratifs", "Territoires pertinents"],
                     ["Ontologie additive", "Ontologie compensatoire", "Ontologie autonomiste"],
                     ["Épreuve civique", "Épreuve industrielle", "Épreuve domestique"],
                     ["Partenariat minimal", "Partenariat intermédiaire", "Partenariat maximal"],
                     ["Lois de décentralisation", "Loi Besson", "Pacte de relance pour la ville",
                      "Loi de lutte contre les exclusions"]):
        assert any({answer_form(t) for t in together} <= g for g in groups), together


@pytest.mark.parametrize("question", BANK, ids=_by_id)
def test_every_generated_sentence_is_elided(question: Question) -> None:
    assert missing_elisions(question.prompt) == []
    assert missing_elisions(question.explanation) == []


def _quotation(question: Question) -> Definition:
    concept = FACTS.concept(question.page[1])
    return concept.definitions[int(question.id.rsplit("-", 1)[1]) - 1]


@pytest.mark.parametrize("question", [q for q in BANK if q.kind in ("auteur", "notion")], ids=_by_id)
def test_only_a_definition_is_asked_as_one(question: Question) -> None:
    d = _quotation(question)
    assert " ".join(d.quote.split()) == question.quote
    assert d.kind == "definition" and d.legal is None


@pytest.mark.parametrize("question", [q for q in BANK if q.kind == "relation"], ids=_by_id)
def test_a_relation_is_cited_with_its_own_source(question: Question) -> None:
    subject, relation = question.key.split("|")
    [r] = [r for r in FACTS.concept(subject).related
           if r.relation == relation and FACTS.concept(r.concept).term == question.right]
    assert r.source and question.source == ("source", r.source)
    assert fold(FACTS.source(r.source).title or "")[:30] in fold(question.explanation)


def _initial(text: str) -> str:
    return fold(text)[:1].casefold()


SIGLES = [q for q in BANK if q.kind == "sigle"]


@pytest.mark.parametrize("question", SIGLES, ids=_by_id)
def test_an_acronyms_initial_does_not_give_its_expansion_away(question: Question) -> None:
    """The right expansion is not the only option starting with the acronym's letter, when
    the glossary has another expansion starting with it."""
    letter = _initial(question.prompt.removeprefix("Que signifie le sigle "))
    others = {a.expansion for a in FACTS.acronyms if a.expansion and _initial(a.expansion) == letter
              and answer_form(a.expansion) != answer_form(question.right)}
    if _initial(question.right) == letter and others:
        assert any(_initial(d) == letter for d in question.distractors), question.options


def test_most_acronym_questions_offer_look_alike_distractors() -> None:
    alike = [q for q in SIGLES if sum(_initial(o) == _initial(q.right) for o in q.options) >= 3]
    assert len(alike) >= 0.8 * len(SIGLES)


@pytest.mark.parametrize("question", SIGLES, ids=_by_id)
def test_a_distractor_shares_the_first_letter_of_the_expansion(question: Question) -> None:
    """Otherwise the answer is the option that stands out (« Zone urbaine sensible » among
    expansions that all start otherwise): 2L2S, HPST, QPV and ZUS in the first reading."""
    assert any(_initial(d) == _initial(question.right) for d in question.distractors), question.options


def test_acronyms_without_a_look_alike_are_not_asked() -> None:
    """QPV and ZUS: no other expansion of the glossary starts with Q or Z."""
    ids = {q.id for q in SIGLES}
    for entry in FACTS.acronyms:
        if entry.expansion and entry.attested_in and not any(
                a.expansion and a.id != entry.id and _initial(a.expansion) == _initial(entry.expansion)
                for a in FACTS.acronyms):
            assert f"sigle-{entry.id}" not in ids
    assert "sigle-qpv" not in ids and "sigle-zus" not in ids


# The seed documents as the sources that are them (the acronyms' expansions are checked in their text).
SEED_FILES = {"anare-atelier-6-partenariat-pre": "000", "rencontres-partenariales-2018-synthese": "001",
              "grenoble-2006-atelier-2-partenariats-locaux": "002",
              "trepos-2017-modalites-principes-partenariat": "003", "rnrsms-2010-partenariat-travail-social": "004",
              "simondi-partenariat-travail-reseau": "004"}
SEEDS = REPO.parent / "shared" / "seeds"


def _words(text: str) -> str:
    """Comparison form: accents, case, punctuation, hyphens, plural and feminine endings off."""
    from partenariat.derive.questions import _stem

    return "".join(_stem(w) for w in re.findall(r"[a-z0-9]+", fold(text).casefold()))


@cache
def _seed_words(source_id: str) -> str:
    [path] = SEEDS.glob(f"{SEED_FILES[source_id]}_*.txt")
    return _words(path.read_text("utf-8"))


@pytest.mark.parametrize("question", SIGLES, ids=_by_id)
def test_a_sigle_cites_only_a_source_that_spells_out_its_expansion(question: Question) -> None:
    """The feedback's « Source » is a document whose text holds the expansion; an expansion
    from general knowledge says so, and the question then points to the glossary entry, whose
    `outside_seeds` says where it comes from."""
    entry = FACTS.corpus.get("glossary", question.page[1])
    if "Source :" in question.explanation:
        assert question.source == ("source", entry.expansion_source)
        assert _words(question.right) in _seed_words(entry.expansion_source)
    else:
        assert "Développement hors des documents sources" in question.explanation
        assert question.source == ("glossary", entry.id) and entry.outside_seeds


def test_an_expansion_source_holds_the_expansion() -> None:
    """Every acronym's `expansion_source` is checked in the seed's text, not only those asked;
    and an expansion that one of its sources writes out (even without the acronym: « services
    d'accompagnement à la vie sociale ») is not said to come from general knowledge."""
    for entry in FACTS.acronyms:
        if entry.expansion_source and entry.expansion:
            assert _words(entry.expansion) in _seed_words(entry.expansion_source), entry.id
        elif entry.expansion:
            holding = [s for s in entry.attested_in if s in SEED_FILES and _words(entry.expansion) in _seed_words(s)]
            assert holding == [], f"{entry.id}: expansion_source: {holding[0]}"


def test_pap_does_not_cite_the_glossary_line_that_lumps_it_with_another_scheme() -> None:
    """001:217 glosses « PAI, PAP PPE, PPS PPA » with two expansions, neither PAP's."""
    [question] = [q for q in SIGLES if q.id == "sigle-pap"]
    assert "Source :" not in question.explanation and question.source == ("glossary", "pap")


# --- distractors varied across the bank -------------------------------------------------------


def _eligible(kind: str, option: str) -> int:
    """In how many questions of ``kind`` the data makes ``option`` a valid distractor."""
    from partenariat.derive.questions import plainly_wrong

    return sum(1 for q in BANK if q.kind == kind and answer_form(q.right) != answer_form(option)
               and plainly_wrong(FACTS, q, option))


ROTATED = [k for k in KINDS if k != "niveau"]  # niveau: every question shows the whole scale of three


@pytest.mark.parametrize("kind", ROTATED)
def test_no_option_is_a_distractor_in_more_than_a_quarter_of_the_questions_it_could_serve(kind: str) -> None:
    """« Mécénat » was a distractor in 16 of 28 relation questions, the same two laws the only
    distractors of 14 of 29 texte questions: a student answered by elimination."""
    used = Counter(d for q in BANK if q.kind == kind for d in q.distractors)
    for option, count in used.items():
        eligible = _eligible(kind, option)
        assert count <= max(1, 0.25 * eligible), (option, count, eligible)


@pytest.mark.parametrize("kind", ROTATED)
def test_no_two_questions_of_a_kind_share_their_distractors(kind: str) -> None:
    sets = Counter(frozenset(q.distractors) for q in BANK if q.kind == kind)
    assert [sorted(s) for s, n in sets.items() if n > 1] == []


def test_a_level_question_shows_the_whole_scale() -> None:
    from partenariat.data import vocab

    for q in (q for q in BANK if q.kind == "niveau"):
        assert sorted(q.options) == sorted(vocab.PARTNERSHIP_LEVELS.values())


RELATIONS = [q for q in BANK if q.kind == "relation"]


def _relation(question: Question) -> Relation:
    subject, relation = question.key.split("|")
    [r] = [r for r in FACTS.concept(subject).related
           if r.relation == relation and FACTS.concept(r.concept).term == question.right]
    return r


def test_no_option_is_right_in_one_relation_question_and_wrong_in_another() -> None:
    """Two stems « D'après X, A est un outil de quelle notion ? » and « D'après X, B est un
    outil de quelle notion ? » (same source and relation, or A and B presented together by a
    source) never mark wrong in one what they mark right in the other: « Compétence
    distribuée », right for Secret partagé (003:96), was wrong for Charte de confidentialité."""
    for right in RELATIONS:
        subject, relation = right.key.split("|")
        mates = FACTS.group_mates("concept", {subject})
        for other in RELATIONS:
            other_subject, other_relation = other.key.split("|")
            if other is right or other_relation != relation:
                continue
            if other.source == right.source or other_subject in mates:
                assert right.right not in other.distractors, (right.id, other.id)


def test_trepos_is_not_credited_with_a_confidentiality_charter() -> None:
    """Trépos speaks of charters in general (003:96, 003:267), not of a confidentiality charter."""
    charte = FACTS.concept("charte-de-confidentialite")
    assert not [r for r in charte.related
                if r.source == "trepos-2017-modalites-principes-partenariat" and r.relation != "associe-a"]
    assert not [q.id for q in RELATIONS if q.key.startswith("charte-de-confidentialite|")
                and q.source == ("source", "trepos-2017-modalites-principes-partenariat")]


# --- wording --------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", RELATIONS, ids=_by_id)
def test_a_relations_feedback_names_the_other_notion_as_a_notion(question: Question) -> None:
    """« est une étape de la notion de « Continuum… » », not a bare label used as a name."""
    from partenariat.derive.core import relation_phrase

    other = fill("la notion de {term}", term=f"« {question.right} »")
    assert f"{relation_phrase(_relation(question))} {other}" in question.explanation


@pytest.mark.parametrize("question", RELATIONS, ids=_by_id)
def test_a_relation_keeps_the_sources_distance_and_scope(question: Question) -> None:
    """Béhar reports an injunction (« Il y aurait un « optimum territorial » », 004:429);
    Lahary distinguishes transversality from the « public-public » partnership (004:191)."""
    r = _relation(question)
    assert question.prompt.startswith("Selon ce que rapporte") == r.reported
    assert (" serait " in question.prompt or "rait " in question.prompt) == r.reported
    if r.scope:
        assert f"« {r.scope} »" in question.prompt and f"« {r.scope} »" in question.explanation


def test_behar_and_lahary_keep_their_words() -> None:
    by_id = {q.id: q for q in RELATIONS}
    behar = by_id["relation-optimum-territorial-condition-de"]
    assert behar.prompt == ("Selon ce que rapporte Daniel Béhar, « Optimum territorial » serait une condition "
                            "de quelle notion ?")
    assert "« public-public »" in by_id["relation-transversalite-distinct-de"].prompt


@pytest.mark.parametrize("question", [q for q in BANK if q.kind == "auteur"], ids=_by_id)
def test_an_authors_feedback_gives_a_bodys_name_its_article(question: Question) -> None:
    """« par les Acteurs du plan départemental… », « par la Commission de terminologie… »."""
    from partenariat.base.french import with_article

    assert fill("par {who}", who=with_article(question.right)) in question.explanation
    assert "cité par" not in question.explanation  # « rapportée par »: agrees with « définition »


@pytest.mark.parametrize("question", [q for q in BANK if q.kind == "notion"], ids=_by_id)
def test_a_notion_stem_does_not_say_definition_twice(question: Question) -> None:
    assert not re.search(r"\bdéfinit\b", question.prompt) and question.prompt.startswith("À quelle notion se rapporte")


TEXTES = [q for q in BANK if q.kind == "texte"]


@pytest.mark.parametrize("question", TEXTES, ids=_by_id)
def test_a_legal_feedback_says_no_more_than_the_stem_and_names_articles_number_first(question: Question) -> None:
    """« l'article L. 312-6 du CASF », not « l'article CASF L. 312-6 »; an article « a donné
    sa rédaction » (art. 20 rewrote L. 312-6, art. 84 inserted the chapter holding L. 6321-1),
    it did not « become » the codified article."""
    for text in (question.prompt, question.explanation):
        assert not re.search(r"article [A-Z]{2,} L\.", text), text
    assert "est devenu" not in question.explanation


@pytest.mark.parametrize("question", TEXTES, ids=_by_id)
def test_a_dated_title_is_not_followed_by_another_year(question: Question) -> None:
    """« « Ordonnances Juppé de 1996 » (1996) », « « Plan … 2007-2012 » (2006) »."""
    for title, year in re.findall(r"« (.*?) » \((\d{4})\)", question.explanation):
        assert not re.search(r"\b(1[89]|20)\d\d\b", title), (title, year)


def test_codified_articles_are_named_number_first() -> None:
    from partenariat.derive.questions import code_article

    assert code_article("CASF L. 312-6") == "L. 312-6 du CASF"
    assert code_article("CSP L. 6321-1") == "L. 6321-1 du CSP"


QUOTED = [q for q in BANK if q.quote]
# Slips of the seeds kept in quotations: each is followed by « [sic] » (003:116, 004:257, 001:177, 003:81).
SEED_SLIPS = ("permet de redimensionnement", "rationnaliser", "émergeant", "l'aléas")
CONNECTORS = ("c'est-à-dire", "mais ", "en effet", "enfin", "donc ", "or ", "ainsi ", "par contre", "cependant",
              "pourtant", "de même", "par ailleurs", "d'ailleurs", "en outre")


@pytest.mark.parametrize("question", QUOTED, ids=_by_id)
def test_a_quotation_keeps_no_slip_unmarked(question: Question) -> None:
    for slip in SEED_SLIPS:
        at = question.quote.find(slip)
        if at >= 0:
            assert question.quote[at + len(slip):].startswith(" [sic]"), question.quote


@pytest.mark.parametrize("question", QUOTED, ids=_by_id)
def test_a_quotation_neither_opens_on_a_connector_nor_ends_on_what_it_leaves_out(question: Question) -> None:
    """« C'est-à-dire que… » (004:108) glosses what the student does not see; « On la trouve à
    deux niveaux. » (003:90) announces a list the quotation cuts."""
    quote = question.quote.casefold()
    assert not quote.startswith(CONNECTORS), question.quote
    assert not question.quote.rstrip().endswith(":")
    # the last sentence ends on the announcement of what follows in the source
    assert not re.search(r"\b((deux|trois|quatre|plusieurs) (niveaux|types|formes|étapes|temps)|suivante?s?)\W*$",
                         question.quote, re.IGNORECASE), question.quote


def test_chauvieres_panoplie_is_not_asked_as_a_definition() -> None:
    """Chauvière introduces partnership as « un élément de » the panoply (004:118): the panoply
    does not define partnership."""
    [d] = [d for d in FACTS.concept("partenariat").definitions if d.quote.startswith("panoplie des normes")]
    assert d.kind != "definition"
    assert not [q.id for q in QUOTED if q.quote.startswith("panoplie des normes")]


# --- the review's wrong facts, by name ------------------------------------------------------

PAGES = {p.path: p.markdown for p in build_pages(CORPUS)}


def _credit(markdown: str, d: Definition) -> str:
    """The line that credits a quotation on a page (« — Remarque de … »), without the dash."""
    after = markdown[markdown.index(f"« {' '.join(d.quote.split())} »"):]
    return re.search(r"\n\s*— (.*)", after).group(1)


LAHARY_PUBLIC_PUBLIC = "coopération volontaire entre organismes publics"  # 004:191


def test_laharys_public_public_definition_is_not_asked_as_public_private() -> None:
    assert [q.id for q in BANK if answer_form(q.quote) == LAHARY_PUBLIC_PUBLIC] == []
    ppp = FACTS.concept("partenariat-public-prive")
    [d] = [d for d in ppp.definitions if answer_form(d.quote) == LAHARY_PUBLIC_PUBLIC]
    assert d.kind != "definition"
    assert not any(r.relation in ("distinct-de", "s-oppose-a") and r.concept == "transversalite"
                   for r in ppp.related)
    assert not any(q.id.startswith("relation-partenariat-public-prive") and q.right == "Transversalité"
                   for q in BANK)


def _l6321_1() -> Definition:
    [d] = [d for d in FACTS.concept("reseau-de-sante").definitions
           if d.quote.startswith("Les réseaux de santé ont pour objet")]
    return d


def test_article_l6321_1_csp_is_credited_to_the_law_not_to_the_dossier() -> None:
    d = _l6321_1()
    assert (d.kind, d.legal, d.author) == ("texte-de-loi", "loi-2002-03-04-droits-malades", None)
    assert FACTS.definers(d) == []  # no one's definition
    assert not [q.id for q in BANK if answer_form(q.quote) == answer_form(d.quote)]
    credit = _credit(PAGES["concepts/reseau-de-sante.md"], d)
    assert credit.index("(../textes-juridiques/loi-2002-03-04-droits-malades.md)") < credit.index("cité par")
    assert "Réseau national de ressources en sciences médico-sociales" in credit.split("cité par", 1)[1]


def test_the_network_is_not_asserted_a_risk_of_the_paradoxical_injunction() -> None:
    """Hardy (004:329): injunctions come from work relations; the network may sharpen tensions."""
    assert ("reseau", "risque-de", "injonction-paradoxale") not in FACTS.relations
    assert ("injonction-paradoxale", "englobe", "reseau") not in FACTS.relations
    for q in BANK:
        assert not (q.key == "reseau|risque-de" and q.right == "Injonction paradoxale"), q.id
        assert "« Réseau » est un risque" not in q.explanation, q.id


# --- the rules, by mutation of the data -------------------------------------------------------

def _changed() -> object:
    return copy.deepcopy(CORPUS)


def test_a_remark_is_never_asked_as_a_definition() -> None:
    question = next(q for q in BANK if q.kind == "auteur")
    changed = _changed()
    d = changed.get("concept", question.page[1]).definitions[int(question.id.rsplit("-", 1)[1]) - 1]
    object.__setattr__(d, "kind", "remarque")
    ids = {q.id for q in build_questions(changed)}
    assert question.id not in ids and question.id.replace("auteur-", "notion-") not in ids


def test_a_group_of_the_data_takes_the_sibling_off_the_options() -> None:
    question = next(q for q in BANK if q.kind == "notion")
    sibling = question.distractors[0]
    changed = _changed()
    ids = [FACTS.term_ids[answer_form(t)].pop() for t in (question.right, sibling)]
    source = changed.get("source", question.source[1])
    source.groups.append(Group(label="mutation", concepts=ids))
    rebuilt = {q.id: q for q in build_questions(changed)}.get(question.id)
    assert rebuilt is None or sibling not in rebuilt.options


def test_a_law_cited_with_the_answer_is_not_offered_as_wrong() -> None:
    question = next(q for q in BANK if q.id.startswith("texte-article-"))
    other = question.distractors[0]
    changed = _changed()
    ids = [next(t.id for t in FACTS.legal_texts if answer_form(t.short_title or t.title) == answer_form(label))
           for label in (question.right, other)]
    changed.get("source", "rnrsms-2010-partenariat-travail-social").groups.append(Group(label="mutation", legal=ids))
    rebuilt = {q.id: q for q in build_questions(changed)}.get(question.id)
    assert rebuilt is None or other not in rebuilt.options


def test_a_relation_without_a_source_is_not_asked() -> None:
    question = next(q for q in BANK if q.kind == "relation")
    subject, relation = question.key.split("|")
    changed = _changed()
    for r in changed.get("concept", subject).related:
        if r.relation == relation:
            object.__setattr__(r, "source", None)
    assert question.id not in {q.id for q in build_questions(changed)}


def test_a_quotation_holding_an_inflection_of_its_notion_is_not_asked() -> None:
    """The review's cases: a plural, an adjective alone, an unaccented or feminine form."""
    cases = [("La modélisation est l'une des épreuves industrielles pour les dispositifs", "Épreuve industrielle"),
             ("minimal (un partenaire sollicite une prestation)", "Partenariat minimal"),
             ("Processus est aussi une ontologie de la temporalité", "Processus ascendant"),
             ("tout nous y pousse à notre stade de la modernité ?", "Modernité tardive"),
             ("des degrés variables d'exigence (seuils)", "Seuils d'exigence"),
             ("Le mot partenaire vient de l'anglais", "Partenariat"),
             ("des actions additives", "Ontologie additive"),
             ("Le travail en réseaux repose sur une dynamique d'acteurs", "Réseau"),
             ("des partenariats territoriaux", "Optimum territorial")]
    for text, answer in cases:
        assert revealing_words(text, answer, ["Cura", "Zonage"]), (text, answer)
    assert revealing_words("Quel niveau l'encadré illustre-t-il ?", "Niveau minimal",
                           ["Niveau maximal", "Niveau intermédiaire"]) == set()


# --- the pages say what a quotation is ----------------------------------------------------------


@pytest.mark.parametrize(("concept", "kind", "words"), [
    ("alterite", "remarque", "Remarque de [LAHARY Dominique]"),
    ("epreuve-civique", "question", "Question posée par [TRÉPOS Jean-Yves]"),
    ("culture-commune", "objectif", "Objectif cité par [FERAUD-HÀ-PHÃM Samuel]"),
    ("co-construction", "commentaire", "Commentaire en marge de [TRÉPOS Jean-Yves]"),
    ("institution-incertaine-du-partenariat", "presentation-editeur", "Présentation de l'éditeur"),
])
def test_a_concept_page_labels_what_is_not_a_definition(concept: str, kind: str, words: str) -> None:
    d = next(d for d in FACTS.concept(concept).definitions if d.kind == kind)
    credit = _credit(PAGES[f"concepts/{concept}.md"], d)
    assert credit.startswith(words), credit


def test_the_labels_are_elided_before_a_vowel_and_take_a_bodys_article() -> None:
    habitat = next(d for d in FACTS.concept("evaluation-du-partenariat").definitions if d.author == "habitat-formation")
    assert _credit(PAGES["concepts/evaluation-du-partenariat.md"], habitat).startswith("Remarque d'[Habitat Formation]")
    dossier = next(d for d in FACTS.concept("collaboration").definitions if d.kind == "remarque")
    assert _credit(PAGES["concepts/collaboration.md"], dossier).startswith("Remarque du [Réseau national")


def test_a_page_of_remarks_only_is_not_titled_definitions() -> None:
    assert all(d.kind != "definition" for d in FACTS.concept("alterite").definitions)
    assert "## Citations {#definitions}" in PAGES["concepts/alterite.md"]
    assert "Citer ce passage" in PAGES["concepts/alterite.md"]


def test_the_author_of_a_definition_has_no_co_author_among_the_distractors(corpus, bank: list[Question]) -> None:  # noqa: ANN001
    from partenariat.derive.questions import person_label

    for q in (q for q in bank if q.kind == "auteur"):
        source = corpus.get("source", q.source[1])
        involved = {person_label(corpus.get("author", a)) for a in [*source.authors, *source.editors]}
        assert not involved.intersection(q.distractors), q.id


def test_a_second_author_credited_with_the_same_quotation_is_never_a_distractor(corpus, bank) -> None:  # noqa: ANN001
    """Mutation: credit one distractor with the same quotation elsewhere; it becomes right, so
    the bank must drop it (and keep one right answer)."""
    from partenariat.derive.questions import person_label

    question = next(q for q in bank if q.kind == "auteur")
    by_label = {person_label(a): a.id for a in corpus.entities("author")}
    distractor = question.distractors[0]
    changed = copy.deepcopy(corpus)
    other = next(c for c in changed.entities("concept") if c.id != question.page[1])
    any_source = next(s.id for s in changed.entities("source"))
    # quoted as a remark elsewhere: still the same quotation, now credited to a second speaker
    other.definitions.append(Definition(source=any_source, author=by_label[distractor], quote=question.quote,
                                        kind="remarque"))
    rebuilt = {q.id: q for q in build_questions(changed)}[question.id]
    assert distractor not in rebuilt.options
    assert right_options(Facts(changed), rebuilt) == [rebuilt.right]


def test_an_acronym_with_two_expansions_never_offers_the_other_as_a_distractor(corpus, bank) -> None:  # noqa: ANN001
    question = next(q for q in bank if q.kind == "sigle")
    changed = copy.deepcopy(corpus)
    entry = changed.get("glossary", question.page[1])
    twin = Acronym(**{**entry.model_dump(), "id": entry.id + "-bis", "expansion": question.distractors[0]})
    changed.records["glossary"][twin.id] = dataclasses.replace(changed.records["glossary"][entry.id], entity=twin)
    rebuilt = {q.id: q for q in build_questions(changed)}[question.id]
    assert question.distractors[0] not in rebuilt.options
    assert right_options(Facts(changed), rebuilt) == [rebuilt.right]


def test_same_data_same_questions(corpus, bank) -> None:  # noqa: ANN001
    assert [(q.id, q.options) for q in build_questions(copy.deepcopy(corpus))] == [(q.id, q.options) for q in bank]


# --- exports -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["xml", "gift"])
def test_the_exported_questions_have_one_right_answer_checked_against_the_data(corpus, bank, exports, fmt) -> None:  # noqa: ANN001
    parsed = (parse_moodle if fmt == "xml" else parse_gift)(exports[QUESTION_FILES[fmt]])
    assert len(parsed) == len(bank) >= 100
    by_id = {q.id: q for q in bank}
    facts = Facts(corpus)
    for exported in parsed:
        question = by_id[exported["name"]]
        answers = exported["answers"]
        assert sum(1 for right, _, _ in answers if right) == 1, exported["name"]
        texts = [html.unescape(text) for _, text, _ in answers]
        assert texts == question.options
        exported_right = [text for (right, _, _), text in zip(answers, texts, strict=True) if right]
        assert right_options(facts, question) == exported_right  # the data accepts that one, and no other
        assert question.explanation.split(" ; ")[0][:40] in html.unescape(str(exported["general"]))
        if fmt == "xml":
            assert exported["single"] == "true"
            assert sorted(exported["fractions"]) == ["0"] * (len(answers) - 1) + ["100"]


@pytest.mark.parametrize("fmt", ["xml", "gift"])
def test_the_bank_files_have_one_category_per_kind(exports, fmt) -> None:  # noqa: ANN001
    parsed = (parse_moodle if fmt == "xml" else parse_gift)(exports[QUESTION_FILES[fmt]])
    categories = {q["category"] for q in parsed}
    assert len(categories) == len(KINDS)
    assert all(c.startswith("$course$/top/") for c in categories)


def test_gift_escapes_its_special_characters() -> None:
    tricky = "a~b=c#d{e}f:g\\h"
    question = Question(id="x:1", kind="sigle", prompt=f"Que veut dire {tricky} ?", quote="", right=tricky,
                        distractors=("~=", "{:}"), explanation="#fin", source=("glossary", "x"),
                        page=("glossary", "x"), concepts=())
    (parsed,) = parse_gift(gift([("$course$/top/T", [question])]))
    assert parsed["name"] == "x:1"
    assert html.unescape(parsed["text"]) == f"<p>Que veut dire {tricky} ?</p>"
    assert [(r, html.unescape(t)) for r, t, _ in parsed["answers"]] == [(o == tricky, o) for o in question.options]
    assert "\n" not in gift_question(question).split("{")[0]


def test_moodle_category_names_keep_their_slashes_escaped() -> None:
    from partenariat.export.quiz import category_name

    assert category_name("Bac ST2S / Pôle 6") == "Bac ST2S // Pôle 6"
    xml = moodle_quiz_xml([("$course$/top/A // B", [])])
    assert etree.fromstring(xml.encode()).findtext("question/category/text") == "$course$/top/A // B"


@pytest.mark.parametrize("competency", competencies(real_corpus()), ids=lambda c: f"{c.curriculum}-{c.anchor}")
def test_each_competency_has_its_questions_in_both_formats(bank, exports, competency) -> None:  # noqa: ANN001
    expected = [q.id for q in questions_for(bank, competency.concepts)]
    files = pack_files(competency)
    for fmt, parse in (("xml", parse_moodle), ("gift", parse_gift)):
        parsed = parse(exports[files[fmt]])
        assert [q["name"] for q in parsed] == expected
        assert {q["category"] for q in parsed} == {next(iter({q["category"] for q in parsed}))}
        assert competency.code.replace("/", "//") in str(parsed[0]["category"]) if parsed else True


# --- Moodle's import (tests/moodle_import.py reads the files as question/format.php does) ---

def test_the_moodle_reader_merges_equal_paths_and_drops_repeated_idnumbers() -> None:
    """The reader does what Moodle does, so that the tests below can fail: one category for two
    equal paths (a doubled slash is a slash in a name), the repeated idnumber dropped."""
    assert category_of("$course$/top/A // B/C") == ("A / B", "C")
    assert category_of("A/C") == category_of("$course$/top/A/C")
    question = {"id": "q1", "kind": "sigle", "prompt": "Que signifie X ?", "quote": "", "right": "x",
                "distractors": ("y",), "explanation": "", "source": ("glossary", "x"), "page": ("glossary", "x"),
                "concepts": ()}
    twice = moodle_quiz_xml([("$course$/top/P/C 4", [Question(**question)]),
                             ("$course$/top/P/C 4", [Question(**question)])])
    bank = import_xml(Bank(), twice)
    assert bank.duplicates() == {("P", "C 4"): 1} and bank.dropped_idnumbers == 1
    assert import_gift(Bank(), gift([("$course$/top/P/C 4", [Question(**question)] * 2)])).duplicates()


@pytest.mark.parametrize("curriculum_id", sorted(real_corpus().records["curriculum"]))
@pytest.mark.parametrize("fmt", ["xml", "gift"])
def test_a_curriculum_file_imports_with_one_category_per_competency_and_no_duplicate(
        corpus, exports, curriculum_id: str, fmt: str) -> None:  # noqa: ANN001
    """Imported the way Moodle does, a curriculum's file gives each competency its own category
    holding its questions once (Bac pro SPVL repeats « C 4 » in four activities: the activity is
    in the path), and Moodle keeps every idnumber."""
    path = curriculum_question_files(curriculum_id)[fmt]
    bank = import_files([(path, exports[path])])
    assert bank.duplicates() == {} and bank.dropped_idnumbers == 0
    mine = [c for c in competencies(corpus) if c.curriculum == curriculum_id]
    assert mine and len(bank.categories) == len(mine)
    for competency in mine:  # each category holds the questions of its own competency's file
        pack = import_files([(pack_files(competency)[fmt], exports[pack_files(competency)[fmt]])])
        ((category, questions),) = pack.categories.items()
        assert bank.categories[category] == questions


def test_every_curriculum_file_imported_into_one_course_keeps_its_categories_apart(exports) -> None:  # noqa: ANN001
    files = [(p, exports[p]) for c in sorted(real_corpus().records["curriculum"])
             for p in curriculum_question_files(c).values() if p.endswith(".xml")]
    bank = import_files(files)
    assert bank.duplicates() == {} and bank.dropped_idnumbers == 0


def test_pack_files_are_named_by_the_competency_link(corpus) -> None:  # noqa: ANN001
    """A pack and its files carry the anchor of the competency's link in its curriculum, and every
    item with a link and notions has one (DE CESF's items have anchors, no codes)."""
    for curriculum in corpus.entities("curriculum"):
        anchors = anchor_map(curriculum)
        with_notions = {anchors[id(i)] for i in walk_items(curriculum) if id(i) in anchors and i.concepts}
        packs = {c.anchor for c in competencies(corpus) if c.curriculum == curriculum.id}
        assert packs == with_notions, curriculum.id
    for competency in competencies(corpus):
        for fmt, path in pack_files(competency).items():
            assert path == f"referentiels/{competency.curriculum}/{competency.anchor}-questions.{fmt}"
    assert any(c.curriculum == "de-cesf" for c in competencies(corpus))


def test_anki_flashcards_import_as_front_back(corpus, exports) -> None:  # noqa: ANN001
    text = exports[ANKI_FILE]
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert "#separator:Semicolon" in header and "#html:true" in header
    rows = list(csv.reader(io.StringIO("\n".join(line for line in text.split("\n") if not line.startswith("#"))),
                           delimiter=";"))
    rows = [r for r in rows if r]
    developed = [g for g in corpus.entities("glossary") if g.expansion]  # undeveloped acronyms: no card
    assert len(rows) == len(developed) + len(corpus.records["concept"])
    assert not {r[0] for r in rows} & {g.acronym for g in corpus.entities("glossary") if not g.expansion}
    assert all(len(r) == 3 and r[0] and r[1] for r in rows)
    cpom = corpus.get("glossary", "cpom")
    assert [html.unescape(re.sub("<[^>]+>", "", r[1])).startswith(cpom.expansion) for r in rows
            if r[0] == cpom.acronym] == [True]


def test_the_anki_package_brings_its_own_note_type_with_both_sides_filled(corpus, exports, tmp_path) -> None:  # noqa: ANN001
    """The .apkg is a zip holding an SQLite collection: its one note type (fields Recto, Verso,
    a card showing each) carries every note, so the cards import with their back in any
    collection; every card has a front and a back once its template is filled."""
    data = exports["cartes-anki.apkg"]
    assert isinstance(data, bytes)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert set(archive.namelist()) == {"collection.anki2", "media"}
    (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        models = json.loads(db.execute("select models from col").fetchone()[0])
        notes = db.execute("select id, mid, flds, guid from notes").fetchall()
        cards = db.execute("select nid, ord from cards").fetchall()
    finally:
        db.close()
    used = {mid for _, mid, _, _ in notes}
    assert len(used) == 1
    model = models[str(used.pop())]
    assert model["name"] == "Partenariat — recto/verso" and model["type"] == 0  # standard, not cloze
    assert [f["name"] for f in model["flds"]] == ["Recto", "Verso"]
    (template,) = model["tmpls"]
    rows = [r for r in csv.reader(io.StringIO("\n".join(line for line in exports[ANKI_FILE].split("\n")
                                                          if not line.startswith("#"))), delimiter=";") if r]
    assert len(notes) == len(cards) == len(rows)  # the same cards as the CSV, one card per note
    assert {nid for nid, _ in cards} == {n[0] for n in notes} and {o for _, o in cards} == {0}
    assert len({n[3] for n in notes}) == len(notes)  # a guid per entry
    for _, _, fields, _ in notes:
        values = dict(zip(["Recto", "Verso"], fields.split("\x1f"), strict=True))
        front = template["qfmt"].replace("{{Recto}}", values["Recto"])
        back = template["afmt"].replace("{{FrontSide}}", front).replace("{{Verso}}", values["Verso"])
        text = [html.unescape(re.sub("<[^>]+>", " ", side)).strip() for side in (front, back)]
        assert text[0] and len(text[1]) > len(text[0]), fields[:80]
    assert exports["cartes-anki.apkg"] == {f.path: f.content for f in question_exports(real_corpus())}["cartes-anki.apkg"]


# --- the site ----------------------------------------------------------------------------

def test_the_self_test_keeps_its_reveal_without_javascript(site: Path) -> None:
    page = (site / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    quiz = page[page.index('class="pkb-quiz"'):page.index('id="cite-dans"')]
    blocks = re.findall(r'class="admonition question pkb-question" data-right="(\d)"', quiz)
    assert blocks
    reveals = re.findall(r'<details(?! class="pkb-section")', quiz)  # not the folded sections themselves
    assert len(reveals) == len(blocks)
    assert quiz.count("Voir la source") == len(blocks)
    assert " markdown>" not in quiz  # md_in_html read the blocks: no raw attribute left


def test_competency_packs_are_linked_from_their_curriculum_and_link_their_files(corpus, site: Path) -> None:  # noqa: ANN001
    for competency in competencies(corpus):
        folder = site / competency_pack_path(competency)[:-3]
        page = (folder / "index.html").read_text("utf-8")
        for path in pack_files(competency).values():
            assert (site / path).is_file()
            assert f'href="../{path.rsplit("/", 1)[1]}"' in page
        assert "pkb-question" in page and "Les notions" in page
        curriculum = (site / "referentiels" / competency.curriculum / "index.html").read_text("utf-8")
        assert f'href="{competency.anchor}/"' in curriculum


def test_formateurs_links_the_question_files(site: Path) -> None:
    page = (site / "formateurs" / "index.html").read_text("utf-8")
    for path in [*QUESTION_FILES.values(), ANKI_FILE]:
        assert f'href="../{path}"' in page
        assert (site / path).is_file()


def _answer_with_keyboard(page, box_index: int, option_index: int) -> None:  # noqa: ANN001
    """Tab to the question's options, pick one with the arrow keys, Tab to « Vérifier », Enter."""
    box = page.locator(".pkb-question").nth(box_index)
    box.locator("input[type=radio]").first.focus()
    for _ in range(option_index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Vérifier"
    page.keyboard.press("Enter")


@pytest.mark.parametrize("how", ["server", "file"])
def test_the_self_test_is_answered_with_the_keyboard(site: Path, server: str, how: str) -> None:
    url = f"{server}/concepts/partenariat/" if how == "server" else (site / "concepts/partenariat/index.html").as_uri()
    url += "#testez-vous"  # the self-test is a folded section of the concept page: its anchor opens it
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(url)
        score = page.locator(".pkb-quiz-score")
        total = page.locator(".pkb-question").count()
        assert score.text_content().startswith(f"Score : 0 / {total}")
        first = page.locator(".pkb-question").first
        right = int(first.get_attribute("data-right"))
        assert first.locator("details").is_hidden()  # the reveal waits for an answer
        _answer_with_keyboard(page, 0, right)
        assert first.locator(".pkb-quiz-feedback").text_content() == "Bonne réponse !"
        assert first.locator("details").is_visible()  # the source, once answered
        assert first.locator("details a").first.text_content() == "Voir la source"
        second = page.locator(".pkb-question").nth(1)
        wrong = (int(second.get_attribute("data-right")) + 1) % second.locator("input[type=radio]").count()
        _answer_with_keyboard(page, 1, wrong)
        assert second.locator(".pkb-quiz-feedback").text_content() == "Ce n'est pas la bonne réponse."
        assert second.locator(".pkb-right .pkb-quiz-mark").text_content() == " — bonne réponse"
        assert score.text_content() == f"Score : 1 / {total} (2 questions répondues sur {total})"
        if how == "server":
            page.screenshot(path="/tmp/quiz-390.png", full_page=False)
            violations = Axe().run(page).response["violations"]
            assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []


def test_a_competency_pack_is_accessible(server: str, corpus) -> None:  # noqa: ANN001
    competency = competencies(corpus)[0]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{server}/{competency_pack_path(competency)[:-3]}/")
        assert page.locator(".pkb-quiz-score").count() == 1
        page.screenshot(path="/tmp/pack-1366.png", full_page=False)
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []


def test_a_competency_pack_prints_as_an_exercise_sheet_with_its_key_at_the_end(server: str, corpus, bank) -> None:  # noqa: ANN001
    """Printed, BTS ESF C4.1 (the pack a trainer asked for) is a sheet to hand out: every question
    numbered, without its answer, at least five to a page, then the key with the sources from a
    new page, the whole on at most 16 A4 pages (it took 36 with an answer under each question)."""
    from test_print import pdf_of

    competency = next(c for c in competencies(corpus) if (c.curriculum, c.anchor) == ("bts-esf", "c4-1"))
    questions = questions_for(bank, competency.concepts)
    reader = pdf_of(f"{server}/{competency_pack_path(competency)[:-3]}/")
    pages = ["".join((p.extract_text() or "").split()) for p in reader.pages]  # spaces vary in PDF text
    print(f"C4.1 exercise sheet: {len(questions)} questions, {len(pages)} A4 pages")
    assert len(pages) <= 16
    key = next(n for n, text in enumerate(pages) if "Corrigé" in text)
    sheet, answers = "".join(pages[:key]), "".join(pages[key:])
    assert pages[key].index("Corrigé") < 20  # the key starts its own page
    assert len(questions) / key >= 5
    for number, question in enumerate(questions, 1):
        prompt = f"{number}.{question.prompt}".replace(" ", "")
        assert prompt in sheet and prompt not in answers
        explanation = question.explanation.replace(" ", "")[:60]
        assert explanation not in sheet and explanation in answers  # the answer and its source, in the key only
        right = f"{number}.{'abcd'[question.answer_index]}){question.right}".replace(" ", "")
        assert right in answers
    assert "Lesnotions" not in sheet and "Vérifier" not in sheet and "Score" not in sheet
