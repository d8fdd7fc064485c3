"""French bibliographic references (ISO 690 style, as taught in BTS/DE), in Markdown."""

from __future__ import annotations

from ..addresses import ENTRY_EXPORT_EXTENSIONS, export_path
from ..core import UNTITLED, locator, person_name
from ..models import Definition, Source
from .common import CONSULTED, SITE_TITLE, Context, fr_date, where_to_find

__all__ = ["UNTITLED", "definition_citation", "export_links", "locator", "names", "person_name", "reference"]

ARTICLE_LIKE = {"article", "chapitre", "entree-dictionnaire", "communication", "synthese-atelier"}


def names(ctx: Context, ids: list[str]) -> str:
    people = [person_name(ctx.entity("author", i)) for i in ids]  # type: ignore[arg-type]
    if len(people) > 3:
        return f"{people[0]} et al."
    if len(people) > 1:
        return ", ".join(people[:-1]) + " et " + people[-1]
    return people[0] if people else ""


def reference(ctx: Context, source: Source, link_authors: bool = False) -> str:
    parts: list[str] = []
    if source.authors:
        if link_authors:
            parts.append(", ".join(ctx.link("author", i, person_name(ctx.entity("author", i)))  # type: ignore[arg-type]
                                   for i in source.authors))
        else:
            parts.append(names(ctx, source.authors))
    title = source.title or UNTITLED
    if not source.title and not source.authors and source.cited_as:
        title = f"{source.cited_as} {UNTITLED}"  # anonymous and untitled: how it is designated
    if source.type in ARTICLE_LIKE and (source.container or source.part_of):
        parts.append(f"« {title} »" if source.title else title)
        host = []
        parent = ctx.entity("source", source.part_of) if source.part_of else None
        if source.type in {"chapitre", "entree-dictionnaire"} and isinstance(parent, Source) and parent.editors:
            host.append("In " + names(ctx, parent.editors) + " (dir.)")
        container = source.container or (parent.title if isinstance(parent, Source) else None)
        if container:
            host.append(f"*{container}*")
        parts.append(", ".join(host))
    else:
        parts.append(f"*{title}*" if source.title else title)
        if source.container:
            parts.append(source.container)
    details = []
    if source.event:
        details.append(source.event)
    if source.volume:
        details.append(f"vol. {source.volume}")
    if source.issue:
        details.append(f"n° {source.issue}")
    where = " : ".join(x for x in (source.place, source.publisher) if x)
    if where:
        details.append(where)
    if source.collection:
        details.append(f"coll. « {source.collection} »")
    if source.date:
        details.append(fr_date(source.date))
    elif source.year:
        details.append(str(source.year))
    if source.pages:
        details.append(locator(source.pages))
    if details:
        parts.append(", ".join(details))
    text = ". ".join(p.rstrip(".") for p in parts if p) + "."
    if source.url:
        text += f" <{source.url}>"
    elif source.online:
        text += f" En ligne : {source.online}."
    return text


def definition_citation(ctx: Context, d: Definition, concept_id: str, concept_term: str) -> str:
    """One definition as a student cites it: who defines, the work, year and page, then
    « cité dans » this site's page (its published address, or where it sits in the site)."""
    source = ctx.entity("source", d.source)
    assert isinstance(source, Source)
    work = reference(ctx, source).removesuffix(".")
    if d.author and d.author not in source.authors:
        work = f"{person_name(ctx.entity('author', d.author))}, cité par {work}"  # type: ignore[arg-type]
    page = f", {locator(d.page)}" if d.page and d.page != source.pages else ""
    path = ctx.addresses.url("concept", concept_id)
    return (f"{work}{page}. Cité dans : « {concept_term} ». In : *{SITE_TITLE}* [en ligne]. "
            f"Disponible sur : {where_to_find(path, ctx.addresses.absolute(path))} {CONSULTED}.")


EXPORT_LABELS = {"ris": "RIS (Zotero, EndNote)", "bib": "BibTeX", "json": "CSL-JSON"}


def export_links(type_name: str, entity_id: str, prefix: str = "../") -> str:
    """Links to the reference files of one source or legal text (written by the exports)."""
    links = [f"[{EXPORT_LABELS[ext]}]({prefix}{export_path(type_name, entity_id, ext)})"
             for ext in ENTRY_EXPORT_EXTENSIONS]
    return "*Exporter la référence* : " + " · ".join(links)
