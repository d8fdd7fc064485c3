"""The pipeline from corpus to pages: every generated page as (path, title, Markdown).

The MkDocs hook and `python -m partenariat render DIR` both call `build_pages`, so the
site's pages can be produced without MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import Any

from pydantic import BaseModel

from partenariat.checks.load import Corpus
from partenariat.data.entities import ENTITY_TYPES
from partenariat.data.models import Case
from partenariat.derive.addresses import NEWS_PAGE, extra_page_path, source_path
from partenariat.derive.changes import entry_changes
from partenariat.derive.core import Context, entity_title, html_attribute_text
from partenariat.derive.index import build_index
from partenariat.derive.questions import competencies
from partenariat.derive.tracking import entry_read
from partenariat.export.jsonld import jsonld_for, jsonld_script
from partenariat.render.author import render_author
from partenariat.render.case import case_heading, render_case
from partenariat.render.concept import render_concept
from partenariat.render.curriculum import render_curriculum
from partenariat.render.glossary import render_acronym
from partenariat.render.indexes import INDEXES, index_order, printable_glossary
from partenariat.render.legal import render_legal
from partenariat.render.news import render_news
from partenariat.render.quiz import competency_pack_path, render_pack
from partenariat.render.source import render_source

RENDERERS: dict[str, Callable[[Context, Any], str]] = {  # each takes its own model
    "concept": render_concept,
    "author": render_author,
    "source": render_source,
    "legal": render_legal,
    "glossary": render_acronym,
    "case": render_case,
    "curriculum": render_curriculum,
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
    in_nav: bool = True  # competency packs are reached from their curriculum page, not the nav


@dataclass(frozen=True)
class PageJob:
    """A page before its Markdown is rendered: what the nav knows of it, how to render it, and
    the data it stands for (its entity, its curriculum), which its renderer receives without
    reading it from the corpus (a live preview tracks the rest: partenariat.preview)."""

    path: str
    title: str
    type_name: str
    render: Callable[[], str]
    is_index: bool = False
    in_nav: bool = True
    reads: tuple[Hashable, ...] = ()

    def page(self, markdown: str) -> Page:
        return Page(self.path, self.title, markdown, self.type_name, self.is_index, self.in_nav)


def page_paths(corpus: Corpus) -> list[str]:
    """The docs-relative path of every generated page, without rendering any (for `check`)."""
    paths = []
    for etype in ENTITY_TYPES:
        paths.append(source_path(etype.name))
        paths += [extra_page_path(etype.name, path) for path, _, _ in EXTRA_PAGES.get(etype.name, ())]
        paths += [source_path(etype.name, entity_id) for entity_id in corpus.records[etype.name]]
    paths += [competency_pack_path(c) for c in competencies(corpus)]
    return paths + [NEWS_PAGE]


def build_pages(source: Corpus | Context) -> list[Page]:
    ctx = source if isinstance(source, Context) else Context(source, build_index(source))
    return [job.page(job.render()) for job in page_jobs(ctx)]


def page_jobs(ctx: Context) -> list[PageJob]:
    """Every generated page, in the order of the site (and of its nav), not rendered yet."""
    jobs: list[PageJob] = []
    for etype in ENTITY_TYPES:
        jobs.append(PageJob(source_path(etype.name), etype.section, etype.name, partial(_index_page, ctx, etype.name),
                            is_index=True))
        for path, title, render in EXTRA_PAGES.get(etype.name, ()):
            jobs.append(PageJob(extra_page_path(etype.name, path), title, etype.name, partial(render, ctx)))
        for entity in index_order(ctx, etype.name):  # the sidebar lists them as the index does
            jobs.append(PageJob(source_path(etype.name, entity.id), nav_title(etype.name, entity), etype.name,
                                partial(_entity_page, ctx, etype.name, entity), reads=(entry_read(etype.name, entity.id),)))
    corpus = ctx.corpus
    for competency in competencies(corpus):
        jobs.append(PageJob(competency_pack_path(competency), competency.title, "curriculum",
                            partial(render_pack, ctx, competency), in_nav=False,
                            reads=(entry_read("curriculum", competency.curriculum),)))
    jobs.append(PageJob(NEWS_PAGE, "Nouveautés", "news", partial(_news_page, ctx), in_nav=False))  # placed by mkdocs.yml
    return jobs


def _index_page(ctx: Context, type_name: str) -> str:
    return INDEXES[type_name](ctx) + _structured(jsonld_for(type_name, None, ctx))


def _entity_page(ctx: Context, type_name: str, entity: Any) -> str:
    return RENDERERS[type_name](ctx, entity) + _structured(jsonld_for(type_name, entity, ctx))


def _news_page(ctx: Context) -> str:
    return render_news(ctx.with_prefix(""), entry_changes(ctx.corpus, ctx.history), ctx.history.complete)


def nav_title(type_name: str, entity: BaseModel) -> str:
    """A person is listed « Dhume, Fabrice » in the sidebar, which is sorted by surname; a case
    keeps its number (« Encadré 3 — … ») as on the index of the cases."""
    family, given = getattr(entity, "family", None), getattr(entity, "given", None)
    if type_name == "author" and family and given:
        return f"{family}, {given}"
    if isinstance(entity, Case):
        return case_heading(entity)
    return entity_title(type_name, entity)


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
        if not page.in_nav:
            continue
        entries = sections.setdefault(page.type_name, [])
        entries.append(page.path if page.is_index else {html_attribute_text(page.title): page.path})  # printed as HTML
    return {name: entries if len(entries) <= max_entries + 1 else entries[:1] for name, entries in sections.items()}
