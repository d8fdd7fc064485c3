"""Citing the site and the works it lists (issue 24).

- The body that publishes the site is one configured value (mkdocs.yml ``extra.publisher``),
  named by « Citer cette page », the passages' citations, the feed, the pages' JSON-LD and the
  Moodle and question files; unset, no body is invented.
- A work whose title the seeds do not give has no title anywhere: not in « Citer cette page »,
  not in RIS, BibTeX, CSL-JSON, JSON-LD, Moodle or Anki, where the placeholder or the way the
  seed designates it would be filed as its title. Every export is parsed back."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import lxml.html
import pytest

from conftest import real_corpus, run_cli
from partenariat import load_corpus
from partenariat.checks.load import Corpus
from partenariat.data.models import Source
from partenariat.derive.core import UNTITLED, Context
from partenariat.derive.index import build_index
from partenariat.derive.publisher import publisher_problems, site_publisher
from partenariat.export import (
    build_exports,
    jsonld_for,
    moodle_concepts_xml,
)
from partenariat.export.quiz import anki_csv
from partenariat.render.pages import build_pages

PUBLISHER = "Réseau des formateurs ESF de l'académie"
CONFIG = f"""site_name: Le partenariat dans le travail social
site_url: !ENV SITE_URL
extra:
  publisher: {PUBLISHER}
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""
CITE = re.compile(r'<p class="pkb-cite" markdown>(.*?)</p>')


def _pages(corpus: Corpus) -> dict[str, str]:
    return {p.path: p.markdown for p in build_pages(corpus)}


def _exports(corpus: Corpus) -> dict[str, str]:
    return {f.path: f.content for f in build_exports(Context(corpus, build_index(corpus)))}


# --- the publisher: one configured value ------------------------------------------------------


def test_the_publisher_is_read_from_mkdocs_yml_tags_and_all(corpus_dir: Path) -> None:
    assert site_publisher(corpus_dir) is None  # no mkdocs.yml: nothing configured
    (corpus_dir / "mkdocs.yml").write_text(CONFIG, "utf-8")
    assert site_publisher(corpus_dir) == PUBLISHER


def test_every_page_citation_and_export_names_the_configured_publisher(corpus_dir: Path) -> None:
    (corpus_dir / "mkdocs.yml").write_text(CONFIG, "utf-8")
    corpus = load_corpus(corpus_dir)
    pages = _pages(corpus)
    citations = [c for markdown in pages.values() for c in CITE.findall(markdown)]
    assert citations
    for citation in citations:  # « Citer cette page » and the passages' « Citer cette définition »
        assert PUBLISHER.upper() + "." in citation, citation
    exports = _exports(corpus)
    feed = ET.fromstring(exports["nouveautes.xml"])
    assert feed.find("{http://www.w3.org/2005/Atom}author/{http://www.w3.org/2005/Atom}name").text == PUBLISHER
    assert f"publiée par {PUBLISHER}" in lxml.html.fromstring(
        ET.fromstring(exports["glossaire-moodle.xml"]).find("INFO/INTRO").text).text_content()
    assert f"(publié par {PUBLISHER})" in exports["questions.gift"].splitlines()[0]
    ctx = Context(corpus, build_index(corpus))
    data = jsonld_for("concept", corpus.get("concept", "partenariat"), ctx)
    assert data["sdPublisher"] == {"@type": "Organization", "name": PUBLISHER}


def test_without_a_publisher_no_body_is_invented(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    citations = [c for markdown in _pages(corpus).values() for c in CITE.findall(markdown)]
    page_citations = [c for c in citations if "Dernière relecture" in c]
    assert page_citations
    for citation in page_citations:  # ISO 690 without author: the reference begins with the title
        assert citation.startswith("« "), citation
    assert not any("ÉQUIPE" in c or "Équipe éditoriale" in c for c in citations)
    exports = _exports(corpus)
    feed = ET.fromstring(exports["nouveautes.xml"])
    assert feed.find("{http://www.w3.org/2005/Atom}author/{http://www.w3.org/2005/Atom}name").text == \
        "Le partenariat dans le travail social"
    ctx = Context(corpus, build_index(corpus))
    assert "sdPublisher" not in jsonld_for("concept", corpus.get("concept", "partenariat"), ctx)


def test_the_repository_configures_the_publisher_in_one_place() -> None:
    """mkdocs.yml holds `extra.publisher` and no `site_author` beside it (the hook sets it)."""
    root = Path(__file__).resolve().parent.parent
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"(?m)^  publisher:", config) and not re.search(r"(?m)^site_author:", config)
    assert not publisher_problems(root)


def test_a_publisher_that_is_not_plain_text_is_refused_by_check(corpus_dir: Path) -> None:
    (corpus_dir / "mkdocs.yml").write_text(CONFIG.replace(PUBLISHER, "<b>Réseau</b>"), "utf-8")
    assert site_publisher(corpus_dir) is None
    result = run_cli("--root", str(corpus_dir), "check", "--lang", "en")
    assert result.returncode != 0
    assert "mkdocs.yml:4: extra.publisher: HTML is not allowed in data text ('<b')" in result.stdout + result.stderr


# --- a work without title: never a placeholder where its title goes ----------------------------


def corpus() -> Corpus:
    return real_corpus()


UNTITLED_SOURCES = sorted(s.id for s in corpus().all_of("source", Source) if not s.title)
PLACEHOLDERS = ("[titre", "titre non précisé")


def _untitled(source_id: str) -> Source:
    return corpus().one_of("source", source_id, Source)


def test_the_corpus_has_works_without_title() -> None:
    assert len(UNTITLED_SOURCES) >= 5


@cache
def site_pages() -> dict[str, str]:
    return _pages(corpus())


@pytest.mark.parametrize("source_id", UNTITLED_SOURCES)
def test_citer_cette_page_of_a_work_without_title_does_not_cite_a_placeholder(source_id: str) -> None:
    source = _untitled(source_id)
    markdown = site_pages()[f"bibliographie/{source_id}.md"]
    (citation,) = [c for c in CITE.findall(markdown) if "Dernière relecture" in c]
    head = citation.split(". In : ", 1)[0]
    assert "sans titre" in head and f"« {source.cited_as} »" not in head.split("désigné", 1)[0], citation
    assert not any(p in citation for p in PLACEHOLDERS), citation
    if source.authors:  # the page is named by what it is: whose work, of which year
        assert f"« {source.cited_as} »" not in citation


def test_the_moodle_and_anki_credits_give_no_title_to_a_work_without_one() -> None:
    untitled = {_untitled(s).cited_as for s in UNTITLED_SOURCES}
    root = ET.fromstring(moodle_concepts_xml(corpus()))
    credits = []
    for entry in root.iter("ENTRY"):
        html = lxml.html.fromstring(entry.find("DEFINITION").text)
        credits += [" ".join(p.text_content().split()) for p in html.iter("p") if p.text_content().startswith("—")]
        for cite in html.iter("cite"):
            assert cite.text not in untitled and not any(p in cite.text for p in PLACEHOLDERS), cite.text
    assert any(UNTITLED in c for c in credits)  # the seeds' untitled synthesis is quoted, and said untitled
    rows = list(csv.reader(io.StringIO(anki_csv(corpus()).split("\n", 4)[4]), delimiter=";"))
    for row in rows:
        back = lxml.html.fromstring(f"<div>{row[1]}</div>")
        for italic in back.iter("i"):
            assert italic.text not in untitled, row[0]


