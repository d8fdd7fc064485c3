"""Without JavaScript (a locked-down school PC, a reader mode, a text browser), on a phone:
everything is readable, and what needs script is absent, not dead. One page of each type."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_browser import PAGE_TYPES

from browser import chromium

PHONE = {"width": 390, "height": 844}
# the sections' index pages, one level down from the home page in the navigation
SECTIONS = {"concepts", "auteurs", "bibliographie", "textes-juridiques", "glossaire", "cas", "referentiels", "comparer"}
# What only the script makes work: present without it, it would be dead.
NEEDS_SCRIPT = [".pkb-filter-input", ".pkb-filter-hint", ".pkb-copy-link", ".pkb-cite-copy", ".pkb-print",
                "button[hidden]", ".md-button[hidden]"]
AXE_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                                  "best-practice"]}}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_without_javascript_nothing_dead_nothing_sideways(server: str, path: str) -> None:
    with chromium() as browser:
        context = browser.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{server}/{path}")
        sideways = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        visible_dead = page.evaluate(
            "s => s.flatMap(q => [...document.querySelectorAll(q)]).filter(e => e.getClientRects().length)"
            ".map(e => e.outerHTML.slice(0, 80))", NEEDS_SCRIPT)
        invitation = page.locator("article").inner_text()
        crumbs = page.locator("nav.md-path").count()
    # (axe needs timers that never fire with script disabled: it runs in the test below)
    assert sideways <= 0, f"{path}: scrolls {sideways} px sideways"
    assert visible_dead == [], visible_dead
    assert "pour filtrer" not in invitation, "an invitation to type with no box to type in"
    # breadcrumbs on every page inside a section (« Accueil › Glossaire » on an acronym's page);
    # a page at the top of the site (home, Formateurs) is reached from the tabs
    assert crumbs == (1 if "/" in path.strip("/") or path.rstrip("/") in SECTIONS else 0), path


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_landmarks_and_touch_targets_with_javascript(server: str, path: str, width: int) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(f"{server}/{path}")
        violations = Axe().run(page, options=AXE_TAGS).response["violations"]
    assert [(v["id"], len(v["nodes"])) for v in violations
            if v["id"] in ("landmark-unique", "target-size") or v["impact"] in ("serious", "critical")] == []
