"""Test tiers, declared by the tests themselves.

`@pytest.mark.slow`: the test builds a site with MkDocs (the real one, the fixture project or a
broken copy) or checks a copy of the real corpus in a subprocess. `@pytest.mark.browser`: it
drives Chromium. A test that takes a fixture which builds or drives (FIXTURE_TIERS) is in that
fixture's tiers. The helpers that build or drive call `require()`, so a test that builds without
declaring it fails and names the mark to add: the fast tier (`-m "not browser and not slow"`)
cannot hide a build.
"""

from __future__ import annotations

import pytest

# fixtures that build a site or drive the browser → the tiers of every test that uses them
FIXTURE_TIERS: dict[str, frozenset[str]] = {
    "site": frozenset({"slow"}),
    "offline_site": frozenset({"slow"}),
    "project": frozenset({"slow"}),
    "published": frozenset({"slow"}),
    "server": frozenset({"slow", "browser"}),
    "concept_visits": frozenset({"slow", "browser"}),
    "browser_page": frozenset({"browser"}),
    "chromium_browser": frozenset({"browser"}),
}

_current: dict[str, frozenset[str]] = {}


def declare(item: pytest.Item) -> None:
    """Add the tiers of the fixtures a test takes to its own marks."""
    for fixture in getattr(item, "fixturenames", ()):
        for tier in FIXTURE_TIERS.get(fixture, ()):
            item.add_marker(tier)


def enter(item: pytest.Item) -> None:
    _current["marks"] = frozenset(mark.name for mark in item.iter_markers())


def leave() -> None:
    _current.pop("marks", None)


def require(tier: str, what: str) -> None:
    """Called by a helper that builds or drives: the running test must have declared `tier`."""
    marks = _current.get("marks")
    if marks is not None and tier not in marks:
        pytest.fail(f"this test {what}: declare it with @pytest.mark.{tier}", pytrace=False)
