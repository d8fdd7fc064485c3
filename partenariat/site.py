"""The one entry point from data to site: `build_site(root, options)`.

It loads and checks the corpus, renders every generated page, the exports, the search data,
the abbreviations and the redirects, and says how the nav is completed. The MkDocs hooks and
the CLI both call it; a successor generator (ProperDocs, Zensical, a plain script) needs only
this and the files it returns.
"""

from __future__ import annotations

import html
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from partenariat.base.messages import report
from partenariat.base.problems import DataError, Problem
from partenariat.checks.docs import check_docs
from partenariat.checks.load import Corpus, load_corpus
from partenariat.checks.seeds import read_seeds, seed_problems, seeds_folder
from partenariat.checks.urls import check_addresses
from partenariat.data.models import Acronym
from partenariat.data.schemas import SCHEMA_DIR, render_schemas
from partenariat.derive.addresses import source_path_id
from partenariat.derive.comparisons import read_comparisons
from partenariat.derive.core import Context
from partenariat.derive.edition import read_edition
from partenariat.derive.index import build_index
from partenariat.derive.publisher import publisher_problems
from partenariat.derive.tracking import plain, tracked
from partenariat.export import build_exports
from partenariat.export.bundles import single_file_zip
from partenariat.export.search_index import SearchData, search_data
from partenariat.preview import Change, preview_of
from partenariat.render.acronym_links import link_first_mentions
from partenariat.render.glossary import abbreviations
from partenariat.render.pages import Page, build_pages, nav_sections, page_paths


@dataclass(frozen=True)
class SiteOptions:
    """How this build writes addresses, and whether it is a live preview."""

    directory_urls: bool = True
    base_url: str = ""  # the published address (site_url); '' when unknown: nothing claims one
    preview: bool = False  # keep the last good data and report problems instead of stopping
    docs_dir: str = "docs"  # hand-written pages, relative to the root
    offline: bool = False  # the copy opened from file://: each file is also offered alone in a zip
    # In a preview, what else the pages depend on (the generator's configuration and templates):
    # when it differs from the last build's, every page is new.
    setup: Hashable = None


@dataclass(frozen=True)
class SiteFile:
    """A file of the site that is not a page (an export, a schema): site-relative path, text."""

    path: str
    content: str | bytes


@dataclass
class Site:
    """Everything the generator needs from the data, computed once per build."""

    ctx: Context
    pages: list[Page]
    files: list[SiteFile]
    search: SearchData
    abbreviations: dict[str, str]
    redirects: dict[str, str]
    # In a preview: the problems of the last edit (the site shows the last good data).
    problems: list[Problem] = field(default_factory=list)
    offline: bool = False  # links to files point at their zips (partenariat.render.downloads)
    # In a preview: the pages (docs-relative paths) that may differ from the last build's; None:
    # any page may (a full build). The exports are those of the last full build.
    changed: frozenset[str] | None = None
    change: Change | None = None  # … and what the edit changed, for the generator's own pages

    @property
    def corpus(self) -> Corpus:
        return self.ctx.corpus

    @cached_property
    def acronym_entries(self) -> dict[str, str]:
        """Acronym as written (and its variants) → glossary id, for the links of first mentions."""
        out: dict[str, str] = {}
        for entry in sorted(self.corpus.all_of("glossary", Acronym), key=lambda e: e.id):
            for form in (entry.acronym, *entry.variants):
                out.setdefault(form, entry.id)
        return out

    def link_acronyms(self, html: str, src_path: str) -> str:
        """The page's HTML with the first mention of each acronym linked to its entry."""
        own = source_path_id(src_path, "glossary")

        def href(entry_id: str) -> str | None:
            return None if entry_id == own else self.ctx.html_href("glossary", entry_id, src_path)

        return link_first_mentions(html, self.acronym_entries, href)

    @cached_property
    def file_paths(self) -> frozenset[str]:
        """Site-relative paths of the files that are not pages: a link to one downloads it."""
        return frozenset(f.path for f in self.files)

    def nav(self, nav: list[Any]) -> list[Any]:
        """The configured nav with each section index (`- Concepts: concepts/index.md`)
        replaced by the section holding every page of that type."""
        sections = nav_sections(self.pages)
        index_of = {str(entries[0]): name for name, entries in sections.items()}
        return [_expand(item, index_of, sections) for item in nav]

    def banner(self, lang: str | None = None) -> str:
        """While previewing broken data: a warning block listing the problems ('' otherwise)."""
        if not self.problems:
            return ""
        lines = "\n".join(f"    - <code>{_literal(line)}</code>"
                          for line in report(self.problems, lang).splitlines()[:-1])
        return ('!!! danger "Données invalides : cette prévisualisation montre la dernière version correcte"\n\n'
                f"{lines}\n\n")


