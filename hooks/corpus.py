"""MkDocs glue, kept thin: ask the package for the whole site once per build
(`partenariat.site.build_site`), then hand MkDocs its pages, nav, files, abbreviations,
redirects and macros, and replace the search index after the build (read by our search worker,
in overrides/). Bad data stops the build with the list of problems (no traceback).

All state lives on one object, `STATE`, reset by each build; `mkdocs serve` is learnt from
`on_startup`, as MkDocs intends.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs_macros.plugin import MacrosPlugin

from partenariat import DataError
from partenariat.base.messages import report
from partenariat.derive.publish import OFFLINE_ZIP, offline_download, offline_zip, published_url
from partenariat.export.search_index import make_index, nav_titles, split_index, with_nav_titles
from partenariat.render.abbr import NAME as ABBR_EXTENSION
from partenariat.render.downloads import mark_downloads
from partenariat.render.macros import make_macros
from partenariat.site import Site, SiteOptions, build_site


@dataclass
class BuildState:
    """What one build keeps between MkDocs events."""

    serving: bool = False
    site: Site | None = None
    macro_errors: list[str] = field(default_factory=list)

    def require_site(self) -> Site:
        if self.site is None:  # MkDocs calls on_config first; anything else is a bug of ours
            raise PluginError("partenariat: le site n'a pas été préparé (on_config n'a pas été appelé)")
        return self.site


STATE = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    STATE.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent  # `-f mkdocs.yml` gives a relative path
    # the published address (SITE_URL), never the preview's own local address
    options = SiteOptions(directory_urls=config.use_directory_urls, base_url=published_url(config.site_url, STATE.serving),
                          preview=STATE.serving, docs_dir=str(Path(config.docs_dir).relative_to(root)))
    try:
        site = build_site(root, options)
    except DataError as exc:
        raise PluginError("Données invalides :\n" + report(exc.problems)) from None
    if site.problems:  # printed, not logged: strict mode would turn a log into a failed rebuild
        print("Données invalides (la prévisualisation garde la dernière version correcte) :\n"
              + report(site.problems), file=sys.stderr)
    STATE.site = site
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


@event_priority(100)  # before other plugins look at the files (mkdocs-redirects checks its targets)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = STATE.require_site()
    for page in site.pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for extra in site.files:  # exports (Moodle, CSV, CSL-JSON, RIS, BibTeX) and JSON Schemas
        files.append(File.generated(config, extra.path, content=extra.content))
    archive = offline_zip()
    if archive:  # the offline copy made by `make publish`, linked from « Formateurs »
        files.append(File.generated(config, OFFLINE_ZIP, abs_src_path=str(archive)))
    return files


def on_page_markdown(markdown: str, page: MkDocsPage, **kwargs: object) -> str:
    """Runs after mkdocs-macros: a macro called with bad arguments stops the build here.
    While previewing broken data, every page says so."""
    if STATE.macro_errors:
        problems = "\n".join(f"docs/{page.file.src_path}: {e}" for e in STATE.macro_errors)
        STATE.macro_errors.clear()
        raise PluginError("Macro mal appelée :\n" + problems)
    return STATE.require_site().banner() + markdown


def on_page_content(html: str, page: MkDocsPage, **kwargs: object) -> str:
    """Links to the export files download them (Moodle XML, CSV, CSL-JSON, RIS, BibTeX)."""
    return mark_downloads(html, page.url, STATE.require_site().file_paths)


@event_priority(-10)  # after the search plugin writes its index (0), before the offline copy uses it (-50, -100)
def on_post_build(config: MkDocsConfig) -> None:
    """Replace Material's search index by ours (partenariat.export.search_index, a pure function), read
    by our worker (overrides/assets/javascripts/workers/search-fr.js); the pages of the menu
    are also found by their menu title. Material's file becomes a stub naming the two shards
    the worker loads once the reader turns to search."""
    folder = Path(config.site_dir) / "search"
    path = folder / "search_index.json"
    if path.is_file() and STATE.site is not None:
        data = with_nav_titles(STATE.site.search, nav_titles(config.nav))
        index = make_index(json.loads(path.read_text("utf-8")), data)
        for name, content in split_index(index).items():
            (folder / f"{name}.json").write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), "utf-8")
