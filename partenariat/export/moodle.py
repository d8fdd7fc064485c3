"""Moodle glossary XML: trainers import the acronyms and the notions into a course glossary
(Glossaire → Importer des articles), and Moodle's auto-linking filter then links them in
every course text.

The layout is the one Moodle writes and reads (mod/glossary/lib.php, import.php):
GLOSSARY/INFO holds the glossary settings and ENTRIES (inside INFO); each ENTRY has
CONCEPT, DEFINITION (HTML, escaped in the XML), FORMAT 1 (HTML), ALIASES/ALIAS/NAME,
CATEGORIES/CATEGORY/NAME+USEDYNALINK and TAGS/TAG.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html import escape as _escape

from partenariat.base.french import lead_in
from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.models import Acronym, Concept, Definition, Source
from partenariat.derive.core import author_name, entity_title, locator, quotations_title, sort_key
from partenariat.derive.publisher import site_publisher
from partenariat.export.common import SITE_TITLE, entry_address, html_paragraphs, work_title_html, xml_document

HTML = "1"  # Moodle's FORMAT_HTML


def escape(text: str) -> str:
    """HTML text (not attribute) escaping: apostrophes and quotes stay readable."""
    return _escape(text, quote=False)


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, tag)
    child.text = text
    return child


def _info(root: ET.Element, name: str, intro: str, displayformat: str) -> ET.Element:
    """Every setting Moodle reads when the file creates a new glossary; returns ENTRIES."""
    info = ET.SubElement(root, "INFO")
    settings = [("NAME", name), ("INTRO", intro), ("INTROFORMAT", HTML), ("ALLOWDUPLICATEDENTRIES", "0"),
                ("DISPLAYFORMAT", displayformat), ("SHOWSPECIAL", "1"), ("SHOWALPHABET", "1"), ("SHOWALL", "1"),
                ("ALLOWCOMMENTS", "0"), ("USEDYNALINK", "1"), ("DEFAULTAPPROVAL", "1"), ("GLOBALGLOSSARY", "0"),
                ("ENTBYPAGE", "20")]
    for tag, value in settings:
        _sub(info, tag, value)
    return ET.SubElement(info, "ENTRIES")


def _entry(entries: ET.Element, concept: str, definition: str, *, case_sensitive: bool,
           aliases: Iterable[str], category: str, tags: Iterable[str]) -> None:
    entry = ET.SubElement(entries, "ENTRY")
    _sub(entry, "CONCEPT", concept)
    _sub(entry, "DEFINITION", definition)  # ElementTree escapes the HTML
    _sub(entry, "FORMAT", HTML)
    _sub(entry, "USEDYNALINK", "1")
    _sub(entry, "CASESENSITIVE", "1" if case_sensitive else "0")
    _sub(entry, "FULLMATCH", "1")
    _sub(entry, "TEACHERENTRY", "1")
    names = list(dict.fromkeys(a for a in aliases if a != concept))
    if names:
        box = ET.SubElement(entry, "ALIASES")
        for name in names:
            _sub(ET.SubElement(box, "ALIAS"), "NAME", name)
    cats = ET.SubElement(entry, "CATEGORIES")
    cat = ET.SubElement(cats, "CATEGORY")
    _sub(cat, "NAME", category)
    _sub(cat, "USEDYNALINK", "0")
    box = ET.SubElement(entry, "TAGS")
    for tag in dict.fromkeys(tags):
        _sub(box, "TAG", tag)


def _serialize(root: ET.Element) -> str:
    return xml_document(root)


def _site_link(base_url: str, type_name: str, entity_id: str | None, label: str) -> str:
    if not base_url:
        return ""
    return f'<p><a href="{_escape(entry_address(type_name, entity_id, base_url))}">{escape(label)}</a></p>'


def _intro(what: str, base_url: str, type_name: str, publisher: str | None = None) -> str:
    # « Les notions … et leurs définitions » and « Les sigles » would not agree with one participle
    by = f", publiée par {escape(publisher)}" if publisher else ""
    text = f"<p>{escape(what)} : export de la base de connaissances « {escape(SITE_TITLE)} »{by}.</p>"
    return text + _site_link(base_url, type_name, None, "Consulter la version en ligne")


def acronym_definition(corpus: Corpus, entry: Acronym, base_url: str = "") -> str:
    """The HTML of one acronym: expansion, what became of a body that no longer exists, description,
    other meanings of the letters, related acronyms and notions."""
    html = f"<p><strong>{escape(entry.shown_expansion)}</strong></p>"
    if entry.ended:
        html += f"<p><em>{escape(entry.ended.sentence())}</em></p>"
    html += html_paragraphs(corpus, entry.description, base_url)
    if entry.other_meanings:
        html += f"<p><em>{escape(entry.other_meanings_note)}</em></p>"
    if entry.see_also:
        others = ", ".join(escape(corpus.one_of("glossary", i, Acronym).acronym) for i in entry.see_also)
        html += f"<p>Voir aussi : {others}</p>"
    if entry.concepts:
        terms = ", ".join(escape(corpus.one_of("concept", i, Concept).term) for i in entry.concepts)
        html += f"<p>Notions liées : {terms}</p>"
    return html + _site_link(base_url, "glossary", entry.id, "Fiche complète")


def moodle_glossary_xml(corpus: Corpus, base_url: str = "") -> str:
    """The acronyms as a Moodle glossary: one entry per acronym, its domain as category."""
    root = ET.Element("GLOSSARY")
    entries = _info(root, f"Glossaire des sigles — {SITE_TITLE}",
                    _intro("Les sigles du travail social et de l'éducation", base_url, "glossary",
                           site_publisher(corpus.root)), "dictionary")
    acronyms: list[Acronym] = sorted(corpus.all_of("glossary", Acronym), key=lambda e: sort_key(e.acronym))
    for entry in acronyms:
        domain = vocab.GLOSSARY_DOMAINS[entry.domain]
        _entry(entries, entry.acronym, acronym_definition(corpus, entry, base_url), case_sensitive=True,
               aliases=entry.variants, category=domain, tags=["Sigle", domain])
    return _serialize(root)


def _attribution(corpus: Corpus, d: Definition) -> str:
    source = corpus.one_of("source", d.source, Source)
    ids = [d.author] if d.author else source.authors
    who = ", ".join(author_name(corpus, a) for a in ids)
    if d.author and source.authors and d.author not in source.authors:  # a speaker quoted by the work's author
        who += ", cité par " + ", ".join(author_name(corpus, a) for a in source.authors)
    title = work_title_html(corpus, source)  # never how the seed cites it, dressed as a title
    parts = [escape(who), title + (f" ({source.year})" if source.year else "")]
    if d.page:
        parts.append(escape(locator(d.page)))
    credit = ", ".join(p for p in parts if p)
    if d.legal:  # a law's text: credited to the law, cited by the work
        return escape(entity_title("legal", corpus.get("legal", d.legal))) + ", cité par " + credit
    words = vocab.QUOTE_CREDITS.get(d.kind)
    return escape(lead_in(words, author_name(corpus, ids[0]) if ids else "")) + credit if words else credit


def concept_definition(corpus: Corpus, concept: Concept, base_url: str = "") -> str:
    """The HTML of one notion: the summary, then each attributed definition, quoted."""
    html = html_paragraphs(corpus, concept.summary, base_url)
    if concept.definitions:
        html += f"<h4>{quotations_title(concept.definitions)}</h4>"
        for d in concept.definitions:
            html += (f"<blockquote><p>« {escape(' '.join(d.quote.split()))} »</p></blockquote>"
                     f"<p>— {_attribution(corpus, d)}</p>")
            if d.comment:
                html += html_paragraphs(corpus, d.comment, base_url).replace("<p>", "<p><em>").replace("</p>", "</em></p>")
    return html + _site_link(base_url, "concept", concept.id, "Fiche complète")


def moodle_concepts_xml(corpus: Corpus, base_url: str = "") -> str:
    """The notions as a Moodle glossary: term, summary and attributed definitions, family as category."""
    root = ET.Element("GLOSSARY")
    entries = _info(root, f"Notions — {SITE_TITLE}",
                    _intro("Les notions du partenariat et leurs définitions attribuées", base_url, "concept",
                           site_publisher(corpus.root)),
                    "fullwithoutauthor")
    concepts: list[Concept] = sorted(corpus.all_of("concept", Concept), key=lambda c: sort_key(c.term))
    for concept in concepts:
        family = vocab.CONCEPT_FAMILIES[concept.family]
        _entry(entries, concept.term, concept_definition(corpus, concept, base_url), case_sensitive=False,
               aliases=concept.aliases, category=family, tags=["Notion", family])
    return _serialize(root)
