"""Live preview: an edit re-renders what it changes, and a broken edit keeps the last good data.

A preview server (`mkdocs serve`, or any successor) builds the site again after each save. The
package stays imported between builds, so one `Preview` per data folder keeps what the last
build made, and the next build starts from it:

* the data: each file as last read (`load_corpus` with a file cache reads again only the files
  whose time or size changed); after a bad edit, the last good corpus and the problems, which
  the caller shows (terminal and page banner) instead of stopping;
* the pages: each page's Markdown and what it read of the data while it rendered
  (`partenariat.derive.tracking`). A page renders again only when something it read changed
  (`changed_keys`); the others keep their Markdown, which a full build would render the same;
* the exports (Moodle, CSV…), computed again by full builds only.

`Preview.render` says which pages differ from the last build (their Markdown, or an acronym
their text holds), or that everything may differ (`None`): the first build, another page
list or nav, another edition, options or generator setup. The generator then renders only those
pages (hooks/corpus.py, with `mkdocs serve --dirty`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partenariat.base.problems import DataError, Problem
from partenariat.base.reads import recording
from partenariat.checks.load import Corpus, LoadCache, load_corpus
from partenariat.derive.core import Context
from partenariat.derive.tracking import Read, Snapshot, changed_keys, snapshot
from partenariat.render.pages import Page, nav_sections, page_jobs


@dataclass(frozen=True)
class Change:
    """What the last edit changed: for a page rendered elsewhere (a generator's hand-written
    page, whose macros read the data), whether it may differ from the last build."""

    reads: frozenset[Read]
    acronyms: frozenset[str]

    def touches(self, reads: Iterable[Read], markdown: str) -> bool:
        """Whether a page that read ``reads`` and whose Markdown is ``markdown`` may differ."""
        return not self.reads.isdisjoint(reads) or _holds(markdown, self.acronyms)


@dataclass
class _Rendered:
    page: Page
    reads: frozenset[Read]


@dataclass
class Preview:
    """What the last builds of one data folder made."""

    root: Path
    files: LoadCache = field(default_factory=LoadCache)
    corpus: Corpus | None = None  # the last good one
    snapshot: Snapshot | None = None
    rendered: dict[str, _Rendered] = field(default_factory=dict)
    setup: Hashable = None  # what else the pages depend on (edition, options, generator files)
    layout: Any = None  # page paths and nav sections
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    kept: dict[str, Any] = field(default_factory=dict)  # the exports of the last full build, …
    change: Change | None = None  # what the last build's edit changed (None: a full build)
    # how many pages the last build rendered, of how many (benchmark, tests)
    last_rendered: int = 0
    last_total: int = 0

    def load(self) -> tuple[Corpus, list[Problem]]:
        """The corpus and no problem; or, after a bad edit, the last good corpus and the problems.
        With no good corpus yet, raises `DataError` like `load_corpus`."""
        try:
            corpus = load_corpus(self.root, self.files)
        except DataError as exc:
            if self.corpus is not None:
                return self.corpus, exc.problems
            raise
        if self.corpus is None or not _same_records(self.corpus, corpus):
            self.corpus = corpus  # else the same object: what is computed once per corpus is kept
        return self.corpus, []

    def render(self, ctx: Context, setup: Hashable, abbreviations: Mapping[str, str]) -> tuple[list[Page], frozenset[str] | None]:
        """Every page; and the paths of those that differ from the last build, or None when
        anything may differ. ``ctx`` reads a tracked corpus (`derive.tracking.tracked`)."""
        jobs = page_jobs(ctx)
        now = snapshot(ctx.corpus, ctx.index, ctx.definers)
        full = self.snapshot is None or setup != self.setup
        keys = None if full or self.snapshot is None else changed_keys(self.snapshot, now)
        pages: list[Page] = []
        changed: set[str] = set()
        rendered = 0
        for job in jobs:
            kept = self.rendered.get(job.path)
            if keys is not None and kept is not None and kept.reads.isdisjoint(keys):
                pages.append(job.page(kept.page.markdown))
                continue
            with recording() as reads:
                markdown = job.render()
            rendered += 1
            page = job.page(markdown)
            self.rendered[job.path] = _Rendered(page, frozenset(reads) | frozenset(job.reads))
            pages.append(page)
            if kept is None or kept.page.markdown != markdown:
                changed.add(job.path)
        for gone in self.rendered.keys() - {p.path for p in pages}:
            del self.rendered[gone]
        layout = (tuple(p.path for p in pages), nav_sections(pages))
        if not full and layout != self.layout:
            renamed = _renamed(self.layout, layout)
            full = renamed is None
            changed |= renamed or set()
        acronyms = _changed_acronyms(self.abbreviations, abbreviations)
        if not full:
            changed |= {p.path for p in pages if _holds(p.markdown, acronyms)}
        self.change = None if full or keys is None else Change(frozenset(keys), acronyms)
        self.snapshot, self.setup, self.layout, self.abbreviations = now, setup, layout, dict(abbreviations)
        self.last_rendered, self.last_total = rendered, len(jobs)
        return pages, None if full else frozenset(changed)

    def keep(self, name: str, make: Callable[[], Any], fresh: bool) -> Any:
        """What ``make`` gives, made again only when ``fresh`` (or never made)."""
        if fresh or name not in self.kept:
            self.kept[name] = make()
        return self.kept[name]


def _renamed(before: Any, after: Any) -> set[str] | None:
    """When two layouts differ only by the titles of nav entries: the pages whose nav shows
    them (the theme writes a section's entries into its pages, a page's neighbours into its
    footer): every page of those sections, and the index, first and last page of every section
    (the neighbours across sections). None when the pages or the nav differ otherwise."""
    if before is None or before[0] != after[0] or before[1].keys() != after[1].keys():
        return None
    out: set[str] = set()
    for name, entries in after[1].items():
        old = before[1][name]
        if [_path(e) for e in old] != [_path(e) for e in entries]:
            return None
        if old != entries:
            out |= {_path(e) for e in entries}
        out |= {_path(e) for e in entries[:2] + entries[-1:]}
    return out


def _path(entry: str | dict[str, str]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry.values()))


def _same_records(a: Corpus, b: Corpus) -> bool:
    return a.records.keys() == b.records.keys() and all(
        list(a.records[t]) == list(b.records[t]) and all(r is b.records[t][i] for i, r in a.records[t].items())
        for t in a.records)


def _changed_acronyms(before: Mapping[str, str], after: Mapping[str, str]) -> frozenset[str]:
    return frozenset(a for a in before.keys() | after.keys() if before.get(a) != after.get(a))


_WORD = re.compile(r"\w+")


def _holds(markdown: str, acronyms: frozenset[str]) -> bool:
    """Whether a page's text may hold one of ``acronyms`` (whose tooltip changed): its Markdown
    holds the acronym's first word, as the abbreviation extension finds them (render/abbr.py)."""
    if not acronyms:
        return False
    firsts, pattern = _first_words(acronyms)
    if pattern is None:
        return True
    return any(word in markdown for word in firsts) and pattern.search(markdown) is not None


@functools.lru_cache(maxsize=8)
def _first_words(acronyms: frozenset[str]) -> tuple[frozenset[str], re.Pattern[str] | None]:
    firsts = frozenset(m.group(0) for a in acronyms if (m := _WORD.match(a)))
    if len(firsts) < len(acronyms):  # an acronym that does not start with a letter or digit: any page
        return firsts, None
    # bounded by anything but a letter or digit: `_CPOM_` (emphasis) shows the word CPOM
    return firsts, re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(map(re.escape, firsts))) + r")(?![^\W_])")


_previews: dict[Path, Preview] = {}


def preview_of(root: Path) -> Preview:
    """The preview of the data under ``root`` (one per folder, kept while the package is imported)."""
    root = root.resolve()
    if root not in _previews:
        _previews[root] = Preview(root)
    return _previews[root]


def load_for_preview(root: Path) -> tuple[Corpus, list[Problem]]:
    """The corpus and no problem; or, after a bad edit, the last good corpus and the problems.
    With no good corpus yet, raises `DataError` like `load_corpus`."""
    return preview_of(root).load()
