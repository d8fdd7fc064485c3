"""Publication: the published address (SITE_URL), « Nouveautés » and its Atom feed, the
edition, the CI workflows, and the build with ProperDocs (MkDocs' maintained fork).

Real builds: a small fixture project made into a git repository with a dated history (an
entry added, one revised), built with SITE_URL; the real site without SITE_URL (the session
`site` fixture) and with ProperDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

import tiers
from conftest import FIXTURE, REPO
from partenariat import load_corpus
from partenariat.data.entities import BY_NAME, ENTITY_TYPES
from partenariat.derive.addresses import url_of_source
from partenariat.derive.edition import Edition, read_edition
from partenariat.export import build_exports
from partenariat.render.common import first_sentence
from partenariat.render.pages import build_pages
from test_site import _fixture_project

SITE_URL = "https://formation.example.org/partenariat/"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PARTENARIAT_LANG": "en"}
ENV.pop("SITE_URL", None)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env).stdout


def make_project(root: Path) -> Path:
    """The fixture corpus with the real hooks, theme overrides and config, as a git repository:
    everything added on 25 November 2026; on 2 December, `reseau` revised and `ccas` added."""
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    for folder in ("hooks", "overrides"):
        shutil.copytree(REPO / folder, project / folder)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "partenariat").symlink_to(REPO / "partenariat")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Accueil\n", "utf-8")
    (project / "docs" / "formateurs.md").write_text("# Formateurs\n\n{{ copie_hors_ligne() }}\n", "utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first edition", date="2026-11-25T10:00:00+00:00")
    reseau = project / "concepts" / "reseau.yaml"
    reseau.write_text(reseau.read_text("utf-8") + "\n", "utf-8")
    ccas = (project / "glossary" / "essms.yaml").read_text("utf-8").replace("id: essms", "id: ccas")
    (project / "glossary" / "ccas.yaml").write_text(ccas.replace("acronym: ESSMS", "acronym: CCAS"), "utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "revise reseau, add ccas", date="2026-12-02T10:00:00+00:00")
    return project


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project, site): the fixture project built with SITE_URL and an offline zip to publish."""
    root = tmp_path_factory.mktemp("published")
    project = make_project(root)
    archive = root / "offline.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("partenariat-hors-ligne/index.html", "<html></html>")
    site = root / "site"
    env = {**ENV, "SITE_URL": SITE_URL, "PARTENARIAT_OFFLINE_ZIP": str(archive)}
    tiers.require("slow", "builds a site with MkDocs")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def html_pages(site: Path) -> dict[str, Path]:
    """Published address (relative to the site root) → built page, redirect stubs and 404 left out."""
    pages = {}
    for path in site.rglob("index.html"):
        if 'http-equiv="refresh"' in path.read_text("utf-8")[:2000]:
            continue
        relative = path.parent.relative_to(site).as_posix()
        pages["" if relative == "." else relative + "/"] = path
    return pages


def head_link(html: str, rel: str) -> str | None:
    match = re.search(rf'<link rel="{rel}" href="([^"]*)"', html)
    return match.group(1) if match else None


