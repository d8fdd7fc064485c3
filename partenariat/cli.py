"""Command line: `python -m partenariat check`, `python -m partenariat render DIR` and
`python -m partenariat export DIR`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from partenariat.base.messages import default_lang, report
from partenariat.base.problems import DataError
from partenariat.checks.load import Corpus, load_corpus
from partenariat.checks.seeds import absent_notice, read_seeds, seeds_folder
from partenariat.checks.urls import MANIFEST, current_urls, read_manifest, write_manifest
from partenariat.data.entities import ENTITY_TYPES
from partenariat.site import Site, SiteOptions, build_site, check_site

REPO_ROOT = Path(__file__).resolve().parent.parent


def _load(root: Path, lang: str | None = None) -> Corpus | None:
    try:
        return load_corpus(root)
    except DataError as exc:
        print(report(exc.problems, lang), file=sys.stderr)
        return None


def _site(root: Path, lang: str | None = None, base_url: str = "") -> Site | None:
    """The whole site (data, pages, addresses, exports), or None after printing the problems."""
    try:
        return build_site(root, SiteOptions(base_url=base_url))
    except DataError as exc:
        print(report(exc.problems, lang), file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    try:
        corpus = check_site(args.root)
    except DataError as exc:
        print(report(exc.problems, args.lang), file=sys.stderr)
        _seeds_notice(args)
        return 1
    counts = corpus.counts()
    parts = ", ".join(t.count(counts[t.name]) for t in ENTITY_TYPES)
    total = sum(counts.values())
    print(f"OK: {total} entrée{'s' if total > 1 else ''} ({parts}), {len(corpus.edges)} renvois vérifiés "
          f"en {time.perf_counter() - start:.2f} s")
    _seeds_notice(args)
    return 0


def _seeds_notice(args: argparse.Namespace) -> None:
    """Once, after the result: the rules that need the seed documents did not run without them."""
    if read_seeds(seeds_folder(args.root)) is None:
        print(absent_notice(args.root).text(args.lang or default_lang()))


def cmd_urls(args: argparse.Namespace) -> int:
    site = _site(args.root)
    if site is None:
        return 1
    urls = current_urls(args.root / "docs", [page.path for page in site.pages], site.corpus)
    if args.write:
        known = read_manifest(args.root)
        write_manifest(args.root, known | urls)
        print(f"{len(urls - known)} adresse(s) ajoutée(s) à {MANIFEST} ({len(known | urls)} en tout)")
    else:
        print("\n".join(sorted(urls)))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    site = _site(args.root)
    if site is None:
        return 1
    out: Path = args.out
    for page in site.pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"{len(site.pages)} pages écrites dans {out}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from partenariat.data.scaffold import ScaffoldError, new_entry, similar_entries

    try:
        path = new_entry(args.root, args.type, args.title, args.id)
    except ScaffoldError as exc:
        print(f"Refusé : {exc}", file=sys.stderr)
        return 1
    print(f"Créé : {path.relative_to(args.root)}")
    for other in similar_entries(args.root, args.type, path.stem):
        print(f"Attention : une fiche proche existe déjà ({other}) ; vérifiez qu'il ne s'agit pas de la même.")
    print("Complétez les champs vides, puis lancez : make check")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from partenariat.data.schemas import SCHEMA_DIR, write_schemas

    written = write_schemas(args.out or args.root / SCHEMA_DIR)
    print(f"{len(written)} schémas écrits dans {written[0].parent}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from partenariat.export import write_exports

    corpus = _load(args.root)
    if corpus is None:
        return 1
    written = write_exports(corpus, args.out, base_url=args.base_url)
    print(f"{len(written)} fichiers d'export écrits dans {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partenariat", description=__doc__)
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="folder holding the data folders")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the data and print every problem")
    check.add_argument("--lang", choices=("fr", "en"), help="language of the messages (default: fr, or $PARTENARIAT_LANG)")
    check.set_defaults(func=cmd_check)
    render = sub.add_parser("render", help="write every generated page as Markdown into DIR")
    render.add_argument("out", type=Path, metavar="DIR")
    render.set_defaults(func=cmd_render)
    export = sub.add_parser("export", help="write the exports (Moodle, CSV, CSL-JSON, RIS, BibTeX) into DIR")
    export.add_argument("out", type=Path, metavar="DIR")
    export.add_argument("--base-url", default="", metavar="URL",
                        help="address of the published site, to write absolute page links (default: relative)")
    export.set_defaults(func=cmd_export)
    new = sub.add_parser("new", help='create a data file: new concept "Coopération"')
    new.add_argument("type", help="concept, author, source, legal, glossary, case or curriculum")
    new.add_argument("title", help="term, name, title or acronym of the new entry")
    new.add_argument("--id", help="id to use instead of the one made from the title")
    new.set_defaults(func=cmd_new)
    urls = sub.add_parser("urls", help=f"list the page addresses; --write adds the new ones to {MANIFEST}")
    urls.add_argument("--write", action="store_true")
    urls.set_defaults(func=cmd_urls)
    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the data files (default: schemas/)")
    schemas.add_argument("out", type=Path, nargs="?", metavar="DIR")
    schemas.set_defaults(func=cmd_schemas)
    args = parser.parse_args(argv)
    return args.func(args)
