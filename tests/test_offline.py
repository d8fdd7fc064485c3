"""The offline copy, opened from file:// in a real browser: same paths as online, navigation
and search working, nothing fetched from the network."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import linkwalk
import pytest

from browser import chromium
from conftest import REPO, real_corpus
from partenariat.export.bundles import bundles
from partenariat.render.offline import rewrite_html


def test_same_paths_as_online(offline_site: Path) -> None:
    for path in ("index.html", "glossaire/index.html", "glossaire/cpom/index.html",
                 "concepts/partenariat/index.html", "referentiels/bts-esf/index.html"):
        assert (offline_site / path).is_file(), path
    html = (offline_site / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    assert 'href="../reseau/index.html"' in html
    assert "unpkg.com" not in (offline_site / "index.html").read_text("utf-8")
    assert "assets/javascripts/vendor/iframe-worker-shim.js" in (offline_site / "index.html").read_text("utf-8")
    for name in ("search_index", "noms", "texte"):  # Material's stub and the shards, as scripts
        assert (offline_site / "search" / f"{name}.js").is_file()


@pytest.mark.browser
def test_deep_link_navigation_and_search_from_file(offline_site: Path) -> None:
    with chromium() as browser:
        page = browser.new_page()
        remote: list[str] = []
        page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "blob:",
                                                                                       "about:")) else None)
        page.goto((offline_site / "glossaire" / "index.html").as_uri() + "#cpom")
        assert page.locator("h1").first.inner_text().startswith("Glossaire")
        page.locator("td#cpom a").click()
        page.wait_for_load_state()
        assert page.url.endswith("/glossaire/cpom/index.html")
        assert "Contrat pluriannuel d'objectifs et de moyens" in page.locator("article").inner_text()

        page.goto((offline_site / "concepts" / "partenariat" / "index.html").as_uri())
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator(".md-search__input").press_sequentially("CPOM", delay=50)
        result = page.locator(".md-search-result__item a").first
        result.wait_for(timeout=15000)
        href = result.get_attribute("href") or ""
        assert "glossaire/cpom/index.html" in href
        result.click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith("/glossaire/cpom/index.html")  # ?h=cpom highlights the term
        assert remote == []


def test_every_link_of_the_copy_opens(offline_site: Path) -> None:
    """Walks every href, xlink:href and src of every page (SVG diagrams included): each opens an
    existing file, and its anchor exists in it."""
    local = [link for link in linkwalk.links(offline_site) if linkwalk.is_local(link.value)]
    broken = sorted({f"{link.page.relative_to(offline_site)}: {link.attribute}={link.value}: {why}"
                     for link in local if (why := linkwalk.problem(link, offline_site))})
    print(f"offline links checked: {len(local)}, broken: {len(broken)}")
    walked = {link.page for link in local}
    # every page, not a sample (404.html is only served by a web server, never opened from file://)
    assert walked == set(offline_site.rglob("*.html")) - {offline_site / "404.html"}
    assert {link.page.parent.parent.name for link in local if link.in_svg} >= {"concepts", "comparer"}
    assert broken == [], f"{len(broken)} of {len(local)} links broken:\n" + "\n".join(broken[:40])


@pytest.mark.browser
def test_every_export_link_of_formateurs_downloads_from_file(offline_site: Path) -> None:
    """From file:// a browser ignores `download` and shows an XML or text file in the tab; it
    always saves a zip. Each link of « Formateurs » to a file (every export, one by one and in
    bundles) is clicked: a zip is saved and the page stays where it was."""
    formateurs = offline_site / "formateurs" / "index.html"
    written = (REPO / "docs" / "formateurs.md").read_text("utf-8")
    file_links = re.findall(r"\]\(([^)#]+\.(?!md\))\w+)\)", written)  # links of the page to files, not pages
    with chromium() as browser:
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto(formateurs.as_uri())
        hrefs = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.getAttribute('href'))")
        to_files = [n for n, h in enumerate(hrefs)
                    if not h.startswith(("http", "#")) and not h.split("#")[0].endswith(("/", ".html"))]
        assert len(to_files) == len(file_links) + len(bundles(real_corpus()))
        saved = []
        for n in to_files:
            with page.expect_download(timeout=10_000) as download:
                page.locator("article a[href]").nth(n).click()
            data = Path(download.value.path()).read_bytes()
            assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None, hrefs[n]
            assert page.url == formateurs.as_uri(), f"{hrefs[n]} opened {page.url}"
            saved.append(download.value.suggested_filename)
    assert all(name.endswith(".zip") for name in saved)
    print(f"exports downloaded from file://: {len(saved)} of {len(to_files)}")


@pytest.mark.parametrize(("href", "expected"), [
    ("../..", "../../index.html"),  # the home page from two folders down (logo, tabs, sidebar)
    ("..", "../index.html"),
    ("../reseau/#definitions", "../reseau/index.html#definitions"),
    ("../../glossaire/?q=1", "../../glossaire/index.html?q=1"),
    ("../x.ris", "../x.ris"),
    ("https://example.org/", "https://example.org/"),
    ("#top", "#top"),
])
def test_directory_links_point_at_a_file(href: str, expected: str) -> None:
    assert rewrite_html(f'<a href="{href}"><svg><a xlink:href="{href}"/></svg>') == (
        f'<a href="{expected}"><svg><a xlink:href="{expected}"/></svg>')


@pytest.mark.browser
def test_copy_link_from_the_offline_copy_never_gives_a_file_path(offline_site: Path) -> None:
    with chromium() as browser:
        page = browser.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: {writeText: "
                             "t => { window.__copied = t; return Promise.resolve(); }}})")
        page.goto((offline_site / "referentiels" / "de-cesf" / "index.html").as_uri())
        link = page.locator("a.pkb-item-link").nth(2)
        anchor = (link.get_attribute("href") or "")[1:]
        link.locator("xpath=following-sibling::button[1]").click()
        page.wait_for_function("window.__copied !== undefined")
        copied = page.evaluate("window.__copied")
    assert copied == f"referentiels/de-cesf/#{anchor}"
