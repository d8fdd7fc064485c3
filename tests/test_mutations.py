"""Mutation tests on the REAL corpus: break one real data file the way an editor might,
then check that `python -m partenariat check` (and, for a representative subset, a real
`mkdocs build --strict`) stops with exit code 1, names the broken file and the right line,
and prints no traceback.

Each expected line is computed from the file as broken, not hard-coded, so the tests keep
working while the corpus grows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

import tiers
from conftest import REPO
from partenariat.data.entities import DATA_FOLDERS
from test_site import _fixture_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PARTENARIAT_LANG": "en"}
SEEDS = REPO.parent / "shared" / "seeds"  # `check` reads them from ../shared/seeds of the project
NOT_COPIED = {"partenariat", "tests", "site", "build", "site-offline"}

# Real files of the corpus that the mutations break (any other file of the same type would do).
CONCEPT = "concepts/reseau.yaml"
GLOSSARY = "glossary/cpom.yaml"
SOURCE = "sources/damon-2009-partenariat-quart-de-siecle.yaml"
LEGAL = "legal/loi-2002-01-02-action-sociale.yaml"
AUTHOR = "authors/dhume.yaml"


# --- the project copy ------------------------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus, docs, hooks and config in a temp project; the package is linked."""
    project = tmp_path_factory.mktemp("real") / "project"
    project.mkdir()
    for entry in REPO.iterdir():  # whatever mkdocs.yml may use (docs, hooks, overrides…), not the tools' folders
        if entry.name in NOT_COPIED or entry.name.startswith(".") or entry.suffix == ".egg-info":
            continue
        if entry.is_dir():
            shutil.copytree(entry, project / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(entry, project / entry.name)
    (project / "partenariat").symlink_to(REPO / "partenariat")
    link_seeds(project)
    assert {*DATA_FOLDERS, "docs", "hooks", "mkdocs.yml", "urls.txt"} <= {p.name for p in project.iterdir()}
    result = check(project)
    assert result.returncode == 0, result.stderr  # the real corpus is valid before it is broken
    return project


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(pristine, target, symlinks=True)
    link_seeds(target)
    return target


def link_seeds(project: Path) -> None:
    """The seed documents beside the project copy, where `check` looks for them."""
    (project.parent / "shared").mkdir(exist_ok=True)
    (project.parent / "shared" / "seeds").symlink_to(SEEDS)


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "partenariat", "--root", str(project), "check", "--lang", "en"],
                          cwd=project, capture_output=True, text=True, env=ENV, timeout=120)


def build(project: Path) -> subprocess.CompletedProcess[str]:
    tiers.require("slow", "builds a site with MkDocs")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")],
                          cwd=project, capture_output=True, text=True, env=ENV, timeout=600)


# --- editing helpers ---------------------------------------------------------------------


def read(project: Path, name: str) -> str:
    return (project / name).read_text("utf-8")


def write(project: Path, name: str, text: str) -> str:
    (project / name).write_text(text, "utf-8")
    return text


def edit(project: Path, name: str, old: str, new: str) -> str:
    text = read(project, name)
    assert old in text, f"{old!r} not in {name}: the corpus changed, pick another anchor"
    return write(project, name, text.replace(old, new, 1))


