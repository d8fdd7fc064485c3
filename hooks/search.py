"""MkDocs glue for search, kept thin: after the build, rewrite Material's search index so
that it answers French queries (accents, elisions, plurals, acronyms, article numbers).

The rewrite itself is `partenariat.search_index.rewrite_index`, a pure function; this hook
only reads the corpus and the index written by the search plugin, and writes the result.
The query side is a small wrapper around Material's search worker, in overrides/.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from partenariat import load_corpus
from partenariat.search_index import rewrite_index, search_data


@event_priority(-10)  # after the search plugin writes the index (0), before the offline copy uses it (-50, -100)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():  # search plugin disabled
        return
    corpus = load_corpus(Path(config.config_file_path).parent)  # valid: hooks/corpus.py checked it
    data = search_data(corpus, directory_urls=config.use_directory_urls)
    index = rewrite_index(json.loads(path.read_text("utf-8")), data)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
