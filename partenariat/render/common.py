"""Shared pieces of the Markdown renderers: links between pages, French dates, text links.

Every generated page lives one folder deep (`<url>/<id>.md`, `<url>/index.md`), so a link
to another entity is always `../<url>/<id>.md`, which MkDocs checks in strict mode.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel

from ..entities import BY_NAME, ENTITY_TYPES
from ..index import Index
from ..load import Corpus
from ..refs import TEXT_LINK

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


@dataclass
class Context:
    corpus: Corpus
    index: Index
    # Generated pages sit one folder deep ("../"); macros in docs/ link from the docs root ("/").
    prefix: str = "../"
    # MkDocs' use_directory_urls: raw HTML links (inside SVG) are written for the URL style in use.
    directory_urls: bool = True

    @cached_property
    def definers(self) -> dict[str, set[str]]:
        """Author id → ids of the concepts they define (the definition's author, else the
        source's authors). Computed once per build: pages ask it for every author."""
        out: dict[str, set[str]] = {}
        for concept in self.corpus.entities("concept"):
            for d in concept.definitions:  # type: ignore[attr-defined]
                authors = [d.author] if d.author else self.entity("source", d.source).authors  # type: ignore[attr-defined]
                for author in authors:
                    out.setdefault(author, set()).add(concept.id)  # type: ignore[attr-defined]
        return out

    def html_href(self, type_name: str, entity_id: str, from_path: str) -> str:
        """URL of an entity page relative to the page built from ``from_path`` (docs-relative .md)."""
        target = f"{BY_NAME[type_name].url}/{entity_id}"
        if self.directory_urls:
            source = from_path[:-3]
            if source.endswith("index") and (source == "index" or source.endswith("/index")):
                source = source[: -len("index")].rstrip("/")
            depth = len([p for p in source.split("/") if p])
            return "../" * depth + target + "/"
        depth = from_path.count("/")
        return "../" * depth + target + ".html"

    def entity(self, type_name: str, entity_id: str) -> BaseModel:
        return self.corpus.get(type_name, entity_id)

    def title(self, type_name: str, entity_id: str) -> str:
        return entity_title(type_name, self.entity(type_name, entity_id))

    def link(self, type_name: str, entity_id: str, label: str | None = None, anchor: str = "") -> str:
        path = page_path(type_name, entity_id, anchor, self.prefix)
        return f"[{escape_label(label or self.title(type_name, entity_id))}]({path})"

    def index_link(self, type_name: str, anchor: str = "") -> str:
        return index_path(type_name, anchor, self.prefix)

    def links(self, type_name: str, ids: Iterable[str], sep: str = ", ") -> str:
        return sep.join(self.link(type_name, i) for i in ids)

    def text(self, value: str | None) -> str:
        """Running text from the data: `[[type:id|label]]` becomes a Markdown link."""
        if not value:
            return ""

        def replace(match: re.Match[str]) -> str:
            type_name, entity_id, label = match.group(1), match.group(2).strip(), match.group(3)
            return self.link(type_name, entity_id, label.strip() if label else None)

        return blocks(TEXT_LINK.sub(replace, value))


def entity_title(type_name: str, entity: BaseModel) -> str:
    etype = BY_NAME[type_name]
    value = getattr(entity, etype.title_field) or ""
    if type_name == "source" and not value:
        value = entity.cited_as
    return str(value)


def page_path(type_name: str, entity_id: str, anchor: str = "", prefix: str = "../") -> str:
    url = BY_NAME[type_name].url
    return f"{prefix}{url}/{entity_id}.md" + (f"#{anchor}" if anchor else "")


def index_path(type_name: str, anchor: str = "", prefix: str = "../") -> str:
    return f"{prefix}{BY_NAME[type_name].url}/index.md" + (f"#{anchor}" if anchor else "")


def escape_label(label: str) -> str:
    return label.replace("[", "\\[").replace("]", "\\]")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def fr_date(value: dt.date) -> str:
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def front_matter(title: str, description: str | None = None) -> str:
    """Generated pages switch mkdocs-macros off: data text must never run as a template."""
    lines = ["---", "render_macros: false", f"title: {_yaml_str(title)}"]
    if description:
        lines.append(f"description: {_yaml_str(first_sentence(description))}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml_str(value: str) -> str:
    return '"' + " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def first_sentence(text: str) -> str:
    plain = re.sub(r"\[\[[a-z]+:[^\]|]*\|([^\]]*)\]\]", r"\1", text)
    plain = re.sub(r"\[\[[a-z]+:([^\]|]*)\]\]", r"\1", plain)
    plain = " ".join(plain.split())
    match = re.match(r"(.+?[.!?])(\s|$)", plain)
    return (match.group(1) if match else plain)[:300]


def cited_by_section(ctx: Context, type_name: str, entity_id: str, skip: Iterable[str] = ()) -> str:
    """« Cité dans »: every entity that refers to this one, grouped by type."""
    grouped = ctx.index.cited_by(type_name, entity_id)
    parts = []
    for etype in ENTITY_TYPES:
        ids = grouped.get(etype.name)
        if not ids or etype.name in skip:
            continue
        ordered = sorted(ids, key=lambda i: ctx.title(etype.name, i).casefold())
        parts.append(f"- **{etype.plural}** : " + ctx.links(etype.name, ordered))
    if not parts:
        return "## Cité dans\n\n*Aucune autre fiche ne renvoie encore à celle-ci.*\n"
    return "## Cité dans\n\n" + "\n".join(parts) + "\n"


SITE_TITLE = "Le partenariat dans le travail social"
EDITORIAL_BODY = "Équipe éditoriale"  # mkdocs.yml: site_author

# Filled in by site.js (the page's own address, today's date); readable without JavaScript.
PAGE_URL = '<span class="pkb-cite-url">adresse de cette page</span>'
CONSULTED = '(consulté le <span class="pkb-cite-date">date de consultation</span>)'


def page_citation(title: str, reviewed: dt.date) -> str:
    """ISO 690 reference of a page: editorial body, title, site, year, address, consultation date."""
    return (f"{EDITORIAL_BODY.upper()}. « {title} ». In : *{SITE_TITLE}* [en ligne]. {reviewed.year}. "
            f"Dernière relecture le {fr_date(reviewed)}. Disponible sur : {PAGE_URL} {CONSULTED}.")


def cite_block(title: str, reviewed: dt.date) -> str:
    """« Citer cette page », closed, with a copy button that site.js shows."""
    return ('??? quote "Citer cette page"\n\n'
            f'    <p class="pkb-cite" markdown>{page_citation(title, reviewed)}</p>\n\n'
            '    <button type="button" class="md-button pkb-cite-copy" hidden>Copier la référence</button>\n')


def provenance_section(ctx: Context, entity: BaseModel, cite: bool = True) -> str:
    """Where the facts were checked, what comes from elsewhere, last review, how to cite
    (unless the page shows its citation near the top)."""
    out = "---\n\n*Informations vérifiées dans* : " + ctx.links("source", entity.attested_in, "; ") + ".\n"
    if entity.outside_seeds:
        out += '\n!!! info "Hors des documents sources"\n\n' + indent(ctx.text(entity.outside_seeds)) + "\n"
    out += f"\n*Dernière relecture* : {fr_date(entity.reviewed)}.\n"
    if not cite:
        return out
    etype = next(t for t in ENTITY_TYPES if isinstance(entity, t.model))
    return out + "\n" + cite_block(entity_title(etype.name, entity), entity.reviewed)


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")


def blocks(text: str) -> str:
    """Markdown blocks from data text. In a folded YAML value (`>-`) a line break is what is
    left of a blank line: the editor's new paragraph or list item. Markdown would run them
    into one paragraph (« … ; - une méthode … »), so paragraphs get a blank line between
    them and consecutive list items stay together as one list."""
    out: list[str] = []
    previous_item = False
    for line in (x.rstrip() for x in text.strip().split("\n")):
        if not line.strip():
            continue
        item = bool(LIST_ITEM.match(line))
        out.append(("\n" if item and previous_item else "\n\n") + line if out else line)
        previous_item = item
    return "".join(out)


def quote_block(text: str) -> str:
    """A quotation of several paragraphs (a law's alineas: « 1° … », « 2° … ») as a blockquote
    whose paragraphs stay apart."""
    return "\n".join("> " + line if line.strip() else ">" for line in blocks(text).splitlines())


def anchor_of(code: str) -> str:
    """Stable anchor for a code such as 'C4.1' → 'c4-1'."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def filterable(table: str, label: str) -> str:
    """A table that site.js equips with a search-as-you-type filter (accent-insensitive).
    Without JavaScript it is a plain table."""
    return f'<div class="pkb-filter" data-label="{label}" markdown>\n\n{table}\n\n</div>\n'