def line_of(text: str, pattern: str) -> int:
    """1-based number of the first line matching the regex ``pattern`` (searched from its start)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(pattern, line):
            return number
    raise AssertionError(f"no line matches {pattern!r}")


def value_of(text: str, key: str) -> str:
    """The one-line value of a top-level key."""
    match = re.search(rf"^{key}: (.+)$", text, re.MULTILINE)
    assert match, f"no one-line '{key}:' in the file"
    return match.group(1).strip()


# --- the mutations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    file: str
    line: int  # 0: the message names the file without a line
    text: str  # a fragment of the message (English)


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[Path], list[Expected]]
    also_build: bool = False  # also run a real mkdocs build (kept to a representative subset)
    cascade: bool = False  # other files may be named too (their references became wrong)


def syntax_error(p: Path) -> list[Expected]:
    term = value_of(read(p, CONCEPT), "term")
    text = edit(p, CONCEPT, f"term: {term}\n", f"term: {term}: le mot\n")
    return [Expected(CONCEPT, line_of(text, "term:"), "YAML syntax error")]


def tab(p: Path) -> list[Expected]:
    text = read(p, CONCEPT)
    number = line_of(text, "  - ")
    lines = text.split("\n")
    lines[number - 1] = "\t" + lines[number - 1][2:]
    write(p, CONCEPT, "\n".join(lines))
    return [Expected(CONCEPT, number, "tab character in indentation")]


def not_utf8(p: Path) -> list[Expected]:
    raw = (p / CONCEPT).read_bytes()
    number = line_of(raw.decode("utf-8"), ".*é")
    (p / CONCEPT).write_bytes(raw.replace("é".encode(), b"\xe9", 1))  # Latin-1, as an old editor saves it
    return [Expected(CONCEPT, number, "file is not valid UTF-8")]


def bom(p: Path) -> list[Expected]:
    (p / GLOSSARY).write_bytes(b"\xef\xbb\xbf" + (p / GLOSSARY).read_bytes())
    return [Expected(GLOSSARY, 1, "byte order mark")]


def empty(p: Path) -> list[Expected]:
    write(p, AUTHOR, "")  # many files cite this author: no cascade of "unknown author"
    return [Expected(AUTHOR, 1, "file is empty")]


def top_level_list(p: Path) -> list[Expected]:
    lines = read(p, GLOSSARY).split("\n")
    start = line_of("\n".join(lines), "id:")
    lines = lines[: start - 1] + ["- " + lines[start - 1]] + ["  " + line if line else line for line in lines[start:]]
    write(p, GLOSSARY, "\n".join(lines))
    return [Expected(GLOSSARY, start, "the file holds a list, not a mapping of fields")]


def unknown_field(p: Path) -> list[Expected]:
    text = edit(p, CONCEPT, "\nsummary:", "\nsumary:")
    return [Expected(CONCEPT, line_of(text, "sumary:"), "sumary: unknown field 'sumary' (did you mean 'summary'?)"),
            Expected(CONCEPT, line_of(text, "id:"), "summary: required field is missing")]


def wrong_type(p: Path) -> list[Expected]:
    year = value_of(read(p, SOURCE), "year")
    text = edit(p, SOURCE, f"\nyear: {year}\n", "\nyear: deux mille neuf\n")
    return [Expected(SOURCE, line_of(text, "year:"), "year: Input should be a valid integer")]


def wrong_type_list(p: Path) -> list[Expected]:
    term = value_of(read(p, CONCEPT), "term")
    text = edit(p, CONCEPT, f"\nterm: {term}\n", f"\nterm: [{term}]\n")
    return [Expected(CONCEPT, line_of(text, "term:"), "term: Input should be a valid string")]


def missing_required(p: Path) -> list[Expected]:
    text = read(p, GLOSSARY)
    text = write(p, GLOSSARY, re.sub(r"^expansion: .*\n", "", text, count=1, flags=re.MULTILINE))
    return [Expected(GLOSSARY, line_of(text, "id:"), "expansion: required field is missing")]


def invalid_id(p: Path) -> list[Expected]:
    text = edit(p, GLOSSARY, "\nid: cpom\n", "\nid: CPOM\n")
    return [Expected(GLOSSARY, line_of(text, "id:"), "id: 'CPOM' is not a valid id")]


def id_not_file_name(p: Path) -> list[Expected]:
    text = edit(p, GLOSSARY, "\nid: cpom\n", "\nid: cpom-2\n")
    return [Expected(GLOSSARY, line_of(text, "id:"), "id: id 'cpom-2' differs from the file name 'cpom.yaml'")]


def bad_file_name(p: Path) -> list[Expected]:
    (p / GLOSSARY).rename(p / "glossary" / "CPOM.yaml")
    # one hint only: renaming the file to its id fixes it (no contradictory "write 'id: CPOM'")
    return [Expected("glossary/CPOM.yaml", 1, "file name 'CPOM.yaml' is not a valid id (rename it 'cpom.yaml')")]


def duplicate_acronym(p: Path) -> list[Expected]:
    copy = "glossary/cpom-bis.yaml"
    write(p, copy, read(p, GLOSSARY).replace("\nid: cpom\n", "\nid: cpom-bis\n"))
    first, second = sorted([GLOSSARY, copy])  # the second one read is blamed, the first is named in the hint
    return [Expected(second, line_of(read(p, second), "acronym:"),
                     f"acronym: acronym 'CPOM' is already defined (see {first})")]


def duplicate_key(p: Path) -> list[Expected]:
    text = read(p, GLOSSARY)
    text = write(p, GLOSSARY, text.rstrip("\n") + "\nacronym: CPOM2\n")
    return [Expected(GLOSSARY, text.count("\n"), "duplicate key 'acronym'")]


def unknown_reference(p: Path) -> list[Expected]:
    text = read(p, CONCEPT)
    match = re.search(r"^  - concept: ([a-z0-9-]+)$", text, re.MULTILINE)
    assert match, "no related concept in the file"
    wrong = match.group(1) + "x"
    text = edit(p, CONCEPT, match.group(0), f"  - concept: {wrong}")
    return [Expected(CONCEPT, line_of(text, f"  - concept: {wrong}$"), f"unknown concept '{wrong}'")]


def unknown_text_link(p: Path) -> list[Expected]:
    text = read(p, CONCEPT)
    match = re.search(r"\[\[author:([a-z0-9-]+)", text)
    assert match, "no [[author:...]] link in the file"
    wrong = match.group(1) + "x"
    text = edit(p, CONCEPT, match.group(0), f"[[author:{wrong}")
    key = text[: text.index(f"[[author:{wrong}")].rsplit("\n", 1)[0]  # the block scalar holding the link
    holder = re.findall(r"^([a-z_]+):", key, re.MULTILINE)[-1]
    # at the line where the link is written, inside its text
    return [Expected(CONCEPT, line_of(text, rf".*\[\[author:{wrong}\b"), f"{holder}: unknown author '{wrong}'")]


def self_reference(p: Path) -> list[Expected]:
    text = edit(p, GLOSSARY, "see_also: [", "see_also: [cpom, ")
    return [Expected(GLOSSARY, line_of(text, "see_also:"), "'cpom' refers to itself")]


def part_of_cycle(p: Path) -> list[Expected]:
    child = parent = None
    for path in sorted((p / "sources").glob("*.yaml")):
        match = re.search(r"^part_of: ([a-z0-9-]+)$", path.read_text("utf-8"), re.MULTILINE)
        if match and "\npart_of:" not in (p / "sources" / f"{match.group(1)}.yaml").read_text("utf-8"):
            child, parent = path.stem, match.group(1)
            break
    assert child and parent, "no source with a part_of to break"
    parent_file = f"sources/{parent}.yaml"
    text = read(p, parent_file)
    number = line_of(text, "attested_in:")
    lines = text.split("\n")
    write(p, parent_file, "\n".join(lines[: number - 1] + [f"part_of: {child}"] + lines[number - 1:]))
    # the cycle is reported once, on whichever of the two is met first
    return [Expected(f"sources/{name}.yaml", line_of(read(p, f"sources/{name}.yaml"), "part_of:"),
                     "part_of: sources contain each other") for name in (child, parent)]


def nonexistent_date(p: Path) -> list[Expected]:
    day = value_of(read(p, LEGAL), "date")
    text = edit(p, LEGAL, f"\ndate: {day}\n", "\ndate: 2002-02-30\n")
    return [Expected(LEGAL, line_of(text, "date:"), "date: '2002-02-30' is not a valid date")]


def bad_review_date(p: Path) -> list[Expected]:
    day = value_of(read(p, AUTHOR), "reviewed")
    text = edit(p, AUTHOR, f"\nreviewed: {day}", "\nreviewed: 23/11/2026")
    return [Expected(AUTHOR, line_of(text, "reviewed:"), "reviewed: '23/11/2026' is not a valid date")]


def value_outside_vocabulary(p: Path) -> list[Expected]:
    domain = value_of(read(p, GLOSSARY), "domain")
    text = edit(p, GLOSSARY, f"\ndomain: {domain}\n", f"\ndomain: {domain.replace('-', '')}x\n")
    return [Expected(GLOSSARY, line_of(text, "domain:"), "is not an allowed value")]


def acronym_outside_seeds_spelled_out(p: Path) -> list[Expected]:
    """A seed writes out the expansion of an acronym declared outside the seeds (the review's SAVS)."""
    name = "glossary/savs.yaml"
    text = read(p, name)
    text = re.sub(r"^attested_in: .*$", "attested_in: []", text, count=1, flags=re.MULTILINE)
    text = write(p, name, re.sub(r"^expansion_source: .*\n", "", text, count=1, flags=re.MULTILINE))
    return [Expected(name, line_of(text, "attested_in:"), "attested_in: seed 004 spells out SAVS at line")]


def undeveloped_acronym_developed(p: Path) -> list[Expected]:
    """An acronym a seed develops (CPOM, in the glossary of seed 001) marked as undeveloped."""
    text = read(p, GLOSSARY)
    text = re.sub(r"^expansion: .*$", "undeveloped: true", text, count=1, flags=re.MULTILINE)
    text = write(p, GLOSSARY, text.replace(
        "\nreviewed:", "\nin_sources:\n  - source: rencontres-partenariales-2018-synthese\n"
        "    context: Le glossaire le cite.\nreviewed:", 1))
    return [Expected(GLOSSARY, line_of(text, "undeveloped:"), "undeveloped: seed 001 spells out CPOM at line")]


BOMB_LEVELS = 10


def bomb_lines() -> list[str]:
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, BOMB_LEVELS):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]")  # 10**10 items if expanded
    return lines


