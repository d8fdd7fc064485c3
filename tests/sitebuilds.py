"""The real site and its offline copy, built once per test run, in the background.

A run needs at most two real builds (`site`, built with English messages, and `offline_site`,
OFFLINE=true). They start as soon as the run knows its tests need them (conftest's
`pytest_collection_finish`), side by side, while the tests that need no site run; a test that
needs one waits for it. With pytest-xdist the workers share them: the first worker to ask
starts a build (under a file lock), every worker waits for the same folder. `shared` does the
same for a costly measure of the built site (the concept pages visited in Chromium).
"""

from __future__ import annotations

import fcntl
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

REPO = Path(__file__).resolve().parent.parent

# fixture name → extra environment of its `mkdocs build --strict`
BUILDS: dict[str, dict[str, str]] = {
    "site": {"PARTENARIAT_LANG": "en"},
    "offline_site": {"OFFLINE": "true"},
}
TIMEOUT_S = 900
T = TypeVar("T")
_started: list[subprocess.Popen[bytes]] = []  # the builds this process started


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start(name: str, root: Path) -> None:
    """Start the build ``name`` into ``root/name`` unless this run already started it."""
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root / f"{name}.lock"):
        if (root / f"{name}.started").exists():
            return
        (root / f"{name}.started").touch()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **BUILDS[name]}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / name)]
        # the exit code lands in a file once the build is over: any worker can wait for it
        script = '"$@" > "$LOG" 2>&1; echo $? > "$RC.tmp" && mv "$RC.tmp" "$RC"'
        _started.append(subprocess.Popen(
            ["sh", "-c", script, "sh", *command], cwd=REPO,
            env={**env, "LOG": str(root / f"{name}.log"), "RC": str(root / f"{name}.rc")},
            start_new_session=True))  # its own process group: `finish` stops the build with its shell


def wait(name: str, root: Path) -> Path:
    """The built folder of ``name`` (started now if nobody did); fails with the build's output."""
    start(name, root)
    rc_file, deadline = root / f"{name}.rc", time.monotonic() + TIMEOUT_S
    while not rc_file.exists():
        assert time.monotonic() < deadline, f"the {name} build did not end in {TIMEOUT_S} s"
        time.sleep(0.2)
    log = (root / f"{name}.log").read_text("utf-8", errors="replace")
    assert rc_file.read_text().strip() == "0", f"mkdocs build ({name}) failed:\n{log}"
    return root / name


def shared(name: str, root: Path, compute: Callable[[], T]) -> T:
    """``compute()`` once per run: the first process to ask computes and keeps it (pickled),
    the others wait for it under the lock and read it."""
    root.mkdir(parents=True, exist_ok=True)
    kept = root / f"{name}.pickle"
    with _locked(root / f"{name}.lock"):
        if kept.exists():
            return cast(T, pickle.loads(kept.read_bytes()))
        value = compute()
        kept.write_bytes(pickle.dumps(value))
        return value


def finish(interrupted: bool = False) -> None:
    """Wait for the builds this process started (another worker may still need them), or
    stop them when the run was interrupted."""
    for process in _started:
        if interrupted:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=TIMEOUT_S)
    _started.clear()
