"""MkDocs glue, kept thin: load the corpus once per build, add the generated pages and
their nav entries, hand the glossary to the `abbr` extension and the macros to
mkdocs-macros, add the exports, replace the search index after the build (read by our search worker,
in overrides/), and stop the build with the list of data problems (no traceback).

Everything else (models, checks, rendering) lives in the `partenariat` package, which does
not import MkDocs. The data folders are watched by `mkdocs serve` through `watch:` in
mkdocs.yml.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jinja2 import pass_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from partenariat import DataError, load_corpus
from partenariat.export import ExportFile, build_exports
from partenariat.index import build_index
from partenariat.macros import make_macros
from partenariat.messages import report
from partenariat.pages import Page, build_pages, nav_sections
from partenariat.preview import load_for_preview
from partenariat.render.common import Context
from partenariat.render.glossary import abbreviations
from partenariat.schemas import SCHEMA_DIR, render_schemas
from partenariat.search_index import SearchData, make_index, nav_titles, search_data, with_nav_titles
from partenariat.urls import check_addresses

_pages: list[Page] = []
_macro_errors: list[str] = []
_exports: list[ExportFile] = []
_search: list[SearchData] = []
_banner: list[str] = []
SERVING = sys.argv[1:2] == ["serve"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    _banner.clear()
    try:
        if SERVING:  # keep previewing the last good data; show what is wrong
            corpus, problems = load_for_preview(root)
            if problems:  # printed, not logged: strict mode would turn a log into a failed rebuild
                print("Données invalides (la prévisualisation garde la dernière version correcte) :\n"
                      + report(problems), file=sys.stderr)
                _banner.append(report(problems))
        else:
            corpus = load_corpus(root)
    except DataError as exc:
        raise PluginError("Données invalides :\n" + report(exc.problems)) from None
    ctx = Context(corpus, build_index(corpus), directory_urls=config.use_directory_urls)
    _pages[:] = build_pages(ctx)
    redirects, problems = check_addresses(root, corpus, Path(config.docs_dir), [p.path for p in _pages])
    if problems:
        raise PluginError("Adresses :\n" + report(problems))
    if "redirects" in config.plugins:  # old addresses of renamed pages keep working
        config.plugins["redirects"].config["redirect_maps"] = redirects
    _exports[:] = build_exports(ctx, base_url=config.site_url or "")
    _search[:] = [search_data(corpus)]

    sections = nav_sections(_pages)
    index_of = {str(entries[0]): name for name, entries in sections.items()}
    if config.nav:
        config.nav = [_expand(item, index_of, sections) for item in config.nav]

    # Every acronym of the glossary gets its expansion as a tooltip, on every page.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = abbreviations(corpus.entities("glossary"))

    _macro_errors.clear()
    macros = make_macros(ctx, _macro_errors)
    continuum = macros["continuum"]
    macros["continuum"] = pass_context(lambda jinja_ctx, *args: continuum(*args, page_path=jinja_ctx["page"].file.src_uri))
    config.plugins["macros"].register_macros(macros)
    return config


def _expand(item: object, index_of: dict[str, str], sections: dict[str, list]) -> object:
    """`- Concepts: concepts/index.md` becomes the section holding every concept page."""
    if isinstance(item, dict) and len(item) == 1:
        ((title, target),) = item.items()
        if isinstance(target, str) and target in index_of:
            return {title: sections[index_of[target]]}
        if isinstance(target, list):
            return {title: [_expand(i, index_of, sections) for i in target]}
    return item


@event_priority(100)  # before other plugins look at the files (mkdocs-redirects checks its targets)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for name, text in render_schemas().items():  # published for editors' tools
        files.append(File.generated(config, f"{SCHEMA_DIR}/{name}", content=text))
    for export in _exports:  # Moodle, CSV, CSL-JSON, RIS, BibTeX
        files.append(File.generated(config, export.path, content=export.content))
    return files


def on_page_markdown(markdown: str, page: MkDocsPage, **kwargs: object) -> str:
    """Runs after mkdocs-macros: a macro called with bad arguments stops the build here.
    While previewing broken data, every page says so."""
    if _macro_errors:
        problems = "\n".join(f"docs/{page.file.src_path}: {e}" for e in _macro_errors)
        _macro_errors.clear()
        raise PluginError("Macro mal appelée :\n" + problems)
    if _banner:
        lines = "\n".join(f"    - `{line}`" for line in _banner[0].splitlines()[:-1])
        markdown = ('!!! danger "Données invalides : cette prévisualisation montre la dernière version correcte"\n\n'
                    f"{lines}\n\n{markdown}")
    return markdown


@event_priority(-10)  # after the search plugin writes its index (0), before the offline copy uses it (-50, -100)
def on_post_build(config: MkDocsConfig) -> None:
    """Replace Material's search index by ours (partenariat.search_index, a pure function), read
    by our worker (overrides/assets/javascripts/workers/search-fr.js)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file() and _search:
        data = with_nav_titles(_search[0], nav_titles(config.nav))
        index = make_index(json.loads(path.read_text("utf-8")), data)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
