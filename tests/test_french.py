"""The French grammar helper of generated sentences: elision, contraction, a body's article,
and the check that finds what it would have corrected."""

from __future__ import annotations

import pytest

from partenariat.base.french import (
    conditional,
    fill,
    join,
    lead_in,
    missing_elisions,
    starts_with_vowel_sound,
    with_article,
)


@pytest.mark.parametrize(("word", "value", "expected"), [
    ("de", "« Altérité »", "d'« Altérité »"),
    ("de", "« Épreuve civique »", "d'« Épreuve civique »"),
    ("de", "Evelyne Simondi", "d'Evelyne Simondi"),
    ("de", "Élisabeth Vidalenc", "d'Élisabeth Vidalenc"),
    ("de", "Yvon Schléret", "d'Yvon Schléret"),
    ("de", "Habitat Formation", "d'Habitat Formation"),
    ("de", "« Coopération »", "de « Coopération »"),
    ("de", "handicap", "de handicap"),  # h aspiré
    ("de", "EPS", "d'EPS"),  # an acronym read letter by letter
    ("de", "CCAS", "de CCAS"),
    ("de", "le Réseau national", "du Réseau national"),
    ("de", "les Acteurs du plan", "des Acteurs du plan"),
    ("de", "l'Institut national", "de l'Institut national"),
    ("à", "le Réseau", "au Réseau"),
    ("que", "il", "qu'il"),
    ("le", "« Empowerment »", "l'« Empowerment »"),
    ("De", "« Altérité »", "D'« Altérité »"),
])
def test_join_elides_and_contracts(word: str, value: str, expected: str) -> None:
    assert join(word, value) == expected


def test_fill_fits_the_word_before_each_value_and_keeps_the_values() -> None:
    assert fill("Qui a proposé cette définition de {term} ?", term="« Altérité »") == \
        "Qui a proposé cette définition d'« Altérité » ?"
    assert fill("Définition de {term} par {who}.", term="« Cura »", who="Evelyne Simondi") == \
        "Définition de « Cura » par Evelyne Simondi."
    assert fill("« {x} » est un niveau de {y}", x="A", y="« Évaluation »") == "« A » est un niveau d'« Évaluation »"
    assert fill("{a} et {b}", a="de", b="Evelyne") == "de et Evelyne"  # a value is data: never changed


@pytest.mark.parametrize(("name", "expected"), [
    ("Réseau national de ressources en sciences médico-sociales", "le Réseau national de ressources en sciences médico-sociales"),
    ("Commission de terminologie", "la Commission de terminologie"),
    ("Institut national de recherche pédagogique", "l'Institut national de recherche pédagogique"),
    ("Association nationale des acteurs", "l'Association nationale des acteurs"),
    ("Acteurs du plan départemental de Meurthe-et-Moselle", "les Acteurs du plan départemental de Meurthe-et-Moselle"),
    ("Habitat Formation", "Habitat Formation"),
    ("ATD Quart Monde", "ATD Quart Monde"),
    ("Dominique Lahary", "Dominique Lahary"),
])
def test_a_bodys_name_takes_its_article(name: str, expected: str) -> None:
    assert with_article(name) == expected


def test_lead_in_fits_the_words_to_the_speaker() -> None:
    assert lead_in("Remarque de", "Evelyne Simondi") == "Remarque d'"
    assert lead_in("Remarque de", "Réseau national") == "Remarque du "
    assert lead_in("Question posée par", "Réseau national") == "Question posée par le "
    assert lead_in("Remarque de", "Dominique Lahary") == "Remarque de "
    assert lead_in("Remarque de", "") == "Remarque : "


@pytest.mark.parametrize("sentence", [
    "Qui a proposé cette définition de « Altérité » ?",
    "Quelle notion cette définition de Evelyne Simondi définit-elle ?",
    "« Niveau décisionnel » est un niveau de « Évaluation du partenariat ».",
    "Il est présenté comme un exemple de le niveau minimal.",
    "Il dit que il faut coopérer.",
])
def test_missing_elisions_are_found(sentence: str) -> None:
    assert missing_elisions(sentence)


@pytest.mark.parametrize("sentence", [
    "Qui a proposé cette définition d'« Altérité » ?",
    "Quelle notion cette définition de Jean-Yves Trépos définit-elle ?",
    "Lequel de ces textes les sources citent-elles à propos de la notion « Coordination » ?",
    "Quel texte a donné sa rédaction à l'article L. 312-6 du CASF ?",
    "« Optimum territorial » serait une condition de la notion de « Partenariat ».",
    "Il est présenté comme un exemple de niveau minimal.",
    "Une définition de handicap.",
])
def test_well_elided_sentences_pass(sentence: str) -> None:
    assert missing_elisions(sentence) == []


def test_vowel_sounds() -> None:
    assert starts_with_vowel_sound("« Œuvre »") and starts_with_vowel_sound("hybridation")
    assert not starts_with_vowel_sound("hiérarchie") and not starts_with_vowel_sound("Yannick")
    assert not starts_with_vowel_sound("1998") and not starts_with_vowel_sound("")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("est une condition de", "serait une condition de"),
    ("se distingue de", "se distinguerait de"),
    ("s'oppose à", "s'opposerait à"),
    ("englobe", "engloberait"),
    ("précède", "précéderait"),
    ("suit", "suivrait"),
])
def test_a_relation_reported_at_a_distance_is_put_in_the_conditional(phrase: str, expected: str) -> None:
    assert conditional(phrase) == expected
