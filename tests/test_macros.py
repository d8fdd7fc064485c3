"""Macros for hand-written pages: a bad call is reported at the page, a bug is not hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat.checks.load import load_corpus
from partenariat.derive.core import Context
from partenariat.derive.index import build_index
from partenariat.render.macros import make_macros


def _macros(corpus_dir: Path) -> tuple[dict, list[str]]:
    corpus = load_corpus(corpus_dir)
    errors: list[str] = []
    return make_macros(Context(corpus, build_index(corpus)), errors), errors


def test_wrong_arguments_and_unknown_ids_are_recorded(corpus_dir: Path) -> None:
    macros, errors = _macros(corpus_dir)
    assert macros["lien"]("concept") == ""
    assert macros["lien"]("concept", "resau") == ""
    assert macros["compare"]("partenariat") == ""
    assert errors[0].startswith("lien('concept'): missing a required argument")
    assert "unknown concept 'resau'" in errors[1] and "reseau" in errors[1]
    assert "give at least 2 concept ids" in errors[2]


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
