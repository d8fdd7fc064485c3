"""The builds of `make serve` (`mkdocs serve --dirty`), without the server: in one process, a
first (full) build, then, for each edit, the edit saved and the rebuild serve would run. Prints
one JSON line per build: seconds, pages whose Markdown the package rendered again, pages
MkDocs rendered again (hooks/corpus.py).

    python tests/previewdriver.py PROJECT SITE_DIR '[["glossary/cpom.yaml", "old", "new"], …]' [--keep]

With --keep, the site as each build left it is copied to SITE_DIR.0, SITE_DIR.1…

Used by tests/test_preview.py (a preview after edits equals a first build of the same data)
and scripts/benchmark.py (edit-to-page time without the watcher's polling).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def main(project: Path, site_dir: Path, edits: list[list[str]], keep: bool = False) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(project)
    sys.path.insert(0, str(project))  # the project's `partenariat` (a link to the package)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR)

    def config() -> object:
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        loaded.site_url = SERVE_URL  # as serve sets it
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)  # type: ignore[attr-defined]
    hooks = sys.modules["hooks/corpus.py"]
    from partenariat.preview import preview_of

    builds = 0

    def run(loaded: object, edit: list[str] | None) -> None:
        nonlocal builds
        start = time.perf_counter()
        build(loaded, serve_url=SERVE_URL, dirty=True)  # type: ignore[arg-type]
        preview = preview_of(project)
        print(json.dumps({"edit": edit, "seconds": round(time.perf_counter() - start, 3),
                          "markdown": preview.last_rendered, "pages": preview.last_total,
                          "html": len(hooks.STATE.built), "full": hooks.STATE.site.changed is None}), flush=True)
        if keep:
            shutil.copytree(site_dir, site_dir.with_name(f"{site_dir.name}.{builds}"))
        builds += 1

    run(first, None)
    for edit in edits:
        path, old, new = project / edit[0], edit[1], edit[2]
        text = path.read_text("utf-8")
        assert old in text, f"{edit[0]}: {old!r} not found"
        path.write_text(text.replace(old, new, 1), "utf-8")
        run(config(), edit)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), json.loads(sys.argv[3]), "--keep" in sys.argv[4:])
