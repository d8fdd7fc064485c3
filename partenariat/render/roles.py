"""A role, position or affiliation taken from a source, always dated and in the past:
« En 2010, selon *Le partenariat dans le travail social* : directeur, CEDIAS-Musée social ».

A role a source gives is true of the source's date, not of today: every page that shows one
(the author's page, a case naming the people it involves) goes through here, and the model
makes the date and the source required (`Affiliation`)."""

from __future__ import annotations

import datetime as dt

from partenariat.data.models import UNDATED_ROLE, Affiliation, Author
from partenariat.render.common import Context, fr_date, md_inline


def role_when(date: str) -> str:
    """« en 2010 », « le 28 juin 2017 », or that the source gives no date."""
    if date == UNDATED_ROLE:
        return "à une date que la source ne précise pas"
    if len(date) == 4:
        return f"en {date}"
    return f"le {fr_date(dt.date.fromisoformat(date))}"


def _lower_first(text: str) -> str:
    """« Directeur » → « directeur » inside a sentence; an acronym (« CNRS ») keeps its case."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def role_text(affiliation: Affiliation) -> str:
    """« directeur, CEDIAS-Musée social »."""
    role = _lower_first(affiliation.role)
    return md_inline(role) + (f", {md_inline(affiliation.organisation)}" if affiliation.organisation else "")


def dated_role(ctx: Context, affiliation: Affiliation) -> str:
    """« En 2010, selon [source] : directeur, CEDIAS-Musée social » (a sentence start)."""
    when = role_when(affiliation.date)
    return f"{when[0].upper()}{when[1:]}, selon {ctx.link('source', affiliation.source)} : {role_text(affiliation)}"


def person_with_roles(ctx: Context, author: Author) -> str:
    """A person named by a case, with their dated roles: « [Sandrine Pellenz](…) (en 2010, selon
    […] : responsable de …) »."""
    link = ctx.link("author", author.id, author.name)
    if not author.affiliations:
        return link
    roles = " ; ".join(f"{role_when(a.date)}, selon {ctx.link('source', a.source)} : {role_text(a)}"
                       for a in author.affiliations)
    return f"{link} ({roles})"
