"""`build_site`: the one entry point the hooks and the CLI share; its nav and preview banner."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat import DataError
from partenariat.site import SiteOptions, build_site


def test_build_site_returns_every_part_of_the_site(corpus_dir: Path) -> None:
    site = build_site(corpus_dir)
    paths = {page.path for page in site.pages}
    assert "concepts/reseau.md" in paths and "concepts/index.md" in paths
    files = {f.path for f in site.files}
    assert "glossaire-moodle.xml" in files and any(p.startswith("schemas/") for p in files)
    assert "concepts/reseau/" in site.search.pages
    assert all(isinstance(v, str) and v for v in site.abbreviations.values())
    assert site.problems == [] and site.banner() == ""


def test_nav_section_index_becomes_the_section(corpus_dir: Path) -> None:
    site = build_site(corpus_dir)
    nav = site.nav([{"Accueil": "index.md"}, {"Concepts": "concepts/index.md"},
                    {"Comparer": ["comparer/index.md", {"X": "comparer/x.md"}]}])
    assert nav[0] == {"Accueil": "index.md"}
    concepts = nav[1]["Concepts"]
    assert concepts[0] == "concepts/index.md"
    assert {"Réseau": "concepts/reseau.md"} in concepts or any("concepts/reseau.md" in e.values()
                                                             for e in concepts[1:])
    assert nav[2] == {"Comparer": ["comparer/index.md", {"X": "comparer/x.md"}]}


def test_preview_keeps_the_last_good_site_and_shows_a_banner(corpus_dir: Path) -> None:
    build_site(corpus_dir, SiteOptions(preview=True))
    broken = corpus_dir / "concepts" / "reseau.yaml"
    broken.write_text(broken.read_text("utf-8").replace("summary:", "sumary:", 1), "utf-8")
    site = build_site(corpus_dir, SiteOptions(preview=True))
    assert "concepts/reseau.md" in {p.path for p in site.pages}  # last good data still shown
    banner = site.banner("en")
    assert banner.startswith('!!! danger "Données invalides')
    assert "concepts/reseau.yaml" in banner and "sumary" in banner
    with pytest.raises(DataError):  # a real build stops on the same data
        build_site(corpus_dir)


def test_flat_urls_and_published_address_reach_search_and_exports(corpus_dir: Path) -> None:
    site = build_site(corpus_dir, SiteOptions(directory_urls=False, base_url="https://exemple.fr/"))
    # search data is keyed by the canonical folder address, whatever the URL style, so that
    # the offline copy ranks as the site does
    assert "concepts/reseau/" in site.search.pages
    csv = next(f.content for f in site.files if f.path == "concepts.csv")
    # exports leave the site: they carry the published address, in the manifest's style
    assert "https://exemple.fr/concepts/reseau/" in csv


def test_check_knows_every_page_without_rendering(corpus_dir: Path) -> None:
    from partenariat.render.pages import page_paths

    site = build_site(corpus_dir)
    assert sorted(page_paths(site.corpus)) == sorted(page.path for page in site.pages)
