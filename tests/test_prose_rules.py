"""The editorial rules of data text (partenariat/checks/prose.py) run in `check`: each bad
value is refused at its file, line and field, in French, with the fix; quotations are exempt."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

# rule → (file, line to append, expected problem (French), line of the problem)
RULES = {
    "p. before a non-page": ("concepts/reseau.yaml", "body: Voir la p. suivante du dossier.\n",
                             "body: « p. suivante » : « p. » devant autre chose qu'un numéro de page"),
    "vague back-reference": ("concepts/reseau.yaml", "body: Comme on l'a vu ci-dessus, le réseau relie.\n",
                             "body: « ci-dessus » : un lecteur de cette seule page ne peut pas suivre ce renvoi"),
    "vague count of documents": ("concepts/reseau.yaml", "body: Les trois synthèses le disent.\n",
                                 "body: « Les trois synthèses » : un lecteur de cette seule page"),
    "placeholder title": ("sources/dossier.yaml", None,
                          "title: « Damon (2001) » est une façon de citer l'ouvrage, pas son titre"),
}


@pytest.mark.parametrize("rule", RULES, ids=list(RULES))
def test_a_rule_of_data_text_is_refused_at_its_line(corpus_dir: Path, rule: str) -> None:
    file, appended, expected = RULES[rule]
    path = corpus_dir / file
    text = path.read_text("utf-8")
    if appended is None:
        text = text.replace("title: Le partenariat dans le travail social", "title: Damon (2001)")
        line = 3
    else:
        line = text.count("\n") + 1
        text += appended
    path.write_text(text, "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 1
    assert f"{file}:{line}: {expected}" in result.stderr, result.stderr


def test_quotations_keep_their_words(corpus_dir: Path) -> None:
    path = corpus_dir / "concepts" / "partenariat.yaml"
    text = path.read_text("utf-8")
    assert "quote: " in text
    path.write_text(text.replace("quote: ", "quote: ci-dessus, p. suivante, ", 1), "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr


def test_p_before_a_page_number_passes(corpus_dir: Path) -> None:
    path = corpus_dir / "concepts" / "reseau.yaml"
    path.write_text(path.read_text("utf-8") + "body: Le dossier le dit p. 12, et le chap. 2 aussi.\n", "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr
