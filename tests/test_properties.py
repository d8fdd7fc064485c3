"""Property-based tests (hypothesis) of the reader, the loader and the renderers.

- `read_yaml` never raises, whatever the bytes: it returns a document or located problems;
- `load_corpus`, given any file dropped into (a copy of) the valid fixture corpus, either
  loads or raises `DataError`, and every problem names an existing file and a line inside it;
- a valid generated entry of each type loads, its fields equal what was written, and the
  pages render.

Example counts stay moderate so the suite stays fast. In CI ($CI set) the examples are
derandomized, so a run is reproducible; locally each run explores new ones.
"""

from __future__ import annotations

import atexit
import copy
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE
from partenariat import DataError, load_corpus
from partenariat.base.messages import report
from partenariat.base.problems import Problem
from partenariat.data import vocab
from partenariat.data.entities import BY_NAME, DATA_FOLDERS
from partenariat.data.models import SLUG_PATTERN
from partenariat.data.yamlfile import read_yaml
from partenariat.render.pages import build_pages

# Hypothesis explores hundreds of generated files per property: run by make test, not in the
# inner loop (pytest -m "not slow and not browser").
pytestmark = pytest.mark.slow


def props(max_examples: int = 150) -> Callable[[Any], Any]:
    """Settings of a property; PROPS_EXAMPLES=2000 explores more (e.g. before a release)."""
    max_examples = int(os.environ.get("PROPS_EXAMPLES", max_examples))
    return settings(max_examples=max_examples, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


# --- strategies: YAML documents, fragments, bytes ---------------------------------------------

# Any character but lone surrogates: accents, French typography (« », non-breaking spaces),
# emoji, zero-width and right-to-left marks, control characters, U+2028 and U+0085.
# U+0085, U+2028 and U+2029 are refused on purpose (YAML 1.1 reads them as line breaks):
# tests/test_yamlfile.py checks that they are named at their line.
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"), max_size=30)
WEIRD_KEYS = ["id", "term", "summary", "sumary", "<<", "?", "-", "", " ", "null", "~", "1", "true", "a: b", "#x",
              "[[concept:reseau]]", "&a", "*a", "!!int", "é", "\u00a0", "ID", "attested_in", "related"]
keys = st.one_of(st.sampled_from(WEIRD_KEYS), text)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text,
                    st.dates().map(dt.date.isoformat), st.sampled_from(["2002-02-30", "0x1F", "1_000", ".inf", "yes",
                                                                         "No", "012", "1:20", "-0x1A", "~"]))
values = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4),
                                                          st.dictionaries(keys, children, max_size=4)), max_leaves=30)
documents = st.one_of(values, st.dictionaries(keys, values, max_size=8))


@st.composite
def dumped(draw: st.DrawFn) -> str:
    """A document as PyYAML writes it, in block or flow style."""
    return yaml.safe_dump(draw(documents), default_flow_style=draw(st.sampled_from([False, True, None])),
                          allow_unicode=draw(st.booleans()), width=draw(st.sampled_from([20, 80, 10**6])), sort_keys=False)


TOKENS = ["id: x\n", "\n", "  ", "    ", "- ", ": ", ":", "[", "]", "{", "}", ", ", "&a ", "*a", "!!int ", "!!str ",
          "!!binary ", "!!python/object:os.system ", "!x ", "# c", "'", '"', "\\", "|", "|-", ">-", "---", "...", "? ",
          "\t", "\r\n", "\r", "\ufeff", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "<<: ", "é", "«\u00a0", "0x1F", "1_000",
          "2002-02-30", ".inf", "~", "yes", "[[concept:reseau]]", "[[auteur:x]]", "term: ", "summary: ", "related:\n",
          "  - concept: reseau\n", "attested_in: [dossier]\n", "reviewed: 2026-11-23\n", "\"\\u00e9\"", "\"\\x41\"",
          "\"\\ud800\"", "\"\\0\""]
fragments = st.lists(st.one_of(st.sampled_from(TOKENS), text), max_size=40).map("".join)


