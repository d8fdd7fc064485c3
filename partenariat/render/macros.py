"""Functions offered to hand-written pages in docs/ as mkdocs-macros macros.

They return Markdown; links are absolute from the docs root (`/concepts/reseau.md`),
which MkDocs resolves and checks (`validation.links.absolute_links: relative_to_docs`).
A bad argument is recorded in ``errors`` (and renders nothing) rather than raised:
mkdocs-macros would print a traceback. `check` finds every call in docs/ and reports it at
its file and line (partenariat/checks/docs.py); the hook's record is the last wall.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass

from partenariat.base.folding import slugify
from partenariat.base.messages import UNKNOWN_CODE, Msg, msg
from partenariat.base.problems import did_you_mean
from partenariat.data.entities import BY_NAME
from partenariat.derive.core import escape_label
from partenariat.export.bundles import bundles
from partenariat.render.common import Context
from partenariat.render.compare import compare_table, continuum_svg, definitions_grid
from partenariat.render.concept import collapsible
from partenariat.render.fields import fields_table

# Macros registered by the generator glue (hooks/corpus.py), with no argument.
GLUE_MACROS = ("copie_hors_ligne",)


class MacroError(ValueError):
    """A macro called with a bad value: the message, and a hint, from the catalogue."""

    def __init__(self, message: Msg, hint: Msg | None = None) -> None:
        super().__init__(message.text("en"))
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class MacroCallError:
    """A recorded bad call: which macro, what is wrong, how to fix it."""

    macro: str
    message: Msg
    hint: Msg | None = None


def _check(ctx: Context, type_name: str, entity_id: str | None = None) -> None:
    if type_name not in BY_NAME:
        hint = did_you_mean(type_name, BY_NAME) or msg("types", types=", ".join(BY_NAME))
        raise MacroError(msg("macro-unknown-type", type=type_name), hint)
    if entity_id is not None and entity_id not in ctx.corpus.records[type_name]:
        raise MacroError(msg(UNKNOWN_CODE[type_name], id=entity_id), did_you_mean(entity_id, ctx.corpus.records[type_name]))


def _given(args: tuple[object, ...], kwargs: dict[str, object]) -> str:
    return ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]) or "()"


def _parameters(signature: inspect.Signature) -> str:
    """`(type_name, entity_id, label=None)`: what a page writer needs, without type hints."""
    parts = []
    for p in signature.parameters.values():
        name = f"*{p.name}" if p.kind is p.VAR_POSITIONAL else p.name
        parts.append(name if p.default is p.empty else f"{name}={p.default!r}")
    return f"({', '.join(parts)})"


def _recording(errors: list[MacroCallError], func: Callable[..., str | int]) -> Callable[..., str | int]:
    """A call with the wrong arguments (count, names) or a bad value is recorded for the
    hook to report at the calling page; an error inside the macro itself is a bug of ours
    and is left to surface as one."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> str | int:
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            shown = _parameters(signature)
            errors.append(MacroCallError(func.__name__, msg("macro-arguments", name=func.__name__,
                                                            given=_given(args, kwargs), signature=shown)))
            return ""
        try:
            return func(*args, **kwargs)
        except MacroError as exc:
            errors.append(MacroCallError(func.__name__, exc.message, exc.hint))
            return ""

    return wrapper


def _folded(title: str, body: str) -> str:
    return collapsible(title, slugify(title), body) if title else body


def make_macros(corpus_ctx: Context, errors: list[MacroCallError]) -> dict[str, Callable[..., str | int]]:
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
            raise MacroError(msg("macro-too-few-concepts", n=least) if least > 1 else msg("macro-no-concept"))
        for concept_id in ids:
            _check(ctx, "concept", concept_id)
        if len(set(ids)) != len(ids):
            raise MacroError(msg("macro-same-concept"))

    def compare(*ids: str, titre: str = "") -> str:
        """Comparison table, e.g. {{ compare("partenariat", "reseau") }}; with ``titre``, a closed
        section under that heading (one tap away on a phone, like the concept pages' sections)."""
        _concepts(ids, 2)
        return _folded(titre, compare_table(ctx, ids))

    def definitions(*ids: str, titre: str = "") -> str:
        """The attributed definitions of the concepts, side by side (``titre``: as for compare)."""
        _concepts(ids, 1)
        return _folded(titre, definitions_grid(ctx, ids))

    def continuum(axis: str = "continuum-information-fusion", page_path: str = "index.md") -> str:
        """The authors' scales along an axis concept (« de l'information à la fusion ») as inline SVG;
        ``page_path`` is the docs-relative path of the calling page (links inside SVG are raw HTML)."""
        _check(ctx, "concept", axis)
        svg = continuum_svg(ctx, axis, page_path)
        if not svg:
            raise MacroError(msg("macro-no-continuum", axis=axis))
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

    def telechargements() -> str:
        """The zip bundles of the exports (partenariat.export.bundles), as a table for « Formateurs »."""
        rows = ["| Archive | Contenu |", "| --- | --- |"]
        for bundle in bundles(ctx.corpus):
            name = bundle.path.rsplit("/", 1)[1]
            rows.append(f"| [{name}](/{bundle.path}) | {escape_label(bundle.label)} |")
        return "\n".join(rows) + "\n"

    return {f.__name__: _recording(errors, f)
            for f in (nombre, lien, compare, definitions, continuum, champs, exemple, telechargements)}
