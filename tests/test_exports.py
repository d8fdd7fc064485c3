"""The exports, each read back by a real parser of its format: Moodle glossary XML (lxml),
CSV (csv), CSL-JSON (the official schema via jsonschema, and citeproc-py rendering),
RIS (rispy), BibTeX (bibtexparser 2), schema.org JSON-LD (json)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import bibtexparser
import jsonschema
import lxml.etree
import lxml.html
import pytest
import rispy
from bibtexparser import middlewares
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.frontend import STYLES_PATH
from citeproc.source.json import CiteProcJSON

from conftest import REPO, real_corpus, run_cli
from partenariat import Corpus, load_corpus
from partenariat.data import vocab
from partenariat.data.models import Acronym, Concept, Source
from partenariat.derive.addresses import curriculum_question_files, download_name
from partenariat.derive.biblio import BibRecord, Name
from partenariat.derive.index import build_index
from partenariat.export import (
    ANKI_FILE,
    QUESTION_FILES,
    bibliography_bibtex,
    bibliography_csl,
    bibliography_ris,
    build_exports,
    concepts_csv,
    entry_bibtex,
    entry_csl,
    entry_ris,
    glossary_csv,
    jsonld_for,
    jsonld_script,
    moodle_concepts_xml,
    moodle_glossary_xml,
    question_exports,
)
from partenariat.export.archive import FIXED_DATE
from partenariat.export.bibtex import bibtex_entry
from partenariat.export.bundles import bundles, single_file_zip
from partenariat.export.common import plain_text
from partenariat.export.quiz import anki_csv
from partenariat.export.search_index import search_data
from partenariat.render.common import Context
from partenariat.render.downloads import mark_downloads
from partenariat.render.pages import build_pages
from partenariat.site import SiteOptions, build_site

BASE = "https://exemple.org/partenariat/"
CSL_SCHEMA = Path(__file__).parent / "schemas" / "csl-data.json"
DAMON = "damon-2009-partenariat-quart-de-siecle"
WEB_PAGE = "dhume-2003-societe-consensus-virtuel"
LAW = "loi-2002-01-02-action-sociale"

# What Moodle's import.php reads from INFO when it creates a new glossary.
INFO_SETTINGS = ["NAME", "INTRO", "INTROFORMAT", "ALLOWDUPLICATEDENTRIES", "DISPLAYFORMAT", "SHOWSPECIAL",
                 "SHOWALPHABET", "SHOWALL", "ALLOWCOMMENTS", "USEDYNALINK", "DEFAULTAPPROVAL", "GLOBALGLOSSARY",
                 "ENTBYPAGE"]
FLAGS = {"ALLOWDUPLICATEDENTRIES", "SHOWSPECIAL", "SHOWALPHABET", "SHOWALL", "ALLOWCOMMENTS", "USEDYNALINK",
         "DEFAULTAPPROVAL", "GLOBALGLOSSARY"}
MOODLE_FORMATS = {"dictionary", "continuous", "fullwithoutauthor", "fullwithauthor", "encyclopedia", "faq",
                  "entrylist"}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return real_corpus()


def _ids(corpus: Corpus) -> set[str]:
    return set(corpus.records["source"]) | set(corpus.records["legal"])


# --- Moodle ---------------------------------------------------------------------------


def _moodle(text: str) -> lxml.etree._Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return lxml.etree.fromstring(text.encode("utf-8"), lxml.etree.XMLParser(resolve_entities=False))


def _only(parent: lxml.etree._Element, tag: str) -> lxml.etree._Element:
    found = parent.findall(tag)
    assert len(found) == 1, f"{tag}: {len(found)} elements under {parent.tag}"
    return found[0]


def _check_glossary_shape(root: lxml.etree._Element) -> list[lxml.etree._Element]:
    """GLOSSARY/INFO/ENTRIES/ENTRY, every INFO setting once and well typed; returns the entries."""
    assert root.tag == "GLOSSARY"
    info = _only(root, "INFO")
    assert root.find("ENTRIES") is None, "ENTRIES must sit inside INFO"
    for tag in INFO_SETTINGS:
        value = _only(info, tag).text or ""
        if tag in FLAGS:
            assert value in {"0", "1"}, tag
    assert _only(info, "NAME").text
    assert _only(info, "INTROFORMAT").text == "1"
    assert _only(info, "DISPLAYFORMAT").text in MOODLE_FORMATS
    assert int(_only(info, "ENTBYPAGE").text or "0") > 0
    lxml.html.fragment_fromstring(_only(info, "INTRO").text, create_parent="div")
    entries = _only(info, "ENTRIES").findall("ENTRY")
    concepts = [(_only(e, "CONCEPT").text or "").strip() for e in entries]
    assert all(concepts)
    # ALLOWDUPLICATEDENTRIES is 0 and Moodle compares concepts case-insensitively.
    assert len({c.lower() for c in concepts}) == len(concepts)
    for entry in entries:
        assert _only(entry, "FORMAT").text == "1"
        for tag in ("USEDYNALINK", "CASESENSITIVE", "FULLMATCH", "TEACHERENTRY"):
            assert _only(entry, tag).text in {"0", "1"}
        for alias in entry.findall("ALIASES/ALIAS"):
            assert _only(alias, "NAME").text
        for category in entry.findall("CATEGORIES/CATEGORY"):
            assert _only(category, "NAME").text
            assert _only(category, "USEDYNALINK").text in {"0", "1"}  # read without isset() by import.php
        assert all(tag.text for tag in entry.findall("TAGS/TAG"))
    return entries


def _definition_html(entry: lxml.etree._Element) -> lxml.html.HtmlElement:
    text = _only(entry, "DEFINITION").text or ""
    assert text.startswith("<p>")
    return lxml.html.fragment_fromstring(text, create_parent="div")


def test_moodle_acronyms_glossary(corpus: Corpus) -> None:
    text = moodle_glossary_xml(corpus, BASE)
    assert "&lt;p&gt;" in text  # the HTML definition is escaped, not raw markup in the XML
    entries = _check_glossary_shape(_moodle(text))
    acronyms: list[Acronym] = corpus.entities("glossary")  # type: ignore[assignment]
    assert len(entries) == len(acronyms)
    by_concept = {_only(e, "CONCEPT").text: e for e in entries}
    for acronym in acronyms:
        entry = by_concept[acronym.acronym]
        assert [a.text for a in entry.findall("ALIASES/ALIAS/NAME")] == acronym.variants
        assert [c.text for c in entry.findall("CATEGORIES/CATEGORY/NAME")] == [vocab.GLOSSARY_DOMAINS[acronym.domain]]
        html = _definition_html(entry)
        assert html.find("p/strong").text_content() == acronym.shown_expansion
        assert html.xpath("//a/@href")[-1] == f"{BASE}glossaire/{acronym.id}/"
    cpom = _definition_html(by_concept["CPOM"]).text_content()
    assert "Voir aussi : ESSMS, ARS" in cpom


def test_moodle_concepts_glossary(corpus: Corpus) -> None:
    entries = _check_glossary_shape(_moodle(moodle_concepts_xml(corpus, BASE)))
    concepts: list[Concept] = corpus.entities("concept")  # type: ignore[assignment]
    assert len(entries) == len(concepts)
    by_concept = {_only(e, "CONCEPT").text: e for e in entries}
    for concept in concepts:
        entry = by_concept[concept.term]
        assert [a.text for a in entry.findall("ALIASES/ALIAS/NAME")] == [a for a in concept.aliases if a != concept.term]
        assert [c.text for c in entry.findall("CATEGORIES/CATEGORY/NAME")] == [vocab.CONCEPT_FAMILIES[concept.family]]
        html = _definition_html(entry)
        content = " ".join(html.text_content().split())
        assert plain_text(corpus, concept.summary) in content
        quotes = [" ".join(q.text_content().split()) for q in html.findall("blockquote")]
        assert quotes == [f"« {' '.join(d.quote.split())} »" for d in concept.definitions]
    partenariat = _definition_html(by_concept["Partenariat"])
    assert partenariat.find("h4").text == "Définitions et citations"  # Damon's « des partenariats » is a remark
    assert "— DHUME Fabrice, Du travail social au travail ensemble" in partenariat.text_content()
    assert "— Remarque de DAMON Julien, Le partenariat" in partenariat.text_content()
    health = " ".join(_definition_html(by_concept["Réseau de santé"]).text_content().split())
    assert "— Loi du 4 mars 2002 relative aux droits des malades et à la qualité du système de santé, cité par" in health


def test_moodle_without_site_address_has_no_dead_links(corpus: Corpus) -> None:
    for text in (moodle_glossary_xml(corpus), moodle_concepts_xml(corpus)):
        for entry in _moodle(text).iter("ENTRY"):
            assert not _definition_html(entry).xpath("//a")


# --- CSV ------------------------------------------------------------------------------


def _read_csv(text: str) -> list[list[str]]:
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_glossary_csv(corpus: Corpus) -> None:
    rows = _read_csv(glossary_csv(corpus, BASE))
    assert rows[0] == ["Sigle", "Signification", "Remplacement ou suppression", "Autres sens", "Domaine",
                       "Description", "Voir aussi", "Adresse"]
    assert len(rows) == 1 + len(corpus.records["glossary"])
    assert {len(r) for r in rows} == {8}
    by_acronym = {r[0]: r for r in rows[1:]}
    assert by_acronym["CPOM"][1:5] == ["Contrat pluriannuel d'objectifs et de moyens", "", "", "Médico-social"]
    assert by_acronym["CPOM"][6] == "ESSMS, ARS"
    assert by_acronym["CPOM"][7] == f"{BASE}glossaire/cpom/"
    adbdp = corpus.get("glossary", "adbdp")
    assert ";" in by_acronym["ADBDP"][5] and by_acronym["ADBDP"][5] == plain_text(corpus, adbdp.description)  # type: ignore[attr-defined]


def test_exports_say_what_became_of_a_body_that_no_longer_exists(corpus: Corpus) -> None:
    """Every replaced or abolished body carries what became of it (and its successors) into the CSV,
    the Moodle glossary and the flashcards; every acronym with another meaning carries it too."""
    rows = {r[0]: r for r in _read_csv(glossary_csv(corpus))[1:]}
    moodle = {_only(e, "CONCEPT").text: _definition_html(e).text_content()
              for e in _moodle(moodle_glossary_xml(corpus)).iter("ENTRY")}
    anki = anki_csv(corpus)
    acronyms: list[Acronym] = corpus.all_of("glossary", Acronym)
    ended = [a for a in acronyms if a.ended]
    assert len(ended) >= 8, "the replaced bodies of the review (DDCS, CGET, ZUS…) say so"
    for entry in ended:
        assert entry.ended is not None
        phrase = entry.ended.phrase(exact=True)
        assert rows[entry.acronym][2] == phrase
        assert f"N'existe plus sous ce nom : {phrase}." in moodle[entry.acronym]
        if entry.expansion:
            assert html.escape(entry.ended.sentence(), quote=False) in anki
        for successor in entry.ended.successors:
            assert corpus.one_of("glossary", successor, Acronym).acronym in phrase
    for entry in acronyms:
        assert rows[entry.acronym][3] == " ; ".join(entry.other_meanings)
        for meaning in entry.other_meanings:
            assert meaning in moodle[entry.acronym]
        if not entry.ended:
            assert rows[entry.acronym][2] == ""


def test_concepts_csv(corpus: Corpus) -> None:
    rows = _read_csv(concepts_csv(corpus))
    assert rows[0] == ["Notion", "Famille", "Résumé", "Autres formes", "Adresse"]
    assert len(rows) == 1 + len(corpus.records["concept"])
    row = next(r for r in rows if r[0] == "Partenariat")
    assert row[1] == "Formes du travail en commun"
    assert row[3].split(", ")[:2] == ["travail en partenariat", "partenarial"]
    assert row[4] == "concepts/partenariat/"
    assert "[[" not in "".join(r[2] for r in rows)


# --- CSL-JSON -------------------------------------------------------------------------


def _csl_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(CSL_SCHEMA.read_text("utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_csl_json_is_valid_and_complete(corpus: Corpus) -> None:
    items = json.loads(bibliography_csl(corpus))
    errors = [f"{list(e.path)}: {e.message}" for e in _csl_validator().iter_errors(items)]
    assert not errors, errors[:5]
    assert len(items) == len(corpus.records["source"]) + len(corpus.records["legal"])
    assert {i["id"] for i in items} == _ids(corpus)
    assert {i["language"] for i in items} == {"fr"}
    by_id = {i["id"]: i for i in items}
    damon = by_id[DAMON]
    assert damon["type"] == "article-journal"
    assert (damon["volume"], damon["issue"], damon["page"]) == ("45", "1", "149-162")
    assert damon["issued"] == {"date-parts": [[2009]]}
    assert damon["author"] == [{"family": "Damon", "given": "Julien"}]
    assert damon["container-title"] == "Revue de droit sanitaire et social"
    assert damon["accessed"] == {"date-parts": [[2026, 11, 23]]}  # the entry's `reviewed` date
    assert by_id[WEB_PAGE]["type"] == "webpage"
    law = by_id[LAW]
    assert (law["type"], law["number"], law["issued"]) == ("legislation", "2002-2", {"date-parts": [[2002, 1, 2]]})
    assert by_id["chauviere-2006-partenariat"]["editor"] == [{"family": "Barreyre", "given": "Jean-Yves"},
                                                             {"family": "Bouquet", "given": "Brigitte"}]
    assert by_id["rnrsms-2010-partenariat-travail-social"]["author"][0].keys() == {"literal"}
    for source in corpus.entities("source"):
        assert json.loads(entry_csl(corpus, source)) == [by_id[source.id]]  # type: ignore[attr-defined]
    assert json.loads(entry_csl(corpus, LAW)) == [law]


def test_csl_json_renders_every_entry_with_citeproc(corpus: Corpus) -> None:
    items = json.loads(bibliography_csl(corpus))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        source = CiteProcJSON(items)
    # citeproc-py knows CSL 1.0.1: only the two CSL 1.0.2 variables we write are new to it.
    unknown = {v.strip() for w in caught for v in str(w.message).split(":")[-1].split(",")}
    assert unknown <= {"citation_key", "event_title"}
    style = CitationStylesStyle(os.path.join(STYLES_PATH, "harvard-cite-them-right.csl"), locale="fr-FR")
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(r) for r in bibliography.bibliography()]
    assert len(rendered) == len(items)
    damon = next(r for r in rendered if "quart de siècle" in r)
    assert damon.startswith("Damon, J. (2009)") and "45(1)" in damon and "149" in damon


# --- RIS ------------------------------------------------------------------------------


def test_ris(corpus: Corpus) -> None:
    entries = rispy.loads(bibliography_ris(corpus))
    assert len(entries) == len(corpus.records["source"]) + len(corpus.records["legal"])
    by_id = {e["id"]: e for e in entries}
    assert set(by_id) == _ids(corpus)
    assert all(e["language"] == "fr" and e["type_of_reference"] for e in entries)
    damon = by_id[DAMON]
    assert damon["type_of_reference"] == "JOUR"
    assert (damon["volume"], damon["number"], damon["start_page"], damon["end_page"]) == ("45", "1", "149", "162")
    assert damon["year"] == "2009"
    assert damon["authors"] == ["Damon, Julien"]
    assert damon["secondary_title"] == "Revue de droit sanitaire et social"
    assert damon["access_date"] == "2026/11/23/"
    assert by_id[WEB_PAGE]["type_of_reference"] == "ELEC"
    law = by_id[LAW]
    assert law["type_of_reference"] == "STAT" and law["date"] == "2002/01/02/"
    assert by_id["chauviere-2006-partenariat"]["secondary_authors"] == ["Barreyre, Jean-Yves", "Bouquet, Brigitte"]
    types = {e["type_of_reference"] for e in entries}
    assert types <= {"BOOK", "CHAP", "JOUR", "JFULL", "CONF", "SLIDE", "RPRT", "THES", "ELEC", "GOVDOC", "GEN", "STAT"}
    for entity_id in _ids(corpus):
        (single,) = rispy.loads(entry_ris(corpus, entity_id))
        assert single == by_id[entity_id]


# --- BibTeX ---------------------------------------------------------------------------


def _bib(text: str, *extra: middlewares.Middleware) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text, append_middleware=list(extra))
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]  # type: ignore[attr-defined]
    return library


def test_bibtex(corpus: Corpus) -> None:
    library = _bib(bibliography_bibtex(corpus), middlewares.SeparateCoAuthors(), middlewares.SplitNameParts())
    assert len(library.entries) == len(corpus.records["source"]) + len(corpus.records["legal"])
    by_key = {e.key: e for e in library.entries}
    assert set(by_key) == _ids(corpus)  # keys are the ids, hyphens kept
    damon = by_key[DAMON]
    assert damon.entry_type == "article"
    assert (damon["volume"], damon["number"], damon["pages"], damon["year"]) == ("45", "1", "149--162", "2009")
    assert damon["journal"] == "Revue de droit sanitaire et social"
    assert damon["author"][0].last == ["Damon"] and damon["author"][0].first == ["Julien"]
    assert by_key[WEB_PAGE].entry_type == "online"
    assert by_key[LAW].entry_type == "misc" and by_key[LAW]["date"] == "2002-01-02"
    body = by_key["rnrsms-2010-partenariat-travail-social"]
    assert body.entry_type == "techreport"
    assert len(body["author"]) == 1 and body["author"][0].last[0].startswith("{")  # a body stays one name
    assert {e.entry_type for e in library.entries} <= {"book", "incollection", "article", "inproceedings",
                                                       "mastersthesis", "phdthesis", "techreport", "online", "misc"}
    for entity_id in _ids(corpus):
        (single,) = _bib(entry_bibtex(corpus, entity_id)).entries
        assert single.key == entity_id


def test_bibtex_escapes_latex_specials() -> None:
    title = "R&D {x} à 100 % : $5_#~ \\ fin"
    record = BibRecord(id="essai-1", category="livre", title=title, accessed=dt.date(2026, 1, 2),
                       authors=[Name(literal="Ministère du Travail and des Affaires sociales")],
                       url="http://exemple.org/a?b=1&c={d}")
    text = bibtex_entry(record)
    raw = _bib(text).entries[0]
    assert raw["url"] == "http://exemple.org/a?b=1&c=%7Bd%7D"
    assert "\\^" not in raw["title"] and "\\&" in raw["title"]
    decoded = _bib(text, middlewares.LatexDecodingMiddleware()).entries[0]
    assert decoded["title"] == title
    authors = _bib(text, middlewares.SeparateCoAuthors()).entries[0]["author"]
    assert authors == ["{Ministère du Travail and des Affaires sociales}"]


# --- JSON-LD --------------------------------------------------------------------------


def _jsonld(data: dict[str, Any]) -> dict[str, Any]:
    parsed = json.loads(json.dumps(data, ensure_ascii=False))
    assert parsed["@context"] == "https://schema.org" and parsed["@type"]
    return parsed


def test_jsonld_for_every_page(corpus: Corpus) -> None:
    ctx = Context(corpus, build_index(corpus))
    for type_name, records in corpus.records.items():
        _jsonld(jsonld_for(type_name, None, ctx, BASE))
        for record in records.values():
            data = _jsonld(jsonld_for(type_name, record.entity, ctx, BASE))
            untitled = isinstance(record.entity, Source) and not record.entity.title
            # a work the sources give no title has no name (never a placeholder): its note says so
            assert data["@id"].startswith(BASE) and (data["description"] if untitled else data["name"])
    concept = _jsonld(jsonld_for("concept", corpus.get("concept", "partenariat"), ctx, BASE))
    assert concept["@type"] == "DefinedTerm"
    assert concept["inDefinedTermSet"] == {"@type": "DefinedTermSet", "@id": f"{BASE}concepts/",
                                           "name": "Concepts — Le partenariat dans le travail social"}
    acronym = _jsonld(jsonld_for("glossary", corpus.get("glossary", "cpom"), ctx, BASE))
    assert (acronym["@type"], acronym["name"]) == ("DefinedTerm", "CPOM")
    assert acronym["inDefinedTermSet"]["@id"] == f"{BASE}glossaire/"
    glossary = _jsonld(jsonld_for("glossary", None, ctx, BASE))
    assert glossary["@type"] == "DefinedTermSet"
    assert len(glossary["hasDefinedTerm"]) == len(corpus.records["glossary"])
    assert _jsonld(jsonld_for("concept", None, ctx, BASE))["@type"] == "DefinedTermSet"
    damon = _jsonld(jsonld_for("source", corpus.get("source", DAMON), ctx, BASE))
    assert damon["@type"] == "ScholarlyArticle" and (damon["pageStart"], damon["pageEnd"]) == ("149", "162")
    assert damon["isPartOf"]["issueNumber"] == "1"
    assert damon["isPartOf"]["isPartOf"]["volumeNumber"] == "45"
    law = _jsonld(jsonld_for("legal", corpus.get("legal", LAW), ctx, BASE))
    assert law["@type"] == "Legislation"
    assert (law["legislationDate"], law["legislationIdentifier"]) == ("2002-01-02", "2002-2")
    assert law["name"].startswith("Loi du 2 janvier 2002")


def test_jsonld_relative_addresses_resolve_from_the_page(corpus: Corpus) -> None:
    ctx = Context(corpus, build_index(corpus))
    page = "https://exemple.org/site/glossaire/cpom/"
    data = jsonld_for("glossary", corpus.get("glossary", "cpom"), ctx)
    assert urljoin(page, data["@id"]) == page
    assert urljoin(page, data["inDefinedTermSet"]["@id"]) == "https://exemple.org/site/glossaire/"
    flat = Context(corpus, build_index(corpus), directory_urls=False)
    data = jsonld_for("glossary", corpus.get("glossary", "cpom"), flat)
    assert urljoin("https://exemple.org/site/glossaire/cpom.html", data["inDefinedTermSet"]["@id"]) == \
        "https://exemple.org/site/glossaire/index.html"


def test_jsonld_script_cannot_close_early(corpus: Corpus) -> None:
    script = jsonld_script({"@context": "https://schema.org", "@type": "Thing", "name": "a </script> b"})
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "</" not in body and json.loads(body)["name"] == "a </script> b"


# --- files and command line -----------------------------------------------------------


def test_build_exports_paths(corpus: Corpus) -> None:
    paths = [f.path for f in build_exports(corpus)]
    questions = [f.path for f in question_exports(corpus)]  # tests/test_quiz.py checks them
    archives = [b.path for b in bundles(corpus)]
    assert len(paths) == len(set(paths)) == 8 + 3 * len(_ids(corpus)) + len(questions) + len(archives)
    assert {"nouveautes.xml", "glossaire-moodle.xml",
            "concepts-moodle.xml", "glossaire.csv", "concepts.csv", "bibliographie.json",
            "bibliographie.ris", "bibliographie.bib", f"bibliographie/{DAMON}.ris", f"textes-juridiques/{LAW}.bib"} \
        <= set(paths)


def test_cli_export_writes_every_file(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = run_cli("--root", str(corpus_dir), "export", str(out), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    ids = ["dhume-2001", "dossier"]
    expected = {"glossaire-moodle.xml", "concepts-moodle.xml", "glossaire.csv", "concepts.csv",
                "bibliographie.json", "bibliographie.ris", "bibliographie.bib", "nouveautes.xml"}
    expected |= {f"bibliographie/{i}.{ext}" for i in ids for ext in ("json", "ris", "bib")}
    expected |= {f"textes-juridiques/loi-2002.{ext}" for ext in ("json", "ris", "bib")}
    expected |= {f.path for f in question_exports(load_corpus(corpus_dir))}
    expected |= {b.path for b in bundles(load_corpus(corpus_dir))}
    assert written == expected
    assert result.stdout.strip() == f"{len(expected)} fichiers d'export écrits dans {out}"
    assert (out / "glossaire.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\nER  - \r\n" in (out / "bibliographie.ris").read_bytes()  # CRLF kept as written
    rows = _read_csv((out / "glossaire.csv").read_text("utf-8"))
    assert rows[1][-1].startswith(BASE)
    assert len(rispy.loads((out / "bibliographie.ris").read_text("utf-8"))) == 3


# --- works without a title ------------------------------------------------------------------


def test_a_work_without_a_title_is_never_exported_with_a_made_up_one(corpus: Corpus) -> None:
    """The seeds cite some works without their title (« Borgetto (2003) »): every format says the
    title is not given (with the seed's description of an anonymous work), and nowhere is the
    way the seed cites the work dressed as its title."""
    untitled = [s for s in corpus.all_of("source", Source) if not s.title]
    assert untitled
    index = build_index(corpus)
    texts = {f.path: f.content for f in build_exports(corpus, BASE) if isinstance(f.content, str)}
    texts["cartes-anki.apkg (notes)"] = _anki_fields(next(f.content for f in build_exports(corpus) if f.path.endswith(".apkg")))
    for source in untitled:
        cited = source.cited_as or ""
        ris = rispy.loads(entry_ris(corpus, source))[0]
        bib = bibtexparser.parse_string(entry_bibtex(corpus, source)).entries[0]
        csl = json.loads(entry_csl(corpus, source))[0]
        data = jsonld_for("source", source, Context(corpus, index, base_url=BASE))
        for title in (ris["title"], bib["title"], csl["title"], data["name"]):
            assert title.endswith("[titre non précisé dans la source]"), (source.id, title)
            assert title == "[titre non précisé dans la source]" or not source.authors  # a description, for an anonymous work
        dressed = [f"« {cited} »", f"<i>{cited}</i>", f"<cite>{cited}</cite>", f'"name": "{cited}"', f"TI  - {cited}\r\n",
                   f"title = {{{cited}}}"]
        found = [(path, d) for path, text in texts.items() for d in dressed if d in text]
        assert found == [], found[:5]


def _anki_fields(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        db = sqlite3.connect(path)
        try:
            return "\n".join(row[0] for row in db.execute("select flds from notes"))
        finally:
            db.close()


# --- downloads: names and zip bundles -----------------------------------------------------


def test_every_file_of_the_site_downloads_under_a_name_of_its_own(corpus: Corpus) -> None:
    """Two files saved under the same name overwrite each other in a Downloads folder: the whole
    bank and a curriculum's bank were both `questions.gift`."""
    site = build_site(REPO, SiteOptions(offline=True))  # the offline copy has every file, and the zips
    names: dict[str, list[str]] = {}
    for file in site.files:
        names.setdefault(download_name(file.path), []).append(file.path)
    assert {n: p for n, p in names.items() if len(p) > 1} == {}
    for curriculum_id in corpus.records["curriculum"]:
        for path in curriculum_question_files(curriculum_id).values():
            assert download_name(path).startswith(f"{curriculum_id}-")


def _entries(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)  # same order every build
    assert {i.date_time for i in infos} <= {FIXED_DATE}
    return {i.filename: archive.read(i) for i in infos}


def test_bundles_hold_their_group_and_are_the_same_bytes_for_the_same_data(corpus: Corpus) -> None:
    files = build_exports(corpus)
    again = {f.path: f.content for f in build_exports(load_corpus(REPO))}
    content = {f.path: f.content for f in files}
    exports = {p for p in content if not p.startswith("telechargements/")}
    held: dict[str, set[str]] = {}
    for bundle in bundles(corpus):
        data = content[bundle.path]
        assert isinstance(data, bytes) and data == again[bundle.path]
        entries = _entries(data)
        for name, raw in entries.items():  # each entry is the exported file, byte for byte
            original = content[name]
            assert raw == (original.encode("utf-8") if isinstance(original, str) else original)
        held[bundle.slug] = set(entries)
    assert held["tout"] == exports - {"nouveautes.xml"}
    assert held["tableurs"] == {"glossaire.csv", "concepts.csv"}
    assert held["anki"] == {ANKI_FILE, "cartes-anki.apkg"}
    assert {p for p in exports if p.startswith(("bibliographie", "textes-juridiques"))} == held["bibliographie"]
    for curriculum_id in corpus.records["curriculum"]:
        assert held[f"questions-{curriculum_id}"] == {p for p in exports if p.startswith(f"referentiels/{curriculum_id}/")}
        assert set(curriculum_question_files(curriculum_id).values()) <= held["moodle"]
    assert set(QUESTION_FILES.values()) | {"glossaire-moodle.xml", "concepts-moodle.xml"} <= held["moodle"]


def test_offline_each_file_link_points_at_the_file_alone_in_a_zip() -> None:
    html = ('<a href="../referentiels/bts-esf/questions.gift">GIFT</a> <a href="../telechargements/partenariat-tout.zip">'
            'tout</a> <a href="../concepts/">page</a>')
    files = {"referentiels/bts-esf/questions.gift", "telechargements/partenariat-tout.zip"}
    online = mark_downloads(html, "formateurs/", files)
    assert '<a href="../referentiels/bts-esf/questions.gift" download="bts-esf-questions.gift">' in online
    offline = mark_downloads(html, "formateurs/", files, zipped=True)
    assert ('<a href="../telechargements/fichiers/bts-esf-questions.gift.zip" download="bts-esf-questions.gift.zip">'
            in offline)
    assert '<a href="../telechargements/partenariat-tout.zip" download="partenariat-tout.zip">' in offline
    assert '<a href="../concepts/">' in offline
    path, data = single_file_zip("referentiels/bts-esf/questions.gift", "x")
    assert path == "telechargements/fichiers/bts-esf-questions.gift.zip"
    assert _entries(data) == {"bts-esf-questions.gift": b"x"}


def test_cli_export_stops_on_bad_data(corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / "glossary" / "cpom.yaml").write_text("id: cpom\nacronym: CPOM\n", "utf-8")
    result = run_cli("--root", str(corpus_dir), "export", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_summary_notes_are_dropped_wherever_the_summary_is_plain_text(corpus_dir: Path) -> None:
    """A summary's source notes are numbered on its page only: the description (Open Graph), the
    search index, the concept index, JSON-LD, Moodle, CSV, Anki and the question bank drop them,
    with the space before them, and keep the punctuation where it was."""
    path = corpus_dir / "concepts" / "reseau.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "summary: Ensemble d'acteurs reliés par des connexions souples[[note:dossier]].",
        "summary: Selon J.-Y. Dhume, un ensemble d'acteurs reliés [[note:dossier]] ; souples[[note:dhume-2001|p. 12]]."
        " Est-ce un partenariat[[note:dossier]] ?"), "utf-8")
    corpus = load_corpus(corpus_dir)
    plain = "Selon J.-Y. Dhume, un ensemble d'acteurs reliés ; souples. Est-ce un partenariat ?"
    concept = corpus.one_of("concept", "reseau", Concept)
    ctx = Context(corpus, build_index(corpus))
    assert plain_text(corpus, concept.summary) == plain
    assert next(r for r in _read_csv(concepts_csv(corpus)) if r[0] == "Réseau")[2] == plain
    moodle = {_only(e, "CONCEPT").text: e for e in _moodle(moodle_concepts_xml(corpus)).iter("ENTRY")}
    assert " ".join(_definition_html(moodle["Réseau"]).text_content().split()).startswith(plain)
    assert _jsonld(jsonld_for("concept", concept, ctx, BASE))["description"] == plain
    first = "Selon J.-Y. Dhume, un ensemble d'acteurs reliés ; souples."  # not cut after « J. »
    assert search_data(corpus).pages["concepts/reseau/"].summary == first
    pages = {p.path: p.markdown for p in build_pages(corpus)}
    assert f'description: "{first}"' in pages["concepts/reseau.md"]
    assert f"— {first}" in pages["concepts/index.md"]
    files = [*build_exports(corpus, BASE), *question_exports(corpus, BASE)]
    assert any("souples. Est-ce" in f.content for f in files if f.path.endswith(".csv"))  # Anki's back of the card
    texts = [f.content if isinstance(f.content, str) else _anki_fields(f.content)  # the zips hold these files
             for f in files if isinstance(f.content, str) or f.path.endswith(".apkg")]
    for text in texts + list(pages.values()):
        assert "[[note" not in text and "note:dossier" not in text
        assert not re.search(r"reliés\s+;\s+;|souples\s+\.|partenariat\s{2,}\?", text)


def test_export_package_does_not_import_mkdocs() -> None:
    code = "import sys, partenariat.export; assert not [m for m in sys.modules if m.startswith('mkdocs')]"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, timeout=60)
