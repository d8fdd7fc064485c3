"""The site's references say what the exports say: one record per work (partenariat/biblio.py),
written as a French reference on the pages and as RIS / CSL-JSON for reference managers.

Each test is parametrised per source, so a failure names the work; none depends on which
works the corpus holds today."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import rispy

from conftest import as_read, real_corpus
from partenariat import Corpus, load_corpus
from partenariat.data.models import Concept, Source
from partenariat.derive.biblio import IN_BOOK, source_record
from partenariat.derive.core import fr_date, locator
from partenariat.derive.index import build_index
from partenariat.export import entry_csl, entry_ris
from partenariat.render.cite import ET_AL, definition_citation, reference
from partenariat.render.common import Context

MARKDOWN_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)")


def corpus() -> Corpus:
    return real_corpus()


@cache
def context() -> Context:
    return Context(corpus(), build_index(corpus()))


SOURCES = sorted(corpus().records["source"])
PARTS = [s.id for s in corpus().all_of("source", Source) if s.part_of]


def _exports(c: Corpus, source_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The work's CSL-JSON item and RIS entry, parsed back from the files the site publishes."""
    (item,) = json.loads(entry_csl(c, source_id))
    (entry,) = rispy.loads(entry_ris(c, source_id))
    return item, entry


def _cited(name: dict[str, str]) -> str:
    """A CSL name as French references write it: « DHUME Fabrice », a body as named."""
    if "literal" in name:
        return name["literal"]
    return f"{name['family'].upper()} {name['given']}" if "given" in name else name["family"].upper()


def _issued(item: dict[str, Any]) -> str:
    """The date as the reference shows it: the day when the export has one, else the year."""
    parts = item["issued"]["date-parts"][0]
    return fr_date(dt.date(*parts)) if len(parts) == 3 else str(parts[0])