def meta(html: str, prop: str) -> str | None:
    match = re.search(rf'<meta property="{prop}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


# --- with SITE_URL -------------------------------------------------------------------------

@pytest.mark.slow  # builds the fixture project (`published`)
def test_sitemap_lists_every_page_at_its_canonical_address(published: tuple[Path, Path]) -> None:
    _, site = published
    pages = html_pages(site)
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", SITEMAP_NS)]
    assert sorted(locs) == sorted(SITE_URL + address for address in pages)
    for address, path in pages.items():
        html = path.read_text("utf-8")
        assert head_link(html, "canonical") == SITE_URL + address, address
        # what « copier le lien » builds a shared address from (site.js)
        assert f'<meta name="pkb-published" content="{SITE_URL}">' in html, address


@pytest.mark.slow  # builds the fixture project (`published`)
def test_open_graph_title_description_from_en_bref_and_url(published: tuple[Path, Path]) -> None:
    project, site = published
    corpus = load_corpus(project)
    for concept in corpus.entities("concept"):
        html = (site / "concepts" / concept.id / "index.html").read_text("utf-8")  # type: ignore[attr-defined]
        assert meta(html, "og:title") == concept.term  # type: ignore[attr-defined]
        assert meta(html, "og:description") == first_sentence(concept.summary)  # type: ignore[attr-defined]
        assert meta(html, "og:url") == f"{SITE_URL}concepts/{concept.id}/"  # type: ignore[attr-defined]
    assert meta((site / "index.html").read_text("utf-8"), "og:type") == "website"


@pytest.mark.slow  # builds the fixture project (`published`)
def test_json_ld_exports_and_citation_carry_the_published_address(published: tuple[Path, Path]) -> None:
    project, site = published
    html = (site / "concepts" / "reseau" / "index.html").read_text("utf-8")
    assert f'"@id": "{SITE_URL}concepts/reseau/"' in html
    cite = re.search(r'<p class="pkb-cite"[^>]*>(.*?)</p>', html, re.S)
    assert cite, "no citation"
    commit = git(project, "rev-parse", "--short", "HEAD").strip()
    assert f"Édition du 2 décembre 2026 ({commit})" in cite.group(1)
    assert f'href="{SITE_URL}concepts/reseau/"' in cite.group(1)
    assert f"{SITE_URL}glossaire/cpom/" in (site / "glossaire.csv").read_text("utf-8-sig")
    assert f"{SITE_URL}concepts/reseau/" in (site / "concepts-moodle.xml").read_text("utf-8")


@pytest.mark.slow  # builds the fixture project (`published`)
def test_footer_states_the_edition_of_the_last_commit(published: tuple[Path, Path]) -> None:
    project, site = published
    commit = git(project, "rev-parse", "--short", "HEAD").strip()
    for page in html_pages(site).values():
        footer = page.read_text("utf-8").split('class="md-copyright__highlight"')[1][:400]
        assert f"Édition du 2 décembre 2026 ({commit})." in footer, page


@pytest.mark.slow  # builds the fixture project (`published`)
def test_formateurs_links_the_published_offline_copy(published: tuple[Path, Path]) -> None:
    _, site = published
    html = (site / "formateurs" / "index.html").read_text("utf-8")
    href = re.search(r'href="([^"]*partenariat-hors-ligne\.zip)"', html)
    assert href, "no link to the offline copy"
    target = (site / "formateurs" / href.group(1)).resolve()
    assert zipfile.ZipFile(target).namelist() == ["partenariat-hors-ligne/index.html"]


# --- « Nouveautés » and the feed -------------------------------------------------------------

@pytest.mark.slow  # builds the fixture project (`published`)
def test_feed_lists_new_and_revised_entries_with_their_pages(published: tuple[Path, Path]) -> None:
    project, site = published
    feed = feedparser.parse((site / "nouveautes.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == "fr"
    pages = html_pages(site)
    by_link = {entry.link: entry for entry in feed.entries}
    corpus = load_corpus(project)
    for etype in ENTITY_TYPES:  # every entry of the corpus changed within the year: all listed
        for entity_id in corpus.records[etype.name]:
            link = f"{SITE_URL}{etype.url}/{entity_id}/"
            assert link in by_link, link
            assert link.removeprefix(SITE_URL) in pages
    reseau, ccas, cpom = (by_link[f"{SITE_URL}{p}/"] for p in ("concepts/reseau", "glossaire/ccas", "glossaire/cpom"))
    assert "révisée" in reseau.title and reseau.updated.startswith("2026-12-02") and reseau.published.startswith("2026-11-25")
    assert "nouvelle" in ccas.title and ccas.published.startswith("2026-12-02")
    assert "nouvelle" in cpom.title and cpom.updated.startswith("2026-11-25")
    assert feed.entries[0].updated >= feed.entries[-1].updated  # newest first
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


@pytest.mark.slow  # builds the fixture project (`published`)
def test_news_page_groups_changes_by_day(published: tuple[Path, Path]) -> None:
    _, site = published
    html = (site / "nouveautes" / "index.html").read_text("utf-8")
    december = html[html.index('id="2-decembre-2026"'):html.index('id="25-novembre-2026"')]
    assert "Fiches révisées" in december and 'href="../concepts/reseau/"' in december
    assert "Nouvelles fiches" in december and 'href="../glossaire/ccas/"' in december
    assert "Historique indisponible" not in html
    assert 'type="application/atom+xml"' in html


@pytest.mark.parametrize("kind", ["shallow", "no-git"])
def test_without_full_history_the_review_dates_are_used(tmp_path: Path, kind: str) -> None:
    """CI clones may be shallow; an archive has no git: no traceback, the page says so."""
    project = make_project(tmp_path)
    if kind == "shallow":
        copy = tmp_path / "shallow"
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(copy)], check=True)
    else:
        copy = tmp_path / "archive"
        shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".git"), symlinks=True)
    corpus = load_corpus(copy)
    news = next(p for p in build_pages(corpus) if p.path == "nouveautes.md")
    assert "Historique indisponible" in news.markdown and "Fiches relues" in news.markdown
    feed_text = next(f.content for f in build_exports(corpus) if f.path == "nouveautes.xml")
    feed = feedparser.parse(feed_text.encode("utf-8"))
    assert not feed.bozo
    assert {e.link for e in feed.entries} == {f"{BY_NAME[t].url}/{i}/" for t in corpus.records for i in corpus.records[t]}
    assert all("relue" in e.title for e in feed.entries)


