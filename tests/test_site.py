"""Real MkDocs builds: the whole site in strict mode, and a build stopped by bad data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import tiers
from conftest import FIXTURE, REPO
from partenariat import load_corpus
from partenariat.data.entities import ENTITY_TYPES

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PARTENARIAT_LANG": "en"}


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    tiers.require("slow", "builds a site with MkDocs")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, env=ENV, timeout=600)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_entity_has_its_page(site: Path) -> None:
    corpus = load_corpus(REPO)
    for etype in ENTITY_TYPES:
        assert (site / etype.url / "index.html").is_file()
        for entity_id in corpus.records[etype.name]:
            assert (site / etype.url / entity_id / "index.html").is_file(), f"{etype.url}/{entity_id}"


def test_no_broken_internal_link_or_anchor_anywhere(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # its links are absolute from wherever it is served
            continue
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site)}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                assert parts.fragment in ids[target], f"{page.relative_to(site)}: missing anchor {href}"
            checked += 1
    assert checked > 10000


def test_cross_link_from_concept_to_author_resolves(site: Path) -> None:
    html = (site / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    assert 'href="../../auteurs/dhume/"' in html
    assert (site / "auteurs" / "dhume" / "index.html").is_file()
    assert "Partenariat" in (site / "auteurs" / "dhume" / "index.html").read_text("utf-8")


def test_site_is_french_and_loads_nothing_from_third_parties(site: Path) -> None:
    html = (site / "index.html").read_text("utf-8")
    assert '<html lang="fr"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        for src in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text):
            pytest.fail(f"{page.relative_to(site)} loads {src}")


def _fixture_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(REPO / "hooks", project / "hooks")
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", project / "overrides")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "partenariat").symlink_to(REPO / "partenariat")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text('# Accueil\n\n{{ nombre("concept") }} notions.\n', "utf-8")
    return project


@pytest.mark.slow
def test_build_from_fixture_data(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path)
    path = project / "concepts" / "reseau.yaml"
    path.write_text(path.read_text("utf-8").replace("connexions souples", "connexions {{ souples }} {% raw %}"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "2 notions." in (tmp_path / "site" / "index.html").read_text("utf-8")
    # data text is never run as a template by mkdocs-macros
    page = (tmp_path / "site" / "concepts" / "reseau" / "index.html").read_text("utf-8")
    assert "connexions {{ souples }} {% raw %}<sup" in page
    # its source note, numbered, under « En bref », linking to the source's page
    assert re.search(r'<li id="fn:1">\s*<p>[^<]*<a href="\.\./\.\./bibliographie/dossier/">', page)


@pytest.mark.slow
def test_bad_data_stops_the_build_with_located_messages(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path)
    path = project / "concepts" / "partenariat.yaml"
    path.write_text(path.read_text("utf-8").replace("concept: reseau", "concept: reseua"), "utf-8")
    (project / "glossary" / "cpom.yaml").write_text("id: cpom\nacronym: CPOM\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "concepts/partenariat.yaml:10: related[0].concept: unknown concept 'reseua' (did you mean 'reseau'?)" in output
    assert "glossary/cpom.yaml:1: expansion: required field is missing" in output
    assert not (tmp_path / "site" / "index.html").exists()
    tiers.require("slow", "builds a site with MkDocs")
    french = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={**ENV, "PARTENARIAT_LANG": "fr"})
    assert "glossary/cpom.yaml:1: expansion: champ obligatoire absent : ajoutez-le" in french.stderr


@pytest.mark.slow
def test_bad_macro_argument_fails_the_build(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path)
    (project / "docs" / "index.md").write_text('# Accueil\n\n{{ lien("concept", "resau") }}\n', "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "unknown concept 'resau' (did you mean 'reseau'?)" in result.stdout + result.stderr


def test_acronyms_have_tooltips_on_generated_and_hand_written_pages(site: Path) -> None:
    home = (site / "index.html").read_text("utf-8")
    assert '<abbr title="Contrat pluriannuel d\'objectifs et de moyens">CPOM</abbr>' in home
    case = (site / "cas" / "trepos-encadre-3-valenciennes" / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="[^"]+">E2C</abbr>', case)
    assert re.search(r'<abbr title="[^"]+">QPV</abbr>', case)


def test_every_entity_page_has_its_backlinks_review_date_and_citation(site: Path) -> None:
    corpus = load_corpus(REPO)
    for etype in ENTITY_TYPES:
        for entity_id in corpus.records[etype.name]:
            html = (site / etype.url / entity_id / "index.html").read_text("utf-8")
            assert 'id="cite-dans"' in html, f"{etype.url}/{entity_id}"
            assert "Dernière relecture" in html and "Citer cette page" in html, f"{etype.url}/{entity_id}"


def test_concept_page_sections(site: Path) -> None:
    html = (site / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    for heading in ("En bref", "Définitions clés", "Comparer",
                    "Notions voisines", "Traits de comparaison", "Cas et encadrés",
                    "Dans les référentiels", "Sources", "Cité dans"):
        assert f">{heading}<" in html, heading
    assert re.search(r">Autres définitions \(\d+\)<", html)
    assert "Ne pas confondre avec" in html
    assert html.count("<blockquote>") >= 10  # quotations are marked as such
    assert 'href="../../referentiels/bts-esf/#c4-1"' in html


def test_comparison_pages_are_built_from_the_data(site: Path) -> None:
    html = (site / "comparer" / "partenariat-reseau" / "index.html").read_text("utf-8")
    start = html.index('<table class="pkb-compare">')
    table = html[start:html.index("</table>", start)]
    for row in ("Finalité", "Formalisation", "Autorité, hiérarchie", "Engagement"):
        assert f'<th scope="row">{row}</th>' in table
    assert 'href="../../auteurs/simondi/"' in table and 'href="../../bibliographie/' in table


def test_continuum_diagram_is_accessible_inline_svg(site: Path) -> None:
    html = (site / "comparer" / "continuum" / "index.html").read_text("utf-8")
    start = html.index('<figure class="pkb-continuum">')
    svg = html[start:html.index("</svg>", start)]
    assert 'role="group"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Information → Consultation → Concertation → Partenariat" in svg  # Brachet's scale, in the description
    for concept in ("information", "consultation", "concertation", "cooperation", "partenariat", "fusion"):
        assert f'href="../../concepts/{concept}/"' in svg
    assert (site / "concepts" / "fusion" / "index.html").is_file()


def test_concept_map_and_quiz(site: Path) -> None:
    html = (site / "concepts" / "cooperation" / "index.html").read_text("utf-8")
    start = html.index('<figure class="pkb-continuum pkb-map">')
    svg = html[start:html.index("</svg>", start)]
    assert 'role="group"' in svg and "<desc id=" in svg
    assert "Coopération se distingue de Collaboration" in svg  # the relations, in words, for screen readers
    assert 'href="../../concepts/collaboration/"' in svg
    assert ">Testez-vous<" in html and "Voir la réponse" in html
    quiz = html[html.index('id="testez-vous"'):html.index('id="cite-dans"')]
    assert "<details" in quiz  # answers hidden until asked, no JavaScript needed


def test_source_page_lists_its_quoted_passages(site: Path) -> None:
    html = (site / "bibliographie" / "dhume-2001-travail-social-travail-ensemble" / "index.html").read_text("utf-8")
    passages = html[html.index('id="passages-cites"'):html.index('id="cite-dans"')]
    assert "<blockquote>" in passages and "Une méthode d'action coopérative" in passages
    assert 'href="../../concepts/partenariat/"' in passages
