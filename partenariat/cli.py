"""Command line: `python -m partenariat check` and `python -m partenariat render DIR`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .entities import ENTITY_TYPES
from .load import load_corpus
from .problems import DataError

LABELS = {"concept": "concepts", "author": "auteurs", "source": "sources", "legal": "textes juridiques",
          "glossary": "sigles", "case": "cas", "curriculum": "référentiels"}
REPO_ROOT = Path(__file__).resolve().parent.parent


def _load(root: Path):  # type: ignore[no-untyped-def]
    try:
        return load_corpus(root)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    corpus = _load(args.root)
    if corpus is None:
        return 1
    counts = corpus.counts()
    parts = ", ".join(f"{counts[t.name]} {LABELS[t.name]}" for t in ENTITY_TYPES)
    total = sum(counts.values())
    print(f"OK: {total} entrées ({parts}), {len(corpus.edges)} renvois vérifiés "
          f"en {time.perf_counter() - start:.2f} s")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from .pages import build_pages

    corpus = _load(args.root)
    if corpus is None:
        return 1
    out: Path = args.out
    pages = build_pages(corpus)
    for page in pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"{len(pages)} pages écrites dans {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partenariat", description=__doc__)
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="folder holding the data folders")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate the data and print every problem").set_defaults(func=cmd_check)
    render = sub.add_parser("render", help="write every generated page as Markdown into DIR")
    render.add_argument("out", type=Path, metavar="DIR")
    render.set_defaults(func=cmd_render)
    args = parser.parse_args(argv)
    return args.func(args)
