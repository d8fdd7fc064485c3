"""Helpers shared by the exports: page addresses, and the data's running text turned into
plain text or safe HTML (exports leave the site, so `[[type:id|label]]` cannot stay as is)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

from partenariat.base.chars import xml_safe
from partenariat.checks.load import Corpus
from partenariat.data.models import Source
from partenariat.data.notes import strip_notes
from partenariat.data.refs import TEXT_LINK
from partenariat.derive.addresses import Addresses
from partenariat.derive.biblio import BibRecord, record_for
from partenariat.derive.core import SITE_TITLE, UNTITLED, Context, link_label, plain_text

__all__ = ["SITE_TITLE", "UNTITLED", "corpus_of", "html_paragraphs", "entry_address", "plain_text", "title_of", "work_title_html",
           "xml_document"]


def title_of(record: BibRecord) -> str:
    """The title every export writes for a work: its own, else « [titre non précisé dans la
    source] », after the description the seed gives of an anonymous work, as the site's
    references say it. How the seed cites a work (« Damon (2001) ») is never exported as its title."""
    return record.shown_title


def xml_document(root: ET.Element, encoding: str = "UTF-8") -> str:
    """THE serialisation of every XML export (Moodle glossaries and questions, the Atom feed):
    indented, with its declaration; ElementTree escapes markup, and a character XML 1.0 cannot
    hold (a control character, a lone surrogate) becomes U+FFFD, so the file always parses,
    whatever the data holds (`check` refuses such characters first)."""
    ET.indent(root)
    return f'<?xml version="1.0" encoding="{encoding}"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n"


def corpus_of(source: Corpus | Context) -> Corpus:
    return source.corpus if isinstance(source, Context) else source


def entry_address(type_name: str, entity_id: str | None = None, base_url: str = "", directory_urls: bool = True) -> str:
    """Address of an entity page (or of the index page of its type when ``entity_id`` is None).

    With ``base_url`` (MkDocs' ``site_url``) the address is absolute; without it, it is
    relative to the site root, e.g. ``glossaire/cpom/``.
    """
    return Addresses(directory_urls, base_url).absolute_or_relative(type_name, entity_id)


def work_title_html(corpus: Corpus, source: Source, tag: str = "cite") -> str:
    """A work's title as HTML: in ``tag`` when it has one, else said plainly (`title_of`)."""
    record = record_for(corpus, source)
    if record.title is not None:
        return f"<{tag}>{escape(record.title, quote=False)}</{tag}>"
    return escape(title_of(record), quote=False)


def html_paragraphs(corpus: Corpus, value: str | None, base_url: str = "") -> str:
    """Running text as HTML paragraphs, escaped; links point to the site when its address is
    known; source notes are dropped."""
    if not value:
        return ""
    out = []
    for paragraph in re.split(r"\n\s*\n", strip_notes(value).strip()):
        parts, end = [], 0
        for match in TEXT_LINK.finditer(paragraph):
            parts.append(escape(paragraph[end:match.start()], quote=False))
            label = escape(link_label(corpus, match), quote=False)
            if base_url:
                href = escape(entry_address(match.group(1), match.group(2).strip(), base_url))
                parts.append(f'<a href="{href}">{label}</a>')
            else:
                parts.append(label)
            end = match.end()
        parts.append(escape(paragraph[end:], quote=False))
        out.append("<p>" + " ".join("".join(parts).split()) + "</p>")
    return "".join(out)
