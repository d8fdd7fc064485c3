"""Shared fixtures: a small valid corpus copied to a temp folder, ready to be broken."""

from __future__ import annotations

import functools
import http.server
import inspect
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "valid"

# Tests that build a site (directly, or through these fixtures) are "slow"; tests that drive
# Chromium are "browser". `pytest -m "not browser and not slow"` is the inner loop.
# A copy of the real corpus checked or built in a subprocess ("project", test_mutations.py)
# costs seconds a test: slow too.
SITE_FIXTURES = {"site", "server", "offline_site", "served_site", "offline_copy", "project"}
BUILD_MARKERS = ('"mkdocs", "build"', "mkdocs_build(", "_build(", "build_real_site(", "build(project")
BROWSER_MARKERS = ("chromium()", "shared_browser(", "browser_page")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function else ""
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & SITE_FIXTURES or any(m in source for m in BUILD_MARKERS):
            item.add_marker(pytest.mark.slow)
        if "server" in fixtures or "browser_page" in fixtures or any(m in source for m in BROWSER_MARKERS):
            item.add_marker(pytest.mark.browser)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from browser import close_shared_browser

    close_shared_browser()


def build_real_site(out: Path, **env: str) -> Path:
    """`mkdocs build --strict` of the repository into ``out``, with extra environment."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=REPO, capture_output=True, text=True, env=full_env, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    return build_real_site(tmp_path_factory.mktemp("site"), PARTENARIAT_LANG="en")


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
    """The offline copy (OFFLINE=true), built once per test session, opened from file://."""
    return build_real_site(tmp_path_factory.mktemp("offline"), OFFLINE="true")


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
