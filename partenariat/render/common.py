"""Shared pieces of the Markdown renderers: links between pages, French dates, text links.

Every generated page lives one folder deep (`<url>/<id>.md`, `<url>/index.md`), so a link
to another entity is always `../<url>/<id>.md`, which MkDocs checks in strict mode.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from typing import Any

import yaml

from partenariat.data.entities import ENTITY_TYPES
from partenariat.data.models import Entity
from partenariat.data.refs import TEXT_LINK
from partenariat.derive.core import (
    SITE_TITLE,
    Context,
    blocks,
    entity_title,
    escape_label,
    fr_date,
    html_text,
    sort_key,
)
from partenariat.derive.mdtext import md_inline, web_link

__all__ = ["SITE_TITLE", "Context", "blocks", "entity_title", "escape_label", "fr_date", "md_inline", "web_link"]


# A pipe not escaped yet: preceded by an even number of backslashes (data text escaped by
# `md_inline` already has `\|`; its own backslashes are doubled).
_BARE_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def html_line(text: str) -> str:
    """Data text inside raw HTML that Markdown does not parse (SVG labels, a `<p>` without
    `markdown`): HTML-escaped, and on one line, so no line of it can start a fenced block
    (pymdownx.superfences finds fences before the HTML is parsed)."""
    return html.escape(" ".join(text.split()), quote=False).replace('"', "&quot;")  # attributes are double-quoted


def cell(text: str) -> str:
    """Markdown safe inside a table cell: one line, every pipe escaped (once)."""
    return _BARE_PIPE.sub(r"\1\\|", " ".join(text.split()))


def front_matter(title: str, description: str | None = None, search_exclude: bool = False) -> str:
    """A generated page's front matter, written by the YAML emitter (never by formatting
    strings), so whatever a value holds it stays one value. Title and description are HTML
    for the theme (see `html_text`). The MkDocs build never hands a generated page to
    mkdocs-macros (hooks/corpus.py gives its Markdown after the plugin ran); `render_macros:
    false` tells another generator reading `python -m partenariat render` the same."""
    meta: dict[str, Any] = {"render_macros": False, "title": html_text(" ".join(title.split()))}
    if description:
        meta["description"] = html_text(first_sentence(description))
    if search_exclude:
        meta["search"] = {"exclude": True}
    return "---\n" + yaml.dump(meta, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False, width=1 << 30) + "---\n\n"


class _QuotingDumper(yaml.SafeDumper):
    """The safe emitter, every text value double-quoted (escapes included): one line per value;
    the keys, ours, stay plain."""

    def represent_dict(self, data: Any) -> yaml.MappingNode:
        return yaml.MappingNode("tag:yaml.org,2002:map", [
            (yaml.ScalarNode("tag:yaml.org,2002:str", str(key)), self.represent_data(value))
            for key, value in data.items()], flow_style=False)

    def represent_str(self, data: str) -> yaml.ScalarNode:
        return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')


_QuotingDumper.add_representer(dict, _QuotingDumper.represent_dict)
_QuotingDumper.add_representer(str, _QuotingDumper.represent_str)


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a page written with `front_matter` (the emitter writes no
    line `---` inside it); a page without one is all body."""
    if not markdown.startswith("---\n"):
        return {}, markdown
    end = markdown.find("\n---\n", 3)
    meta = yaml.safe_load(markdown[4:end + 1]) if end != -1 else None
    if not isinstance(meta, dict):
        return {}, markdown
    return meta, markdown[end + 5:].lstrip("\n")


def first_sentence(text: str) -> str:
    plain = TEXT_LINK.sub(lambda m: (m.group(3) or m.group(2)).strip(), text)  # a link reads as its label, else its id
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
        ordered = sorted(ids, key=lambda i: sort_key(ctx.title(etype.name, i)))
        parts.append(f"- **{etype.plural}** : " + ctx.links(etype.name, ordered))
    if not parts:
        return "## Cité dans\n\n*Aucune autre fiche ne renvoie encore à celle-ci.*\n"
    return "## Cité dans\n\n" + "\n".join(parts) + "\n"


EDITORIAL_BODY = "Équipe éditoriale"  # mkdocs.yml: site_author

# Filled in by site.js (today's date); readable without JavaScript.
CONSULTED = '(consulté le <span class="pkb-cite-date">date de consultation</span>)'


def where_to_find(path: str, address: str | None) -> str:
    """The page's published address; without one (local build, offline copy), where the page
    sits in the site — never a local or file:// address."""
    return f"<{address}>" if address else f"l'adresse du site suivie de `{path}`"


def page_citation(title: str, reviewed: dt.date, path: str, address: str | None = None, edition: str = "") -> str:
    """ISO 690 reference of a page: editorial body, title, site, year, edition, address,
    consultation date."""
    return (f"{EDITORIAL_BODY.upper()}. « {md_inline(title)} ». In : *{SITE_TITLE}* [en ligne]. {reviewed.year}. "
            f"{edition + '. ' if edition else ''}Dernière relecture le {fr_date(reviewed)}. "
            f"Disponible sur : {where_to_find(path, address)} {CONSULTED}.")


def cite_block(title: str, reviewed: dt.date, path: str, address: str | None = None, edition: str = "") -> str:
    """« Citer cette page », closed, with a copy button that site.js shows."""
    return ('??? quote "Citer cette page"\n\n'
            f'    <p class="pkb-cite" markdown>{page_citation(title, reviewed, path, address, edition)}</p>\n\n'
            '    <button type="button" class="md-button pkb-cite-copy" hidden>Copier la référence</button>\n')


def provenance_section(ctx: Context, entity: Entity, cite: bool = True) -> str:
    """Where the facts were checked, what comes from elsewhere, last review, how to cite
    (unless the page shows its citation near the top)."""
    out = "---\n"  # an acronym met in none of the sources has no line here: the box below says so
    if entity.attested_in:
        out += "\n*Informations vérifiées dans* : " + ctx.links("source", entity.attested_in, "; ") + ".\n"
    if entity.outside_seeds:
        out += '\n!!! info "Hors des documents sources"\n\n' + indent(ctx.text(entity.outside_seeds)) + "\n"
    out += f"\n*Dernière relecture* : {fr_date(entity.reviewed)}.\n"
    if not cite:
        return out
    etype = next(t for t in ENTITY_TYPES if isinstance(entity, t.model))
    return out + "\n" + entity_cite_block(ctx, etype.name, entity)


def entity_cite_block(ctx: Context, type_name: str, entity: Entity) -> str:
    """« Citer cette page » of an entity page, with its address and the build's edition."""
    path = ctx.addresses.url(type_name, entity.id)
    edition = ctx.edition.label if ctx.edition else ""
    return cite_block(entity_title(type_name, entity), entity.reviewed, path, ctx.addresses.absolute(path), edition)


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


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
