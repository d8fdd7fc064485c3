"""MkDocs glue, kept thin: ask the package for the whole site once per build
(`partenariat.site.build_site`), then hand MkDocs its pages, nav, files, abbreviations,
redirects and macros, and replace the search index after the build (read by our search worker,
in overrides/). Bad data stops the build with the list of problems (no traceback).

Generated pages never pass through mkdocs-macros (Jinja): MkDocs gets each as the same constant
file, which holds no data and tells the plugin not to render it (nor its nav title, which comes
from the data), and their front matter and Markdown are handed over in `on_page_markdown`,
which runs after the macros plugin. Only the hand-written pages of docs/ are templates; nothing
a data file holds can reach Jinja or break that flag, whatever it writes.

All state lives on one object, `STATE`: what one build needs (set again by each build), and
what a preview keeps between its builds; `mkdocs serve` is learnt from `on_startup`, as MkDocs
intends.

Live preview (`make serve`: `mkdocs serve --dirty`): the package re-renders the Markdown of the
pages an edit changes (`Site.changed`, partenariat/preview.py) and MkDocs renders only those
(its dirty build asks each file `is_modified()`: `PreviewFile` answers), plus the hand-written
pages, whose macros read the data. The search index keeps Material's documents of the pages not
rendered again; the banner of a broken edit is written into every page's HTML, so it needs no
page rendered again either. A full build (new, renamed or deleted entry, another nav, a template
or the configuration edited) cleans the folder and renders everything.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.bccache import Bucket, BytecodeCache
from markdown import markdown as render_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import clean_directory
from mkdocs_macros.plugin import MacrosPlugin

from partenariat import DataError, Problem
from partenariat.base.messages import report
from partenariat.base.reads import Recorder
from partenariat.derive.addresses import Addresses
from partenariat.derive.publish import OFFLINE_ZIP, offline_download, offline_zip, published_url
from partenariat.derive.publisher import site_publisher
from partenariat.export.search_index import PageDocs, make_index, nav_titles, split_index, with_nav_titles
from partenariat.render.abbr import NAME as ABBR_EXTENSION
from partenariat.render.common import split_front_matter
from partenariat.render.downloads import mark_downloads
from partenariat.render.macros import MacroCallError, make_macros
from partenariat.render.redirects import french_redirect, redirect_target
from partenariat.site import Site, SiteOptions, build_site

# What MkDocs and mkdocs-macros read of a generated page: no data, not a template.
GENERATED_STUB = "---\nrender_macros: false\n---\n"


@dataclass
class BuildState:
    """What one build keeps between MkDocs events."""

    serving: bool = False
    dirty: bool = False  # `mkdocs serve --dirty`: MkDocs renders only the pages that changed
    site: Site | None = None
    macro_errors: list[MacroCallError] = field(default_factory=list)
    # docs-relative path of each generated page → its Markdown with front matter, handed over after
    # the macros ran (the front matter is read then: a preview reads only the pages it renders)
    generated: dict[str, str] = field(default_factory=dict)
    built: set[str] = field(default_factory=set)  # pages rendered by this build (their URLs)
    pages: dict[str, str] = field(default_factory=dict)  # URL → HTML file of every page
    banner: str = ""  # HTML of the preview's problems, as the pages show it
    banner_shown: str = ""  # … as the pages of the last build show it
    search_docs: PageDocs = field(default_factory=PageDocs)  # Material's search documents by page
    search_memo: dict[Hashable, dict[str, object]] = field(default_factory=dict)  # our documents, made once
    templates: MemoryBytecodeCache | None = None  # the theme's templates, compiled once per preview
    # the hand-written pages of a preview: what their macros read of the data, their Markdown
    handwritten: dict[str, tuple[frozenset[Hashable], str]] = field(default_factory=dict)
    recorder: Recorder = field(default_factory=Recorder)
    theme_files: dict[Hashable, list[str]] = field(default_factory=dict)  # the theme's files to copy
    titles: dict[str, str | None] = field(default_factory=dict)  # URL → title of each page, as last rendered

    def require_site(self) -> Site:
        if self.site is None:  # MkDocs calls on_config first; anything else is a bug of ours
            raise PluginError("partenariat: le site n'a pas été préparé (on_config n'a pas été appelé)")
        return self.site


STATE = BuildState()

# mkdocs-macros announces its set-up at every build (5 INFO lines): a newcomer's `make site`
# should show the data check's summary and the build's result, so only its warnings pass.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept between the builds of a preview (MkDocs makes a new Jinja
    environment for each); a template whose source changed is compiled again (its checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class PreviewFile(File):
    """A page or file of a dirty preview build, rendered (or written) again when ``fresh``, when
    its output is missing, or when its source in docs/ is newer than its output."""

    fresh = True

    def is_modified(self) -> bool:
        if self.fresh or not os.path.isfile(self.abs_dest_path):
            return True
        return self._content is None and self.abs_src_path is not None and super().is_modified()


def _dirty_notice(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave other pages inaccurate (strict mode would stop
    on it): this hook renders every page an edit changes, so the warning does not apply."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    STATE.serving = command == "serve"
    STATE.dirty = STATE.serving and dirty
    if STATE.dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_dirty_notice)


def _setup(config: MkDocsConfig) -> Hashable:
    """What the pages depend on besides the data: the configuration and the theme's templates
    (their times); another value makes the preview's next build a full one."""
    paths = [config.config_file_path or ""]
    custom = config.theme.custom_dir
    if custom:
        paths += [os.path.join(d, f) for d, _, names in os.walk(custom) for f in names]
    return tuple(sorted((p, os.stat(p).st_mtime_ns) for p in paths if os.path.isfile(p)))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent  # `-f mkdocs.yml` gives a relative path
    # the published address (SITE_URL), never the preview's own local address
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    options = SiteOptions(directory_urls=config.use_directory_urls, base_url=published_url(config.site_url, STATE.serving),
                          preview=STATE.serving, docs_dir=str(Path(config.docs_dir).relative_to(root)),
                          offline=bool(offline and offline.config.enabled),
                          setup=_setup(config) if STATE.serving else None)
    try:
        site = build_site(root, options)
    except DataError as exc:
        raise PluginError("Données invalides :\n" + report(exc.problems)) from None
    if site.problems:  # printed, not logged: strict mode would turn a log into a failed rebuild
        print("Données invalides (la prévisualisation garde la dernière version correcte) :\n"
              + report(site.problems), file=sys.stderr)
    STATE.site = site
    config.site_author = site_publisher(root)  # one place: extra.publisher (the pages' « author » meta)
    STATE.built.clear()
    if STATE.dirty:
        _theme_listed_once(config, fresh=site.changed is None)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and hasattr(search, "search_index_prev"):
            # Material merges a dirty build's index with the last one for a single page; this
            # hook merges the pages it rendered (on_post_build): Material writes this build's.
            search.search_index_prev = None
        if site.changed is not None:  # 404.html (the whole nav): as the last full build wrote it
            config.theme.static_templates.discard("404.html")
    STATE.banner = _banner_html(site, config)
    if site.ctx.edition:  # the footer states the edition
        config.copyright = f"{config.copyright or ''} {site.ctx.edition.label}.".strip()
    if "redirects" in config.plugins:  # old addresses of renamed pages keep working
        config.plugins["redirects"].config["redirect_maps"] = site.redirects
    if config.nav:
        config.nav = site.nav(config.nav)
    # Every acronym of the glossary gets its expansion as a tooltip, on every page.
    config.mdx_configs.setdefault(ABBR_EXTENSION, {})["glossary"] = site.abbreviations
    _register_macros(config, site)
    return config


