"""« Nouveautés »: the entries added or revised during the last year, newest day first, with
a link to the Atom feed of the same changes (partenariat.export.feed)."""

from __future__ import annotations

from itertools import groupby

from partenariat.data.entities import ENTITY_TYPES
from partenariat.derive.addresses import NEWS_FEED
from partenariat.derive.changes import KIND_HEADINGS, NEW, REVIEWED, REVISED, Change, recent
from partenariat.derive.core import Context
from partenariat.render.common import fr_date, front_matter


def render_news(ctx: Context, changes: list[Change], history_complete: bool) -> str:
    """The page, at the site root (``ctx`` seen from there: links have no `../`)."""
    shown = recent(changes)
    out = [front_matter("Nouveautés", "Fiches ajoutées et révisées, les plus récentes d'abord."), "# Nouveautés\n"]
    intro = (f"Les fiches ajoutées ou révisées pendant l'année écoulée ({len(shown)}), les plus récentes "
             f"d'abord. Pour être prévenu, abonnez-vous au [fil Atom]({NEWS_FEED}) dans un lecteur de flux "
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
            lines.append(f"- *{etype.section}* : " + ctx.links(etype.name, ids))
    return "\n".join(lines)
