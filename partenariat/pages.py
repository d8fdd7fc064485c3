"""The pipeline from corpus to pages: every generated page as (path, title, Markdown).

The MkDocs hook and `python -m partenariat render DIR` both call `build_pages`, so the
site's pages can be produced without MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from .addresses import source_path
from .core import Context, entity_title, sort_key
from .entities import ENTITY_TYPES
from .export.jsonld import jsonld_for, jsonld_script
from .index import build_index
from .load import Corpus
from .render.author import render_author
from .render.case import render_case
from .render.concept import render_concept
from .render.curriculum import render_curriculum
from .render.glossary import render_acronym
from .render.indexes import INDEXES, printable_glossary
from .render.legal import render_legal
from .render.source import render_source

RENDERERS: dict[str, Callable[[Context, BaseModel], str]] = {
    "concept": render_concept,  # type: ignore[dict-item]
    "author": render_author,  # type: ignore[dict-item]
    "source": render_source,  # type: ignore[dict-item]
    "legal": render_legal,  # type: ignore[dict-item]
    "glossary": render_acronym,  # type: ignore[dict-item]
    "case": render_case,  # type: ignore[dict-item]
    "curriculum": render_curriculum,  # type: ignore[dict-item]
}


# Pages of a section beyond its index and its entities; their names are reserved ids
# (entities.RESERVED_IDS), so no entry can take their address.
EXTRA_PAGES: dict[str, tuple[tuple[str, str, Callable[[Context], str]], ...]] = {
    "glossary": (("a-imprimer.md", "Glossaire à imprimer", printable_glossary),),
}


@dataclass(frozen=True)
class Page:
    path: str  # docs-relative, e.g. "concepts/reseau.md"
    title: str  # nav title
    markdown: str
    type_name: str
    is_index: bool = False


def page_paths(corpus: Corpus) -> list[str]:
    """The docs-relative path of every generated page, without rendering any (for `check`)."""
    paths = []
    for etype in ENTITY_TYPES:
        paths.append(source_path(etype.name))
        paths += [f"{etype.url}/{path}" for path, _, _ in EXTRA_PAGES.get(etype.name, ())]
        paths += [source_path(etype.name, entity_id) for entity_id in corpus.records[etype.name]]
    return paths


def build_pages(source: Corpus | Context) -> list[Page]:
    ctx = source if isinstance(source, Context) else Context(source, build_index(source))
    corpus = ctx.corpus
    pages: list[Page] = []
    for etype in ENTITY_TYPES:
        index_md = INDEXES[etype.name](ctx) + _structured(jsonld_for(etype.name, None, ctx))
        pages.append(Page(f"{etype.url}/index.md", etype.plural, index_md, etype.name, True))
        for path, title, render in EXTRA_PAGES.get(etype.name, ()):
            pages.append(Page(f"{etype.url}/{path}", title, render(ctx), etype.name))
        entities = sorted(corpus.entities(etype.name), key=lambda e: sort_key(entity_title(etype.name, e)))
        for entity in entities:
            entity_id = entity.id
            markdown = RENDERERS[etype.name](ctx, entity) + _structured(jsonld_for(etype.name, entity, ctx))
            pages.append(Page(f"{etype.url}/{entity_id}.md", entity_title(etype.name, entity), markdown, etype.name))
    return pages


def _structured(data: dict[str, object]) -> str:
    """schema.org JSON-LD at the end of the page (search engines, citation tools)."""
    return "\n" + jsonld_script(data) + "\n"


# Above this many pages, a section's nav shows its index page only. The theme writes the
# active section's nav into every page of it, so listing thousands of entries would make the
# build quadratic (measured: 10× the corpus took 25× the time); the index pages, search and
# the « Cité dans » links still reach every entry.
NAV_MAX_ENTRIES = 150


def nav_sections(pages: list[Page], max_entries: int = NAV_MAX_ENTRIES) -> dict[str, list[dict[str, str] | str]]:
    """Nav entries per entity type: the index page first, then one entry per page."""
    sections: dict[str, list[dict[str, str] | str]] = {}
    for page in pages:
        entries = sections.setdefault(page.type_name, [])
        entries.append(page.path if page.is_index else {page.title: page.path})
    return {name: entries if len(entries) <= max_entries + 1 else entries[:1] for name, entries in sections.items()}
