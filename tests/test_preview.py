"""Live preview: an edit re-renders what it changes, and the preview then shows what a full
build shows for the same data; a broken edit keeps the last good data and says what is wrong."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from partenariat import DataError
from partenariat.derive.tracking import changed_keys, snapshot, tracked
from partenariat.preview import load_for_preview, preview_of
from partenariat.site import SiteOptions, build_site
from test_site import _fixture_project

DRIVER = REPO / "tests" / "previewdriver.py"


def test_broken_edit_keeps_the_last_good_corpus(corpus_dir: Path) -> None:
    corpus, problems = load_for_preview(corpus_dir)
    assert problems == [] and "reseau" in corpus.records["concept"]
    path = corpus_dir / "glossary" / "cpom.yaml"
    path.write_text(path.read_text("utf-8").replace("domain: medico-social", "domain: sociale"), "utf-8")
    again, problems = load_for_preview(corpus_dir)
    assert again is corpus
    assert [str(p) for p in problems] == [
        "glossary/cpom.yaml:4: domain: 'sociale' is not an allowed value (did you mean 'social'?)"]
    path.write_text(path.read_text("utf-8").replace("domain: sociale", "domain: sante"), "utf-8")
    fixed, problems = load_for_preview(corpus_dir)
    assert problems == [] and fixed is not corpus
    assert fixed.get("glossary", "cpom").domain == "sante"


def test_broken_data_without_a_good_version_stops(tmp_path: Path, corpus_dir: Path) -> None:
    (corpus_dir / "concepts" / "reseau.yaml").write_text("", "utf-8")
    with pytest.raises(DataError):
        load_for_preview(corpus_dir)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_an_edit_renders_again_only_the_pages_that_read_what_it_changed(corpus_dir: Path) -> None:
    options = SiteOptions(preview=True)
    first = build_site(corpus_dir, options)
    assert first.changed is None  # a first build: every page is new
    assert build_site(corpus_dir, options).changed == frozenset()  # nothing edited, nothing rendered
    _edit(corpus_dir / "concepts" / "reseau.yaml", "connexions souples[[", "connexions lâches[[")
    site = build_site(corpus_dir, options)
    preview = preview_of(corpus_dir)
    full = {p.path: p.markdown for p in build_site(corpus_dir).pages}
    assert {p.path: p.markdown for p in site.pages} == full  # the pages a full build makes
    assert "concepts/reseau.md" in (site.changed or ())
    assert preview.last_rendered < preview.last_total / 2, (preview.last_rendered, preview.last_total)
    before = {p.path: p.markdown for p in first.pages}
    assert site.changed == {path for path in full if full[path] != before[path]}  # exactly those that differ


def test_changed_keys_say_what_an_edit_changed(corpus_dir: Path) -> None:
    from partenariat.checks.load import load_corpus
    from partenariat.derive.index import build_index

    def snap() -> object:
        corpus = load_corpus(corpus_dir)
        reading, index = tracked(corpus, build_index(corpus))
        from partenariat.derive.core import Context

        return snapshot(reading, index, Context(reading, index).definers)

    before = snap()
    assert changed_keys(before, snap()) == set()  # type: ignore[arg-type]
    _edit(corpus_dir / "concepts" / "reseau.yaml", "connexions souples[[", "connexions lâches[[")
    keys = changed_keys(before, snap())  # type: ignore[arg-type]
    assert {("entry", "concept", "reseau"), ("all", "concept")} <= keys
    assert not any(k[:2] == ("entry", "glossary") for k in keys)  # type: ignore[index]


# --- the preview server's builds, on the fixture project ---------------------------------------


def preview_build(project: Path, site: Path, edits: list[list[str]], keep: bool = False) -> list[dict[str, object]]:
    """Run the builds of `mkdocs serve --dirty` (tests/previewdriver.py): one line per build."""
    result = subprocess.run([sys.executable, str(DRIVER), str(project), str(site), json.dumps(edits),
                             *(["--keep"] if keep else [])],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _shown(site: Path) -> dict[str, str]:
    """What a reader sees: every page, and the search index (not the downloads: a preview
    refreshes them at its full builds)."""
    return {str(p.relative_to(site)): p.read_text("utf-8") for p in sorted(site.rglob("*"))
            if p.suffix == ".html" or p.parent.name == "search"}


def test_the_preview_after_edits_shows_what_a_full_build_shows(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path)
    edits = [
        ["concepts/reseau.yaml", "connexions souples[[", "connexions lâches[["],  # shown on other pages
        ["glossary/cpom.yaml", "Contrat pluriannuel", "Contrat pluriel"],  # a tooltip wherever CPOM is written
        ["concepts/reseau.yaml", "id: reseau", "id: reseau-bis"],  # broken: the last good pages, and the problem
        ["concepts/reseau.yaml", "id: reseau-bis", "id: reseau"],  # fixed
        ["authors/dhume.yaml", "given: Fabrice", "given: Fabien"],  # a title in the nav
        ["concepts/partenariat.yaml", "engagement libre", "engagement volontaire"],  # a definition: the question bank
        ["concepts/partenariat.yaml", "relation: distinct-de", "relation: s-oppose-a"],  # a relation: the other notion's page
    ]
    builds = preview_build(project, tmp_path / "preview", edits, keep=True)
    assert [b["full"] for b in builds] == [True] + [False] * len(edits)
    total = int(str(builds[0]["html"]))
    assert all(int(str(b["html"])) < total for b in builds[1:])  # never every page again
    assert builds[3]["html"] == 0 and builds[3]["markdown"] == 0  # the broken edit renders nothing

    broken = (tmp_path / "preview.3" / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    assert "Données invalides" in broken and "concepts/reseau.yaml:1: id:" in broken
    assert "connexions lâches" in (tmp_path / "preview.3" / "concepts" / "reseau" / "index.html").read_text("utf-8")
    fixed = (tmp_path / "preview.4" / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    assert "Données invalides" not in fixed

    for step, name in ((2, "preview.2"), (len(edits), "preview")):  # after the first two edits, after all
        reference = _fixture_project(tmp_path / f"reference-{step}")  # the same data, built at once
        for path, old, new in edits[:step]:
            _edit(reference / path, old, new)
        assert preview_build(reference, tmp_path / f"full-{step}", [])[0]["full"]
        preview, full = _shown(tmp_path / name), _shown(tmp_path / f"full-{step}")
        assert preview.keys() == full.keys()
        assert [path for path in full if preview[path] != full[path]] == [], step
    assert "Fabien" in full["auteurs/index.html"] and "Contrat pluriel" in full["glossaire/cpom/index.html"]
    assert "engagement volontaire" in full["concepts/partenariat/index.html"]
