"""Stable addresses: the committed manifest, and « rename + redirect » tried for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import tiers
from conftest import REPO, run_cli
from partenariat.checks.urls import current_urls, read_manifest, write_manifest
from partenariat.render.pages import page_paths
from partenariat.render.redirects import french_redirect, redirect_target
from partenariat.site import build_site, check_site
from test_site import ENV, _fixture_project


def test_manifest_lists_every_published_address() -> None:
    corpus = check_site(REPO)  # raises DataError if an address vanished or a redirect is wrong
    current = current_urls(REPO / "docs", page_paths(corpus), corpus)
    missing = current - read_manifest(REPO)
    assert not missing, f"run: python -m partenariat urls --write ({sorted(missing)[:5]}…)"
    assert {"", "concepts/partenariat/", "glossaire/cpom/", "referentiels/bts-esf/", "comparer/"} <= current


@pytest.mark.slow
def test_rename_needs_a_redirect_and_the_old_address_keeps_working(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path)
    write_manifest(project, current_urls(project / "docs", [page.path for page in build_site(project).pages]))
    # rename concepts/reseau → concepts/reseaux, and update what refers to it
    old = project / "concepts" / "reseau.yaml"
    (project / "concepts" / "reseaux.yaml").write_text(old.read_text("utf-8").replace("id: reseau", "id: reseaux"))
    old.unlink()
    for path in (project / "concepts" / "partenariat.yaml", project / "curricula" / "bts-esf.yaml"):
        text = path.read_text("utf-8").replace("concept:reseau|", "concept:reseaux|")
        path.write_text(text.replace("concept: reseau\n", "concept: reseaux\n").replace(", reseau]", ", reseaux]"))

    result = run_cli("--root", str(project), "check", "--lang", "en")
    assert result.returncode == 1
    assert ("urls.txt: concepts/reseau/: published address no longer exists "
            "(add 'concepts/reseau: concepts/reseaux' to redirects.yaml)") in result.stderr

    (project / "redirects.yaml").write_text("concepts/reseau: concepts/reseaux\n", "utf-8")
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 0, result.stderr

    site = tmp_path / "site"
    tiers.require("slow", "builds a site with MkDocs")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                           cwd=project, capture_output=True, text=True, env=ENV, timeout=600)
    assert build.returncode == 0, build.stderr
    redirect = (site / "concepts" / "reseau" / "index.html").read_text("utf-8")
    assert 'http-equiv="refresh"' in redirect and "../reseaux/" in redirect
    assert '<html lang="fr">' in redirect and "Cette page a changé d'adresse" in redirect  # not the plugin's English
    assert "Redirecting" not in redirect and "redirected" not in redirect
    assert (site / "concepts" / "reseaux" / "index.html").is_file()


def test_a_redirect_page_of_the_offline_copy_opens_the_target_file() -> None:
    written = ('<html lang="en"><head><link rel="canonical" href="../g2-c-4/">'
               '<meta http-equiv="refresh" content="0; url=../g2-c-4/"></head></html>')
    target = redirect_target(written)
    assert target == "../g2-c-4/"
    offline = french_redirect(target, offline=True)
    assert 'url=../g2-c-4/index.html"' in offline and 'location.href="../g2-c-4/index.html"' in offline
    assert 'href="../g2-c-4/index.html">' in offline
    assert redirect_target("<html><p>une page</p></html>") is None


def test_bad_redirects_are_reported(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path)
    (project / "redirects.yaml").write_text("concepts/partenariat: concepts/reseau\nconcepts/vieux: concepts/resau\n")
    result = run_cli("--root", str(project), "check", "--lang", "en")
    assert result.returncode == 1
    assert ("redirects.yaml:1: concepts/partenariat: 'concepts/partenariat' is still a page of the site "
            "(a redirect is only for an address that no longer exists)") in result.stderr
    assert ("redirects.yaml:2: concepts/vieux: redirect target 'concepts/resau' is not a page of the site "
            "(did you mean 'reseau'?)") in result.stderr


def test_a_published_competency_link_must_stay(tmp_path: Path) -> None:
    """A curriculum item's link (`referentiels/bts-esf/#c4-1`) is in the manifest; changing the
    code that made it is reported, in French too, with the way back (an anchor cannot redirect)."""
    project = _fixture_project(tmp_path)
    site = build_site(project)
    current = current_urls(project / "docs", [page.path for page in site.pages], site.corpus)
    assert "referentiels/bts-esf/#c4-1" in current
    write_manifest(project, current)
    curriculum = project / "curricula" / "bts-esf.yaml"
    curriculum.write_text(curriculum.read_text("utf-8").replace("code: C4.1", "code: C4.2"), "utf-8")
    english = run_cli("--root", str(project), "check", "--lang", "en")
    assert english.returncode == 1
    assert ("urls.txt: referentiels/bts-esf/#c4-1: published address no longer exists "
            "(give an item of referentiels/bts-esf/ back 'anchor: c4-1' (or its code), or list it in its "
            "'former_anchors')") in english.stderr
    french = run_cli("--root", str(project), "check")
    assert "rendez « anchor: c4-1 » à un item de referentiels/bts-esf/ (ou son code)" in french.stderr


def test_a_former_anchor_keeps_a_published_link_on_its_item(tmp_path: Path) -> None:
    """An item that gets a new anchor keeps its published one in `former_anchors`: old links land on
    it, its pack page redirects, and no made anchor can take the old one back."""
    project = _fixture_project(tmp_path)
    site = build_site(project)
    write_manifest(project, current_urls(project / "docs", [page.path for page in site.pages], site.corpus))
    curriculum = project / "curricula" / "bts-esf.yaml"
    curriculum.write_text(curriculum.read_text("utf-8").replace(
        "      - code: C4.1\n", "      - code: C4.1\n        anchor: f3-c4-1\n        former_anchors: [c4-1]\n"), "utf-8")
    result = run_cli("--root", str(project), "check", "--lang", "en")
    assert result.returncode == 1  # the anchor stays; the pack page moved and needs its redirect
    assert "#c4-1" not in result.stderr
    assert "urls.txt: referentiels/bts-esf/c4-1/: published address no longer exists" in result.stderr
    (project / "redirects.yaml").write_text("referentiels/bts-esf/c4-1: referentiels/bts-esf/f3-c4-1\n", "utf-8")
    assert run_cli("--root", str(project), "check").returncode == 0
    page = next(p for p in build_site(project).pages if p.path == "referentiels/bts-esf.md").markdown
    assert '<span id="c4-1"></span><span id="f3-c4-1"></span>' in page
