"""The edition of a build: the date and short commit a trainer cites (« édition du … »).

The date is the commit's, not the build's: rebuilding the same commit on another day gives
the same edition, so a citation keeps pointing at the same text. Outside a git checkout
(an unpacked archive) the edition has today's date and no commit.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from partenariat.base.dates import fr_date


@dataclass(frozen=True)
class Edition:
    date: dt.date
    commit: str = ""  # short hash; empty outside git
    modified: bool = False  # built from uncommitted changes (a local build, never a published one)

    @property
    def label(self) -> str:
        """« Édition du 28 novembre 2026 (a1b2c3d) », as shown in the footer and citations."""
        text = f"Édition du {fr_date(self.date)}"
        if self.commit:
            text += f" ({self.commit}{', modifiée localement' if self.modified else ''})"
        return text


def git(root: Path, *args: str) -> str | None:
    """Output of a git command run in ``root``, or None when git or the repository is missing."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def read_edition(root: Path, today: dt.date | None = None) -> Edition:
    """The edition of the data and code under ``root`` (its last commit)."""
    head = git(root, "log", "-1", "--format=%h %cs")
    if not head or not head.strip():
        return Edition(today or dt.date.today())
    commit, date = head.split()
    changes = git(root, "status", "--porcelain", "--untracked-files=no")
    return Edition(dt.date.fromisoformat(date), commit, bool(changes and changes.strip()))
