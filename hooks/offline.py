"""Offline copy (`make offline`, OFFLINE=true): keep the online layout and make its links
openable from file://. Material's offline plugin inlines the search index; this hook undoes
its switch to `page.html` URLs and rewrites directory links (see partenariat/offline.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from partenariat.render.offline import rewrite_html, rewrite_search_index


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _offline(config):
        config.use_directory_urls = True  # same paths as online: concepts/reseau/index.html
    return config


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    return rewrite_html(output) if _offline(config) else output


@event_priority(-50)  # after the search index is written, before the offline plugin inlines it
def on_post_build(config: MkDocsConfig) -> None:
    if not _offline(config):
        return
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(rewrite_search_index(index.read_text("utf-8")), "utf-8")
    for page in Path(config.site_dir).glob("*.html"):  # 404.html is not a page event
        page.write_text(rewrite_html(page.read_text("utf-8")), "utf-8")