def billion_laughs(p: Path) -> list[Expected]:
    text = read(p, CONCEPT).rstrip("\n") + "\n"
    start = text.count("\n") + 1
    write(p, CONCEPT, text + "\n".join(bomb_lines()) + "\n")
    return [Expected(CONCEPT, start, "YAML anchors (&lol0) are not allowed")]


def alias_only(p: Path) -> list[Expected]:
    text = read(p, CONCEPT).rstrip("\n") + "\n"
    write(p, CONCEPT, text + "extra: *undefined\n")
    return [Expected(CONCEPT, text.count("\n") + 1, "YAML aliases (*undefined) are not allowed")]


def too_large(p: Path) -> list[Expected]:
    text = read(p, CONCEPT)
    write(p, CONCEPT, text + "# " + "x" * 1_200_000 + "\n")
    return [Expected(CONCEPT, 1, "file is too large")]


def stray_yml(p: Path) -> list[Expected]:
    shutil.copy(p / GLOSSARY, p / "glossary" / "cpom-notes.yml")
    return [Expected("glossary/cpom-notes.yml", 0, "not a .yaml data file (rename it with the .yaml extension)")]


def stray_other(p: Path) -> list[Expected]:
    write(p, "concepts/notes.txt", "à faire\n")
    return [Expected("concepts/notes.txt", 0, "not a .yaml data file (move it out of the data folder)")]


