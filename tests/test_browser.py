"""Browser checks on the built site: accessibility (axe-core), no request to any other host,
acronym expansions on keyboard focus."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import chromium

PAGE_TYPES = {
    "accueil": "",
    "notion": "concepts/partenariat/",
    "auteur": "auteurs/dhume/",
    "source": "bibliographie/damon-2009-partenariat-quart-de-siecle/",
    "texte juridique": "textes-juridiques/loi-2002-01-02-action-sociale/",
    "glossaire": "glossaire/",
    "sigle": "glossaire/cpom/",
    "cas": "cas/trepos-encadre-1-angouleme/",
    "index des cas": "cas/",
    "référentiel": "referentiels/bts-esf/",
    "comparaison": "comparer/partenariat-reseau/",
    "schéma": "comparer/continuum/",
    "formateurs": "formateurs/",
    "contribuer": "contribuer/",
    "nouveautés": "nouveautes/",
}


# Accessibility (axe-core) per page type, at 390 and 1366 px, with and without JavaScript:
# tests/test_nojs.py.


def test_no_request_to_another_host(server: str) -> None:
    own = urlsplit(server).netloc
    seen: dict[str, set[str]] = {}
    with chromium() as browser:
        page = browser.new_page()
        page.on("request", lambda r: seen.setdefault(urlsplit(r.url).netloc or r.url.split(":")[0], set()).add(r.url))
        for path in PAGE_TYPES.values():
            page.goto(f"{server}/{path}")
            page.wait_for_load_state("networkidle")
        page.locator(".md-search__input").first.click()
        page.locator(".md-search__input").press_sequentially("réseau", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    others = {host: urls for host, urls in seen.items() if host not in (own, "data", "blob")}
    assert others == {}
    assert len(seen[own]) > 20


@pytest.mark.parametrize("path", ["", "cas/trepos-encadre-3-valenciennes/"])
def test_keyboard_focus_shows_the_expansion(server: str, path: str) -> None:
    with chromium() as browser:
        page = browser.new_page()
        page.goto(f"{server}/{path}")
        abbr = page.locator("article abbr[title]").first
        assert abbr.get_attribute("tabindex") == "0"
        # Material moves the title into its tooltip on focus: note every expansion first
        expansions = page.evaluate(
            "Object.fromEntries([...document.querySelectorAll('abbr[title]')].map(a => [a.textContent, a.title]))")
        for _ in range(400):  # tab through the page until the acronym has the focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.tagName") == "ABBR":
                break
        assert page.evaluate("document.activeElement.tagName") == "ABBR"
        expected = expansions[page.evaluate("document.activeElement.textContent")]
        tooltip = page.locator(".md-tooltip2__inner, .md-tooltip__inner").filter(has_text=expected).first
        tooltip.wait_for(state="visible", timeout=5000)
        assert expected in tooltip.inner_text()
