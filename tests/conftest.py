"""Shared fixtures: a small valid corpus copied to a temp folder, ready to be broken."""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import sitebuilds
import tiers
import visits
from partenariat import load_corpus
from partenariat.checks.load import Corpus

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "valid"

@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        tiers.declare(item)
    # the tests that wait for a real build run last: the builds run while the others do
    items.sort(key=lambda item: bool(set(getattr(item, "fixturenames", ())) & set(sitebuilds.BUILDS)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    tiers.enter(item)


def pytest_runtest_teardown(item: pytest.Item) -> None:
    tiers.leave()


@functools.cache
def as_read(markdown: str) -> str:
    """Markdown text as a reader reads it: backslash escapes and character references resolved
    (the renderer escapes every markup character of the data: `derive/mdtext.py`)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def real_corpus() -> Corpus:
    """The repository's corpus, loaded once per test process (a corpus is immutable)."""
    return load_corpus(REPO)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the real builds this run's tests need, in the background."""
    if session.config.option.collectonly:
        return
    needed = {name for item in session.items for name in sitebuilds.BUILDS
              if name in getattr(item, "fixturenames", ())}
    root = builds_root(session.config._tmp_path_factory)  # type: ignore[attr-defined]  # pytest's own factory
    for name in sorted(needed):
        sitebuilds.start(name, root)


def builds_root(factory: pytest.TempPathFactory) -> Path:
    """One folder per test run, shared by pytest-xdist's workers (each has a basetemp below it)."""
    base = factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "real-builds"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from browser import close_shared_browser

    close_shared_browser()
    sitebuilds.finish(interrupted=exitstatus == pytest.ExitCode.INTERRUPTED)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (English messages), built once per test run (tests/sitebuilds.py)."""
    return sitebuilds.wait("site", builds_root(tmp_path_factory))


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port), for the browser checks."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy (OFFLINE=true), built once per test run, opened from file://."""
    return sitebuilds.wait("offline_site", builds_root(tmp_path_factory))


@pytest.fixture(scope="session")
def concept_visits(site: Path, server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, visits.Visit]:
    """Every concept page visited once per run (phone height, A4 print, diagrams), whichever
    pytest-xdist worker asks first: tests/visits.py."""
    paths = sorted(f"concepts/{page.parent.name}/" for page in (site / "concepts").glob("*/index.html"))
    return sitebuilds.shared("concept_visits", builds_root(tmp_path_factory), lambda: visits.visit(server, paths))


@pytest.fixture(scope="session")
def chromium_browser() -> object:
    """The run's shared Chromium (tests/browser.py), for the search tests' session pages."""
    from browser import shared_browser

    return shared_browser()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE, target)
    return target


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "partenariat", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)