def two_files_at_once(p: Path) -> list[Expected]:
    return syntax_error(p) + missing_required(p) + nonexistent_date(p)


# --- hostile text: data fields must never become live HTML or an active link -------------------

CASE = "cases/trepos-encadre-1-angouleme.yaml"


def inject(p: Path, name: str, key: str, payload: str) -> int:
    """Append ``payload`` to the text of top-level ``key`` (block or one-line); the key's line."""
    text = read(p, name)
    number = line_of(text, f"{key}:")
    lines = text.split("\n")
    value = lines[number - 1].split(":", 1)[1].strip()
    if value in {">-", ">", "|", "|-"}:  # block scalar: the payload goes in literally
        lines[number] += " " + payload
    else:
        plain = value.strip("'\"") if value[:1] in "'\"" else value
        lines[number - 1] = f"{key}: " + json.dumps(plain + " " + payload, ensure_ascii=False)
    write(p, name, "\n".join(lines))
    return number


def hostile(name: str, key: str, payload: str, message: str) -> Callable[[Path], list[Expected]]:
    def apply(p: Path) -> list[Expected]:
        return [Expected(name, inject(p, name, key, payload), f"{key}: {message}")]

    apply.__name__ = f"hostile_{key}"
    return apply


def hostile_url(p: Path) -> list[Expected]:
    text = read(p, SOURCE)
    if "\nurl:" in text:
        text = re.sub(r"^url: .*$", "url: javascript:alert(1)", text, count=1, flags=re.MULTILINE)
    else:
        text = text.replace("\nattested_in:", "\nurl: javascript:alert(1)\nattested_in:", 1)
    write(p, SOURCE, text)
    return [Expected(SOURCE, line_of(text, "url:"), "url: 'javascript:alert(1)' is not a web address")]


