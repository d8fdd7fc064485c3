"""Offline copy (`make offline`, OFFLINE=true): keep the online layout and make its links
openable from file://. Material's offline plugin inlines its search index (here the stub naming
our shards); this hook undoes its switch to `page.html` URLs, rewrites directory links (see
partenariat/render/offline.py) and writes each search shard as a script, which a worker
started from file:// can load (it cannot fetch)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from partenariat.export.search_index import SHARDS, shard_script
from partenariat.render.offline import rewrite_html, rewrite_search_index


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


# Material's search worker from file:// runs in an iframe (the shim replaces `Worker`). The offline
# plugin adds the shim from a CDN: the copy loads ours instead (online, no shim: it would only
# block rendering).
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:  # after the offline plugin's
    if _offline(config):
        config.use_directory_urls = True  # same paths as online: concepts/reseau/index.html
        polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
        config.extra["polyfills"] = [*polyfills, SHIM]
    return config


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    return rewrite_html(output) if _offline(config) else output


@event_priority(-50)  # after the search index is written, before the offline plugin inlines it
def on_post_build(config: MkDocsConfig) -> None:
    if not _offline(config):
        return
    folder = Path(config.site_dir) / "search"
    for name in ("search_index", *SHARDS):
        path = folder / f"{name}.json"
        if path.is_file():
            text = rewrite_search_index(path.read_text("utf-8"))
            path.write_text(text, "utf-8")
            if name in SHARDS:
                (folder / f"{name}.js").write_text(shard_script(name, text), "utf-8")
    for page in Path(config.site_dir).glob("*.html"):  # 404.html is not a page event
        page.write_text(rewrite_html(page.read_text("utf-8")), "utf-8")
