"""The test tiers are declared, and a build or a browser in an undeclared test fails."""

from __future__ import annotations

import pytest

import tiers


class _Item:
    def __init__(self, *marks: str) -> None:
        self.marks = [getattr(pytest.mark, name).mark for name in marks]
        self.fixturenames: list[str] = []

    def iter_markers(self) -> list[pytest.Mark]:
        return self.marks

    def add_marker(self, name: str) -> None:
        self.marks.append(getattr(pytest.mark, name).mark)


def test_a_build_in_a_test_not_marked_slow_fails(request: pytest.FixtureRequest) -> None:
    tiers.enter(_Item())  # type: ignore[arg-type]
    try:
        with pytest.raises(pytest.fail.Exception, match=r"@pytest.mark.slow"):
            tiers.require("slow", "builds a site with MkDocs")
        with pytest.raises(pytest.fail.Exception, match=r"@pytest.mark.browser"):
            tiers.require("browser", "drives Chromium")
    finally:
        tiers.enter(request.node)


def test_a_declared_build_runs(request: pytest.FixtureRequest) -> None:
    tiers.enter(_Item("slow", "browser"))  # type: ignore[arg-type]
    try:
        tiers.require("slow", "builds a site with MkDocs")
        tiers.require("browser", "drives Chromium")
    finally:
        tiers.enter(request.node)


def test_a_fixture_that_builds_puts_its_test_in_the_slow_tier() -> None:
    item = _Item()
    item.fixturenames = ["tmp_path", "server"]
    tiers.declare(item)  # type: ignore[arg-type]
    assert {m.name for m in item.iter_markers()} == {"slow", "browser"}


def test_this_fast_test_is_in_no_tier(request: pytest.FixtureRequest) -> None:
    assert not {m.name for m in request.node.iter_markers()} & {"slow", "browser"}
