"""French bibliographic references (ISO 690 style, as taught in BTS/DE), in Markdown.

They are written from the record the RIS, BibTeX and CSL-JSON exports write (biblio.py):
the container, the names, the year and the pages are decided there once, so the page and
the file a student imports into Zotero never disagree."""

from __future__ import annotations

import re

from partenariat.data.models import Definition, Source
from partenariat.derive.addresses import ENTRY_EXPORT_EXTENSIONS, export_path
from partenariat.derive.biblio import IN_BOOK, BibRecord, Name, source_record
from partenariat.derive.core import author_name, locator, person_name
from partenariat.derive.publisher import site_publisher
from partenariat.render.common import CONSULTED, Context, fr_date, md_inline, site_host, web_link, where_to_find

__all__ = ["definition_citation", "export_links", "locator", "names", "person_name", "reference", "reference_of"]

# Types cited as a part (« title ») of the work that holds them (*container*).
ARTICLE_LIKE = {"article", "chapitre", "entree-dictionnaire", "communication", "synthese-atelier"}
ET_AL = 3  # more authors than this: « DHUME Fabrice et al. » in a list of references


def names(people: list[str], limit: int | None = ET_AL) -> str:
    """« A », « A et B », « A, B et C »; beyond `limit` names, « A et al. »."""
    if limit is not None and len(people) > limit:
        return f"{people[0]} et al."
    if len(people) > 1:
        return ", ".join(people[:-1]) + " et " + people[-1]
    return people[0] if people else ""


def _names(ctx: Context, people: list[Name], link: bool) -> str:
    """Names as cited; linked to their author pages (every one of them) on the work's own page."""
    if not link:
        return names([md_inline(n.cited) for n in people])
    return names([ctx.link("author", n.id, n.cited) if n.id else md_inline(n.cited) for n in people], limit=None)


def _is_part(record: BibRecord) -> bool:
    """A part of another work (article, chapter, talk in proceedings): « title », In *host*."""
    return record.category in ARTICLE_LIKE and bool(record.container)


def _editors_in_host(record: BibRecord) -> bool:
    return _is_part(record) and record.category in IN_BOOK


def _lead(ctx: Context, record: BibRecord, link: bool) -> str:
    """Who answers for the work: its authors, else its editors (« BARREYRE Jean-Yves (dir.) »)."""
    if record.authors:
        return _names(ctx, record.authors, link)
    if record.editors and not _editors_in_host(record):
        return _names(ctx, record.editors, link) + " (dir.)"
    return ""


def _title(record: BibRecord) -> str:
    """A given title in « » (a part) or in italics; a work without title says so where the title
    goes, in plain text, as the exports do (`BibRecord.shown_title`); never dressed as a title."""
    if not record.title:
        return md_inline(record.shown_title)
    title = md_inline(record.title)
    return f"« {title} »" if _is_part(record) else f"*{title}*"


def _host(ctx: Context, record: BibRecord, link: bool) -> str:
    """Where the work sits: « In EDITORS (dir.), *Book* », *Journal*, or a container as named."""
    if not _is_part(record):
        host = md_inline(record.container or "")
        if record.authors and record.editors:  # editors not named in the lead
            host = ", ".join(x for x in (host, _names(ctx, record.editors, link) + " (dir.)") if x)
        return host
    if _editors_in_host(record) and record.editors:
        return f"In {_names(ctx, record.editors, link)} (dir.), *{md_inline(record.container or '')}*"
    return f"*{md_inline(record.container or '')}*"


def _details(record: BibRecord) -> str:
    """Event, volume, issue, place : publisher, collection, date (else year), pages."""
    details = [record.event or "",
               f"vol. {record.volume}" if record.volume else "",
               f"n° {record.issue}" if record.issue else "",
               " : ".join(x for x in (record.place, record.publisher) if x),
               f"coll. « {record.collection} »" if record.collection else "",
               fr_date(record.date) if record.date else str(record.year or ""),
               locator(record.pages) if record.pages else ""]
    return ", ".join(md_inline(x) for x in details if x)


# Ends with a full stop, maybe inside a link's label: « EPSTEIN R. », « [EPSTEIN R.](…) ».
ENDS_WITH_STOP = re.compile(r"\.\]\([^)]*\)$")


def _sentence(part: str) -> str:
    """One part of a reference and its full stop, never two in a row."""
    return part if ENDS_WITH_STOP.search(part) else part.rstrip(".") + "."


def reference_of(ctx: Context, record: BibRecord, link_authors: bool = False) -> str:
    """The reference of a source's record, ending with where it is online."""
    parts = (_lead(ctx, record, link_authors), _title(record), _host(ctx, record, link_authors), _details(record))
    text = " ".join(_sentence(p) for p in parts if p)
    if record.url:
        text += f" {web_link(record.url)}"
    elif record.online:
        text += f" En ligne : {md_inline(record.online)}."
    return text


def reference(ctx: Context, source: Source, link_authors: bool = False) -> str:
    """The reference of a source (its authors and editors linked on the work's own page)."""
    return reference_of(ctx, source_record(ctx.corpus, source), link_authors)


def definition_citation(ctx: Context, d: Definition, concept_id: str, concept_term: str) -> str:
    """One definition as a student cites it: who defines, the work, year and page, then
    « cité dans » this site's page (its published address, or where it sits in the site)."""
    record = source_record(ctx.corpus, ctx.corpus.one_of("source", d.source, Source))
    work = reference_of(ctx, record).removesuffix(".")
    if d.author and d.author not in {n.id for n in record.authors}:
        work = f"{md_inline(author_name(ctx.corpus, d.author))}, cité par {work}"
    page = f", {md_inline(locator(d.page))}" if d.page and d.page != record.pages else ""
    path = ctx.addresses.url("concept", concept_id)
    return (f"{work}{page}. Cité dans : « {md_inline(concept_term)} ». {site_host(site_publisher(ctx.corpus.root))}. "
            f"Disponible sur : {where_to_find(path, ctx.addresses.absolute(path))} {CONSULTED}.")


def short_reference(ctx: Context, source_id: str, where: str | None = None) -> str:
    """A source note as a Wikipedia lead has them: author(s), *title* (linked to the source's
    page), year, page. « LAHARY Dominique, *Esquisse d'une théorie du partenariat*, 2007, p. 57. »"""
    record = source_record(ctx.corpus, ctx.corpus.one_of("source", source_id, Source))
    title = ctx.link("source", source_id, _title(record))
    year = str(record.year or (record.date.year if record.date else ""))
    parts = [_lead(ctx, record, link=False), title, year, locator(where) if where else ""]
    return _sentence(", ".join(p for p in parts if p))


EXPORT_LABELS = {"ris": "RIS (Zotero, EndNote)", "bib": "BibTeX", "json": "CSL-JSON"}


def export_links(type_name: str, entity_id: str, prefix: str = "../") -> str:
    """Links to the reference files of one source or legal text (written by the exports)."""
    links = [f"[{EXPORT_LABELS[ext]}]({prefix}{export_path(type_name, entity_id, ext)})"
             for ext in ENTRY_EXPORT_EXTENSIONS]
    return "*Exporter la référence* : " + " · ".join(links)
