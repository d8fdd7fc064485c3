"""Live preview keeps the last good data when an edit breaks it, and says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat import DataError
from partenariat.preview import load_for_preview


def test_broken_edit_keeps_the_last_good_corpus(corpus_dir: Path) -> None:
    corpus, problems = load_for_preview(corpus_dir)
    assert problems == [] and "reseau" in corpus.records["concept"]
    path = corpus_dir / "glossary" / "cpom.yaml"
    path.write_text(path.read_text("utf-8").replace("domain: medico-social", "domain: sociale"), "utf-8")
    again, problems = load_for_preview(corpus_dir)
    assert again is corpus
    assert [str(p) for p in problems] == [
        "glossary/cpom.yaml:4: domain: 'sociale' is not an allowed value (did you mean 'social'?)"]
    path.write_text(path.read_text("utf-8").replace("domain: sociale", "domain: sante"), "utf-8")
    fixed, problems = load_for_preview(corpus_dir)
    assert problems == [] and fixed is not corpus
    assert fixed.get("glossary", "cpom").domain == "sante"


def test_broken_data_without_a_good_version_stops(tmp_path: Path, corpus_dir: Path) -> None:
    (corpus_dir / "concepts" / "reseau.yaml").write_text("", "utf-8")
    with pytest.raises(DataError):
        load_for_preview(corpus_dir)
