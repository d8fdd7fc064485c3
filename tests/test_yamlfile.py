"""The YAML reader: every file-level problem becomes a located message, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from partenariat import DataError, load_corpus
from partenariat.data.yamlfile import read_yaml


def problems_for(path: Path, content: bytes) -> list[str]:
    path.write_bytes(content)
    doc, problems = read_yaml(path, path.name)
    assert doc is None
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "x.yaml:1: file is empty"),
        (b"   \n# only a comment\n", "x.yaml:1: file is empty"),
        (b"- a\n- b\n", "x.yaml:1: the file holds a list, not a mapping of fields"),
        (b"just text\n", "x.yaml:1: the file holds a single value"),
        (b"id: a\nterm: x\n\tsummary: y\n", "x.yaml:3: tab character in indentation"),
        (b"\xef\xbb\xbfid: a\n", "x.yaml:1: file starts with a byte order mark (BOM)"),
        (b"id: a\nterm: caf\xe9\n", "x.yaml:2: file is not valid UTF-8"),
        (b"id: a\nterm: [unclosed\nsummary: b\n", "x.yaml:3: YAML syntax error"),
        (b"id: a\nterm: x\nterm: y\n", "x.yaml:3: duplicate key 'term'"),
        (b"id: a\nbase: &b {x: 1}\nother: *b\n", "x.yaml:2: YAML anchors (&b) are not allowed"),
        (b"id: a\nother: *b\n", "x.yaml:2: YAML aliases (*b) are not allowed"),
        (b"id: a\nterm: x\x0cy\n", "x.yaml:2: invisible control character (U+000C)"),
        (b"id: a\nx: " + b"[" * 2000 + b"]" * 2000 + b"\n", "x.yaml:2: the entry is nested too deeply"),
        ('id: a\nsummary: "x\u2028y"\nterm: [\n'.encode(), "x.yaml:2: invisible line separator (U+2028)"),
        ("id: a\nterm: x\x85y\n".encode(), "x.yaml:2: invisible line separator (U+0085)"),
    ],
)
def test_file_level_problems_are_located(tmp_path: Path, content: bytes, expected: str) -> None:
    messages = problems_for(tmp_path / "x.yaml", content)
    assert len(messages) == 1
    assert messages[0].startswith(expected), messages[0]


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    messages = problems_for(tmp_path / "bomb.yaml", ("\n".join(lines) + "\n").encode())
    assert messages == ["bomb.yaml:1: YAML anchors (&a) are not allowed (write the value out in full)"]


def test_lines_of_keys_and_items_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("id: ok\nrelated:\n  - concept: a\n    relation: voisin-de\n  - concept: b\n", "utf-8")
    doc, problems = read_yaml(path, "ok.yaml")
    assert problems == [] and doc is not None
    assert doc.line_of(("related", 1, "concept")) == 5
    assert doc.line_of(("related", 0, "relation")) == 4
    assert doc.line_of(("related", 7, "nothing")) == 2  # falls back to the closest known parent


def test_plain_values_stay_text_until_the_model_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("id: d\ndate: 2002-02-30\nyear: 2002\nflag: true\nnone:\ntilde: ~\nquoted: 'null'\n", "utf-8")
    doc, _ = read_yaml(path, "d.yaml")
    assert doc is not None
    assert doc.data == {"id": "d", "date": "2002-02-30", "year": "2002", "flag": "true", "none": None,
                        "tilde": None, "quoted": "null"}


def test_every_broken_file_is_reported_in_one_run(corpus_dir: Path) -> None:
    (corpus_dir / "concepts" / "reseau.yaml").write_bytes(b"\xef\xbb\xbfid: reseau\n")
    (corpus_dir / "glossary" / "cpom.yaml").write_text("id: cpom\n\tacronym: CPOM\n", "utf-8")
    (corpus_dir / "authors" / "dhume.yaml").write_text("", "utf-8")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    files = {p.file for p in info.value.problems}
    assert {"concepts/reseau.yaml", "glossary/cpom.yaml", "authors/dhume.yaml"} <= files
    # the ids of the broken files still count as known: no cascade of "unknown" errors
    assert not any(p.message.code.startswith("unknown") for p in info.value.problems)
