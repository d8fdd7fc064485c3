"""Every kind of problem reaches editors in French, with its fix; English stays available.

Problems carry a code and parameters; the catalogue (messages.py) words them. The tests
below check the catalogue itself and, by reading the package's source, that every message
the code can create has a catalogued code with the parameters its wording needs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import run_cli
from partenariat import DataError, load_corpus
from partenariat.base.messages import CATALOGUE, UNKNOWN_CODE, msg, placeholders, report
from partenariat.checks.safetext import CHAR_MESSAGES
from partenariat.checks.validate import _FIXES, _MISSING_FIXES, _TYPE_CODES
from partenariat.data.yamlfile import _SYNTAX_CODES

PACKAGE = Path(__file__).resolve().parent.parent / "partenariat"

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
        for part in filter(None, (problem.message, problem.hint)):
            assert part.text("fr") != part.text("en"), f"no French for: {part.code}"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_has_both_languages(code: str) -> None:
    english, french = CATALOGUE[code]
    assert english.strip() and french.strip()
    assert french != english or not any(c.isalpha() for c in english), "French is a copy of English"
    # French may leave out a parameter (e.g. the type label), never use one English does not receive
    assert placeholders(french) <= placeholders(english), code


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and (getattr(node.func, "id", None) == name or getattr(node.func, "attr", None) == name)]


def _sources() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text("utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))]


def _codes_by_table() -> dict[str, set[str]]:
    """Codes chosen at run time from a table (e.g. the unknown-reference code of each type)."""
    return {"UNKNOWN_CODE": set(UNKNOWN_CODE.values()), "_TYPE_CODES": set(_TYPE_CODES.values()),
            "_SYNTAX_CODES": set(_SYNTAX_CODES.values()), "_FIXES": set(_FIXES.values()),
            "_MISSING_FIXES": set(_MISSING_FIXES.values()), "CHAR_MESSAGES": set(CHAR_MESSAGES.values())}


def test_every_message_created_in_the_code_is_catalogued() -> None:
    used: set[str] = set()
    tables = _codes_by_table()
    for path, tree in _sources():
        for call in _calls(tree, "msg"):
            where = f"{path.name}:{call.lineno}"
            code = call.args[0]
            given = {k.arg for k in call.keywords}
            if isinstance(code, ast.Constant):
                assert code.value in CATALOGUE, f"{where}: '{code.value}' is not in the catalogue"
                assert placeholders(CATALOGUE[code.value][0]) <= given, f"{where}: parameters missing"
                used.add(code.value)
            else:  # msg(TABLE[key], ...): every code of the table is catalogued
                assert isinstance(code, ast.Subscript) and isinstance(code.value, ast.Name), where
                assert code.value.id in tables, f"{where}: msg() needs a literal code or a known table"
                for value in tables[code.value.id]:
                    assert value in CATALOGUE and placeholders(CATALOGUE[value][0]) <= given, f"{where}: {value}"
                used |= tables[code.value.id]
        if path.name != "messages.py":
            assert not _calls(tree, "Msg"), f"{path.name}: build messages with msg(), which checks the code"
    assert not set(CATALOGUE) - used, f"catalogued but never used: {sorted(set(CATALOGUE) - used)}"


def test_an_uncatalogued_code_cannot_be_created() -> None:
    with pytest.raises(KeyError):
        msg("no-such-code")
    with pytest.raises(KeyError):
        msg("unknown-field")  # its wording needs 'name'


def test_reports_in_both_languages(problems: list) -> None:  # type: ignore[type-arg]
    french = report(problems, "fr").splitlines()
    english = report(problems, "en").splitlines()
    assert len(french) == len(english) == len(problems) + 1
    assert "concepts/reseau.yaml:3: family: « famille » n'est pas une valeur permise (valeurs permises : " in "\n".join(french)
    assert "concepts/reseau.yaml:4: sumary: champ inconnu « sumary » (vouliez-vous dire « summary » ?)" in french
    assert "glossary/essms-bis.yaml:7: see_also[1]: sigle inconnu « cpmo » (vouliez-vous dire « cpom » ?)" in french
    assert english[-1] == f"{len(problems)} problems in the data."


# Third-party details (pydantic, PyYAML) never reach a French editor in English.
ENGLISH_DETAILS = {
    "boolean": ("glossary/cpom.yaml", "\nundeveloped: peut-être\n", "attendu : true ou false"),
    "stray colon": ("concepts/reseau.yaml", "\nsummary: a: b\n", "« : » inattendu dans une valeur"),
    "unclosed quote": ("concepts/reseau.yaml", '\nbody: "texte\n', "guillemet ouvert et jamais fermé"),
    "bad indent": ("concepts/reseau.yaml", "aliases:\n  - x\n - y\n", "indentation incohérente"),
}


@pytest.mark.parametrize("case", ENGLISH_DETAILS, ids=list(ENGLISH_DETAILS))
def test_third_party_details_are_worded_in_french(corpus_dir: Path, case: str) -> None:
    file, appended, french = ENGLISH_DETAILS[case]
    path = corpus_dir / file
    path.write_text(path.read_text("utf-8") + appended.lstrip("\n"), "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 1
    assert french in result.stderr, result.stderr
    for english in ("Input should", "mapping values", "while scanning", "could not find", "expected", "found"):
        assert english not in result.stderr, result.stderr
