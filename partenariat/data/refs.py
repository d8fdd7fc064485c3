"""Every reference held by an entity, found from the model types and from the text.

Two kinds of reference exist:
- id fields typed ``Ref("concept")`` etc. in `models.py`;
- links written in running text as ``[[concept:reseau]]`` or ``[[concept:reseau|le réseau]]``,
  and source notes ``[[note:SOURCE_ID|p. 12]]`` (a reference to a source, see `notes.py`).

One walker yields both as `Edge`s: the validator checks them, the index inverts them into
backlinks. Adding a reference field to a model needs no change here.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from partenariat.data.models import Entity, Ref
from partenariat.data.notes import NOTE_TYPE

# Neither part holds a bracket: a scan stops at the next one, so finding every link is linear
# in the text (a summary made of `[[a:` repeated once took minutes).
TEXT_LINK = re.compile(r"\[\[([a-z]+):([^\]\[|]*)(?:\|([^\]\[]*))?\]\]")

# A web address as a link in text may hold it: no space, quote, bracket, brace, backslash or
# pipe; parentheses only balanced one level deep (Wikipedia's « X_(y) »).
_URL_CHAR = r"[^\s()<>\"'`\\|\[\]{}]"
WEB_URL = rf"(?:https?://|mailto:)(?:{_URL_CHAR}|\({_URL_CHAR}*\))+"
# Every link a text value may write, found in one linear pass: [[type:id|label]] (groups 1-3),
# [text](web address) (groups text, url), <web address> (group bare). Anything else is text
# (derive/mdtext.py escapes it; checks/safetext.py explains why it is refused).
LINKS = re.compile(rf"{TEXT_LINK.pattern}|\[(?P<text>[^\]\[]*)\]\((?P<url>{WEB_URL})\)"
                   rf"|<(?P<bare>{WEB_URL})>")

PathKey = tuple[object, ...]


@dataclass(frozen=True)
class Edge:
    source_type: str
    source_id: str
    path: PathKey  # where in the source entity, e.g. ("related", 2, "concept")
    target_type: str
    target_id: str
    in_text: bool = False
    note: bool = False  # a source note [[note:…]] (target_type is "source")

    @property
    def field(self) -> str:
        return format_path(self.path)


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _ref_in(annotation: object) -> Ref | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta
    for arg in typing.get_args(annotation):
        found = _ref_in(arg)
        if found:
            return found
    return None


@cache
def _ref_fields(model: type[BaseModel]) -> dict[str, Ref]:
    out = {}
    for name, info in model.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, Ref)), None) or _ref_in(info.annotation)
        if ref:
            out[name] = ref
    return out


def _string_edges(entity_type: str, entity_id: str, value: str, path: PathKey, ref: Ref | None) -> Iterator[Edge]:
    if ref is not None:
        yield Edge(entity_type, entity_id, path, ref.target, value)
    else:
        for match in TEXT_LINK.finditer(value):
            if match.group(1) == NOTE_TYPE:
                yield Edge(entity_type, entity_id, path, "source", match.group(2).strip(), True, note=True)
            else:
                yield Edge(entity_type, entity_id, path, match.group(1), match.group(2).strip(), True)


def iter_edges(entity_type: str, entity: Entity) -> Iterator[Edge]:
    entity_id = entity.id

    def walk(value: object, path: PathKey, ref: Ref | None) -> Iterator[Edge]:
        if isinstance(value, BaseModel):
            refs = _ref_fields(type(value))
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), path + (name,), refs.get(name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, path + (i,), ref)
        elif isinstance(value, str):
            yield from _string_edges(entity_type, entity_id, value, path, ref)

    yield from walk(entity, (), None)


def inner_model(annotation: object) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[Definition]`` or ``Ref | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def iter_raw_edges(entity_type: str, model: type[BaseModel], data: dict[str, object]) -> Iterator[Edge]:
    """References found in the raw data of a file that failed validation, so that one run
    still reports its broken references alongside its other problems."""
    entity_id = str(data.get("id", ""))

    def walk(value: object, path: PathKey, holder: type[BaseModel] | None, ref: Ref | None) -> Iterator[Edge]:
        if isinstance(value, dict) and holder is not None:
            refs = _ref_fields(holder)
            for key, item in value.items():
                info = holder.model_fields.get(str(key))
                if info is not None:
                    yield from walk(item, path + (key,), inner_model(info.annotation), refs.get(str(key)))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, path + (i,), holder, ref)
        elif isinstance(value, str):
            yield from _string_edges(entity_type, entity_id, value, path, ref)

    yield from walk(data, (), model, None)
