"""Published addresses: the manifest trainers rely on, and the redirects that keep it true.

`urls.txt` (committed) lists every page address ever published. A page may move (an id is
renamed) only if `redirects.yaml` sends its old address to the new one. Both files are
checked here, without MkDocs; the hook hands the redirects to the mkdocs-redirects plugin.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from partenariat.base.messages import msg
from partenariat.base.problems import Problem, did_you_mean
from partenariat.checks.load import Corpus
from partenariat.data.entities import BY_NAME, ENTITY_TYPES
from partenariat.data.models import Curriculum
from partenariat.data.yamlfile import read_yaml
from partenariat.derive.addresses import Addresses, source_of_url, url_of_source

MANIFEST = "urls.txt"
REDIRECTS = "redirects.yaml"


def current_urls(docs_dir: Path, page_paths: Iterable[str], corpus: Corpus | None = None) -> set[str]:
    """Addresses of the hand-written pages and of the generated ones (``page_paths``), and,
    given the corpus, the links of the curriculum items."""
    # the manifest's addresses are in the directory style ('concepts/reseau/')
    urls = {url_of_source(p.relative_to(docs_dir).as_posix()) for p in docs_dir.rglob("*.md")}
    urls.update(url_of_source(path) for path in page_paths)
    return urls | (competency_urls(corpus) if corpus else set())


def competency_urls(corpus: Corpus) -> set[str]:
    """The link of every curriculum item (`referentiels/bts-esf/#c4-1`): trainers paste them
    into a syllabus, so they are published addresses too."""
    from partenariat.render.curriculum import anchor_map, former_anchors

    return {Addresses().url("curriculum", c.id, anchor) for c in corpus.all_of("curriculum", Curriculum)
            for anchor in [*anchor_map(c).values(), *former_anchors(c)]}


def read_manifest(root: Path) -> set[str]:
    path = root / MANIFEST
    if not path.is_file():
        return set()
    lines = {line.strip() for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")}
    return {"" if line == "/" else line for line in lines}


def write_manifest(root: Path, urls: set[str]) -> None:
    header = ("# Every published page address (relative to the site root). Never remove a line:\n"
              "# a renamed page keeps its old address through redirects.yaml.\n")
    lines = sorted(urls, key=lambda u: (u.count("/"), u))
    (root / MANIFEST).write_text(header + "\n".join(line or "/" for line in lines) + "\n", encoding="utf-8")


def load_redirects(root: Path, corpus: Corpus, docs_dir: Path,
                   current: set[str]) -> tuple[dict[str, str], list[Problem]]:
    """`old address: new address` (e.g. `concepts/cooperaton: concepts/cooperation`) → old.md → new.md."""
    path = root / REDIRECTS
    if not path.is_file():
        return {}, []
    doc, problems = read_yaml(path, REDIRECTS)
    if doc is None:
        return {}, [] if problems and problems[0].message.code == "file-empty" else problems
    maps: dict[str, str] = {}
    for old, new in doc.data.items():
        line = doc.line_of((old,))
        old_url, new_url = str(old).strip("/") + "/", str(new or "").strip("/") + "/"
        if old_url in current:
            problems.append(Problem(REDIRECTS, line, old, msg("still-a-page", address=old), msg("redirect-needs-gone")))
        elif new_url not in current:
            folder = new_url.split("/")[0]
            etype = next((t for t in ENTITY_TYPES if t.url == folder), None)
            ids = corpus.records[etype.name] if etype else []
            hint = did_you_mean(new_url.split("/")[1] if "/" in new_url else new_url, ids) if ids else None
            problems.append(Problem(REDIRECTS, line, old, msg("redirect-target-unknown", address=new), hint))
        else:
            maps[source_of_url(old_url, False)] = _md_path(new_url, docs_dir)
    return maps, problems


def _md_path(url: str, docs_dir: Path) -> str:
    folder = url.rstrip("/")
    section = any(t.url == folder for t in BY_NAME.values())
    return source_of_url(url, section or (docs_dir / source_of_url(url, True)).is_file())


def check_addresses(root: Path, corpus: Corpus, docs_dir: Path,
                    page_paths: Iterable[str]) -> tuple[dict[str, str], list[Problem]]:
    """The redirects to write, and the problems: a bad redirect, or a published address that
    disappeared without one."""
    current = current_urls(docs_dir, page_paths, corpus)
    maps, problems = load_redirects(root, corpus, docs_dir, current)
    redirected = {url_of_source(old) for old in maps}
    for url in sorted(read_manifest(root) - current - redirected):
        if "#" in url:  # an anchor cannot be redirected: it must stay
            page, anchor = url.split("#", 1)
            problems.append(Problem(MANIFEST, 0, url, msg("address-gone"), msg("keep-anchor", page=page, anchor=anchor)))
            continue
        target = _likely_new_address(url, current - read_manifest(root), current)
        hint = (msg("add-redirect", line=f"{url.rstrip('/')}: {target.rstrip('/')}", file=REDIRECTS) if target
                else msg("add-redirect-to", old=url.rstrip("/"), file=REDIRECTS))
        problems.append(Problem(MANIFEST, 0, url, msg("address-gone"), hint))
    return maps, problems


def _likely_new_address(gone: str, new: set[str], current: set[str]) -> str | None:
    """Where a vanished address most likely went: an address new in this change and in the same
    folder (the only one, or the closest name), else the closest existing one of the folder."""
    folder, name = gone.split("/")[0], gone.rstrip("/").split("/")[-1]
    for pool in (new, current):
        siblings = {url.rstrip("/").split("/")[-1]: url for url in pool
                    if url.split("/")[0] == folder and "#" not in url and url.count("/") == gone.count("/")}
        if pool is new and len(siblings) == 1:
            return next(iter(siblings.values()))
        close = difflib.get_close_matches(name, list(siblings), n=1)
        if close:
            return siblings[close[0]]
    return None