# --- without SITE_URL (the real site, local or offline) -----------------------------------------

def test_without_site_url_no_address_is_claimed(site: Path) -> None:
    locs = ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", SITEMAP_NS)
    assert locs == []
    for address, path in html_pages(site).items():
        html = path.read_text("utf-8")
        assert head_link(html, "canonical") is None and meta(html, "og:url") is None, address
        assert 'name="pkb-published"' not in html, address
        cite = re.search(r'<p class="pkb-cite"[^>]*>(.*?)</p>', html, re.S)
        if cite:
            assert "://" not in cite.group(1), address
            assert f"adresse de publication non configurée (page {address} du site)" in cite.group(1), address
    assert "location.href" not in (site / "assets" / "javascripts" / "site.js").read_text("utf-8")


def test_real_feed_lists_every_recently_reviewed_entry(site: Path) -> None:
    feed = feedparser.parse((site / "nouveautes.xml").read_bytes())
    assert not feed.bozo
    links = {entry.link: entry for entry in feed.entries}
    newest = max(entry.updated[:10] for entry in feed.entries)
    year_before = f"{int(newest[:4]) - 1}{newest[4:]}"
    corpus = load_corpus(REPO)
    for etype in ENTITY_TYPES:
        for entity in corpus.entities(etype.name):
            link = f"{etype.url}/{entity.id}/"  # type: ignore[attr-defined]
            if entity.reviewed.isoformat() >= year_before:  # type: ignore[attr-defined]
                assert link in links, link
                assert links[link].updated[:10] >= entity.reviewed.isoformat()  # type: ignore[attr-defined]
                assert (site / link / "index.html").is_file()


# --- the edition ------------------------------------------------------------------------------

