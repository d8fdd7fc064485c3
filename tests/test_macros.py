"""Macros for hand-written pages: a bad call is reported at the page, a bug is not hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat.checks.load import load_corpus
from partenariat.derive.core import Context
from partenariat.derive.index import build_index
from partenariat.render.macros import MacroCallError, make_macros


def _macros(corpus_dir: Path) -> tuple[dict, list[str]]:
    corpus = load_corpus(corpus_dir)
    errors: list[MacroCallError] = []
    return make_macros(Context(corpus, build_index(corpus)), errors), errors


def test_wrong_arguments_and_unknown_ids_are_recorded(corpus_dir: Path) -> None:
    macros, errors = _macros(corpus_dir)
    assert macros["lien"]("concept") == ""
    assert macros["lien"]("concept", "resau") == ""
    assert macros["compare"]("partenariat") == ""
    assert [e.macro for e in errors] == ["lien", "lien", "compare"]
    assert errors[0].message.text("en") == "lien() is called with 'concept'; it takes (type_name, entity_id, label=None)"
    assert errors[1].message.text("en") == "unknown concept 'resau'" and errors[1].hint is not None
    assert errors[1].hint.text("fr") == "vouliez-vous dire « reseau » ?"
    assert errors[2].message.text("fr") == "donnez au moins 2 identifiants de notion"


def test_a_good_call_links_from_the_docs_root(corpus_dir: Path) -> None:
    macros, errors = _macros(corpus_dir)
    assert macros["lien"]("concept", "reseau", "le [réseau]") == r"[le \[réseau\]](/concepts/reseau.md)"
    assert errors == []


def test_an_error_inside_a_macro_is_not_reported_as_a_bad_call(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import partenariat.render.macros as module

    def broken(*args: object) -> str:
        raise TypeError("bug inside the table renderer")

    monkeypatch.setattr(module, "compare_table", broken)
    macros, errors = _macros(corpus_dir)
    with pytest.raises(TypeError, match="bug inside"):
        macros["compare"]("partenariat", "reseau")
    assert errors == []
