"""Acronyms: each rests on a source or says it has none; the sources' undeveloped acronyms get no
invented expansion (`undeveloped: true`), and every page, export and schema copes with that."""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO, run_cli
from partenariat import load_corpus
from partenariat.data.models import UNDEVELOPED
from partenariat.data.yamlfile import read_yaml
from partenariat.export.spreadsheet import glossary_csv
from partenariat.render.glossary import abbreviations
from partenariat.render.pages import build_pages

SEEDS = REPO.parent / "shared" / "seeds"
GLOSSARY_FILES = sorted((REPO / "glossary").glob("*.yaml"))


@cache
def seed_text() -> str:
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5, f"expected the five seeds in {SEEDS}"
    return "\n".join(p.read_text("utf-8") for p in files)


def data_of(path: Path) -> dict[str, object]:
    """The raw YAML mapping, read without the models: the rules below must hold even if a model changes."""
    doc, problems = read_yaml(path, path.name)
    assert doc is not None, problems
    return doc.data


def in_seeds(form: str) -> bool:
    """The acronym written as a word in the seeds, case as written (abbr tooltips are case-sensitive)."""
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", seed_text()) is not None


def files_where(test: object) -> list[Path]:
    return [p for p in GLOSSARY_FILES if test(data_of(p))]  # type: ignore[operator]


# « A source or outside_seeds » and « undeveloped means no expansion » are model rules, refused
# by `check` at their line (test_acronym_without_source_needs_outside_seeds and
# test_undeveloped_acronym_with_an_expansion_is_refused_at_its_line below).


@pytest.mark.parametrize("path", files_where(lambda d: not d.get("attested_in")), ids=lambda p: p.name)
def test_an_acronym_without_source_is_really_absent_from_the_seeds(path: Path) -> None:
    data = data_of(path)
    for form in [data["acronym"], *data.get("variants", [])]:
        assert not in_seeds(str(form)), f"glossary/{path.name}: the seeds use {form}: cite them in attested_in"


@pytest.mark.parametrize("path", files_where(lambda d: str(d.get("undeveloped")).lower() == "true"), ids=lambda p: p.name)
def test_an_undeveloped_acronym_is_one_the_seeds_use(path: Path) -> None:
    data = data_of(path)
    assert in_seeds(str(data["acronym"])), f"glossary/{path.name}: {data['acronym']} is not in the seeds"


UNDEVELOPED_ENTRY = ("id: xyz\nacronym: XYZ\nundeveloped: true\ndomain: education\n"
                     "description: Sigle employé par le dossier sans développement.\n"
                     "attested_in: [dossier]\nreviewed: 2026-11-28\n")


def test_undeveloped_acronym_is_shown_as_such_everywhere(corpus_dir: Path) -> None:
    (corpus_dir / "glossary" / "xyz.yaml").write_text(UNDEVELOPED_ENTRY, "utf-8")
    corpus = load_corpus(corpus_dir)
    pages = {p.path: p.markdown for p in build_pages(corpus)}
    page = pages["glossaire/xyz.md"]
    assert f"*{UNDEVELOPED}.*" in page and "None" not in page
    assert f'title: "XYZ — {UNDEVELOPED}"' in page
    assert f"| {UNDEVELOPED} |" in pages["glossaire/index.md"]
    assert f"| **XYZ** | {UNDEVELOPED} |" in pages["glossaire/a-imprimer.md"]
    assert f"XYZ;{UNDEVELOPED};" in glossary_csv(corpus)
    tooltips = abbreviations(corpus.entities("glossary"))
    assert "XYZ" not in tooltips and tooltips["CPOM"] == "Contrat pluriannuel d'objectifs et de moyens"


def check(corpus_dir: Path) -> str:
    result = run_cli("--root", str(corpus_dir), "check")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout
    return result.stderr


def test_undeveloped_acronym_with_an_expansion_is_refused_at_its_line(corpus_dir: Path) -> None:
    text = UNDEVELOPED_ENTRY.replace("undeveloped: true\n", "undeveloped: true\nexpansion: Inventée\n")
    (corpus_dir / "glossary" / "xyz.yaml").write_text(text, "utf-8")
    assert ("glossary/xyz.yaml:4: expansion: un sigle marqué « undeveloped: true » n'a pas de développement"
            in check(corpus_dir))


