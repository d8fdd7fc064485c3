"""`python -m partenariat new`: a newcomer's first entry, from scaffold to a clean check."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from partenariat import load_corpus


def test_new_concept_then_fill_it_in_until_check_passes(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "new", "concept", "Coopération")
    assert result.returncode == 0, result.stderr
    assert "Créé : concepts/cooperation.yaml" in result.stdout
    path = corpus_dir / "concepts" / "cooperation.yaml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/concept.schema.json\n")
    assert "\nid: cooperation\n" in text and '\nterm: "Coopération"\n' in text

    # the empty required fields are listed, each with what to write
    check = run_cli("--root", str(corpus_dir), "check")
    assert check.returncode == 1
    assert "concepts/cooperation.yaml:11: summary: n'a pas de valeur (écrivez-la après « summary: »)" in check.stderr
    assert ("concepts/cooperation.yaml:9: family: n'a pas de valeur (écrivez-la après « family: »; "
            "valeurs permises : formes-travail-commun") in check.stderr
    assert ("concepts/cooperation.yaml:13: attested_in: doit contenir au moins un élément, "
            "par exemple [identifiant]") in check.stderr

    text = text.replace("\nfamily:\n", "\nfamily: formes-travail-commun\n")
    text = text.replace("\nsummary:\n", "\nsummary: Une manière de travailler avec d'autres [[note:dossier]].\n")
    text = text.replace("\nattested_in: []\n", "\nattested_in: [dossier]\n")
    text = text.replace("# definitions:\n#   - source:\n#     quote:",
                        "definitions:\n  - source: dhume-2001\n    quote: Agir ensemble.")
    path.write_text(text, "utf-8")
    check = run_cli("--root", str(corpus_dir), "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("OK: 12 entrées (3 concepts,")


def test_existing_id_is_refused_and_named(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "new", "concept", "Réseau")
    assert result.returncode == 1
    assert "concepts/reseau.yaml existe déjà (« Réseau »)" in result.stderr
    assert (corpus_dir / "concepts" / "reseau.yaml").read_text("utf-8").startswith("id: reseau")  # untouched


def test_close_entry_is_pointed_out(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "new", "glossary", "CPOMS")
    assert result.returncode == 0
    assert "une fiche proche existe déjà (cpom)" in result.stdout
    assert '\nacronym: "CPOMS"\n' in (corpus_dir / "glossary" / "cpoms.yaml").read_text("utf-8")


def test_unknown_type_and_bad_id(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "new", "concpet", "X")
    assert result.returncode == 1 and "vouliez-vous dire « concept »" in result.stderr
    result = run_cli("--root", str(corpus_dir), "new", "concept", "X", "--id", "Pas_Bon")
    assert result.returncode == 1 and "« pas-bon »" in result.stderr


def test_new_author_uses_the_family_name(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "new", "author", "Elisabeth Vidalenc")
    assert result.returncode == 0
    text = (corpus_dir / "authors" / "vidalenc.yaml").read_text("utf-8")
    assert '\nname: "Elisabeth Vidalenc"\n' in text and '\nfamily: "Vidalenc"\n' in text


@pytest.mark.parametrize("title", ["ON", "NO", "1968", "Réseau : définitions", "« Cœur » # 2", 'Dit "vrai"'])
def test_new_quotes_what_it_writes_then_check_passes(corpus_dir: Path, title: str) -> None:
    """What the editor typed comes back as text, whatever YAML would make of it unquoted."""
    result = run_cli("--root", str(corpus_dir), "new", "glossary", title)
    assert result.returncode == 0, result.stderr
    path = next(p for p in (corpus_dir / "glossary").glob("*.yaml") if p.stem not in {"cpom", "essms"})
    text = path.read_text("utf-8")
    text = text.replace("\nexpansion:\n", "\nexpansion: Une expansion\n").replace("\ndomain:\n", "\ndomain: social\n")
    text = text.replace("\nattested_in: []\n", "\nattested_in: [dossier]\n")
    path.write_text(text.replace("\n# expansion_source:\n", "\nexpansion_source: dossier\n"), "utf-8")
    check = run_cli("--root", str(corpus_dir), "check")
    assert check.returncode == 0, check.stderr
    assert load_corpus(corpus_dir).get("glossary", path.stem).acronym == title  # type: ignore[attr-defined]


def test_new_id_folds_ligatures(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "new", "concept", "Cœur de réseau")
    assert result.returncode == 0, result.stderr
    assert (corpus_dir / "concepts" / "coeur-de-reseau.yaml").is_file()
