"""Functions offered to hand-written pages in docs/ as mkdocs-macros macros.

They return Markdown; links are absolute from the docs root (`/concepts/reseau.md`),
which MkDocs resolves and checks (`validation.links.absolute_links: relative_to_docs`).
A bad argument is recorded in ``errors`` (and renders nothing) rather than raised:
mkdocs-macros would print a traceback; the hook turns the record into a located build
error instead.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable

from partenariat.base.problems import did_you_mean
from partenariat.data.entities import BY_NAME
from partenariat.derive.core import escape_label
from partenariat.render.common import Context
from partenariat.render.compare import compare_table, continuum_svg, definitions_grid
from partenariat.render.fields import fields_table


class MacroError(ValueError):
    pass


def _check(ctx: Context, type_name: str, entity_id: str | None = None) -> None:
    if type_name not in BY_NAME:
        hint = did_you_mean(type_name, BY_NAME) or "types: " + ", ".join(BY_NAME)
        raise MacroError(f"unknown entity type '{type_name}' ({hint})")
    if entity_id is not None and entity_id not in ctx.corpus.records[type_name]:
        hint = did_you_mean(entity_id, ctx.corpus.records[type_name]) or "no such id"
        raise MacroError(f"unknown {type_name} '{entity_id}' ({hint})")


def _recording(errors: list[str], func: Callable[..., str | int]) -> Callable[..., str | int]:
    """A call with the wrong arguments (count, names) or a bad value is recorded for the
    hook to report at the calling page; an error inside the macro itself is a bug of ours
    and is left to surface as one."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> str | int:
        call = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        try:
            signature.bind(*args, **kwargs)
        except TypeError as exc:
            errors.append(f"{func.__name__}({call}): {exc}")
            return ""
        try:
            return func(*args, **kwargs)
        except MacroError as exc:
            errors.append(f"{func.__name__}({call}): {exc}")
            return ""

    return wrapper


def make_macros(corpus_ctx: Context, errors: list[str]) -> dict[str, Callable[..., str | int]]:
    ctx = corpus_ctx.with_prefix("/")

    def nombre(type_name: str) -> int:
        """Number of entries of a type, e.g. {{ nombre("concept") }}."""
        _check(ctx, type_name)
        return len(ctx.corpus.records[type_name])

    def lien(type_name: str, entity_id: str, label: str | None = None) -> str:
        """Link to an entity page, e.g. {{ lien("concept", "reseau") }}."""
        _check(ctx, type_name, entity_id)
        text = label or ctx.title(type_name, entity_id)
        return f"[{escape_label(text)}]({ctx.addresses.md_link(type_name, entity_id, prefix='/')})"

    def _concepts(ids: tuple[str, ...], least: int) -> None:
        if len(ids) < least:
            raise MacroError(f"give at least {least} concept id{'s' if least > 1 else ''}")
        for concept_id in ids:
            _check(ctx, "concept", concept_id)
        if len(set(ids)) != len(ids):
            raise MacroError("the same concept is given twice")

    def compare(*ids: str) -> str:
        """Comparison table, e.g. {{ compare("partenariat", "reseau") }}."""
        _concepts(ids, 2)
        return compare_table(ctx, ids)

    def definitions(*ids: str) -> str:
        """The attributed definitions of the concepts, side by side."""
        _concepts(ids, 1)
        return definitions_grid(ctx, ids)

    def continuum(axis: str = "continuum-information-fusion", page_path: str = "index.md") -> str:
        """The authors' scales along an axis concept (« de l'information à la fusion ») as inline SVG;
        ``page_path`` is the docs-relative path of the calling page (links inside SVG are raw HTML)."""
        _check(ctx, "concept", axis)
        svg = continuum_svg(ctx, axis, page_path)
        if not svg:
            raise MacroError(f"no concept is an 'etape-de' '{axis}' with 'precede' relations")
        return svg

    def champs(type_name: str) -> str:
        """Table of the fields of a data file, with the French help, for the contributor guide."""
        _check(ctx, type_name)
        return fields_table(BY_NAME[type_name].model)

    def exemple(type_name: str, entity_id: str) -> str:
        """A real data file shown as it is written, for the contributor guide."""
        _check(ctx, type_name, entity_id)
        path = ctx.corpus.root / BY_NAME[type_name].folder / f"{entity_id}.yaml"
        lines = path.read_text("utf-8").splitlines()
        body = "\n".join(line for line in lines if not line.startswith("# yaml-language-server"))
        # a fence longer than any run of backticks in the file: no line of it can close the block
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", body)), default=0))
        return f'{fence}yaml title="{BY_NAME[type_name].folder}/{entity_id}.yaml"\n{body}\n{fence}'

    return {f.__name__: _recording(errors, f)
            for f in (nombre, lien, compare, definitions, continuum, champs, exemple)}