@st.composite
def nested(draw: st.DrawFn) -> str:
    """Nesting, in flow or block style, from shallow to deeper than Python's recursion limit allows."""
    depth = draw(st.one_of(st.integers(1, 60), st.integers(60, 1500)))
    kind = draw(st.sampled_from(["flow-list", "flow-map", "block"]))
    if kind == "flow-list":
        return "a: " + "[" * depth + "1" + "]" * depth + "\n"
    if kind == "flow-map":
        return "a: " + "{a: " * depth + "1" + "}" * depth + "\n"
    return "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "b: 1\n"


FIXTURE_FILES = {str(p.relative_to(FIXTURE)): p.read_text("utf-8") for p in sorted(FIXTURE.rglob("*.yaml"))}


@st.composite
def edited_fixture_text(draw: st.DrawFn) -> str:
    """A real fixture file with a few characters replaced by YAML tokens or random text."""
    content = draw(st.sampled_from(sorted(FIXTURE_FILES.values())))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(content)))
        end = draw(st.integers(start, min(len(content), start + 20)))
        content = content[:start] + draw(st.one_of(st.sampled_from(TOKENS), text)) + content[end:]
    return content


def encoded(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return texts.map(lambda t: t.encode("utf-8", "surrogatepass"))


raw_files = st.one_of(
    encoded(dumped()),
    encoded(fragments),
    encoded(nested()),
    encoded(edited_fixture_text()),
    st.binary(max_size=300),
    st.builds(lambda prefix, body: prefix + body,
              st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"id: a\n\xe9\n", b"\x00"]), encoded(fragments)),
)

# --- helpers -------------------------------------------------------------------------------------


def lines_in(raw: bytes) -> int:
    """Lines as an editor numbers them: CRLF, LF or a lone CR ends a line; an empty last line
    counts (an error at the end of a file is reported there)."""
    return len(re.split(rb"\r\n|\r|\n", raw))


def line_count(path: Path) -> int:
    return lines_in(path.read_bytes())


def assert_well_located(problems: list[Problem], root: Path) -> None:
    assert problems
    for problem in problems:
        assert isinstance(problem.file, str) and problem.file, problem
        assert isinstance(problem.line, int) and problem.line >= 0, problem
        assert problem.message, problem
        target = root / problem.file
        if problem.file.endswith("/"):  # a missing data folder
            assert problem.line == 0
            continue
        assert target.exists() or target.is_symlink(), problem
        if problem.line:
            assert target.is_file(), problem
            assert problem.line <= line_count(target), f"{problem} (the file has {line_count(target)} lines)"
    for lang in ("fr", "en"):
        lines = report(problems, lang).splitlines()
        assert len(lines) >= len(problems) + 1


@contextmanager
def fixture_copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="props-") as tmp:
        root = Path(tmp) / "corpus"
        shutil.copytree(FIXTURE, root)
        yield root


def load_outcome(root: Path) -> list[Problem]:
    """The problems of the corpus (empty when it loads); anything but DataError fails the test."""
    try:
        load_corpus(root)
    except DataError as exc:
        assert_well_located(exc.problems, root)
        return exc.problems
    return []


# --- read_yaml ------------------------------------------------------------------------------------

WORKDIR = Path(tempfile.mkdtemp(prefix="props-read-"))
atexit.register(shutil.rmtree, WORKDIR, ignore_errors=True)


def read_bytes(raw: bytes) -> tuple[Any, list[Problem]]:
    path = WORKDIR / "x.yaml"
    path.write_bytes(raw)
    return read_yaml(path, "concepts/x.yaml")


@props(200)
@given(raw_files)
@example(b"id: a\nterm: x\x0cy\n")  # a control character (PyYAML's ReaderError)
@example(b"a: " + b"[" * 1500 + b"]" * 1500 + b"\n")  # nesting past the recursion limit
@example("id: a\nsummary: x\u2028y\x85z\nterm: [\n".encode())  # line separators PyYAML counts, editors do not
@example(b"id: a\rterm: [\r")  # old Mac line ends
def test_read_yaml_returns_a_document_or_located_problems(raw: bytes) -> None:
    doc, problems = read_bytes(raw)
    assert (doc is None) == bool(problems)
    lines = lines_in(raw)
    for problem in problems:
        assert problem.file == "concepts/x.yaml"
        assert 1 <= problem.line <= lines, f"{problem} (the file has {lines} lines)"
        assert problem.message
        assert report([problem], "fr") and report([problem], "en")
    if doc is not None:
        assert isinstance(doc.data, dict)
        assert all(1 <= line <= lines for line in doc.lines.values())
        assert all(isinstance(key, str) for key in doc.data)


