"""The fields of a data file as a table, from the models and their French help (contributor guide)."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from partenariat.data.fieldhelp import help_for
from partenariat.data.refs import inner_model
from partenariat.render.common import cell


def _allowed(annotation: object) -> str:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return ", ".join(f"`{v}`" for v in typing.get_args(arg))
    return ""


def _rows(model: type[BaseModel], prefix: str = "") -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        required = "oui" if info.is_required() else ""
        help_text = help_for(model.__name__, name) or ""
        rows.append(f"| `{prefix}{name}` | {required} | {cell(help_text)} | {_allowed(info.annotation)} |")
        nested = inner_model(info.annotation)
        if nested is not None and nested is not model:
            rows += _rows(nested, f"{prefix}{name}[]." if typing.get_origin(info.annotation) is list else f"{prefix}{name}.")
    return rows


def fields_table(model: type[BaseModel]) -> str:
    head = ["| Champ | Obligatoire | À quoi il sert | Valeurs permises |", "| --- | --- | --- | --- |"]
    return "\n".join(head + _rows(model)) + "\n"
