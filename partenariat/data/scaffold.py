"""`python -m partenariat new TYPE "Title"`: start a data file the right way.

The file gets its id (from the title, or --id), the schema line for the editor, every
required field (to fill in: `check` lists what is still empty) and the optional fields as
comments, each with its French help. An existing id is refused, and close entries are
pointed out so that nobody writes the same notion twice.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import typing
from pathlib import Path

from pydantic import BaseModel

from partenariat.base.folding import slugify
from partenariat.data.entities import BY_NAME, EntityType
from partenariat.data.fieldhelp import help_for
from partenariat.data.refs import inner_model
from partenariat.data.schemas import modeline
from partenariat.data.yamlfile import read_yaml


class ScaffoldError(Exception):
    pass


def default_id(etype: EntityType, title: str) -> str:
    if etype.name == "author" and len(title.split()) > 1:
        return slugify(title.split()[-1])  # persons: the family name, as the other author ids
    slug = slugify(title)
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0]
    return slug


def _choices(annotation: object) -> list[str]:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return [str(a) for a in typing.get_args(arg)]
    return []


def _is_list(annotation: object) -> bool:
    return typing.get_origin(annotation) is list or any(typing.get_origin(a) is list for a in typing.get_args(annotation))


def _comment(model: type[BaseModel], name: str, annotation: object, prefix: str) -> list[str]:
    lines = []
    text = help_for(model.__name__, name)
    if text:
        lines.append(f"{prefix}# {text}")
    values = _choices(annotation)
    if values:
        lines.append(f"{prefix}# Valeurs permises : " + ", ".join(values))
    return lines


def _fields(model: type[BaseModel], values: dict[str, str], indent: str = "", commented: bool = False) -> list[str]:
    required = sorted(((n, f) for n, f in model.model_fields.items() if f.is_required()),
                      key=lambda nf: nf[0] in ("attested_in", "reviewed"))  # provenance last
    optional = [(n, f) for n, f in model.model_fields.items() if not f.is_required()]
    lines: list[str] = []
    for name, info in required:
        lines += _comment(model, name, info.annotation, indent)
        mark = "# " if commented else ""
        nested = inner_model(info.annotation)
        if name in values:
            lines.append(f"{indent}{mark}{name}: {values[name]}")
        elif nested is not None:
            lines.append(f"{indent}{mark}{name}:")
            sub = _fields(nested, {}, indent + "  ", commented)
            lines += [s.replace(f"{indent}  {mark}", f"{indent}{mark}  - ", 1) if i == _first_field(sub) else s
                      for i, s in enumerate(sub)]
        else:
            lines.append(f"{indent}{mark}{name}:" + (" []" if _is_list(info.annotation) else ""))
    if optional and not commented:
        lines.append(f"{indent}# --- Champs facultatifs : retirez le # pour les utiliser ---")
    for name, info in optional:
        if commented:
            continue
        lines += _comment(model, name, info.annotation, indent)
        if name in values:
            lines.append(f"{indent}{name}: {values[name]}")
            continue
        nested = inner_model(info.annotation)
        lines.append(f"{indent}# {name}:" + (" []" if _is_list(info.annotation) and not nested else ""))
        if nested is not None:  # show the shape of one item
            keys = [n for n, f in nested.model_fields.items() if f.is_required()]
            lines += [f"{indent}#   {'- ' if i == 0 else '  '}{key}:" for i, key in enumerate(keys)]
    return lines


def _first_field(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))


def template(etype: EntityType, entry_id: str, title: str, today: dt.date) -> str:
    values = {"id": entry_id, etype.title_field: _yaml_scalar(title), "reviewed": today.isoformat()}
    if etype.name == "author" and len(title.split()) > 1:
        values["family"] = _yaml_scalar(title.split()[-1])
        values["given"] = _yaml_scalar(" ".join(title.split()[:-1]))
    head = [modeline(etype), f"# Nouvelle fiche « {title} ». Complétez les champs vides, puis lancez : make check"]
    return "\n".join(head + _fields(etype.model, values)) + "\n"


def _yaml_scalar(text: str) -> str:
    """Always a double-quoted scalar: what the editor typed stays text (« ON », « 1968 », « a: b »).
    A JSON string is a valid YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def new_entry(root: Path, type_name: str, title: str, entry_id: str | None = None,
              today: dt.date | None = None) -> Path:
    if type_name not in BY_NAME:
        close = difflib.get_close_matches(type_name, BY_NAME, n=1)
        hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
        raise ScaffoldError(f"type inconnu « {type_name} »{hint} ; types : " + ", ".join(BY_NAME))
    etype = BY_NAME[type_name]
    entry_id = entry_id or default_id(etype, title)
    if not entry_id or entry_id != slugify(entry_id):
        raise ScaffoldError(f"identifiant invalide « {entry_id} » : minuscules sans accents et tirets, "
                            f"par exemple « {slugify(entry_id or title)} »")
    folder = root / etype.folder
    path = folder / f"{entry_id}.yaml"
    if path.exists():
        doc, _ = read_yaml(path, path.name)
        existing = doc.data.get(etype.title_field) if doc else None
        named = f" (« {existing} »)" if existing else ""
        raise ScaffoldError(f"{etype.folder}/{entry_id}.yaml existe déjà{named} : modifiez cette fiche, "
                            f"ou choisissez un autre identifiant avec --id")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(template(etype, entry_id, title, today or dt.date.today()), encoding="utf-8")
    return path


def similar_entries(root: Path, type_name: str, entry_id: str) -> list[str]:
    """Existing ids close to a new one: perhaps the same notion under another spelling."""
    existing = [p.stem for p in (root / BY_NAME[type_name].folder).glob("*.yaml") if p.stem != entry_id]
    return difflib.get_close_matches(entry_id, existing, n=1, cutoff=0.8)