class _TextLoader(yaml.SafeLoader):
    """PyYAML's safe loader with only the null resolver: plain values stay text, as editors mean them."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

# Finite numbers and any text: what PyYAML writes, the reader reads as PyYAML's safe loader does
# when only nulls are resolved (numbers and booleans stay text until the model asks for them),
# except where PyYAML's own emitter loses a character, e.g. a lone U+0085 key.
plain_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), text)
plain_values = st.recursive(plain_scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(text, children, max_size=4)), max_leaves=30)


@props(150)
@given(st.dictionaries(text, plain_values, min_size=1, max_size=8), st.sampled_from([False, True, None]), st.booleans())
def test_read_yaml_reads_what_pyyaml_writes_as_pyyaml_does(data: dict[str, Any], flow: bool | None, unicode: bool) -> None:
    written = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode)
    doc, problems = read_bytes(written.encode())
    assert problems == [] and doc is not None
    assert doc.data == yaml.load(written, _TextLoader)  # noqa: S506 - a safe loader with fewer resolvers


# --- load_corpus with a random file dropped into the fixture corpus ------------------------------

file_names = st.one_of(
    st.from_regex(SLUG_PATTERN, fullmatch=True).map(lambda s: s[:60] + ".yaml"),
    st.sampled_from(sorted({Path(p).name for p in FIXTURE_FILES})),  # overwrite a real entry
    st.builds(lambda stem, suffix: stem + suffix,
              st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1, max_size=20),
              st.sampled_from([".yaml", ".yml", ".YAML", ".txt", "", ".yaml.bak"])),
)


@props(150)
@given(st.sampled_from(DATA_FOLDERS), file_names, raw_files)
def test_load_corpus_raises_only_data_error_with_located_problems(folder: str, name: str, raw: bytes) -> None:
    assume(name not in (".", "..") and len(name.encode()) < 200)
    with fixture_copy() as root:
        (root / folder / name).write_bytes(raw)
        load_outcome(root)


FIELD_NAMES = sorted({name for etype in BY_NAME.values() for name in etype.model.model_fields}
                     | {"sumary", "relaton", "concept", "relation", "source", "quote", "items", "code", "label"})
VOCAB_WORDS = sorted({w for table in (vocab.RELATIONS, vocab.TRAITS, vocab.CONCEPT_FAMILIES, vocab.GLOSSARY_DOMAINS,
                                      vocab.SOURCE_TYPES, vocab.AUTHOR_KINDS, vocab.LEGAL_KINDS, vocab.CASE_KINDS)
                      for w in table} | {"reseau", "dossier", "dhume", "cpom", "partenariat", "resau", "Dossier"})
replacements = st.one_of(values, st.sampled_from(VOCAB_WORDS), st.from_regex(SLUG_PATTERN, fullmatch=True),
                         st.lists(st.sampled_from(VOCAB_WORDS), max_size=3))


def locations(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) of a parsed document."""
    found: list[tuple[Any, Any]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((data, key))
            found.extend(locations(value))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.append((data, i))
            found.extend(locations(value))
    return found


@st.composite
def edited_fixture_data(draw: st.DrawFn) -> tuple[str, str]:
    """A fixture entry with fields removed, retyped, renamed or added, as an editor might."""
    rel = draw(st.sampled_from(sorted(FIXTURE_FILES)))
    data = copy.deepcopy(yaml.safe_load(FIXTURE_FILES[rel]))
    for _ in range(draw(st.integers(1, 3))):
        container, key = draw(st.sampled_from(locations(data)))
        operation = draw(st.sampled_from(["delete", "replace", "add"]))
        if operation == "delete":
            del container[key]
        elif operation == "replace":
            container[key] = draw(replacements)
        elif isinstance(container, dict):
            container[draw(st.sampled_from(FIELD_NAMES))] = draw(replacements)
        else:
            container.append(draw(replacements))
    return rel, yaml.safe_dump(data, allow_unicode=True, sort_keys=draw(st.booleans()),
                               default_flow_style=draw(st.sampled_from([False, None])))


@props(150)
@given(edited_fixture_data())
def test_edited_entries_give_only_located_problems(edit: tuple[str, str]) -> None:
    rel, content = edit
    with fixture_copy() as root:
        (root / rel).write_text(content, "utf-8")
        load_outcome(root)


@props(100)
@given(st.lists(st.tuples(st.sampled_from(sorted(FIXTURE_FILES)), encoded(edited_fixture_text())), min_size=1, max_size=4))
def test_several_broken_files_give_only_located_problems(edits: list[tuple[str, bytes]]) -> None:
    with fixture_copy() as root:
        for rel, raw in edits:
            (root / rel).write_bytes(raw)
        load_outcome(root)


# --- valid generated entries round-trip ------------------------------------------------------------

# Text as editors write it: letters (any script), digits, punctuation without the [[…]] of
# links, symbols, non-breaking spaces; no leading or trailing space (the models strip it).
# Without < & { }: markup is refused by the text rules (partenariat.checks.safetext, tested with
# hostile inputs in test_safetext and test_mutations), so it has no place in valid entries.
WORD_CHARS = st.characters(categories=("L", "M", "N", "P", "S"), exclude_characters="[]<>&{}")
word = st.text(WORD_CHARS, min_size=1, max_size=8)
prose = st.lists(word, min_size=1, max_size=8).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "\u00a0", " \u00a0"]), min_size=len(words) - 1, max_size=len(words) - 1)
    .map(lambda seps: "".join(w + s for w, s in zip(words, seps + [""], strict=True))))
