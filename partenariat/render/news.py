"""« Nouveautés »: the entries added or revised recently, newest day first, as a page and as
an Atom feed (`nouveautes.xml`) that feed readers and Moodle's RSS block can follow."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from itertools import groupby

from pydantic import BaseModel

from ..changes import KIND_HEADINGS, KIND_LABELS, NEW, REVIEWED, REVISED, Change
from ..edition import Edition
from ..entities import BY_NAME, ENTITY_TYPES
from .common import SITE_TITLE, Context, entity_title, first_sentence, fr_date, front_matter, page_path

PAGE = "nouveautes.md"
FEED = "nouveautes.xml"
RECENT_DAYS = 365  # the page and the feed cover a year of changes before the latest one
ATOM = "http://www.w3.org/2005/Atom"
_IDS = uuid.UUID("5f1d3c2a-8e47-4b5e-9a43-6a2f0d9c1e11")  # namespace of the feed's entry ids


def recent(changes: list[Change]) -> list[Change]:
    if not changes:
        return []
    start = max(c.date for c in changes) - dt.timedelta(days=RECENT_DAYS)
    return [c for c in changes if c.date >= start]


def summary_of(entity: BaseModel) -> str:
    """One plain sentence saying what the entry is about (« En bref », expansion or title)."""
    text = getattr(entity, "summary", None) or getattr(entity, "expansion", None)
    return first_sentence(text) if isinstance(text, str) else ""


def render_news(ctx: Context, changes: list[Change], history_complete: bool) -> str:
    """The « Nouveautés » page (at the site root: links have no `../`)."""
    shown = recent(changes)
    out = [front_matter("Nouveautés", "Fiches ajoutées et révisées, les plus récentes d'abord."), "# Nouveautés\n"]
    intro = (f"Les fiches ajoutées ou révisées pendant l'année écoulée ({len(shown)}), les plus récentes "
             f"d'abord. Pour être prévenu, abonnez-vous au [fil Atom]({FEED}) dans un lecteur de flux "
             "ou dans le bloc « Flux RSS distants » de Moodle.")
    if ctx.edition:
        intro += f" Cette version du site : {ctx.edition.label}."
    out.append(intro + "\n")
    if not history_complete:
        out.append('!!! note "Historique indisponible"\n\n    Cette copie a été produite sans l\'historique des '
                   "fichiers : chaque fiche figure à la date de sa dernière relecture.\n")
    for day, same_day in groupby(shown, key=lambda c: c.date):
        out.append(f"## {fr_date(day)}\n")
        items = list(same_day)
        for kind in (NEW, REVISED, REVIEWED):
            of_kind = [c for c in items if c.kind == kind]
            if of_kind:
                out.append(f"**{KIND_HEADINGS[kind]}** ({len(of_kind)})\n\n" + _by_type(ctx, of_kind) + "\n")
    return "\n".join(out)


def _by_type(ctx: Context, changes: list[Change]) -> str:
    lines = []
    for etype in ENTITY_TYPES:
        ids = [c.entity_id for c in changes if c.type_name == etype.name]
        if ids:
            links = ", ".join(f"[{ctx.title(etype.name, i)}]({page_path(etype.name, i, prefix='')})" for i in ids)
            lines.append(f"- *{etype.plural}* : {links}")
    return "\n".join(lines)


def atom_feed(ctx: Context, changes: list[Change], edition: Edition | None) -> str:
    """The Atom feed of the same changes. Without the published address (``ctx.site_url``) the
    links are relative to the feed, which sits at the site root; ids never name a host."""
    shown = recent(changes)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "fr"})
    _sub(feed, "title", f"Nouveautés — {SITE_TITLE}")
    if edition:
        _sub(feed, "subtitle", f"Fiches ajoutées et révisées. {edition.label}.")
    _sub(feed, "id", _urn(ctx.site_url + FEED if ctx.site_url else FEED))
    updated = shown[0].date if shown else (edition.date if edition else dt.date.today())
    _sub(feed, "updated", _stamp(updated))
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": ctx.site_url + "nouveautes/"})
    if ctx.site_url:
        ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": ctx.site_url + FEED})
    author = ET.SubElement(feed, "author")
    _sub(author, "name", "Équipe éditoriale")
    for change in shown:
        _entry(ctx, feed, change)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(ctx: Context, feed: ET.Element, change: Change) -> None:
    etype = BY_NAME[change.type_name]
    entity = ctx.entity(change.type_name, change.entity_id)
    href = ctx.site_url + f"{etype.url}/{change.entity_id}/"
    entry = ET.SubElement(feed, "entry")
    _sub(entry, "title", f"{entity_title(change.type_name, entity)} ({etype.singular}) — {KIND_LABELS[change.kind].lower()}")
    _sub(entry, "id", _urn(f"{etype.url}/{change.entity_id}/@{change.date.isoformat()}"))
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href})
    if change.created:
        _sub(entry, "published", _stamp(change.created))
    _sub(entry, "updated", _stamp(change.date))
    ET.SubElement(entry, "category", {"term": change.type_name, "label": etype.plural})
    summary = summary_of(entity)
    if summary:
        _sub(entry, "summary", summary)


def _sub(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _urn(key: str) -> str:
    """A permanent id that claims no address: a new one for each revision of a page."""
    return f"urn:uuid:{uuid.uuid5(_IDS, key)}"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
