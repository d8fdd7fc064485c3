"""What is new: the entries added or revised, from the data's `reviewed` dates and the git
history of the data files (« Nouveautés » page and Atom feed).

One `git log` over the data folders gives, per file, the day it was added and the day it was
last changed (renames followed). A shallow clone (CI) or a copy without git has no reliable
history: then only the `reviewed` dates are used, and the page says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from partenariat.checks.load import Corpus
from partenariat.data.entities import DATA_FOLDERS
from partenariat.derive.edition import git

NEW, REVISED, REVIEWED = "nouvelle", "révisée", "relue"
KIND_LABELS = {NEW: "Nouvelle fiche", REVISED: "Fiche révisée", REVIEWED: "Fiche relue"}
KIND_HEADINGS = {NEW: "Nouvelles fiches", REVISED: "Fiches révisées", REVIEWED: "Fiches relues"}
RECENT_DAYS = 365  # the page and the feed cover a year of changes before the latest one


@dataclass
class History:
    """Per data file (path relative to the corpus root): first and last commit day."""

    complete: bool = False  # False: no git, or a shallow clone
    added: dict[str, dt.date] = field(default_factory=dict)
    changed: dict[str, dt.date] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    type_name: str
    entity_id: str
    kind: str  # NEW, REVISED or REVIEWED (no history: only the review date is known)
    date: dt.date  # latest of the review date and the last commit of the file
    created: dt.date | None  # first commit of the file, when the history is complete


def read_history(root: Path) -> History:
    """The history of the data files under ``root``, oldest commit first."""
    if (git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return History()
    prefix = (git(root, "rev-parse", "--show-prefix") or "").strip()
    log = git(root, "log", "--reverse", "-M", "--name-status", "--format=@%cs", "--", *DATA_FOLDERS)
    if log is None:
        return History()
    history = History(complete=True)
    day = None
    for line in log.splitlines():
        if line.startswith("@"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day:
            _apply(history, line.split("\t"), day, prefix)
    return history


def _apply(history: History, fields: list[str], day: dt.date, prefix: str) -> None:
    """One `--name-status` line: A(dded), M(odified), D(eleted) or R(enamed) old → new."""
    status, paths = fields[0], [p.removeprefix(prefix) for p in fields[1:]]
    if status.startswith("R") and len(paths) == 2:
        history.added[paths[1]] = history.added.pop(paths[0], day)
        history.changed.pop(paths[0], None)
        history.changed[paths[1]] = day
    elif status == "D":
        history.added.pop(paths[0], None)
        history.changed.pop(paths[0], None)
    elif paths:
        history.added.setdefault(paths[0], day)
        history.changed[paths[0]] = day


def entry_changes(corpus: Corpus, history: History | None = None) -> list[Change]:
    """Every entry with its latest change, newest first."""
    history = history if history is not None else read_history(corpus.root)
    out = []
    for type_name, records in corpus.records.items():
        for entity_id, record in records.items():
            out.append(_change(type_name, entity_id, record.entity.reviewed, record.file, history))
    return sorted(out, key=lambda c: (-c.date.toordinal(), c.type_name, c.entity_id))


def _change(type_name: str, entity_id: str, reviewed: dt.date, file: str, history: History) -> Change:
    if not history.complete:
        return Change(type_name, entity_id, REVIEWED, reviewed, None)
    added = history.added.get(file)
    if added is None:  # not committed yet: new in this build
        return Change(type_name, entity_id, NEW, reviewed, None)
    latest = max(reviewed, history.changed.get(file, added))
    return Change(type_name, entity_id, NEW if latest <= added else REVISED, latest, added)


def recent(changes: list[Change]) -> list[Change]:
    """The changes of the year before the latest one (what « Nouveautés » and the feed list)."""
    if not changes:
        return []
    start = max(c.date for c in changes) - dt.timedelta(days=RECENT_DAYS)
    return [c for c in changes if c.date >= start]

