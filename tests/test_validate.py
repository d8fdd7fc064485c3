"""Model and reference validation: each kind of mistake gives the right file:line, field and hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat import DataError, load_corpus
from partenariat.data.notes import sentences
from partenariat.derive.index import build_index


def errors(corpus_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_valid_fixture_loads(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    assert corpus.counts() == {"concept": 2, "author": 2, "source": 2, "legal": 1, "glossary": 2,
                               "case": 1, "curriculum": 1}


def test_unknown_reference_names_file_line_and_closest_id(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", "  - concept: reseau", "  - concept: resau")
    assert errors(corpus_dir) == [
        "concepts/partenariat.yaml:10: related[0].concept: unknown concept 'resau' (did you mean 'reseau'?)"
    ]


def test_unknown_field_suggests_the_real_one(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "reseau.yaml", "summary:", "sumary:")
    assert errors(corpus_dir) == [
        "concepts/reseau.yaml:1: summary: required field is missing",
        "concepts/reseau.yaml:4: sumary: unknown field 'sumary' (did you mean 'summary'?)",
    ]


def test_nested_unknown_field_and_wrong_type(corpus_dir: Path) -> None:
    path = corpus_dir / "concepts" / "partenariat.yaml"
    edit(path, "    relation: distinct-de", "    relaton: distinct-de")
    edit(path, "term: Partenariat", "term: [Partenariat]")
    found = errors(corpus_dir)
    assert "concepts/partenariat.yaml:11: related[0].relaton: unknown field 'relaton' (did you mean 'relation'?)" in found
    assert "concepts/partenariat.yaml:2: term: Input should be a valid string" in found


def test_value_outside_vocabulary(corpus_dir: Path) -> None:
    edit(corpus_dir / "glossary" / "cpom.yaml", "domain: medico-social", "domain: medicosocial")
    assert errors(corpus_dir) == [
        "glossary/cpom.yaml:4: domain: 'medicosocial' is not an allowed value (did you mean 'medico-social'?)"
    ]


def test_id_must_match_file_name_and_be_a_slug(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "reseau.yaml", "id: reseau", "id: partenariat")
    (corpus_dir / "glossary" / "Essms.yaml").write_text(
        (corpus_dir / "glossary" / "essms.yaml").read_text("utf-8").replace("id: essms", "id: Essms"), "utf-8")
    found = errors(corpus_dir)
    assert ("concepts/reseau.yaml:1: id: id 'partenariat' differs from the file name 'reseau.yaml' "
            "(the id is the file name: write 'id: reseau' or rename the file)") in found
    assert "glossary/Essms.yaml:1: file name 'Essms.yaml' is not a valid id (rename it 'essms.yaml')" in found
    assert any(e.startswith("glossary/Essms.yaml:1: id: 'Essms' is not a valid id") for e in found)


def test_duplicate_acronym_across_files(corpus_dir: Path) -> None:
    text = (corpus_dir / "glossary" / "essms.yaml").read_text("utf-8")
    (corpus_dir / "glossary" / "essms-bis.yaml").write_text(text.replace("id: essms", "id: essms-bis"), "utf-8")
    assert errors(corpus_dir) == [
        "glossary/essms.yaml:2: acronym: acronym 'ESSMS' is already defined (see glossary/essms-bis.yaml)"
    ]


def test_missing_required_field_and_nonexistent_date(corpus_dir: Path) -> None:
    path = corpus_dir / "legal" / "loi-2002.yaml"
    edit(path, "date: 2002-01-02", "date: 2002-02-30")
    edit(path, "title: Loi du 2 janvier 2002 rénovant l'action sociale et médico-sociale\n", "")
    found = errors(corpus_dir)
    assert "legal/loi-2002.yaml:1: title: required field is missing" in found
    assert ("legal/loi-2002.yaml:4: date: '2002-02-30' is not a valid date "
            "(write an existing date as YYYY-MM-DD, e.g. 2002-01-02)") in found


def test_self_reference_and_duplicate_in_list(corpus_dir: Path) -> None:
    edit(corpus_dir / "glossary" / "cpom.yaml", "see_also: [essms]", "see_also: [cpom]")
    edit(corpus_dir / "curricula" / "bts-esf.yaml", "- concept: reseau", "- concept: partenariat")
    found = errors(corpus_dir)
    assert "glossary/cpom.yaml:5: see_also[0]: 'cpom' refers to itself (remove this reference)" in found
    assert ("curricula/bts-esf.yaml:11: sections[0].items[0].concepts: 'partenariat' is listed twice "
            "(remove the duplicate)") in found


def test_part_of_cycle(corpus_dir: Path) -> None:
    edit(corpus_dir / "sources" / "dossier.yaml", "year: 2010", "year: 2010\npart_of: dhume-2001")
    edit(corpus_dir / "sources" / "dhume-2001.yaml", "year: 2001", "year: 2001\npart_of: dossier")
    found = errors(corpus_dir)
    assert any("sources contain each other" in e for e in found)


def test_text_links_are_checked(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", "[[concept:reseau|le réseau]]",
         "[[concept:resaeu|le réseau]] et [[auteur:dhume]]")
    found = errors(corpus_dir)
    # at the line where the link is written (the summary's text starts on the line after `summary: >-`)
    assert "concepts/partenariat.yaml:5: summary: unknown concept 'resaeu' (did you mean 'reseau'?)" in found
    assert any(e.startswith("concepts/partenariat.yaml:5: summary: unknown link type 'auteur'") for e in found)


# --- source notes of a summary ([[note:SOURCE_ID|p. 12]]) -------------------------------------

NOTED_SUMMARY = """summary: >-
  Première phrase, sur plusieurs lignes, appuyée sur
  l'ouvrage de Dhume[[note:dhume-2001|p. 12]]. Deuxième phrase, appuyée
  sur le dossier[[note:{second}]].
