"""JSON Schemas: generated from the models, committed, and every real data file valid against them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from conftest import REPO
from partenariat.data.entities import ENTITY_TYPES
from partenariat.data.schemas import SCHEMA_DIR, modeline, render_schemas, schema_file


def test_committed_schemas_are_those_of_the_models() -> None:
    for name, text in render_schemas().items():
        committed = REPO / SCHEMA_DIR / name
        assert committed.is_file(), f"missing {committed}: run python -m partenariat schemas"
        assert committed.read_text("utf-8") == text, f"{name} is stale: run python -m partenariat schemas"


def as_editor_sees(path: Path) -> object:
    """The file as an editor's YAML 1.2 tool reads it (VS Code's YAML extension): `2010` is a
    number, `on` is text, a date is written as its ISO text."""
    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    return plain(YAML(typ="safe", pure=True).load(path.read_text("utf-8")))


@pytest.mark.parametrize("etype", ENTITY_TYPES, ids=[t.name for t in ENTITY_TYPES])
def test_every_data_file_is_valid_against_its_schema(etype) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads((REPO / SCHEMA_DIR / schema_file(etype)).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    files = sorted((REPO / etype.folder).glob("*.yaml"))
    assert files
    for path in files:
        assert path.read_text("utf-8").splitlines()[0] == modeline(etype), f"{path.name}: schema line missing"
        errors = [e.message for e in validator.iter_errors(as_editor_sees(path))]
        assert errors == [], f"{etype.folder}/{path.name}: {errors}"


def test_schema_rejects_what_the_models_reject(tmp_path: Path) -> None:
    schema = json.loads((REPO / SCHEMA_DIR / "concept.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    good = {"id": "x", "term": "X", "family": "formes-travail-commun", "summary": "Résumé.",
            "attested_in": ["a"], "reviewed": "2026-11-23"}
    assert list(validator.iter_errors(good)) == []
    bad = {**good, "sumary": "typo", "family": "inconnue", "id": "Pas Un Id"}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "sumary" in messages and "inconnue" in messages and "Pas Un Id" in messages
