"""The offline copy, opened from file:// in a real browser: same paths as online, navigation
and search working, nothing fetched from the network."""

from __future__ import annotations

from pathlib import Path

from browser import chromium


def test_same_paths_as_online(offline_site: Path) -> None:
    for path in ("index.html", "glossaire/index.html", "glossaire/cpom/index.html",
                 "concepts/partenariat/index.html", "referentiels/bts-esf/index.html"):
        assert (offline_site / path).is_file(), path
    html = (offline_site / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    assert 'href="../reseau/index.html"' in html
    assert "unpkg.com" not in (offline_site / "index.html").read_text("utf-8")
    assert (offline_site / "search" / "search_index.js").is_file()


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