def _register_macros(config: MkDocsConfig, site: Site) -> None:
    STATE.macro_errors.clear()
    macros: dict[str, Any] = make_macros(site.ctx, STATE.macro_errors)
    continuum = macros["continuum"]
    macros["continuum"] = pass_context(lambda jinja_ctx, *args: continuum(*args, page_path=jinja_ctx["page"].file.src_uri))
    macros["copie_hors_ligne"] = lambda: offline_download(offline_zip())
    plugin = config.plugins["macros"]
    if not isinstance(plugin, MacrosPlugin):
        raise PluginError("mkdocs.yml: the « macros » plugin (mkdocs-macros-plugin) must be enabled")
    plugin.register_macros(macros)


def _banner_html(site: Site, config: MkDocsConfig) -> str:
    """The preview's problems as every page shows them, above its content ('' when none)."""
    if not site.problems:
        return ""
    return render_markdown(site.banner(), extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def _theme_listed_once(config: MkDocsConfig, fresh: bool) -> None:
    """Each build of a preview lists the theme's files to copy them (about 15 000 with
    Material's icons, a quarter of an idle rebuild): a dirty preview lists them once, again at
    each full build (a template edited or added makes one)."""
    if fresh:
        STATE.theme_files.clear()
    theme = config.theme
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        listing = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return listing(extensions, filter_func)
            key = (tuple(theme.dirs), frozenset(theme.static_templates))
            if key not in STATE.theme_files:
                STATE.theme_files[key] = listing(filter_func=filter_func)
            return STATE.theme_files[key]

        setattr(env, "list_templates", list_templates)  # noqa: B010  # an instance's, for this build
        return env

    setattr(theme, "get_env", get_env)  # noqa: B010


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if STATE.serving:
        STATE.templates = STATE.templates or MemoryBytecodeCache()
        env.bytecode_cache = STATE.templates
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    """A full build of a dirty preview starts from an empty folder (a deleted entry's page goes)."""
    if STATE.dirty and STATE.require_site().changed is None:
        clean_directory(config.site_dir)


@event_priority(100)  # before other plugins look at the files (mkdocs-redirects checks its targets)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = STATE.require_site()
    STATE.generated = {page.path: page.markdown for page in site.pages}
    changed = site.changed if STATE.dirty else None
    new = PreviewFile.generated if STATE.dirty else File.generated
    if STATE.dirty:  # the hand-written pages: rendered when what their macros read changed
        files = Files([_handwritten(f, site) if f.is_documentation_page() else f for f in files])
    for page in site.pages:  # a stub until on_page_markdown: mkdocs-macros never sees their data
        files.append(_fresh(new(config, page.path, content=GENERATED_STUB), changed is None or page.path in changed))
    for extra in site.files:  # exports (Moodle, CSV, CSL-JSON, RIS, BibTeX) and JSON Schemas: a preview's are
        files.append(_fresh(new(config, extra.path, content=extra.content), changed is None))  # its full build's
    archive = offline_zip()
    if archive:  # the offline copy made by `make publish`, linked from « Formateurs »
        files.append(File.generated(config, OFFLINE_ZIP, abs_src_path=str(archive)))
    STATE.pages = {f.url: f.abs_dest_path for f in files.documentation_pages()}
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """A page that a dirty build does not render has no title (MkDocs reads it from the page):
    it keeps the one it had, which its neighbours' footers and the nav show."""
    if STATE.dirty:
        for file in files.documentation_pages():
            if file.page is not None and not file.is_modified() and file.url in STATE.titles:
                file.page.title = STATE.titles[file.url]
    return nav


def _handwritten(file: File, site: Site) -> File:
    kept = STATE.handwritten.get(file.src_uri)
    out = PreviewFile(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=file.dest_uri,
                      inclusion=file.inclusion)
    out.fresh = kept is None or site.change is None or site.change.touches(*kept)
    return out


def _fresh(file: File, fresh: bool) -> File:
    if isinstance(file, PreviewFile):
        file.fresh = fresh
    return file


def on_pre_page(page: MkDocsPage, **kwargs: object) -> MkDocsPage:
    """Before mkdocs-macros renders a hand-written page of a preview: what its macros read is
    noted (until `on_page_markdown`)."""
    if STATE.dirty and not page.file.generated_by:
        STATE.recorder.start()
    return page


@event_priority(-50)  # after mkdocs-macros (default priority 0), whatever the order of mkdocs.yml
def on_page_markdown(markdown: str, page: MkDocsPage, **kwargs: object) -> str:
    """A generated page gets its front matter and Markdown here, after the macros plugin skipped
    its stub. A macro of a hand-written page called with bad arguments stops the build here
    (`check` reports every call it can see first: partenariat/checks/docs.py). While previewing
    broken data, every page says so (`on_post_page`)."""
    if STATE.dirty and not page.file.generated_by:
        STATE.handwritten[page.file.src_uri] = (frozenset(STATE.recorder.stop()), markdown)
    if STATE.macro_errors:
        problems = [Problem(f"docs/{page.file.src_path}", 0, e.macro, e.message, e.hint) for e in STATE.macro_errors]
        STATE.macro_errors.clear()
        raise PluginError(report(problems))
    generated = STATE.generated.get(page.file.src_uri)
    if generated is not None:
        meta, markdown = split_front_matter(generated)
        page.meta = dict(meta)
    return markdown


def on_page_content(html: str, page: MkDocsPage, **kwargs: object) -> str:
    """Links to the export files download them (Moodle XML, CSV, CSL-JSON, RIS, BibTeX), as zips
    in the offline copy; the first mention of each acronym links to its entry."""
    site = STATE.require_site()
    return site.link_acronyms(mark_downloads(html, page.url, site.file_paths, zipped=site.offline), page.file.src_uri)


# Where a preview's page shows the problems of a broken edit: first in its content.
_ARTICLE = '<article class="md-content__inner md-typeset">'
_BANNER = re.compile(r"<!--pkb:problems-->.*?<!--/pkb:problems-->", re.DOTALL)


def _with_banner(html: str) -> str:
    block = f"<!--pkb:problems-->{STATE.banner}<!--/pkb:problems-->"
    if _BANNER.search(html):
        return _BANNER.sub(lambda _: block, html, count=1)
    return html.replace(_ARTICLE, _ARTICLE + block, 1)


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    """While previewing: the place of the problems' banner, filled when an edit is broken."""
    STATE.built.add(page.url)
    STATE.titles[page.url] = page.title
    return _with_banner(output) if STATE.serving else output


@event_priority(-10)  # after the search plugin writes its index (0), before the offline copy uses it (-50, -100)
def on_post_build(config: MkDocsConfig) -> None:
    """Write the redirect pages again in French (partenariat.render.redirects: mkdocs-redirects has
    written them, in English, at priority 0). Replace Material's search index by ours
    (partenariat.export.search_index, a pure function), read by our worker
    (overrides/assets/javascripts/workers/search-fr.js); the pages of the menu are also found
    by their menu title. Material's file becomes a stub naming the two shards the worker loads
    once the reader turns to search."""
    site = STATE.require_site()
    for old in site.redirects:  # the pages at renamed pages' old addresses, in French
        url = Addresses(config.use_directory_urls).url_of_page(old)
        page = Path(config.site_dir) / (url + "index.html" if url.endswith("/") or not url else url)
        target = redirect_target(page.read_text("utf-8")) if page.is_file() else None
        if target is not None:
            page.write_text(french_redirect(target, offline=site.offline), "utf-8")
    if STATE.dirty and STATE.banner != STATE.banner_shown and site.changed is not None:
        _banner_everywhere()
    STATE.banner_shown = STATE.banner
    folder = Path(config.site_dir) / "search"
    path = folder / "search_index.json"
    if not path.is_file():
        return
    material = json.loads(path.read_text("utf-8"))
    if STATE.dirty:  # Material saw the pages rendered by this build only
        material["docs"] = STATE.search_docs.update(material.get("docs", []), STATE.built, full=site.changed is None)
    data = with_nav_titles(site.search, nav_titles(config.nav))
    if STATE.dirty and site.changed is None:
        STATE.search_memo.clear()  # what a full build does not make again goes
    index = make_index(material, data, STATE.search_memo if STATE.dirty else None)
    for name, content in split_index(index).items():
        (folder / f"{name}.json").write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _banner_everywhere() -> None:
    """The pages a dirty build did not render show the problems of this build too."""
    for url, dest in STATE.pages.items():
        if url in STATE.built or not os.path.isfile(dest):
            continue
        with open(dest, encoding="utf-8") as handle:
            html = handle.read()
        again = _with_banner(html)
        if again != html:
            with open(dest, "w", encoding="utf-8") as handle:
                handle.write(again)
