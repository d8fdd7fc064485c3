"""The offline copy, opened from file:// in a real browser: same paths as online, navigation
and search working, nothing fetched from the network."""

from __future__ import annotations

from pathlib import Path

import linkwalk
import pytest

from browser import chromium
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