def test_expansion_stays_required_without_the_flag(corpus_dir: Path) -> None:
    (corpus_dir / "glossary" / "xyz.yaml").write_text(UNDEVELOPED_ENTRY.replace("undeveloped: true\n", ""), "utf-8")
    assert "glossary/xyz.yaml:1: expansion: champ obligatoire absent" in check(corpus_dir)
    empty = UNDEVELOPED_ENTRY.replace("undeveloped: true\n", "expansion:\n")
    (corpus_dir / "glossary" / "xyz.yaml").write_text(empty, "utf-8")
    assert "glossary/xyz.yaml:3: expansion: n'a pas de valeur" in check(corpus_dir)


OUTSIDE_ENTRY = ("id: mdph\nacronym: MDPH\nexpansion: Maison départementale des personnes handicapées\n"
                 "domain: medico-social\nattested_in: []\nreviewed: 2026-11-28\n")


def test_acronym_without_source_needs_outside_seeds(corpus_dir: Path) -> None:
    path = corpus_dir / "glossary" / "mdph.yaml"
    path.write_text(OUTSIDE_ENTRY, "utf-8")
    assert "glossary/mdph.yaml:1: un sigle demande « attested_in »" in check(corpus_dir)
    path.write_text(OUTSIDE_ENTRY + "outside_seeds: Sigle absent des documents sources.\n", "utf-8")
    page = {p.path: p.markdown for p in build_pages(load_corpus(corpus_dir))}["glossaire/mdph.md"]
    assert '!!! info "Hors des documents sources"' in page
    assert "Informations vérifiées dans" not in page  # no empty list of sources


def test_schema_knows_the_undeveloped_flag() -> None:
    schema = json.loads((REPO / "schemas" / "glossary.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    base = {"id": "xyz", "acronym": "XYZ", "domain": "education", "attested_in": ["dossier"],
            "reviewed": "2026-11-28"}
    assert list(validator.iter_errors({**base, "undeveloped": True})) == []
    assert list(validator.iter_errors({**base, "expansion": "X y z"})) == []
    assert list(validator.iter_errors(base)), "no expansion and no flag must be flagged"
    assert list(validator.iter_errors({**base, "undeveloped": True, "expansion": "X"})), "both must be flagged"


@pytest.mark.parametrize("acronym", ["MDPH", "SIAO", "ddets"])
def test_search_box_goes_straight_to_a_practitioners_acronym(server: str, acronym: str) -> None:
    """The issue's complaint: « Aucun document trouvé » for the acronyms met every day (typed as is,
    or in lower case)."""
    from browser import chromium  # Playwright: imported only when the browser tests run

    expected = f"glossaire/{acronym.lower()}/"
    with chromium() as browser:
        page = browser.new_page()
        page.goto(f"{server}/concepts/")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(acronym)
        page.wait_for_selector(f'.md-search-result__item a[href*="{expected}"]', timeout=30_000)
        first = page.locator(".md-search-result__item a").first.get_attribute("href") or ""
        assert expected in first, f"{acronym}: first result {first}"


class _Abbreviations(HTMLParser):
    """Acronyms of a page's article, and those a reader can follow (some mention inside a link)."""

    def __init__(self) -> None:
        super().__init__()
        self.links = 0
        self.current: str | None = None
        self.mentioned: set[str] = set()
        self.linked: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links += 1
        elif tag == "abbr":
            self.current = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.links -= 1
        elif tag == "abbr" and self.current is not None:
            self.mentioned.add(self.current)
            if self.links:
                self.linked.add(self.current)
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current += data


@pytest.mark.parametrize("path", ["concepts/partenariat", "cas/trepos-encadre-3-valenciennes", "auteurs/dhume"])
def test_every_acronym_of_a_page_leads_to_its_entry(site: Path, path: str) -> None:
    html = (site / path / "index.html").read_text("utf-8")
    parser = _Abbreviations()
    parser.feed(html[html.index("<article"):html.index("</article>")])
    assert parser.mentioned, path
    assert parser.mentioned - parser.linked == set(), "tooltip only, no link to the entry"
