"""Turn pydantic errors and broken references into `file:line: field: message (hint)` problems."""

from __future__ import annotations

import re

from pydantic import BaseModel, ValidationError

from partenariat.base.folding import slugify
from partenariat.base.messages import UNKNOWN_CODE, Msg, msg
from partenariat.base.problems import Problem, did_you_mean
from partenariat.data.notes import NOTE_PLACES, NOTE_TYPE
from partenariat.data.refs import Edge, PathKey, format_path, inner_model
from partenariat.data.yamlfile import YamlDoc

__all__ = ["model_problems", "part_of_cycles", "reference_problem", "slugify"]


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


def _allowed(err: dict[str, object]) -> list[str]:
    """pydantic's "'a', 'b' or 'c'" → ['a', 'b', 'c']."""
    context = err.get("ctx")
    expected = str(context.get("expected", "")) if isinstance(context, dict) else ""
    return [a.strip(" '") for a in re.split(r",| or ", expected)]


# pydantic error types → catalogue codes (the rest are worded by `_pydantic_message`).
_TYPE_CODES = {"string_type": "not-text", "int_type": "not-integer", "int_parsing": "not-integer",
               "int_from_float": "not-integer", "list_type": "not-list", "dict_type": "not-mapping",
               "model_type": "not-mapping", "model_attributes_type": "not-mapping", "string_too_short": "empty-text",
               "too_short": "no-items", "bool_type": "not-boolean", "bool_parsing": "not-boolean",
               "float_type": "not-number", "float_parsing": "not-number", "url_type": "not-url",
               "url_parsing": "not-url", "url_scheme": "not-url"}


def _pydantic_message(err: dict[str, object]) -> Msg:
    kind = str(err["type"])
    text = str(err["msg"]).removeprefix("Value error, ")
    if kind in _TYPE_CODES:
        return msg(_TYPE_CODES[kind])
    raw_ctx = err.get("ctx")
    ctx: dict[str, object] = raw_ctx if isinstance(raw_ctx, dict) else {}
    error = ctx.get("error")
    if isinstance(error, ValueError) and error.args and isinstance(error.args[0], Msg):
        return error.args[0]  # a model validator's own message
    if kind == "greater_than_equal":
        return msg("too-small", limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return msg("too-large-value", limit=ctx.get("le"))
    if kind == "too_long":
        return msg("too-many-items", limit=ctx.get("max_length"))
    if kind == "string_too_long":
        return msg("string-too-long", limit=ctx.get("max_length"))
    return msg("invalid-value", detail=text)


# The fix shown after a model's own refusal (by message code), and after a missing field that
# needs more than « ajoutez-le » (by model and field).
_FIXES = {"role-date": "role-date-fix", "seed-lines": "seed-lines-fix", "listed-twice": "remove-duplicate"}
_MISSING_FIXES = {("Affiliation", "date"): "role-date-fix", ("NotionLink", "why"): "notion-link-fix",
                  ("NotionLink", "attested_in"): "notion-link-fix", ("NotionLink", "lines"): "notion-link-fix"}


def _error_problem(err: dict[str, object], model: type[BaseModel], doc: YamlDoc, file: str) -> Problem:
    raw_loc = err["loc"]
    loc: tuple[str | int, ...] = tuple(raw_loc) if isinstance(raw_loc, (list, tuple)) else ()
    kind = err["type"]
    value = err.get("input")
    line = doc.line_of(loc[:-1] if kind == "missing" else loc)
    hint: Msg | None = None
    if kind == "missing":
        message = msg("required")
        holder = _model_at(model, loc)
        key = (holder.__name__ if holder is not None else "", str(loc[-1]))
        hint = msg(_MISSING_FIXES[key]) if key in _MISSING_FIXES else None
    elif value is None:
        message = msg("no-value")
        if kind == "literal_error":
            hint = msg("write-after-allowed", key=loc[-1], values=", ".join(_allowed(err)))
        else:
            hint = msg("write-after", key=loc[-1])
    elif kind == "extra_forbidden":
        message = msg("unknown-field", name=loc[-1])
        holder = _model_at(model, loc)
        if holder is not None:
            hint = did_you_mean(str(loc[-1]), holder.model_fields) or msg(
                "allowed-fields", names=", ".join(holder.model_fields))
    elif kind == "literal_error":
        allowed = _allowed(err)
        message = msg("not-allowed-value", value=value)
        hint = did_you_mean(str(value), allowed) or msg("allowed-values", values=", ".join(allowed))
    elif kind == "string_pattern_mismatch":
        message = msg("invalid-id", value=value)
        hint = msg("id-example", example=slugify(str(value)))
    elif str(kind).startswith("date"):
        message = msg("invalid-date", value=value)
        hint = msg("date-example")
    else:
        message = _pydantic_message(err)
        if message.code in _FIXES:
            hint = msg(_FIXES[message.code])
    return Problem(file, line, format_path(loc), message, hint)


def model_problems(exc: ValidationError, model: type[BaseModel], doc: YamlDoc, file: str) -> list[Problem]:
    return [_error_problem(dict(err), model, doc, file) for err in exc.errors(include_url=False)]


def _link_line(edge: Edge, doc: YamlDoc) -> int:
    """The line of a reference: a link or a note inside a text is found where it is written."""
    if not edge.in_text:
        return doc.line_of(edge.path)
    written = NOTE_TYPE if edge.note else edge.target_type
    pattern = re.compile(r"\[\[" + re.escape(written) + r":\s*" + re.escape(edge.target_id) + r"\s*[\]|]")
    return doc.line_in(edge.path, pattern)[0]


def reference_problem(edge: Edge, known: dict[str, set[str]], labels: dict[str, str], doc: YamlDoc,
                      file: str) -> Problem | None:
    line = _link_line(edge, doc)
    field = format_path(edge.path)
    if edge.note and (edge.source_type, tuple(edge.path)) not in NOTE_PLACES:
        return Problem(file, line, field, msg("note-outside-summary"), msg("note-outside-summary-fix"))
    if edge.target_type not in known:
        hint = did_you_mean(edge.target_type, known) or msg("types", types=", ".join(known))
        return Problem(file, line, field, msg("unknown-link-type", type=edge.target_type), hint)
    if edge.target_id in known[edge.target_type]:
        is_self = edge.target_type == edge.source_type and edge.target_id == edge.source_id
        if is_self and not edge.in_text and edge.path[0] != "attested_in":  # a seed attests itself
            return Problem(file, line, field, msg("refers-to-itself", id=edge.target_id), msg("remove-reference"))
        return None
    hint = did_you_mean(edge.target_id, known[edge.target_type]) or msg(
        "no-file-named", label=labels[edge.target_type], id=edge.target_id)
    unknown = (msg("unknown-note-source", id=edge.target_id) if edge.note
               else msg(UNKNOWN_CODE[edge.target_type], id=edge.target_id))
    return Problem(file, line, field, unknown, hint)


def part_of_cycles(parents: dict[str, str | None]) -> list[list[str]]:
    """Cycles in a child → parent map (e.g. source.part_of)."""
    cycles: list[list[str]] = []
    seen: set[str] = set()
    for start in parents:
        chain: list[str] = []
        node: str | None = start
        while node is not None and node not in seen and node not in chain:
            chain.append(node)
            node = parents.get(node)
        if node is not None and node in chain and chain.index(node) < len(chain) - 1:
            cycles.append(chain[chain.index(node):])  # a work part of itself is reported as a self-reference
        seen.update(chain)
    return cycles