# The Markdown that can act inside a line of text: code spans, emphasis, attribute lists, links
# ('<' and '>' become entities; '#', '-', '+' only act at the start of a line, which is a file name).
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]])")


def _literal(line: str) -> str:
    """A problem line shown as typed: it quotes the editor's value, which may hold a backtick
    (a code span would end there) or HTML; Markdown and HTML are both escaped."""
    return html.escape(_MARKDOWN_SPECIALS.sub(r"\\\1", line), quote=False)


def _expand(item: object, index_of: dict[str, str], sections: dict[str, list[Any]]) -> object:
    if isinstance(item, dict) and len(item) == 1:
        ((title, target),) = item.items()
        if isinstance(target, str) and target in index_of:
            return {title: sections[index_of[target]]}
        if isinstance(target, list):
            return {title: [_expand(i, index_of, sections) for i in target]}
    return item


def check_site(root: Path, docs_dir: str = "docs") -> Corpus:
    """What `check` needs: the data and the addresses, without rendering anything.
    Raises `DataError` like `build_site`."""
    corpus = load_corpus(root)
    _, problems = check_addresses(root, corpus, root / docs_dir, page_paths(corpus))
    seeds = read_seeds(seeds_folder(root))
    if seeds is not None:  # else `check` says once that this rule did not run
        problems += seed_problems(corpus, seeds)
    problems += check_docs(root, root / docs_dir, Context(corpus, build_index(corpus), docs_dir=docs_dir))
    problems += read_comparisons(root / docs_dir, root)[1]
    problems += publisher_problems(root)
    if problems:
        raise DataError(problems)
    return corpus


def build_site(root: Path, options: SiteOptions | None = None) -> Site:
    """The whole site from the data under ``root``. Raises `DataError` listing every problem
    (data or addresses) when it cannot be built. In a preview, starts from the last build
    (`partenariat.preview`): the pages an edit does not change are not rendered again."""
    options = options or SiteOptions()
    if options.preview:
        return _preview_site(root, options)
    corpus = load_corpus(root)
    ctx = Context(corpus, build_index(corpus), directory_urls=options.directory_urls, base_url=options.base_url,
                  edition=read_edition(root), docs_dir=options.docs_dir)
    pages = build_pages(ctx)
    return _site(root, options, ctx, pages, _files(ctx, options))


def _site(root: Path, options: SiteOptions, ctx: Context, pages: list[Page], files: list[SiteFile],
          problems: list[Problem] | None = None, changed: frozenset[str] | None = None) -> Site:
    corpus, index = plain(ctx.corpus), ctx.index
    redirects, address_problems = check_addresses(root, corpus, root / options.docs_dir, [p.path for p in pages])
    address_problems += check_docs(root, root / options.docs_dir, ctx)
    address_problems += read_comparisons(root / options.docs_dir, root)[1]
    address_problems += publisher_problems(root)
    if address_problems:
        raise DataError(address_problems)
    return Site(ctx, pages, files, search_data(corpus, index), abbreviations(corpus.all_of("glossary", Acronym)),
                redirects, problems or [], options.offline, changed)


def _files(ctx: Context, options: SiteOptions) -> list[SiteFile]:
    files = [SiteFile(e.path, e.content) for e in build_exports(ctx, base_url=options.base_url)]
    files += [SiteFile(f"{SCHEMA_DIR}/{name}", text) for name, text in render_schemas().items()]
    if options.offline:  # from file:// a browser opens an XML or text file in the tab, but saves a zip
        files += [SiteFile(*single_file_zip(f.path, f.content)) for f in files if not f.path.endswith(".zip")]
    return files


def _preview_site(root: Path, options: SiteOptions) -> Site:
    preview = preview_of(root)
    corpus, problems = preview.load()
    edition = read_edition(root)
    if preview.kept.get("corpus") is not corpus:  # one tracked view per corpus: what is computed once is kept
        preview.kept["corpus"] = corpus
        preview.kept["tracked"] = tracked(corpus, build_index(corpus))
    reading, index = preview.kept["tracked"]
    ctx = Context(reading, index, directory_urls=options.directory_urls, base_url=options.base_url, edition=edition,
                  docs_dir=options.docs_dir)
    glossary = abbreviations(corpus.all_of("glossary", Acronym))
    # what pages read beside the data (the comparison pages' front matter, the data's git history):
    # when it changed, every page is rendered again
    setup = (edition, options, ctx.comparisons, ctx.history)
    pages, changed = preview.render(ctx, setup, glossary)
    files = preview.keep("files", lambda: _files(ctx, options), fresh=changed is None)
    site = _site(root, options, ctx, pages, files, problems, changed)
    site.change = preview.change
    return site