def replace_value(p: Path, name: str, key: str, value: str) -> int:
    """Replace the value of top-level ``key`` (one line or a block) by ``value`` written as a
    one-line double-quoted YAML string (JSON escapes: `\\u0001`); the key's line."""
    text = read(p, name)
    number = line_of(text, f"{key}:")
    lines = text.split("\n")
    end = number
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    lines[number - 1:end] = [f"{key}: " + json.dumps(value)]
    write(p, name, "\n".join(lines))
    return number


def replaced(name: str, key: str, value: str, message: str) -> Callable[[Path], list[Expected]]:
    def apply(p: Path) -> list[Expected]:
        return [Expected(name, replace_value(p, name, key, value), f"{key}: {message}")]

    apply.__name__ = f"replaced_{key}"
    return apply


def symlink_outside(p: Path) -> list[Expected]:
    """A valid entry outside the repository, linked into the glossary: never read, never published."""
    outside = p.parent / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(read(p, GLOSSARY).replace("id: cpom", "id: secret"), "utf-8")
    (p / "glossary" / "secret.yaml").symlink_to(outside / "secret.yaml")
    return [Expected("glossary/secret.yaml", 0, "a data file cannot be a symbolic link")]


HOSTILE = [  # (name, file, field, text added, message fragment), each refused by check at its line
    ("script_in_concept_summary", CONCEPT, "summary", "<script>alert(1)</script>", "HTML is not allowed"),
    ("img_onerror_in_acronym_description", GLOSSARY, "description", '<img src=x onerror="alert(1)">',
     "HTML is not allowed in data text ('<img')"),
    ("javascript_link_in_author_notes", AUTHOR, "notes", "[x](javascript:alert(1))",
     "link to 'javascript:alert(1)' is not allowed"),
    ("mixed_case_javascript_link", AUTHOR, "notes", "[x]( JaVaScRiPt:alert(1) )",
     "link to 'JaVaScRiPt:alert(1)' is not allowed"),
    ("iframe_in_case", CASE, "situation", '<iframe src="https://example.org"></iframe>',
     "HTML is not allowed in data text ('<iframe')"),
    ("svg_onload_in_source_title", SOURCE, "title", "<svg/onload=alert(1)>", "HTML is not allowed in data text ('<svg')"),
    ("closing_tag_only", CONCEPT, "summary", "</div>", "HTML is not allowed in data text ('</div')"),
    ("html_comment", CONCEPT, "summary", "<!-- caché -->", "HTML is not allowed"),
    ("attribute_list_handler", CONCEPT, "summary", '[[concept:partenariat]]{onclick="alert(1)"}',
     "script attribute 'onclick' is not allowed"),
    ("attribute_list_href", CONCEPT, "summary", "[site](https://example.org){: href='javascript:alert(1)' }",
     "attribute list"),
    ("entity_obfuscated_link", AUTHOR, "notes", "[x](&#106;avascript:alert(1))",
     "HTML character reference '&#106;' is not allowed"),
    ("data_reference_link", LEGAL, "summary", "[x][1] [1]: data:text/html;base64,PHNjcmlwdD4=",
     "link to 'data:text/html;base64,PHNjcmlwdD4=' is not allowed"),
    ("vbscript_autolink", GLOSSARY, "description", "<vbscript:msgbox(1)>", "link to 'vbscript:msgbox(1)'"),
    ("remote_image", CONCEPT, "summary", "![pixel](https://tracker.example/p.png)", "image"),
    # a tag whose name holds another character than a letter, a digit or '-' (once copied raw)
    ("tag_name_with_underscore", CONCEPT, "summary", "<x_y onmouseover=alert(1) style=position:fixed;inset:0>x</x_y>",
     "HTML is not allowed in data text ('<x_y')"),
    ("tag_name_with_dot", AUTHOR, "notes", "<a.b autofocus onfocus=alert(1)>", "HTML is not allowed in data text ('<a.b')"),
    ("tag_name_with_equals", CASE, "situation", "<a=b onanimationstart=alert(1)>", "HTML is not allowed in data text ('<a=b')"),
    ("bare_attribute_list", GLOSSARY, "description", "{: hidden }", "attribute list '{: hidden }' is not allowed"),
    ("link_without_scheme", AUTHOR, "notes", "[site](www.example.org)", "link to 'www.example.org' is not allowed"),
]

