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
from partenariat.data.models import Entity, Source
from partenariat.data.notes import sentences, strip_notes
from partenariat.data.refs import TEXT_LINK
from partenariat.derive.core import (
    SITE_TITLE,
    Context,
    author_name,
    blocks,
    entity_title,
    escape_label,
    fr_date,
    html_attribute_text,
    sort_key,
)
from partenariat.derive.mdtext import md_inline, web_link
from partenariat.derive.publisher import site_publisher

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
    for the theme (see `html_attribute_text`). The MkDocs build never hands a generated page to
    mkdocs-macros (hooks/corpus.py gives its Markdown after the plugin ran); `render_macros:
    false` tells another generator reading `python -m partenariat render` the same."""
    meta: dict[str, Any] = {"render_macros": False, "title": html_attribute_text(" ".join(title.split()))}
    if description:
        meta["description"] = html_attribute_text(first_sentence(description))
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
    """The first sentence as plain text (links as their label, else their id; source notes
    dropped), cut where `notes.sentences` cuts (not after « J.-Y. » or « p. »)."""
    plain = TEXT_LINK.sub(lambda m: (m.group(3) or m.group(2)).strip(), strip_notes(text))
    plain = " ".join(plain.split())
    first = sentences(plain)
    return (first[0].text if first else plain)[:300]


def cited_by_section(ctx: Context, type_name: str, entity_id: str, skip: Iterable[str] = ()) -> str:
    """« Cité dans »: every entity that refers to this one, grouped by type."""
    grouped = ctx.index.cited_by(type_name, entity_id)
    parts = []
    for etype in ENTITY_TYPES:
        ids = grouped.get(etype.name)
        if not ids or etype.name in skip:
            continue
        ordered = sorted(ids, key=lambda i: sort_key(ctx.title(etype.name, i)))
        parts.append(f"- **{etype.section}** : " + ctx.links(etype.name, ordered))
    if not parts:
        return "## Cité dans\n\n*Aucune autre fiche ne renvoie encore à celle-ci.*\n"
    return "## Cité dans\n\n" + "\n".join(parts) + "\n"


# Filled in by site.js (today's date); readable without JavaScript.
CONSULTED = '(consulté le <span class="pkb-cite-date">date de consultation</span>)'


UNPUBLISHED = "adresse de publication non configurée"


def where_to_find(path: str, address: str | None) -> str:
    """The page's published address; without one (local build, offline copy) the reference says
    so plainly and names the page's place in the site — never a local or file:// address."""
    return f"<{address}>" if address else f"{UNPUBLISHED} (page {path} du site)"


def page_citation(title: str, reviewed: dt.date, path: str, address: str | None = None, edition: str = "",
                  publisher: str | None = None, quoted: bool = True) -> str:
    """ISO 690 reference of a page: the body that publishes the site (mkdocs.yml
    ``extra.publisher``; without one the reference begins with the title), the title (in « »
    unless it is a description of the page, ``quoted=False``), site, year, edition, address,
    consultation date."""
    lead = f"{publisher.upper()}. " if publisher else ""
    shown = f"« {md_inline(title)} »" if quoted else md_inline(title)
    return (f"{lead}{shown}. In : *{SITE_TITLE}* [en ligne]. {reviewed.year}. "
            f"{edition + '. ' if edition else ''}Dernière relecture le {fr_date(reviewed)}. "
            f"Disponible sur : {where_to_find(path, address)} {CONSULTED}.")


def site_host(publisher: str | None) -> str:
    """The site as the host of a cited passage: « In : PUBLISHER. *Site* [en ligne] »."""
    return f"In : {publisher.upper() + '. ' if publisher else ''}*{SITE_TITLE}* [en ligne]"


def cite_block(title: str, reviewed: dt.date, path: str, address: str | None = None, edition: str = "",
               publisher: str | None = None, quoted: bool = True) -> str:
    """« Citer cette page », closed, with a copy button that site.js shows."""
    citation = page_citation(title, reviewed, path, address, edition, publisher, quoted)
    return ('??? quote "Citer cette page"\n\n'
            f'    <p class="pkb-cite" markdown>{citation}</p>\n\n'
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
    """« Citer cette page » of an entity page, with its address and the build's edition. The page
    of a work whose title the sources do not give is cited as what it is (« Fiche
    bibliographique d'un travail sans titre connu : … »), never with a placeholder as its title."""
    path = ctx.addresses.url(type_name, entity.id)
    edition = ctx.edition.label if ctx.edition else ""
    untitled = untitled_page_title(ctx, type_name, entity)
    title = untitled or entity_title(type_name, entity)
    return cite_block(title, entity.reviewed, path, ctx.addresses.absolute(path), edition,
                      site_publisher(ctx.corpus.root), quoted=untitled is None)


def untitled_page_title(ctx: Context, type_name: str, entity: Entity) -> str | None:
    """How « Citer cette page » names the page of a source the sources give no title: a
    description of the page built from its authors and year, or None for a titled entry."""
    if not isinstance(entity, Source) or entity.title:
        return None
    if entity.authors:
        who = " et ".join(author_name(ctx.corpus, a) for a in entity.authors)
        year = f" ({entity.year})" if entity.year else ""
        return f"Fiche bibliographique d'un travail de {who}{year}, sans titre connu"
    return f"Fiche bibliographique d'un document sans titre ni auteur connus, désigné « {entity.cited_as} »"


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def quote_block(text: str) -> str:
    """A quotation of several paragraphs (a law's alineas: « 1° … », « 2° … ») as a blockquote
    whose paragraphs stay apart."""
    return "\n".join("> " + line if line.strip() else ">" for line in blocks(text).splitlines())


def anchor_of(code: str) -> str:
    """Stable anchor for a code such as 'C4.1' → 'c4-1'."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def escape_attribute(value: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(value, quote=True)


def filterable(table: str, label: str, hint: str = "") -> str:
    """A table that site.js equips with a search-as-you-type filter (accent-insensitive).
    Without JavaScript it is a plain table, and the invitation to type (``hint``), written
    by the script above its box, is absent too."""
    hint_attribute = f' data-hint="{escape_attribute(hint)}"' if hint else ""
    return f'<div class="pkb-filter" data-label="{escape_attribute(label)}"{hint_attribute} markdown>\n\n{table}\n\n</div>\n'
