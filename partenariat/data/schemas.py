"""JSON Schemas of the data files, generated from the models (never written by hand).

Committed in `schemas/` and referenced from the first line of every data file
(`# yaml-language-server: $schema=../schemas/<type>.schema.json`), so that an editor using
yaml-language-server (VS Code's YAML extension and others) completes field names and flags
mistakes while typing. A test keeps the committed files equal to what the models produce.
"""

from __future__ import annotations

import json
from pathlib import Path

from partenariat.data.entities import ENTITY_TYPES, EntityType
from partenariat.data.fieldhelp import help_for

SCHEMA_DIR = "schemas"


def schema_file(etype: EntityType) -> str:
    return f"{etype.name}.schema.json"


def modeline(etype: EntityType) -> str:
    """First line of a data file: tells yaml-language-server which schema applies."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{schema_file(etype)}"


def _describe(properties: dict[str, dict[str, object]], model_name: str) -> None:
    """French help on every property (shown on hover), allowed values spelled out."""
    for name, prop in properties.items():
        text = help_for(model_name, name)
        if text:
            prop["description"] = text
        prop.pop("title", None)


def schema_for(etype: EntityType) -> dict[str, object]:
    schema = etype.model.model_json_schema()
    _describe(schema["properties"], etype.model.__name__)
    for def_name, definition in schema.get("$defs", {}).items():
        _describe(definition.get("properties", {}), def_name)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{etype.singular.capitalize()} — fichier du dossier {etype.folder}/",
        "description": f"Une entrée par fichier ; le nom du fichier est l'identifiant (id) et l'adresse "
                       f"de la page /{etype.url}/<id>/.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def render_schemas() -> dict[str, str]:
    """File name → JSON text, for every entity type."""
    return {schema_file(t): json.dumps(schema_for(t), ensure_ascii=False, indent=2) + "\n" for t in ENTITY_TYPES}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