# Values written as YAML escapes (a double-quoted one-line value), each refused at its line.
ESCAPED = [  # (name, file, field, value, message fragment)
    # the build once ran this as a template: the control character broke the generated front matter
    ("template_behind_control_char", CONCEPT, "summary",
     "Un réseau.\x01 {{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
     "invisible control character (U+0001)"),
    ("escape_sequence", AUTHOR, "name", "Fabrice \x1b[2J\x1b[1;1HDhume", "invisible control character (U+001B)"),
    ("bidi_override", CONCEPT, "term", "Réseau \u202etxt.exe", "invisible bidirectional control (U+202E)"),
    ("zero_width_space", GLOSSARY, "expansion", "Contrat\u200b pluriannuel", "invisible zero-width character (U+200B)"),
    ("line_separator_escape", CASE, "title", "Un niveau\u2028minimal", "invisible line separator (U+2028)"),
    # 30,000 `[[a:` once kept check busy for minutes
    ("link_openings", GLOSSARY, "description", "[[a:" * 2400, "'[[' does not start a link to an entry"),
]

MUTATIONS = [
    Mutation("syntax_error", syntax_error, also_build=True),
    Mutation("tab", tab),
    Mutation("not_utf8", not_utf8, also_build=True),
    Mutation("bom", bom),
    Mutation("empty", empty),
    Mutation("top_level_list", top_level_list),
    Mutation("unknown_field", unknown_field, also_build=True),
    Mutation("wrong_type", wrong_type),
    Mutation("wrong_type_list", wrong_type_list),
    Mutation("missing_required", missing_required),
    Mutation("invalid_id", invalid_id),
    Mutation("id_not_file_name", id_not_file_name),
    Mutation("bad_file_name", bad_file_name, cascade=True),  # the files citing 'cpom' are right to complain
    Mutation("duplicate_acronym", duplicate_acronym, also_build=True),
    Mutation("duplicate_key", duplicate_key),
    Mutation("unknown_reference", unknown_reference),
    Mutation("unknown_text_link", unknown_text_link),
    Mutation("self_reference", self_reference),
    Mutation("part_of_cycle", part_of_cycle, also_build=True),
    Mutation("nonexistent_date", nonexistent_date),
    Mutation("bad_review_date", bad_review_date),
    Mutation("value_outside_vocabulary", value_outside_vocabulary),
    Mutation("acronym_outside_seeds_spelled_out", acronym_outside_seeds_spelled_out),
    Mutation("undeveloped_acronym_developed", undeveloped_acronym_developed),
    Mutation("billion_laughs", billion_laughs, also_build=True),
    Mutation("alias_only", alias_only),
    Mutation("too_large", too_large),
    Mutation("stray_yml", stray_yml, also_build=True),
    Mutation("stray_other", stray_other),
    Mutation("two_files_at_once", two_files_at_once),
    *[Mutation(name, hostile(file, key, payload, message), also_build=name in {
        "script_in_concept_summary", "img_onerror_in_acronym_description", "javascript_link_in_author_notes"})
      for name, file, key, payload, message in HOSTILE],
    Mutation("javascript_url", hostile_url),
    *[Mutation(name, replaced(file, key, value, message), also_build=name == "template_behind_control_char")
      for name, file, key, value, message in ESCAPED],
    Mutation("symlink_outside", symlink_outside),
]


def problem_lines(output: str) -> list[str]:
    """The `file:line: …` lines of a report (MkDocs adds its own lines around them)."""
    return [line for line in output.splitlines() if re.match(r"^[a-z]+/[^ :]+(:\d+)?: ", line)]


