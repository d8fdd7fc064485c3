"""The command line, run as a user would: exit codes, messages, no traceback."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from partenariat import load_corpus
from partenariat.render.pages import page_paths


def test_check_ok_prints_counts(corpus_dir: Path) -> None:
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr
    # the fixture corpus has one legal text, one case, one curriculum: the nouns agree with the count
    assert result.stdout.startswith("OK: 11 entrées (2 concepts, 2 auteurs, 2 sources, 1 texte juridique, "
                                    "2 sigles, 1 cas, 1 référentiel)")


def test_check_broken_lists_every_problem_without_traceback(corpus_dir: Path) -> None:
    (corpus_dir / "concepts" / "reseau.yaml").write_text("id: reseau\nterm: Réseau\n\tsummary: x\n", "utf-8")
    path = corpus_dir / "cases" / "encadre-1.yaml"
    path.write_text(path.read_text("utf-8").replace("source: dossier", "source: dosier"), "utf-8")
    result = run_cli("--root", str(corpus_dir), "check", "--lang", "en")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "concepts/reseau.yaml:3: tab character in indentation (indent with spaces only)" in lines
    assert "cases/encadre-1.yaml:13: source: unknown source 'dosier' (did you mean 'dossier'?)" in lines
    assert lines[-1] == "2 problems in the data."

    # editors get French by default, with the fix to apply
    result = run_cli("--root", str(corpus_dir), "check")
    lines = result.stderr.splitlines()
    assert "concepts/reseau.yaml:3: tabulation dans l'indentation (indentez avec des espaces seulement)" in lines
    assert "cases/encadre-1.yaml:13: source: source inconnue « dosier » (vouliez-vous dire « dossier » ?)" in lines
    assert lines[-1] == "2 problèmes dans les données."


def test_render_writes_every_page(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "rendered"
    result = run_cli("--root", str(corpus_dir), "render", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))
    entries = sum(load_corpus(corpus_dir).counts().values())
    assert written == sorted(page_paths(load_corpus(corpus_dir)))  # every page, as the site has them
    assert len(written) > entries + 7  # each entry, each index, and the section pages
    assert "concepts/partenariat.md" in written and "nouveautes.md" in written
    assert (out / "glossaire" / "cpom.md").read_text("utf-8").count("# CPOM") == 1
