"""Functions offered to hand-written pages in docs/ as mkdocs-macros macros.

They return Markdown; links are absolute from the docs root (`/concepts/reseau.md`),
which MkDocs resolves and checks (`validation.links.absolute_links: relative_to_docs`).
Bad arguments raise `MacroError`, which fails the build with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable

from .entities import BY_NAME
from .problems import did_you_mean
from .render.common import Context


class MacroError(ValueError):
    pass


def _check(ctx: Context, type_name: str, entity_id: str | None = None) -> None:
    if type_name not in BY_NAME:
        hint = did_you_mean(type_name, BY_NAME) or "types: " + ", ".join(BY_NAME)
        raise MacroError(f"unknown entity type '{type_name}' ({hint})")
    if entity_id is not None and entity_id not in ctx.corpus.records[type_name]:
        hint = did_you_mean(entity_id, ctx.corpus.records[type_name]) or "no such id"
        raise MacroError(f"unknown {type_name} '{entity_id}' ({hint})")


def make_macros(ctx: Context) -> dict[str, Callable[..., str | int]]:
    def nombre(type_name: str) -> int:
        """Number of entries of a type, e.g. {{ nombre("concept") }}."""
        _check(ctx, type_name)
        return len(ctx.corpus.records[type_name])

    def lien(type_name: str, entity_id: str, label: str | None = None) -> str:
        """Link to an entity page, e.g. {{ lien("concept", "reseau") }}."""
        _check(ctx, type_name, entity_id)
        text = label or ctx.title(type_name, entity_id)
        return f"[{text}](/{BY_NAME[type_name].url}/{entity_id}.md)"

    return {"nombre": nombre, "lien": lien}