def assert_reported(result: subprocess.CompletedProcess[str], expected: list[Expected],
                    cascade: bool = False) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    found = problem_lines(output)
    files = {e.file for e in expected}
    for line in found:  # only the broken files are named: no cascade into the rest of the corpus
        assert cascade or line.split(":", 1)[0] in files, f"unexpected problem: {line}\n{output}"
    by_text: dict[str, list[Expected]] = {}
    for e in expected:
        by_text.setdefault(e.text, []).append(e)
    for alternatives in by_text.values():  # one expectation per message; a cycle may be told on either file
        wanted = [f"{e.file}:{e.line}: " if e.line else f"{e.file}: " for e in alternatives]
        text = alternatives[0].text
        assert any(line.startswith(w) and text in line for line in found for w in wanted), (
            f"expected {' or '.join(wanted)}… {text!r}\n{output}")


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_check_names_file_and_line(project: Path, mutation: Mutation) -> None:
    expected = mutation.apply(project)
    assert_reported(check(project), expected, mutation.cascade)


BUILT = [m for m in MUTATIONS if m.also_build]


@pytest.mark.parametrize("mutation", BUILT, ids=[m.name for m in BUILT])
def test_build_stops_with_the_same_messages(project: Path, mutation: Mutation) -> None:
    expected = mutation.apply(project)
    result = build(project)
    assert_reported(result, expected, mutation.cascade)
    assert not (project / "site" / "index.html").exists()
    assert not (project / "PWNED").exists(), "the data ran a command"


def test_billion_laughs_is_refused_with_little_memory(project: Path) -> None:
    """The check runs under a 2 GiB address-space limit (an expansion would hit it rather than
    the machine); its peak RSS is measured by a wrapper that waits for it."""
    expected = billion_laughs(project)
    wrapper = (
        "import resource, subprocess, sys\n"
        "limit = 2 * 1024 ** 3\n"
        "def cap(): resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, preexec_fn=cap, timeout=60)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
        "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "partenariat", "--root", str(project),
                             "check", "--lang", "en"], cwd=project, capture_output=True, text=True, env=ENV, timeout=120)
    assert_reported(result, expected)
    peak_mb = int(re.search(r"PEAK_KB (\d+)", result.stdout).group(1)) / 1024  # type: ignore[union-attr]
    assert peak_mb < 200, f"peak RSS {peak_mb:.0f} MB"


# --- inputs that once ended in a traceback or a shifted line (fixed in yamlfile.py) -----------------


def test_control_character_is_located_not_a_traceback(project: Path) -> None:
    text = read(project, CONCEPT)
    number = line_of(text, "summary:") + 1  # a form feed pasted into the summary
    lines = text.split("\n")
    lines[number - 1] = lines[number - 1].replace(" ", " \x0c", 1)
    write(project, CONCEPT, "\n".join(lines))
    assert_reported(check(project), [Expected(CONCEPT, number, "invisible control character (U+000C)")])


def test_deep_nesting_is_located_not_a_traceback(project: Path) -> None:
    text = read(project, CONCEPT).rstrip("\n") + "\n"
    write(project, CONCEPT, text + "extra: " + "[" * 1500 + "]" * 1500 + "\n")
    assert_reported(check(project), [Expected(CONCEPT, text.count("\n") + 1, "nested too deeply")])


def test_tab_in_indentation_is_located(project: Path) -> None:
    text = read(project, CONCEPT)
    lines = text.split("\n")
    tabbed = line_of(text, "  - concept:")  # a tab in the indentation of a list item
    lines[tabbed - 1] = "\t" + lines[tabbed - 1][2:]
    write(project, CONCEPT, "\n".join(lines))
    assert_reported(check(project), [Expected(CONCEPT, tabbed, "tab character in indentation")])


def test_line_separator_in_text_is_named_at_its_line(project: Path) -> None:
    """U+2028 pasted from a PDF: YAML would read it as a line break and shift every later line,
    so the reader refuses it at the line where the editor sees it. (This test used to return
    early when `check` accepted the file, so it could not fail.)"""
    text = read(project, CONCEPT)
    pasted = line_of(text, "summary:") + 1
    lines = text.split("\n")
    lines[pasted - 1] = re.sub(r"(\S) ", "\\1\u2028", lines[pasted - 1], count=1)
    assert "\u2028" in lines[pasted - 1], "no space to replace on the summary's first line"
    write(project, CONCEPT, "\n".join(lines))
    result = check(project)
    assert_reported(result, [Expected(CONCEPT, pasted, "invisible line separator (U+2028)")])
    assert len(problem_lines(result.stderr)) == 1, result.stderr


