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
                     "attested_in: [dossier]\nreviewed: 2026-11-28\n"
                     "in_sources:\n  - source: dossier\n    page: Partie 2\n"
                     "    context: Le dossier le cite parmi les partenaires d'une convention.\n")


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
    used = {"in_sources": [{"source": "dossier", "context": "Cité parmi les partenaires."}]}
    assert list(validator.iter_errors({**base, "undeveloped": True, **used})) == []
    assert list(validator.iter_errors({**base, "expansion": "X y z"})) == []
    assert list(validator.iter_errors(base)), "no expansion and no flag must be flagged"
    assert list(validator.iter_errors({**base, "undeveloped": True, "expansion": "X", **used})), "both must be flagged"
    assert list(validator.iter_errors({**base, "undeveloped": True})), "undeveloped without in_sources must be flagged"
    ended = {"wording": "remplacée par la DDETS", "year": 2021, "successors": ["ddets"]}
    assert list(validator.iter_errors({**base, "expansion": "X y z", "ended": ended})) == []
    assert list(validator.iter_errors({**base, "expansion": "X y z", "ended": {"year": 2021}})), "wording required"


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


# --- a body that no longer exists, another meaning of the letters ---------------------------

ENDED_ENTRY = ("id: xyz\nacronym: XYZ\nexpansion: Direction des xylophones\ndomain: medico-social\n"
               "description: Direction citée par le dossier.\n"
               "ended:\n  wording: remplacée par le CPOM\n  year: 2021\n  date: 2021-04-01\n  successors: [cpom]\n"
               "other_meanings:\n  - zone à yourtes\n"
               "attested_in: [dossier]\nexpansion_source: dossier\nreviewed: 2026-12-04\n")


def test_a_replaced_body_says_so_on_its_page_in_the_indexes_the_tooltip_and_the_exports(corpus_dir: Path) -> None:
    import markdown

    from partenariat.export.moodle import moodle_glossary_xml
    from partenariat.export.quiz import anki_csv
    from partenariat.render.abbr import NAME

    (corpus_dir / "glossary" / "xyz.yaml").write_text(ENDED_ENTRY, "utf-8")
    corpus = load_corpus(corpus_dir)
    pages = {p.path: p.markdown for p in build_pages(corpus)}
    page = pages["glossaire/xyz.md"]
    box = page.split('!!! warning "N\'existe plus sous ce nom"\n\n', 1)[1].split("\n\n", 1)[0]
    assert box == "    Remplacée par le [CPOM](../glossaire/cpom.md) le 1er avril 2021."
    assert '!!! note "Autre sens du sigle"' in page and "XYZ désigne aussi : zone à yourtes." in page
    assert "« Direction des xylophones », celui des documents sources." in page
    assert "| Direction des xylophones *(remplacée par le CPOM en 2021)* *(autre sens : zone à yourtes)* |" in (
        pages["glossaire/index.md"])
    assert "| **XYZ** | Direction des xylophones *(remplacée par le CPOM en 2021)*" in pages["glossaire/a-imprimer.md"]
    tooltip = "Direction des xylophones (remplacée par le CPOM en 2021)"
    assert abbreviations(corpus.entities("glossary"))["XYZ"] == tooltip
    html = markdown.markdown("Le XYZ a fermé.", extensions=[NAME],
                             extension_configs={NAME: {"glossary": abbreviations(corpus.entities("glossary"))}})
    assert f'<abbr title="{tooltip}">XYZ</abbr>' in html
    assert ("XYZ;Direction des xylophones;remplacée par le CPOM le 1er avril 2021;zone à yourtes;"
            in glossary_csv(corpus))
    moodle = moodle_glossary_xml(corpus)
    assert "N'existe plus sous ce nom : remplacée par le CPOM le 1er avril 2021." in moodle
    assert "XYZ désigne aussi : zone à yourtes." in moodle
    assert "N'existe plus sous ce nom : remplacée par le CPOM le 1er avril 2021." in anki_csv(corpus)


def test_a_wording_that_places_its_year_is_kept_as_written(corpus_dir: Path) -> None:
    text = ENDED_ENTRY.replace("remplacée par le CPOM", "remplacée en 2021 par le CPOM, puis supprimée")
    (corpus_dir / "glossary" / "xyz.yaml").write_text(text, "utf-8")
    corpus = load_corpus(corpus_dir)
    assert abbreviations(corpus.entities("glossary"))["XYZ"] == (
        "Direction des xylophones (remplacée en 2021 par le CPOM, puis supprimée)")


