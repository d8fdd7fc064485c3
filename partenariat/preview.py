"""Live preview: when an edit breaks the data, keep showing the last good corpus.

A preview server (`mkdocs serve`, or any successor) reloads its configuration and hooks on
every rebuild, so the last good corpus is kept here, in the package, which stays imported.
The caller shows the problems (terminal and page banner) instead of stopping.
"""

from __future__ import annotations

from pathlib import Path

from partenariat.base.problems import DataError, Problem
from partenariat.checks.load import Corpus, load_corpus

_last_good: dict[Path, Corpus] = {}


def load_for_preview(root: Path) -> tuple[Corpus, list[Problem]]:
    """The corpus and no problem; or, after a bad edit, the last good corpus and the problems.
    With no good corpus yet, raises `DataError` like `load_corpus`."""
    root = root.resolve()
    try:
        corpus = load_corpus(root)
    except DataError as exc:
        if root in _last_good:
            return _last_good[root], exc.problems
        raise
    _last_good[root] = corpus
    return corpus, []