def _reference_and_exports(c: Corpus, ctx: Context, source_id: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    return (as_read(reference(ctx, c.one_of("source", source_id, Source))), *_exports(c, source_id))


@pytest.mark.parametrize("source_id", SOURCES)
def test_the_reference_names_whom_the_exports_name(source_id: str) -> None:
    text, item, _ = _reference_and_exports(corpus(), context(), source_id)
    authors = item.get("author", [])
    shown = authors[:1] if len(authors) > ET_AL else authors
    for name in shown + item.get("editor", []):
        assert _cited(name) in text, f"{source_id}: « {_cited(name)} » is in the exports, not in « {text} »"
    assert ("et al." in text) == (len(authors) > ET_AL), source_id


@pytest.mark.parametrize("source_id", SOURCES)
def test_the_reference_has_the_year_container_pages_and_publisher_of_the_exports(source_id: str) -> None:
    text, item, entry = _reference_and_exports(corpus(), context(), source_id)
    assert item.get("title", item.get("note")) in text, source_id  # no title: the note says so
    if "issued" in item:
        assert _issued(item) in text and entry["year"] == str(item["issued"]["date-parts"][0][0]), source_id
    else:
        assert "year" not in entry, source_id
    for key, ris_key in (("container-title", "secondary_title"), ("publisher", "publisher")):
        assert item.get(key) in (None, entry.get(ris_key)), f"{source_id}: {key} differs between CSL and RIS"
        if item.get(key):
            assert item[key] in text, f"{source_id}: {key} « {item[key]} » missing from « {text} »"
    if "page" in item:
        assert locator(item["page"]) in text and entry["start_page"] in text, source_id


@pytest.mark.parametrize("source_id", SOURCES)
def test_linked_reference_reads_as_the_plain_one(source_id: str) -> None:
    """On the work's own page the names are links to their authors; the words stay the same."""
    source = corpus().one_of("source", source_id, Source)
    record = source_record(corpus(), source)
    linked = reference(context(), source, link_authors=True)
    for name in record.authors + record.editors:
        assert name.id and context().link("author", name.id, name.cited) in linked, f"{source_id}: {name}"
    read = MARKDOWN_LINK.sub(lambda m: m.group(1).replace("\\[", "[").replace("\\]", "]"), linked)
    if len(record.authors) <= ET_AL:
        assert read == reference(context(), source), source_id


@pytest.mark.parametrize("source_id", PARTS)
def test_a_part_cites_its_host_as_the_exports_do(source_id: str) -> None:
    """A chapter or an article held by another entry: the same container, editors and publisher
    in the reference and in RIS / CSL-JSON."""
    _check_part(corpus(), context(), source_id)


def _check_part(c: Corpus, ctx: Context, source_id: str) -> None:
    source = c.one_of("source", source_id, Source)
    host = c.one_of("source", source.part_of or "", Source)
    text, item, entry = _reference_and_exports(c, ctx, source_id)
    container = item.get("container-title")
    assert container and entry.get("secondary_title") == container, source_id
    assert f"*{container}*" in text, f"{source_id}: container « {container} » not in « {text} »"
    if source.type in IN_BOOK and not source.container:
        assert container == host.title, f"{source_id}: a chapter's container is its book"
        if host.editors and not source.editors:
            assert "In " in text and len(item["editor"]) == len(host.editors), source_id
        if host.publisher and not source.publisher:
            assert item["publisher"] == entry["publisher"] == host.publisher and host.publisher in text, source_id


BOOK = """id: ouvrage-2006
type: livre
title: Un ouvrage collectif
editors: [dhume]
publisher: Éditions de test
place: Paris
year: 2006
attested_in: [dossier]
reviewed: 2026-11-23
"""
CHAPTER = """id: chapitre-2006
type: chapitre
title: Un chapitre
authors: [rnrsms]
part_of: ouvrage-2006
pages: 12-30
attested_in: [dossier]
reviewed: 2026-11-23
"""
ISSUE = """id: numero-2010
type: numero-revue
title: Un numéro thématique
container: Une revue
issue: "3"
year: 2010
attested_in: [dossier]
reviewed: 2026-11-23
"""
ARTICLE = """id: article-2010
type: article
title: Un article
authors: [dhume]
part_of: numero-2010
pages: "8"
attested_in: [dossier]
reviewed: 2026-11-23
"""


@pytest.mark.parametrize("source_id", ["chapitre-2006", "article-2010"])
def test_a_part_without_container_takes_its_host(corpus_dir: Path, source_id: str) -> None:
    """A chapter cites its book (editors, publisher, place), an article in a themed issue its journal."""
    for name, text in (("ouvrage-2006", BOOK), ("chapitre-2006", CHAPTER), ("numero-2010", ISSUE),
                       ("article-2010", ARTICLE)):
        (corpus_dir / "sources" / f"{name}.yaml").write_text(text, "utf-8")
    c = load_corpus(corpus_dir)
    ctx = Context(c, build_index(c))
    _check_part(c, ctx, source_id)
    item, _ = _exports(c, source_id)
    expected = {"chapitre-2006": "Un ouvrage collectif", "article-2010": "Une revue"}[source_id]
    assert item["container-title"] == expected


DEFINITIONS = [pytest.param(c.id, i, id=f"{d.source}@{c.id}") for c in corpus().all_of("concept", Concept)
               for i, d in enumerate(c.definitions)]


@pytest.mark.parametrize(("concept_id", "position"), DEFINITIONS)
def test_a_definition_is_cited_from_its_work_s_reference(concept_id: str, position: int) -> None:
    """Under a definition: the work's reference (after « X, cité par » when someone else speaks),
    then the page only when it narrows the record's pages."""
    concept = corpus().one_of("concept", concept_id, Concept)
    d = concept.definitions[position]
    cited = definition_citation(context(), d, concept.id, concept.term)
    work = reference(context(), corpus().one_of("source", d.source, Source)).removesuffix(".")
    assert cited.startswith(work) or f", cité par {work}" in cited
    record = source_record(corpus(), corpus().one_of("source", d.source, Source))
    narrows = bool(d.page and d.page != record.pages)
    assert narrows == (d.page is not None and f"{work}, {locator(d.page)}." in cited), concept_id