def test_edition_is_the_last_commit_and_says_when_it_was_modified(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    assert read_edition(repo).commit == ""  # not a git repository: a date, no commit
    git(repo, "init", "-q")
    (repo / "a.txt").write_text("a", "utf-8")
    git(repo, "add", "a.txt")
    git(repo, "commit", "-qm", "a", date="2026-03-01T08:00:00+00:00")
    edition = read_edition(repo)
    assert edition.label == f"Édition du 1er mars 2026 ({git(repo, 'rev-parse', '--short', 'HEAD').strip()})"
    (repo / "a.txt").write_text("b", "utf-8")
    assert read_edition(repo).label.endswith(", modifiée localement)")
    assert Edition(edition.date).label == "Édition du 1er mars 2026"


# --- publication pipeline ----------------------------------------------------------------------

WORKFLOWS = {".github/workflows/pages.yml": "vendor.github-workflows", ".gitlab-ci.yml": "vendor.gitlab-ci"}


def check_schema(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with its vendored schema: no network needed."""
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_workflow_is_valid_against_its_schema(workflow: str, tmp_path: Path) -> None:
    result = check_schema(REPO / workflow, WORKFLOWS[workflow])
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / Path(workflow).name  # the check can fail: a misspelt key is refused
    broken.write_text((REPO / workflow).read_text("utf-8").replace("script:", "scirpt:").replace("runs-on:", "runs_on:"), "utf-8")
    assert check_schema(broken, WORKFLOWS[workflow]).returncode != 0


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_workflow_tests_then_publishes_with_the_address_and_full_history(workflow: str) -> None:
    text = (REPO / workflow).read_text("utf-8")
    doc = yaml.safe_load(text)
    commands = text[text.index("jobs:" if "jobs:" in text else "stages:"):]
    assert commands.index("make test") < commands.index("make publish")
    assert re.search(r'SITE_URL[:=] ?"?\$', text), "SITE_URL comes from the Pages address"
    assert "partenariat render" in text and "partenariat export" in text
    if workflow == ".gitlab-ci.yml":
        assert doc["variables"]["GIT_DEPTH"] == "0" and doc["pages"]["artifacts"]["paths"] == ["public"]
    else:
        steps = doc["jobs"]["build"]["steps"]
        assert steps[0]["with"]["fetch-depth"] == 0
        assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") for s in steps)
        assert doc["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_makefile_publish_zips_the_offline_copy_for_the_online_build() -> None:
    text = (REPO / "Makefile").read_text("utf-8")
    recipe = text[text.index("\npublish:"):].split("\n\n")[0]
    assert recipe.index("OFFLINE=true") < recipe.index("make_archive") < recipe.index("PARTENARIAT_OFFLINE_ZIP=")


def test_constraints_exclude_mkdocs_2_and_allow_the_installed_version() -> None:
    from importlib.metadata import version

    lines = [line.split("#")[0].strip() for line in (REPO / "constraints.txt").read_text("utf-8").splitlines()]
    specs = {r.name: r.specifier for r in map(Requirement, filter(None, lines))}
    assert "2.0.0" not in specs["mkdocs"]
    assert "2.0.0a1" not in SpecifierSet(str(specs["mkdocs"]), prereleases=True)
    assert version("mkdocs") in specs["mkdocs"]


# --- past MkDocs' end of life: ProperDocs -----------------------------------------------------

@pytest.mark.slow
def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path: Path) -> None:
    """The same project (the fixture corpus: every kind of page, the hooks, macros and theme)
    built by MkDocs and by ProperDocs gives the same files."""
    project = _fixture_project(tmp_path)
    built = {}
    for tool in ("mkdocs", "properdocs"):
        out = tmp_path / f"{tool}-site"
        tiers.require("slow", "builds a site with MkDocs")
        result = subprocess.run([str(BIN / tool), "build", "-f", "mkdocs.yml", "--strict", "-q", "-d", str(out)],
                                cwd=project, capture_output=True, text=True, env=ENV, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        built[tool] = out
    assert 'content="mkdocs-ProperDocs 1.6.7' in (built["properdocs"] / "index.html").read_text("utf-8")  # not MkDocs
    files = {tool: {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.suffix != ".gz"}
             for tool, out in built.items()}
    assert files["properdocs"] == files["mkdocs"]
    assert set(html_pages(built["properdocs"])) == set(html_pages(built["mkdocs"]))
    assert len(html_pages(built["mkdocs"])) > 10


def test_render_without_mkdocs_writes_every_generated_page_of_the_site(site: Path, tmp_path: Path) -> None:
    """The generator-independent step: `python -m partenariat render` gives the site's pages."""
    out = tmp_path / "pages"
    result = subprocess.run([sys.executable, "-m", "partenariat", "render", str(out)], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(out).as_posix() for p in out.rglob("*.md")} | {
        p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")}
    assert {url_of_source(path) for path in written} == set(html_pages(site))