"""


def _summary(corpus_dir: Path, second: str = "dossier", replace: tuple[str, str] = ("", "")) -> Path:
    path = corpus_dir / "concepts" / "reseau.yaml"
    text = NOTED_SUMMARY.format(second=second).replace(*replace)
    path.write_text(path.read_text("utf-8").replace(
        "summary: Ensemble d'acteurs reliés par des connexions souples[[note:dossier]].\n", text), "utf-8")
    return path


def test_noted_summary_loads_and_its_notes_cite_their_sources(corpus_dir: Path) -> None:
    _summary(corpus_dir)
    index = build_index(load_corpus(corpus_dir))
    notes = {(e.source_type, e.source_id, e.field) for e in index.edges_to("source", "dhume-2001") if e.note}
    assert ("concept", "reseau", "summary") in notes
    assert any(e.note and e.source_id == "reseau" for e in index.edges_to("source", "dossier"))


def test_note_to_an_unknown_source_is_refused_at_its_line_with_the_closest_id(corpus_dir: Path) -> None:
    _summary(corpus_dir, second="dosier")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    [problem] = info.value.problems
    assert str(problem) == ("concepts/reseau.yaml:7: summary: unknown source 'dosier' in a note [[note:...]] "
                            "(did you mean 'dossier'?)")
    assert problem.worded("fr") == ("concepts/reseau.yaml:7: summary: source inconnue « dosier » dans une note "
                                    "[[note:...]] (vouliez-vous dire « dossier » ?)")


def test_a_sentence_of_a_summary_without_a_note_is_refused_by_its_first_words(corpus_dir: Path) -> None:
    _summary(corpus_dir, replace=("sur le dossier[[note:dossier]]", "sur le dossier"))
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    [problem] = info.value.problems
    assert str(problem) == ("concepts/reseau.yaml:6: summary: the sentence 'Deuxième phrase, appuyée sur le dossier.' "
                            "carries no source note (add [[note:source-id|p. 12]] after the claim, before the full stop)")
    assert problem.worded("fr").startswith(
        "concepts/reseau.yaml:6: summary: la phrase « Deuxième phrase, appuyée sur le dossier. » ne porte aucune note")


def test_a_note_outside_a_concept_summary_is_refused(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", "definitions:",
         "body: Un développement[[note:dhume-2001]].\ndefinitions:")
    assert errors(corpus_dir) == [
        "concepts/partenariat.yaml:6: body: a source note [[note:...]] belongs in a concept's summary only "
        "(here, link the source as [[source:id]])"]


@pytest.mark.parametrize(("text", "count"), [
    ("Selon J.-Y. Trépos, l'article L. 312-7 (p. 12) le dit[[note:a]]. Oui[[note:a]].", 2),
    ("Il demande : « Qui fait quoi ? » et répond[[note:a]]. Puis il conclut[[note:a]] !", 2),
    ("Une note après le point.[[note:a]] Une autre phrase[[note:a]].", 2),
    ("Une liste, etc. Ensuite[[note:a]].", 2),
])
def test_sentences_are_cut_where_a_reader_cuts_them(text: str, count: int) -> None:
    cut = sentences(text)
    assert len(cut) == count, [s.text for s in cut]
    assert "".join(s.text for s in cut).replace(" ", "") == text.replace(" ", "")


def test_model_rules_across_fields(corpus_dir: Path) -> None:
    edit(corpus_dir / "legal" / "loi-2002.yaml", "    summary: Formes de coopération entre établissements.\n", "")
    edit(corpus_dir / "authors" / "dhume.yaml", "family: Dhume\n", "")
    found = errors(corpus_dir)
    assert "legal/loi-2002.yaml:7: articles[0]: an article needs 'text' (quoted) or 'summary'" in found
    assert "authors/dhume.yaml:1: a person needs 'family' (the surname used to sort and cite)" in found


def test_an_anchor_is_given_to_one_item_only(corpus_dir: Path) -> None:
    edit(corpus_dir / "curricula" / "bts-esf.yaml", "      - code: C4.1\n",
         "      - code: C4.1\n        anchor: c4-1\n        former_anchors: [c4-1]\n")
    assert errors(corpus_dir) == [
        "curricula/bts-esf.yaml:1: anchor 'c4-1' is given to two items ('anchor' or 'former_anchors')"]


def test_stray_files_are_not_silently_ignored(corpus_dir: Path) -> None:
    (corpus_dir / "concepts" / "notes.yml").write_text("id: notes\n", "utf-8")
    assert errors(corpus_dir) == [
        "concepts/notes.yml: not a .yaml data file (rename it with the .yaml extension)"
    ]


def test_a_file_with_model_errors_still_has_its_references_checked(corpus_dir: Path) -> None:
    path = corpus_dir / "concepts" / "partenariat.yaml"
    edit(path, "term: Partenariat", "term: [Partenariat]")
    edit(path, "  - concept: reseau", "  - concept: resau")
    assert errors(corpus_dir) == [
        "concepts/partenariat.yaml:2: term: Input should be a valid string",
        "concepts/partenariat.yaml:10: related[0].concept: unknown concept 'resau' (did you mean 'reseau'?)",
    ]


def test_reserved_ids_are_refused(corpus_dir: Path) -> None:
    text = (corpus_dir / "glossary" / "essms.yaml").read_text("utf-8")
    (corpus_dir / "glossary" / "a-imprimer.yaml").write_text(
        text.replace("id: essms", "id: a-imprimer").replace("ESSMS", "AIMP"), "utf-8")
    assert errors(corpus_dir) == [
        "glossary/a-imprimer.yaml:1: id: id 'a-imprimer' is reserved for a page of the site "
        "(choose another id (and file name))"]


# --- editors' text read as they mean it -----------------------------------------------------

PLAIN_TEXT_VALUES = [  # (file, line as written, line as edited, field, value the model keeps)
    ("glossary/cpom.yaml", "acronym: CPOM", "acronym: ON", "acronym", "ON"),
    ("glossary/cpom.yaml", "acronym: CPOM", "acronym: no", "acronym", "no"),
    ("glossary/cpom.yaml", "acronym: CPOM", "acronym: yes", "acronym", "yes"),
    ("glossary/cpom.yaml", "acronym: CPOM", "acronym: 1968", "acronym", "1968"),
    ("glossary/cpom.yaml", "acronym: CPOM", "acronym: 0x1F", "acronym", "0x1F"),
    ("glossary/cpom.yaml", "expansion: Contrat pluriannuel d'objectifs et de moyens", "expansion: 3.14",
     "expansion", "3.14"),
    ("authors/dhume.yaml", "    organisation: ISCRA", "    organisation: off", "affiliations", "off"),
]


def _value(corpus_dir: Path, file: str, field: str) -> object:
    corpus = load_corpus(corpus_dir)
    type_name = next(t for t, recs in corpus.records.items() for r in recs.values() if r.file == file)
    entity = corpus.get(type_name, Path(file).stem)
    value = getattr(entity, field)
    return value[0].organisation if field == "affiliations" else value


@pytest.mark.parametrize(("file", "old", "new", "field", "kept"), PLAIN_TEXT_VALUES,
                         ids=[v[2] for v in PLAIN_TEXT_VALUES])
def test_a_plain_value_is_text_where_the_model_wants_text(corpus_dir: Path, file: str, old: str, new: str,
                                                          field: str, kept: str) -> None:
    edit(corpus_dir / file, old, new)
    assert _value(corpus_dir, file, field) == kept


def test_page_numbers_and_years_unquoted(corpus_dir: Path) -> None:
    """`page: 12` is text (pages may be '12-14'); `year: 2001` and `number: 1` are numbers."""
    edit(corpus_dir / "concepts" / "partenariat.yaml", "    quote: Une", "    page: 12\n    quote: Une")
    corpus = load_corpus(corpus_dir)
    assert corpus.get("concept", "partenariat").definitions[0].page == "12"  # type: ignore[attr-defined]
    assert corpus.get("source", "dhume-2001").year == 2001  # type: ignore[attr-defined]
    assert corpus.get("case", "encadre-1").number == 1  # type: ignore[attr-defined]


def test_an_all_digit_id_is_an_id(corpus_dir: Path) -> None:
    text = (corpus_dir / "glossary" / "cpom.yaml").read_text("utf-8").replace("id: cpom", "id: 1968")
    (corpus_dir / "glossary" / "1968.yaml").write_text(text.replace("acronym: CPOM", "acronym: '1968'"), "utf-8")
    assert load_corpus(corpus_dir).get("glossary", "1968").acronym == "1968"  # type: ignore[attr-defined]


def test_a_number_field_still_refuses_words(corpus_dir: Path) -> None:
    edit(corpus_dir / "sources" / "dhume-2001.yaml", "year: 2001", "year: 2001b")
    assert errors(corpus_dir) == ["sources/dhume-2001.yaml:6: year: Input should be a valid integer"]


# --- what a quotation is, and what a source presents together ---------------------------------

QUOTE = "    quote: Une méthode d'action coopérative fondée sur un engagement libre, mutuel et contractuel.\n"


def test_a_law_quoted_is_credited_to_its_legal_text(corpus_dir: Path) -> None:
    path = corpus_dir / "concepts" / "partenariat.yaml"
    edit(path, QUOTE, "    kind: texte-de-loi\n" + QUOTE)
    assert errors(corpus_dir) == [
        "concepts/partenariat.yaml:7: definitions[0]: a quotation of a law takes 'kind: texte-de-loi' and 'legal' "
        "(the legal text quoted), and 'legal' goes only with that kind"]
    edit(path, "    kind: texte-de-loi\n", "    kind: texte-de-loi\n    legal: loi-2002\n")
    load_corpus(corpus_dir)
    edit(path, "    legal: loi-2002\n", "    legal: loi-2020\n")
    assert errors(corpus_dir) == [
        "concepts/partenariat.yaml:9: definitions[0].legal: unknown legal text 'loi-2020' (did you mean 'loi-2002'?)"]


def test_a_legal_text_goes_only_with_a_law_quoted(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", QUOTE, "    kind: remarque\n    legal: loi-2002\n" + QUOTE)
    assert any("'legal' goes only with that kind" in p for p in errors(corpus_dir))


def test_a_law_quoted_has_no_author(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", QUOTE,
         "    kind: texte-de-loi\n    legal: loi-2002\n    author: dhume\n" + QUOTE)
    assert any("credited to the legal text ('legal'), not to an 'author'" in p for p in errors(corpus_dir))


def test_a_quotation_kind_outside_the_vocabulary(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", QUOTE, "    kind: remarks\n" + QUOTE)
    assert errors(corpus_dir) == [
        "concepts/partenariat.yaml:8: definitions[0].kind: 'remarks' is not an allowed value (did you mean 'remarque'?)"]


def test_only_a_definition_can_be_a_key_definition(corpus_dir: Path) -> None:
    edit(corpus_dir / "concepts" / "partenariat.yaml", QUOTE, "    kind: question\n    key: 1\n" + QUOTE)
    assert any("only a quotation of kind 'definition' can be a key definition" in p for p in errors(corpus_dir))


def test_a_group_of_a_source_has_two_members_that_exist(corpus_dir: Path) -> None:
    path = corpus_dir / "sources" / "dossier.yaml"
    edit(path, "year: 2010\n", "year: 2010\ngroups:\n  - label: une notion seule\n    concepts: [partenariat]\n")
    assert errors(corpus_dir) == [
        "sources/dossier.yaml:7: groups[0]: a group lists at least two members (concepts, legal or authors)"]
    edit(path, "    concepts: [partenariat]\n", "    concepts: [partenariat, resau]\n")
    assert errors(corpus_dir) == [
        "sources/dossier.yaml:8: groups[0].concepts[1]: unknown concept 'resau' (did you mean 'reseau'?)"]
    edit(path, "[partenariat, resau]", "[partenariat, reseau]")
    assert load_corpus(corpus_dir).get("source", "dossier").groups[0].concepts == ["partenariat", "reseau"]


def test_an_acronyms_expansion_has_a_source_or_is_declared_general_knowledge(corpus_dir: Path) -> None:
    path = corpus_dir / "glossary" / "cpom.yaml"
    edit(path, "expansion_source: dossier\n", "")
    assert errors(corpus_dir) == [
        "glossary/cpom.yaml:1: a developed acronym needs 'expansion_source' (the source that spells out the "
        "expansion) or 'outside_seeds' (saying that the expansion comes from general knowledge)"]
    edit(path, "reviewed:", "outside_seeds: Développement du sigle, connaissance générale.\nreviewed:")
    load_corpus(corpus_dir)


def test_an_acronyms_expansion_source_is_one_of_its_sources(corpus_dir: Path) -> None:
    edit(corpus_dir / "glossary" / "cpom.yaml", "expansion_source: dossier\n", "expansion_source: dhume-2001\n")
    assert errors(corpus_dir) == [
        "glossary/cpom.yaml:1: 'expansion_source' ('dhume-2001') must be one of the sources of 'attested_in'"]