slug = st.from_regex(SLUG_PATTERN, fullmatch=True).map(lambda s: s[:50].strip("-")).filter(bool)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
EXISTING = {name: {Path(p).stem for p in FIXTURE_FILES if p.startswith(BY_NAME[name].folder + "/")} for name in BY_NAME}


def ids(type_name: str, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(sorted(EXISTING[type_name])), min_size=min_size, unique=True)


def choice(table: dict[str, str]) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(table))


@st.composite
def entry(draw: st.DrawFn, required: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]]
          ) -> dict[str, Any]:
    out = {key: draw(strategy) for key, strategy in required.items()}
    for key, strategy in optional.items():
        if draw(st.booleans()):
            out[key] = draw(strategy)
    return out


COMMON = {"attested_in": ids("source", 1), "reviewed": dates}
page_numbers = st.from_regex(r"\A[0-9]{1,3}(-[0-9]{1,3})?\Z")
definitions = entry({"source": st.sampled_from(sorted(EXISTING["source"])), "quote": prose},
                    {"author": st.sampled_from(sorted(EXISTING["author"])), "page": page_numbers, "comment": prose})
relations = entry({"concept": st.sampled_from(sorted(EXISTING["concept"])), "relation": choice(vocab.RELATIONS)},
                  {"note": prose, "source": st.sampled_from(sorted(EXISTING["source"]))})
traits = entry({"trait": choice(vocab.TRAITS), "value": prose, "source": st.sampled_from(sorted(EXISTING["source"]))}, {})
# A concept's summary carries a source note in every sentence (partenariat/data/notes.py): one
# after every word, so that wherever the generated punctuation ends a sentence, it has its note.
noted_prose = prose.map(lambda text: re.sub(r"(\S)(?=[ \u00a0]|$)", r"\1[[note:dossier]]", text))
articles = entry({"number": word, "summary": prose}, {"codified_as": prose, "concepts": ids("concept")})
quoted_articles = entry({"number": word, "text": prose, "wording": prose}, {"codified_as": prose, "concepts": ids("concept")})
seed_lines = st.from_regex(r"\A[0-9]{1,4}(-[0-9]{1,4})?(, [0-9]{1,4})?\Z")
notion_links = st.lists(st.sampled_from(sorted(EXISTING["concept"])), unique=True, max_size=2).flatmap(
    lambda concepts: st.tuples(*(entry({"concept": st.just(c), "why": prose, "lines": seed_lines,
                                        "attested_in": st.sampled_from(sorted(EXISTING["source"]))}, {})
                                 for c in concepts)).map(list))
items = st.recursive(entry({"label": prose}, {"code": word, "details": st.lists(prose, max_size=2), "concepts": notion_links}),
                     lambda children: entry({"label": prose}, {"children": st.lists(children, min_size=1, max_size=2)}),
                     max_leaves=4)