def test_source_part_of_itself_is_one_problem(project: Path) -> None:
    stem = Path(SOURCE).stem
    text = read(project, SOURCE)
    number = line_of(text, "attested_in:")
    lines = text.split("\n")
    write(project, SOURCE, "\n".join(lines[: number - 1] + [f"part_of: {stem}"] + lines[number - 1:]))
    result = check(project)
    assert_reported(result, [Expected(SOURCE, number, "part_of: ")])
    assert len(problem_lines(result.stderr)) == 1, result.stderr


def test_invalid_file_name_hints_do_not_contradict(project: Path) -> None:
    (project / GLOSSARY).rename(project / "glossary" / "CPOM.yaml")
    result = check(project)
    assert_reported(result, [Expected("glossary/CPOM.yaml", 1, "file name 'CPOM.yaml' is not a valid id")], cascade=True)
    assert "write 'id: CPOM'" not in result.stderr, result.stderr


# --- markup characters that are not markup: escaped wherever the renderer writes them ---------------


class _Attributes(HTMLParser):
    """Every attribute name of a page: a quote in one means a value broke out of its attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.update(name for name, _ in attrs)


@pytest.mark.slow
def test_markup_characters_in_a_term_are_inert_on_every_built_page(tmp_path: Path) -> None:
    """`<`, `>`, `&` and quotes are allowed in text (« a < b » is prose); the term goes to the entry
    page, the indexes, the SVG maps, the JSON-LD and attributes, and is escaped in every one.
    Built from the small fixture corpus (every kind of page, in seconds): the escaping is the
    templates' and the renderer's, not the data's."""
    project = _fixture_project(tmp_path)
    odd = "Réseau <1> & \"x\" 'y'"
    text = read(project, CONCEPT)
    write(project, CONCEPT, re.sub(r"^term: .*$", "term: " + json.dumps(odd, ensure_ascii=False), text,
                                   count=1, flags=re.MULTILINE))
    summary = value_of(read(project, CONCEPT), "summary")  # its first sentence is the page description
    edit(project, CONCEPT, f"summary: {summary}", "summary: " + json.dumps(f'Un "réseau" <3> & co[[note:dossier]]. {summary}'))
    expansion = value_of(read(project, GLOSSARY), "expansion")  # shown in every CPOM's abbr title
    hostile_expansion = json.dumps(f'<2> "{expansion}" & co', ensure_ascii=False)
    edit(project, GLOSSARY, f"expansion: {expansion}", f"expansion: {hostile_expansion}")
    assert check(project).returncode == 0
    result = build(project)
    assert result.returncode == 0, result.stderr
    reached, in_svg, in_abbr = [], [], []
    for page in sorted((project / "site").rglob("*.html")):
        html = page.read_text("utf-8")
        assert not re.search("<[123]>", html), f"raw '<1>', '<2>' or '<3>' in {page}"
        parser = _Attributes()
        parser.feed(html)
        broken = {n for n in parser.names if not re.fullmatch(r"[a-z_:][-a-z0-9_:.]*", n)}
        assert not broken, f"{page}: attribute names {broken}"
        if "Réseau &lt;1&gt;" in html:
            reached.append(page)
        if re.search(r"<text[^>]*>[^<]*Réseau &lt;1&gt; &amp;", html):
            in_svg.append(page)
        if re.search(r'<abbr title="&lt;2&gt; &quot;Contrat', html):
            in_abbr.append(page)
    assert len(reached) >= 3, reached  # the entry page and the indexes at least
    entry = (project / "site" / "concepts" / Path(CONCEPT).stem / "index.html").read_text("utf-8")
    assert '<meta name="description" content="Un &quot;réseau&quot; &lt;3&gt; &amp; co.">' in entry
    assert "<title>Réseau &lt;1&gt; &amp; &quot;x&quot; 'y' - " in entry
    assert in_svg, "the term never reached an SVG label"
    assert in_abbr, "the expansion never reached an abbr title"
