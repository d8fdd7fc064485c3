"""Turn pydantic errors and broken references into `file:line: field: message (hint)` problems."""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel, ValidationError

from .problems import Problem, did_you_mean
from .refs import Edge, PathKey, format_path, inner_model
from .yamlfile import YamlDoc


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that holds the last element of ``loc``."""
    current: object = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _allowed(expected: str) -> list[str]:
    """pydantic's "'a', 'b' or 'c'" → ['a', 'b', 'c']."""
    return [a.strip(" '") for a in re.split(r",| or ", expected)]


def model_problems(exc: ValidationError, model: type[BaseModel], doc: YamlDoc, file: str) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        value = err.get("input")
        field = format_path(loc)
        hint = None
        message = err["msg"].removeprefix("Value error, ")
        if kind == "missing":
            message = "required field is missing"
            line = doc.line_of(loc[:-1])
        else:
            line = doc.line_of(loc)
        if value is None and kind != "missing":
            message = "has no value"
            hint = f"write it after '{loc[-1]}:'"
            if kind == "literal_error":
                hint += "; allowed: " + ", ".join(_allowed(err["ctx"]["expected"]))
        elif kind == "extra_forbidden":
            message = f"unknown field '{loc[-1]}'"
            holder = _model_at(model, loc)
            if holder is not None:
                hint = did_you_mean(str(loc[-1]), holder.model_fields) or (
                    "allowed fields: " + ", ".join(holder.model_fields)
                )
        elif kind == "literal_error":
            allowed = _allowed(err["ctx"]["expected"])
            message = f"'{value}' is not an allowed value"
            hint = did_you_mean(str(value), allowed) or "allowed: " + ", ".join(allowed)
        elif kind == "string_pattern_mismatch":
            message = f"'{value}' is not a valid id"
            hint = f"ids are lowercase ASCII words joined by hyphens, e.g. '{slugify(str(value))}'"
        elif kind.startswith("date"):
            message = f"'{value}' is not a valid date"
            hint = "write an existing date as YYYY-MM-DD, e.g. 2002-01-02"
        elif kind == "string_too_short":
            message = "must not be empty"
        elif kind == "too_short":
            message = "must hold at least one item"
        problems.append(Problem(file, line, field, message, hint))
    return problems


def reference_problem(edge: Edge, known: dict[str, set[str]], labels: dict[str, str], doc: YamlDoc,
                      file: str) -> Problem | None:
    line = doc.line_of(edge.path)
    field = format_path(edge.path)
    if edge.target_type not in known:
        hint = did_you_mean(edge.target_type, known) or "types: " + ", ".join(known)
        return Problem(file, line, field, f"unknown link type '{edge.target_type}' in [[...]]", hint)
    if edge.target_id in known[edge.target_type]:
        is_self = edge.target_type == edge.source_type and edge.target_id == edge.source_id
        if is_self and not edge.in_text and edge.path[0] != "attested_in":  # a seed attests itself
            return Problem(file, line, field, f"'{edge.target_id}' refers to itself", "remove this reference")
        return None
    label = labels[edge.target_type]
    hint = did_you_mean(edge.target_id, known[edge.target_type])
    if hint is None:
        hint = f"no {label} file named '{edge.target_id}.yaml'"
    return Problem(file, line, field, f"unknown {label} '{edge.target_id}'", hint)


def part_of_cycles(parents: dict[str, str | None]) -> list[list[str]]:
    """Cycles in a child → parent map (e.g. source.part_of)."""
    cycles, seen = [], set()
    for start in parents:
        chain, node = [], start
        while node is not None and node not in seen and node not in chain:
            chain.append(node)
            node = parents.get(node)
        if node is not None and node in chain and chain.index(node) < len(chain) - 1:
            cycles.append(chain[chain.index(node):])  # a work part of itself is reported as a self-reference
        seen.update(chain)
    return cycles
