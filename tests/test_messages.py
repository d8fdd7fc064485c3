"""Every kind of problem reaches editors in French, with its fix; English stays available."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat import DataError, load_corpus
from partenariat.messages import _french, _french_hint, report

BREAKAGES = {
    "concepts/reseau.yaml": "id: reseau\nterm: [Réseau]\nfamily: famille\nsumary: x\nattested_in: []\n"
                            "reviewed: 2002-02-30\nrelated:\n  - concept: reseau\n    relation: voisin-de\n",
    "concepts/Mauvais.yaml": "id: mauvais\n",
    "concepts/vide.yaml": "",
    "concepts/liste.yaml": "- a\n",
    "concepts/tab.yaml": "id: tab\n\tterm: x\n",
    "concepts/bom.yaml": "\ufeffid: bom\n",
    "concepts/alias.yaml": "id: alias\nterm: &t x\nsummary: *t\n",
    "concepts/double.yaml": "id: double\nid: double\n",
    "concepts/syntaxe.yaml": "id: syntaxe\nterm: [x\n",
    "concepts/notes.yml": "id: notes\n",
    "glossary/essms-bis.yaml": "id: essms-bis\nacronym: ESSMS\nexpansion: x\ndomain: social\n"
                               "attested_in: [dossier]\nreviewed: 2026-11-23\nsee_also: [essms-bis, cpmo]\n",
    "authors/personne.yaml": "id: personne\nkind: personne\nname: X\nattested_in: [dossier]\nreviewed: 2026-11-23\n",
    "legal/texte.yaml": "id: texte\nkind: loi\ndate: 2002-01-02\ntitle: T\nattested_in: [dossier]\n"
                        "reviewed: 2026-11-23\narticles:\n  - number: '1'\n",
    "cases/autre.yaml": "id: bidule\nkind: encadre\ntitle: T\nsource: dossier\nattested_in: [dossier]\n"
                        "reviewed: 2026-11-23\nbody: voir [[auteur:dhume]]\nconcepts: [partenariat, partenariat]\n",
}


@pytest.fixture
def problems(corpus_dir: Path) -> list:  # type: ignore[type-arg]
    for name, text in BREAKAGES.items():
        (corpus_dir / name).write_text(text, "utf-8")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return info.value.problems


def test_every_problem_has_a_french_wording(problems: list) -> None:  # type: ignore[type-arg]
    assert len(problems) >= 25
    for problem in problems:
        assert _french(problem.message) != problem.message, f"no French for: {problem.message}"
        if problem.hint:
            assert _french_hint(problem.hint) != problem.hint, f"no French for hint: {problem.hint}"


def test_reports_in_both_languages(problems: list) -> None:  # type: ignore[type-arg]
    french = report(problems, "fr").splitlines()
    english = report(problems, "en").splitlines()
    assert len(french) == len(english) == len(problems) + 1
    assert "concepts/reseau.yaml:3: family: « famille » n'est pas une valeur permise (valeurs permises : " in "\n".join(french)
    assert "concepts/reseau.yaml:4: sumary: champ inconnu « sumary » (vouliez-vous dire « summary » ?)" in french
    assert "glossary/essms-bis.yaml:7: see_also[1]: sigle inconnu « cpmo » (vouliez-vous dire « cpom » ?)" in french
    assert english[-1] == f"{len(problems)} problems in the data."