def test_an_ended_body_names_its_successors_and_dates_agree(corpus_dir: Path) -> None:
    path = corpus_dir / "glossary" / "xyz.yaml"
    path.write_text(ENDED_ENTRY.replace("remplacée par le CPOM", "remplacée par une autre direction"), "utf-8")
    assert ("glossary/xyz.yaml:10: ended.successors[0]: le texte ne nomme pas le successeur CPOM "
            "(écrivez-le dans wording, par exemple « remplacée par la CPOM »)") in check(corpus_dir)
    path.write_text(ENDED_ENTRY.replace("  year: 2021\n", "  year: 2020\n"), "utf-8")
    assert "glossary/xyz.yaml:6: ended: la date tombe en 2021 : écrivez aussi « year: 2021 »" in check(corpus_dir)


def test_undeveloped_acronym_says_where_the_sources_use_it(corpus_dir: Path) -> None:
    path = corpus_dir / "glossary" / "xyz.yaml"
    path.write_text(UNDEVELOPED_ENTRY.split("in_sources:")[0], "utf-8")
    assert "glossary/xyz.yaml:3: in_sources: un sigle marqué « undeveloped: true » demande « in_sources »" in (
        check(corpus_dir))
    path.write_text(UNDEVELOPED_ENTRY.replace("  - source: dossier", "  - source: dhume-2001"), "utf-8")
    assert ("glossary/xyz.yaml:9: in_sources[0].source: « dhume-2001 » n'est pas citée dans attested_in "
            "(ajoutez-la à attested_in)") in check(corpus_dir)
    path.write_text(UNDEVELOPED_ENTRY, "utf-8")
    page = {p.path: p.markdown for p in build_pages(load_corpus(corpus_dir))}["glossaire/xyz.md"]
    section = page.split("## Dans les documents sources\n\n", 1)[1].split("\n\n", 1)[0]
    assert section == ("- [Le partenariat dans le travail social](../bibliographie/dossier.md), Partie 2 : "
                       "Le dossier le cite parmi les partenaires d'une convention.")


# --- acronyms against the seeds (checks/seeds.py) ---------------------------------------------

SEED = ("Synthèse\n\nLes champs de l'action publique préconisent des réseaux, des services\n"
        "d'accompagnement à la vie sociale, etc.\nUn projet éducatif local (PEL) existe.\n")
OUTSIDE_SAVS = ("id: savs\nacronym: SAVS\nexpansion: Service d'accompagnement à la vie sociale\n"
                "domain: medico-social\nattested_in: []\n"
                "outside_seeds: Sigle absent des documents sources.\nreviewed: 2026-12-04\n")


def seeds_beside(corpus_dir: Path, text: str = SEED, name: str = "004_abc.txt") -> None:
    """A seed where `check` looks for the seeds: ../shared/seeds from the corpus root."""
    folder = corpus_dir.parent / "shared" / "seeds"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, "utf-8")


def test_an_expansion_a_seed_spells_out_is_not_declared_outside_the_seeds(corpus_dir: Path) -> None:
    seeds_beside(corpus_dir)
    path = corpus_dir / "glossary" / "savs.yaml"
    path.write_text(OUTSIDE_SAVS, "utf-8")
    found = check(corpus_dir)
    assert ("glossary/savs.yaml:5: attested_in: le document source 004 développe SAVS à la ligne 3 "
            "(« services d'accompagnement à la vie sociale ») : ce développement ne relève pas de la "
            "connaissance générale (citez la source de ce document dans attested_in") in found
    assert found.splitlines()[-1] == "1 problème dans les données."
    path.write_text(OUTSIDE_SAVS.replace("attested_in: []", "attested_in: [dossier]"), "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr


def test_an_acronym_a_seed_develops_is_not_undeveloped(corpus_dir: Path) -> None:
    seeds_beside(corpus_dir)
    text = UNDEVELOPED_ENTRY.replace("id: xyz\nacronym: XYZ", "id: pel\nacronym: PEL")
    (corpus_dir / "glossary" / "pel.yaml").write_text(text, "utf-8")
    assert ("glossary/pel.yaml:3: undeveloped: le document source 004 développe PEL à la ligne 5 "
            "(« projet éducatif local ») : le sigle n'est pas « non développé » dans les sources") in check(corpus_dir)
    (corpus_dir / "glossary" / "pel.yaml").unlink()
    text = UNDEVELOPED_ENTRY.replace("id: xyz\nacronym: XYZ", "id: pap\nacronym: PAP")
    (corpus_dir / "glossary" / "pap.yaml").write_text(text, "utf-8")
    seeds_beside(corpus_dir, "**PAI, PAP PPE** : Projets d'accueil individualisé (milieu scolaire)\n", "001_abc.txt")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr  # the acronyms beside it are no development


def test_without_the_seeds_check_says_once_that_the_rule_did_not_run(corpus_dir: Path) -> None:
    (corpus_dir / "glossary" / "savs.yaml").write_text(OUTSIDE_SAVS, "utf-8")
    result = run_cli("--root", str(corpus_dir), "check")
    assert result.returncode == 0, result.stderr
    notice = "règle « sigle hors des documents sources » non appliquée : aucun document source (*.txt) dans"
    assert result.stdout.count(notice) == 1
    assert result.stdout.startswith("OK: ")
