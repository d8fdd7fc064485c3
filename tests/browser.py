"""Headless Chromium for the browser checks (Debian's chromium driven by Playwright).

One Chromium serves the whole test run: `chromium()` hands out the shared browser (started
on first use, closed by conftest at the end of the session), so a browser test costs a page,
not a browser start."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

import tiers

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

_shared: dict[str, Any] = {}


def shared_browser() -> Browser:
    """The run's Chromium, started the first time a test asks for it."""
    tiers.require("browser", "drives Chromium")
    browser = _shared.get("browser")
    if browser is None or not browser.is_connected():
        assert CHROMIUM.is_file(), "Debian's chromium is needed: apt-get install -y chromium (done by .ci/run)"
        playwright = _shared.get("playwright") or sync_playwright().start()
        _shared["playwright"] = playwright
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        _shared["browser"] = browser
    return browser


@contextmanager
def chromium() -> Iterator[Browser]:
    """The shared browser; the pages a test opened are closed when it ends."""
    browser = shared_browser()
    before = {id(c) for c in browser.contexts}
    try:
        yield browser
    finally:
        for context in browser.contexts:
            if id(context) not in before:
                context.close()


def close_shared_browser() -> None:
    browser, playwright = _shared.pop("browser", None), _shared.pop("playwright", None)
    if browser is not None:
        browser.close()
    if playwright is not None:
        playwright.stop()