ENTRIES: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "concept": entry({"term": prose, "family": choice(vocab.CONCEPT_FAMILIES), "summary": noted_prose, **COMMON},
                     {"aliases": st.lists(prose, max_size=3), "body": prose, "definitions": st.lists(definitions, max_size=2),
                      "related": st.lists(relations, max_size=3), "traits": st.lists(traits, max_size=2),
                      "outside_seeds": prose}),
    "author": entry({"kind": st.just("personne"), "name": prose, "family": prose, **COMMON},
                    {"given": prose, "acronym": word, "fields": st.lists(prose, max_size=2),
                     "affiliations": st.lists(entry({"role": prose, "date": st.from_regex(r"\A(1[89]|20)[0-9]{2}\Z"),
                                                     "source": st.sampled_from(sorted(EXISTING["source"]))},
                                                    {"organisation": prose}), max_size=2)}),
    "source": entry({"type": choice(vocab.SOURCE_TYPES), "title": prose, **COMMON},
                    {"authors": ids("author"), "year": st.integers(1900, 2100), "date": dates, "container": prose,
                     "part_of": st.sampled_from(sorted(EXISTING["source"])), "volume": st.from_regex(r"\A[0-9]{1,3}\Z"),
                     "publisher": prose, "url": st.just("https://example.org/a?b=c#d"), "summary": prose}),
    "legal": entry({"kind": choice(vocab.LEGAL_KINDS), "date": dates, "title": prose, **COMMON},
                   {"number": st.from_regex(r"\A[0-9]{4}-[0-9]{1,4}\Z"),
                    "articles": st.lists(st.one_of(articles, quoted_articles), max_size=2),
                    "concepts": ids("concept"), "short_title": prose}),
    # a developed acronym names the source that spells it out (one of attested_in)
    "glossary": entry({"acronym": word.filter(lambda w: w not in ("CPOM", "ESSMS")), "expansion": prose,
                       "domain": choice(vocab.GLOSSARY_DOMAINS), **COMMON},
                      {"variants": st.lists(word, max_size=2), "description": prose, "see_also": ids("glossary"),
                       "concepts": ids("concept")}).map(lambda d: {**d, "expansion_source": d["attested_in"][0]}),
    "case": entry({"kind": choice(vocab.CASE_KINDS), "title": prose, "source": st.sampled_from(sorted(EXISTING["source"])),
                   **COMMON},
                  {"number": st.integers(0, 99), "level": choice(vocab.PARTNERSHIP_LEVELS), "themes": st.lists(prose, max_size=2),
                   "analysis": st.lists(entry({"comment": prose}, {"about": prose,
                                                                   "concept": st.sampled_from(sorted(EXISTING["concept"]))}),
                                        max_size=2),
                   "concepts": ids("concept"), "glossary": ids("glossary"), "situation": prose}),
    "curriculum": entry({"diploma": prose, "short": prose, "document": prose,
                         "source": st.sampled_from(sorted(EXISTING["source"])),
                         "sections": st.lists(entry({"title": prose, "items": st.lists(items, min_size=1, max_size=2)}, {}),
                                              min_size=1, max_size=2), **COMMON}, {}),
}


def as_json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


@st.composite
def generated_entries(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    type_name = draw(st.sampled_from(sorted(ENTRIES)))
    entity_id = draw(slug.filter(lambda s: s not in EXISTING[type_name]))
    return type_name, entity_id, {"id": entity_id, **draw(ENTRIES[type_name])}


@props(150)
@given(generated_entries(), st.sampled_from([False, None]), st.booleans())
def test_valid_generated_entry_round_trips(generated: tuple[str, str, dict[str, Any]], flow: bool | None,
                                           unicode: bool) -> None:
    type_name, entity_id, data = generated
    etype = BY_NAME[type_name]
    content = yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False, default_flow_style=flow)
    with fixture_copy() as root:
        (root / etype.folder / f"{entity_id}.yaml").write_text(content, "utf-8")
        try:
            corpus = load_corpus(root)
        except DataError as exc:
            pytest.fail(f"{exc}\n---\n{content}")
        entity = corpus.get(type_name, entity_id)
        assert entity.model_dump(mode="json", exclude_unset=True) == as_json(data)
        # and any valid entry renders (the pages the site is built from)
        pages = {page.path: page for page in build_pages(corpus)}
        assert f"{etype.url}/{entity_id}.md" in pages
