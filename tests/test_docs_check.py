"""`check` sees the macros of the hand-written pages: each bad call at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from partenariat.data.docpages import scan
from partenariat.derive.comparisons import read_comparisons

BAD_CALLS = {
    "unknown id": ('{{ compare("partenariat", "reseua") }}',
                   "compare: notion inconnue « reseua » (vouliez-vous dire « reseau » ?)"),
    "missing argument": ('{{ lien("concept") }}',
                         "lien: lien() est appelée avec 'concept' ; elle prend (type_name, entity_id, label=None)"),
    "unknown type": ('{{ nombre("concepts") }}', "nombre: type de fiche inconnu « concepts » (vouliez-vous dire « concept » ?)"),
    "unknown macro": ('{{ lein("concept", "reseau") }}', "lein: macro inconnue « lein » (vouliez-vous dire « lien » ?)"),
    "not a plain value": ("{{ lien(concept, reseau) }}", "lien: un argument n'est pas une simple valeur"),
    "unreadable": ("{{ lien( }}", "cet appel de macro est illisible"),
    "unclosed": ('{{ lien("concept", "reseau")', "« {{ » sans « }} » fermant"),
    "glue macro with an argument": ('{{ copie_hors_ligne("x") }}', "copie_hors_ligne: copie_hors_ligne() est appelée avec"),
}


@pytest.mark.parametrize("case", BAD_CALLS, ids=list(BAD_CALLS))
def test_a_bad_macro_call_is_reported_at_its_page_and_line(corpus_dir: Path, case: str) -> None:
    call, message = BAD_CALLS[case]
    (corpus_dir / "docs").mkdir(exist_ok=True)
    (corpus_dir / "docs" / "essai.md").write_text(f"# Essai\n\nUn paragraphe.\n\n{call}\n", "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 1
    assert f"docs/essai.md:5: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_good_calls_raw_blocks_and_pages_without_macros_pass(corpus_dir: Path) -> None:
    docs = corpus_dir / "docs"
    docs.mkdir(exist_ok=True)
    docs.joinpath("essai.md").write_text(
        '# Essai\n\n{{ lien("concept", "reseau") }} {{ champs("glossary") | indent(4) }}\n\n'
        '{% raw %}{{ lien("concept", "nulle-part") }}{% endraw %}\n', "utf-8")
    docs.joinpath("brut.md").write_text('---\nrender_macros: false\n---\n# Brut\n\n{{ lien("x") }}\n', "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr


def test_lines_are_counted_across_calls() -> None:
    calls, problems = scan('{{ nombre("concept") }}\n\n\n{{ lien("concept", "a") }}\n{{ x\n', "p.md")
    assert [(c.line, c.name, c.args) for c in calls] == [(1, "nombre", ("concept",)), (4, "lien", ("concept", "a"))]
    assert [(p.line, p.message.code) for p in problems] == [(5, "macro-unclosed")]


def test_the_scan_is_linear_on_a_hostile_page() -> None:
    calls, problems = scan("{{" * 200_000, "p.md")
    assert calls == [] and [p.message.code for p in problems] == ["macro-unclosed"]
    calls, problems = scan("{{ x }}" * 100_000, "p.md")
    assert calls == [] and len(problems) == 100_000


COMPARISON_PAGES = {
    "no criterion": ("---\ntitle: Réseau et partenariat\ncomparaison: {}\n---\n# Réseau\n\n"
                     '{{ compare("reseau", "partenariat") }}\n',
                     "comparaison: une page de comparaison a besoin d'un titre et de « comparaison: critere: » en tête"),
    "no table": ("---\ntitle: Réseau et partenariat\ncomparaison:\n  critere: le lien\n---\n# Réseau\n",
                 "comparaison: une page de comparaison appelle compare(...) ou continuum()"),
}


@pytest.mark.parametrize("case", COMPARISON_PAGES, ids=list(COMPARISON_PAGES))
def test_a_comparison_page_declares_its_criterion_and_its_table(corpus_dir: Path, case: str) -> None:
    page, message = COMPARISON_PAGES[case]
    (corpus_dir / "docs" / "comparer").mkdir(parents=True)
    (corpus_dir / "docs" / "comparer" / "reseau-partenariat.md").write_text(page, "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 1
    assert f"docs/comparer/reseau-partenariat.md:1: {message}" in result.stderr, result.stderr


def test_a_comparison_page_is_read_from_its_front_matter_and_call(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "comparer"
    folder.mkdir(parents=True)
    (folder / "a-b.md").write_text('---\ntitle: A et B\ncomparaison:\n  critere: "le  lien"\n---\n'
                                   '# A et B\n\n{{ compare("a", "b") }}\n', "utf-8")
    (folder / "index.md").write_text("# Comparer\n", "utf-8")
    comparisons, problems = read_comparisons(tmp_path / "docs", tmp_path)
    assert problems == []
    assert [(c.slug, c.title, c.concepts, c.criterion, c.continuum) for c in comparisons] == [
        ("a-b", "A et B", ("a", "b"), "le lien", False)]
    (folder / "0-z.md").write_text('---\ntitle: Z\ncomparaison:\n  ordre: 2\n  critere: z\n---\n{{ continuum() }}\n', "utf-8")
    (folder / "a-b.md").write_text((folder / "a-b.md").read_text("utf-8").replace("critere:", "ordre: 1\n  critere:"), "utf-8")
    assert [c.slug for c in read_comparisons(tmp_path / "docs", tmp_path)[0]] == ["a-b", "0-z"]
