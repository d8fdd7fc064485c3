"""The Atom feed of « Nouveautés » (`nouveautes.xml`): the entries added or revised during the
last year, newest first, each linking to its page; feed readers and Moodle's RSS block follow it.

Without the published address the links are relative to the feed, which sits at the site
root; ids are `urn:uuid:` so that they never name a host.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from pydantic import BaseModel

from partenariat.checks.load import Corpus
from partenariat.data.entities import BY_NAME
from partenariat.derive.addresses import NEWS_FEED, NEWS_PAGE, Addresses, url_of_source
from partenariat.derive.changes import KIND_LABELS, Change, recent
from partenariat.derive.core import SITE_TITLE, entity_title
from partenariat.derive.edition import Edition
from partenariat.derive.publisher import site_publisher
from partenariat.export.common import plain_text, xml_document

ATOM = "http://www.w3.org/2005/Atom"
_IDS = uuid.UUID("5f1d3c2a-8e47-4b5e-9a43-6a2f0d9c1e11")  # namespace of the feed's ids


def atom_feed(corpus: Corpus, changes: list[Change], edition: Edition | None, addresses: Addresses) -> str:
    shown = recent(changes)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "fr"})
    _sub(feed, "title", f"Nouveautés — {SITE_TITLE}")
    if edition:
        _sub(feed, "subtitle", f"Fiches ajoutées et révisées. {edition.label}.")
    _sub(feed, "id", _urn(NEWS_FEED))
    _sub(feed, "updated", _stamp(shown[0].date if shown else edition.date if edition else dt.date.today()))
    news = url_of_source(NEWS_PAGE, addresses.directory_urls)
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": addresses.absolute(news) or news})
    feed_address = addresses.absolute(NEWS_FEED)
    if feed_address:
        ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": feed_address})
    # the body that publishes the site (mkdocs.yml extra.publisher), else the site itself
    _sub(ET.SubElement(feed, "author"), "name", site_publisher(corpus.root) or SITE_TITLE)
    for change in shown:
        _entry(feed, corpus, change, addresses)
    return xml_document(feed, "utf-8")


def _entry(feed: ET.Element, corpus: Corpus, change: Change, addresses: Addresses) -> None:
    etype = BY_NAME[change.type_name]
    entity = corpus.get(change.type_name, change.entity_id)
    relative = addresses.url(change.type_name, change.entity_id)
    entry = ET.SubElement(feed, "entry")
    _sub(entry, "title", f"{entity_title(change.type_name, entity)} ({etype.singular}) — {KIND_LABELS[change.kind].lower()}")
    _sub(entry, "id", _urn(f"{relative}@{change.date.isoformat()}"))  # a new id for each revision
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": addresses.absolute(relative) or relative})
    if change.created:
        _sub(entry, "published", _stamp(change.created))
    _sub(entry, "updated", _stamp(change.date))
    ET.SubElement(entry, "category", {"term": change.type_name, "label": etype.section})
    summary = _summary(corpus, entity)
    if summary:
        _sub(entry, "summary", summary)


def _summary(corpus: Corpus, entity: BaseModel) -> str:
    """What the entry is about: its « En bref » (or an acronym's expansion), as plain text."""
    text = getattr(entity, "summary", None) or getattr(entity, "expansion", None)
    return plain_text(corpus, text) if isinstance(text, str) else ""


def _sub(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_IDS, key)}"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
