"""Hostile data, kind by kind: each input is refused by `check` at its file and line, or is inert
on every page and export built from it.

The refusals are the editor's message; the walls behind them hold on their own, so most tests
here switch the refusal off and look at what is built:

- markup: every text field of every entry holds tags (names with `_`, `.`, `=`), attribute lists,
  links, images, fences, admonitions, templates; the pages have exactly the elements they have
  with plain text (more paragraphs and emphasis only), no new attribute, no active address;
- templates: a data file never reaches Jinja, even with a control character that once broke the
  generated front matter (a real build must not run the command it holds);
- control characters, XML, CSV: every export parses and no cell starts a formula;
- files: a symbolic link, a pipe, a folder leading outside the repository are refused;
- time: 1 MB of `[[a:`, `{ =`, `<`, `]]>`, `![`… is answered (hypothesis builds the inputs;
  scripts/adversarial.py prints the times).

One test loads the built pages in Chromium and checks that no script ran.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import subprocess
import sys
import typing
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load
from pydantic import BaseModel

from conftest import FIXTURE, REPO
from partenariat import DataError, load_corpus
from partenariat.base.messages import report
from partenariat.checks.load import Corpus
from partenariat.checks.safetext import MAX_TEXT, unsafe_in
from partenariat.data.entities import BY_NAME
from partenariat.derive.core import Context
from partenariat.derive.index import build_index
from partenariat.derive.mdtext import md_blocks, md_inline
from partenariat.export import build_exports
from partenariat.export.spreadsheet import FORMULA_STARTS
from partenariat.render.common import split_front_matter
from partenariat.render.glossary import abbreviations
from partenariat.render.pages import build_pages
from test_site import _fixture_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PARTENARIAT_LANG": "en"}

# Everything a text field could try, one kind after the other (a value starts with it: the
# first character of a cell, of a line, of a title is where formulas and blocks start).
PAYLOAD = (
    "=cmd|' /C calc'!A0 <x_y onmouseover=alert(1)>pwn</x_y> <a.b onclick=alert(2)> <a=b onfocus=alert(3) autofocus> "
    "<img src=x onerror=alert(4)> <svg/onload=alert(5)> <!--pwn--> <![CDATA[pwn]]> <?pwn?> [pwn](javascript:alert(6)) "
    "[pwn](data:text/html,x) ![pwn](https://tracker.example/p.png) <javascript:alert(7)> {: onclick=alert(8) } "
    "{#pwn .pwn pwn=1} &#60;script&#62; &lt;b&gt; `<b>pwn</b>` [^pwn] *[PWN]: pwn {{ 7*7 }} {% raw %} {# c #} "
    "\x01\x02wzxhzdk:0\x03\x0b\x1b[2J\u202e\u200b\ufffe ]]> \n# pwn-h1\n!!! danger \"pwn\"\n    pwn\n: pwn-dd\n"
    "| pwn | b |\n| --- | --- |\n```pwn\nx\n```\n~~~{.pwn onclick=x}\n~~~\n> pwn\n    pwn-code\n---\npwn\n===\n"
    "<script>alert(9)</script>\n<div markdown=1 onclick=alert(10)>pwn</div>\n"
)
PLAIN = "Zzzz " * (len(PAYLOAD) // 5)  # as long, nothing in it: the pages it gives are the reference
# paragraphs, emphasis, web links; a changed acronym; and what the data decides the number of: list items
# (« pourquoi ce lien »), the A–Z bar's letters (span), the questions of a pack (div), an indented line
# shown as code (pre, code). Attributes are compared apart: none may be added.
DATA_MAY_ADD = {"p", "em", "strong", "a-web", "abbr", "li", "span", "div", "pre", "code"}


# --- a corpus whose every text field holds a payload (check's refusals bypassed) -------------


def _leaves(annotation: object, meta: tuple[object, ...] = ()) -> Iterator[tuple[object, tuple[object, ...]]]:
    """The leaf types of an annotation, each with the metadata (constraints) around it."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        yield from _leaves(base, meta + tuple(extra))
    elif origin is typing.Literal:
        yield "literal", meta
    elif typing.get_args(annotation):
        for arg in typing.get_args(annotation):
            yield from _leaves(arg, meta)
    else:
        yield annotation, meta


def free_text(info: Any) -> bool:
    """A field an editor writes freely: text, not an id, a reference, a closed value or a date."""
    leaves = list(_leaves(info.annotation))
    texts = [meta for kind, meta in leaves if kind is str]
    if not texts or any(kind == "literal" for kind, _ in leaves):
        return False
    return not any(getattr(c, "pattern", None) for meta in texts for c in (*meta, *info.metadata))


def with_payload(entity: BaseModel, payload: str) -> BaseModel:
    """A copy of ``entity`` whose every free text (at any depth) starts with ``payload``."""
    updates: dict[str, object] = {}
    for name, info in type(entity).model_fields.items():
        value = getattr(entity, name)
        if value is None:
            continue
        if free_text(info) and name != "date":  # a role's date is text the model checks as a year or a date
            updates[name] = payload + value if isinstance(value, str) else [payload + v for v in value]
        elif isinstance(value, BaseModel):
            updates[name] = with_payload(value, payload)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            updates[name] = [with_payload(v, payload) for v in value]
    return entity.model_copy(update=updates)


@cache
def corpus_with(payload: str) -> Corpus:
    corpus = load_corpus(FIXTURE)
    records = {name: {i: dataclasses.replace(r, entity=with_payload(r.entity, payload)) for i, r in recs.items()}
               for name, recs in corpus.records.items()}
    return Corpus(corpus.root, records, corpus.edges)


def _markdown_extensions(corpus: Corpus) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions of mkdocs.yml, as MkDocs configures them."""
    names, configs = [], {}
    for entry in yaml_load((REPO / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = dict(config or {})
    configs.setdefault("partenariat.render.abbr", {})["glossary"] = abbreviations(corpus.entities("glossary"))
    return names, configs


class Elements(HTMLParser):
    """Elements by name (a link to the web counted apart), attribute names, addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()
        self.attributes: set[str] = set()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        href = values.get("href") or ""
        self.tags["a-web" if tag == "a" and href.startswith(("https://", "http://")) else tag] += 1
        self.attributes.update(values)
        self.addresses += [v or "" for k, v in attrs if k in ("href", "src", "action", "formaction", "xlink:href")]


@cache
def built(payload: str) -> list[tuple[str, dict[str, Any], Elements]]:
    """Every page of the corpus with ``payload``: path, front matter, elements of its HTML."""
    corpus = corpus_with(payload)
    names, configs = _markdown_extensions(corpus)
    out = []
    for page in build_pages(Context(corpus, build_index(corpus))):
        meta, body = split_front_matter(page.markdown)
        elements = Elements()
        elements.feed(markdown.markdown(body, extensions=names, extension_configs=configs))
        out.append((page.path, meta, elements))
    return out


def test_every_text_field_is_given_the_payload() -> None:
    hostile = corpus_with(PAYLOAD)
    for type_name in BY_NAME:
        texts = [f for f, info in BY_NAME[type_name].model.model_fields.items() if free_text(info)]
        assert texts, type_name
        for entity in hostile.entities(type_name):
            assert any(str(getattr(entity, f) or "").startswith(PAYLOAD) for f in texts), entity.id


@pytest.mark.parametrize("index", range(len(built(PLAIN))))
def test_markup_in_data_adds_no_element_attribute_or_address(index: int) -> None:
    """The wall without the refusal: the same page with plain text and with the payload in every
    field has the same elements (data adds paragraphs, emphasis and web links only), no new
    attribute, and every address is the site's own or a web page."""
    path, _, plain = built(PLAIN)[index]
    hostile_path, meta, hostile = built(PAYLOAD)[index]
    assert hostile_path.split("/")[:2] == path.split("/")[:2]
    changed = {t: (plain.tags[t], hostile.tags[t]) for t in plain.tags | hostile.tags
               if plain.tags[t] != hostile.tags[t] and t not in DATA_MAY_ADD}
    assert not changed, f"{hostile_path}: elements (plain, hostile) {changed}"
    assert hostile.attributes <= plain.attributes, f"{hostile_path}: {hostile.attributes - plain.attributes}"
    active = [a for a in hostile.addresses if re.match(r"(?i)\s*(javascript|vbscript|data|file):", a)]
    assert not active, f"{hostile_path}: {active}"
    assert set(meta) <= {"render_macros", "title", "description", "search"}, meta
    assert meta["render_macros"] is False and "\n" not in meta["title"]


def test_exports_are_well_formed_whatever_the_data() -> None:
    """XML (Moodle glossaries and questions, Atom feed) parses; no CSV cell, the Anki deck's
    included, starts a formula; JSON parses."""
    files = {f.path: f.content for f in build_exports(Context(corpus_with(PAYLOAD), build_index(corpus_with(PAYLOAD))))}
    xml_files = [p for p in files if p.endswith(".xml")]
    assert {"glossaire-moodle.xml", "concepts-moodle.xml", "nouveautes.xml", "questions-moodle.xml"} <= set(xml_files)
    for path in xml_files:
        root = ET.fromstring(files[path].encode("utf-8"))
        assert any("pwn" in (e.text or "") for e in root.iter()), f"{path}: the payload never reached it"
    csv_files = [p for p in files if p.endswith(".csv")]
    assert {"glossaire.csv", "concepts.csv", "cartes-anki.csv"} <= set(csv_files)
    for path in csv_files:
        text = "\n".join(line for line in files[path].lstrip("\ufeff").split("\n") if not line.startswith("#"))
        cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
        assert [c for c in cells if c.startswith("'=cmd") or c.startswith("&#61;cmd")], f"{path}: no guarded cell"
        assert not [c for c in cells if c.startswith(FORMULA_STARTS)], path
    for path in (p for p in files if p.endswith(".json")):
        json.loads(files[path])


# --- check: each kind refused at its file and line ------------------------------------------------


def _refusal(corpus_dir: Path, name: str, old: str, new: str) -> list[str]:
    path = corpus_dir / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return report(info.value.problems, "en").splitlines()[:-1]


CONCEPT, SUMMARY = "concepts/reseau.yaml", "summary: Ensemble d'acteurs reliés par des connexions souples[[note:dossier]]."

REFUSED_AT_LINE = {  # value written after « summary: » (YAML) → what the message says
    # markup: a tag whatever follows its name
    '"<x_y onmouseover=alert(1)>pwn"': "HTML is not allowed in data text ('<x_y')",
    '"<a.b onclick=alert(1)>"': "HTML is not allowed in data text ('<a.b')",
    '"<a=b autofocus onfocus=alert(1)>"': "HTML is not allowed in data text ('<a=b')",
    '"un {: hidden } mot"': "attribute list '{: hidden }' is not allowed",
    '"x ![y](https://tracker.example/p.png)"': "image '![y](' is not allowed",
    '"[x](www.example.org)"': "link to 'www.example.org' is not allowed",
    '"voir [[concept:"': "'[[' does not start a link to an entry ('[[concept:')",
    # a template behind a control character: the character is refused first
    '"Un réseau.\\x01 {{ cycler.__init__.__globals__.os.popen(\'id\').read() }}"':
        "invisible control character (U+0001)",
    # control characters written as YAML escapes
    '"\\e[2J"': "invisible control character (U+001B)",
    '"a\\tb"': "invisible control character (U+0009)",
    '"a\\x7fb"': "invisible control character (U+007F)",
    '"a\\x9bb"': "invisible control character (U+009B)",
    '"a\\Nb"': "invisible control character (U+0085)",
    '"a\\Lb"': "invisible line separator (U+2028)",
    # bidirectional controls and zero-width characters
    '"txt.exe\\u202Efdp"': "invisible bidirectional control (U+202E)",
    '"a\\u2066b\\u2069"': "invisible bidirectional control (U+2066)",
    '"a\\u200Eb"': "invisible bidirectional control (U+200E)",
    '"a\\u061Cb"': "invisible bidirectional control (U+061C)",
    '"ré\\u200Bseau"': "invisible zero-width character (U+200B)",
    '"a\\u2060b"': "invisible zero-width character (U+2060)",
    '"a\\uFEFFb"': "invisible zero-width character (U+FEFF)",
    '"a\\uFFFEb"': "U+FFFE is not a character",
}


def _with_note(value: str) -> str:
    """The value as a summary sentence that carries its source note (inside its quotes if quoted),
    so that the only problem left is the one under test."""
    if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
        return value[0] + "Vu [[note:dossier]] : " + value[1:]
    return "Vu [[note:dossier]] : " + value


@pytest.mark.parametrize(("value", "message"), REFUSED_AT_LINE.items(), ids=list(REFUSED_AT_LINE))
def test_refused_at_its_line(corpus_dir: Path, value: str, message: str) -> None:
    lines = _refusal(corpus_dir, CONCEPT, SUMMARY, "summary: " + _with_note(value))
    assert len(lines) == 1 and lines[0].startswith(f"{CONCEPT}:4: summary: {message}"), lines
    assert lines[0].endswith(")"), lines  # with its fix
    assert "\x1b" not in lines[0] and "\u202e" not in lines[0]


def test_a_value_longer_than_the_limit_is_refused(corpus_dir: Path) -> None:
    """A bound on a value keeps the build linear (Python-Markdown's cost grows with a paragraph's
    length times its markup): the longest value of the corpus is a third of it."""
    note = " [[note:dossier]]."
    lines = _refusal(corpus_dir, CONCEPT, SUMMARY, "summary: " + "a" * (MAX_TEXT + 1 - len(note)) + note)
    assert lines == [f"{CONCEPT}:4: summary: text too long ({MAX_TEXT + 1} characters, at most {MAX_TEXT}) "
                     "(a field holds a few paragraphs: shorten it, or split the entry)"]
    longest = max(len(v) for r in load_corpus(REPO).records.values() for rec in r.values()
                  for v in _texts(rec.entity))
    assert longest <= MAX_TEXT // 2, f"the limit is close to real values ({longest}): raise it"


def test_a_list_longer_than_a_value_is_refused(corpus_dir: Path) -> None:
    """A list of texts is written on one line (variants, aliases, partners): the same bound."""
    item = "a" * (MAX_TEXT // 2)
    lines = _refusal(corpus_dir, CONCEPT, "attested_in:", f"aliases: [{item}, {item}, {item}]\nattested_in:")
    assert lines == [f"{CONCEPT}:5: aliases: text too long ({3 * len(item)} characters, at most {MAX_TEXT}) "
                     "(a field holds a few paragraphs: shorten it, or split the entry)"]


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_a_key_with_an_escape_sequence_is_shown_not_played(corpus_dir: Path) -> None:
    lines = _refusal(corpus_dir, CONCEPT, "reviewed:", '"x\\e[2J": 1\nreviewed:')
    assert any(line.startswith(f"{CONCEPT}:6: x\\x1b[2J: invisible control character (U+001B)") for line in lines), lines
    assert not any("\x1b" in line for line in lines), lines


def _entry_outside(tmp_path: Path) -> Path:
    """A valid glossary entry outside the repository."""
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "secret.yaml"
    target.write_text((FIXTURE / "glossary" / "cpom.yaml").read_text("utf-8")
                      .replace("id: cpom", "id: secret").replace("CPOM", "SECRET"), "utf-8")
    return target


def test_a_symbolic_link_to_an_entry_outside_is_refused(corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / "glossary" / "secret.yaml").symlink_to(_entry_outside(tmp_path))
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    assert report(info.value.problems, "en").splitlines()[0] == (
        "glossary/secret.yaml: a data file cannot be a symbolic link "
        "(put the entry itself in the data folder (a regular file, inside the repository))")


def test_a_symbolic_link_to_another_file_does_not_print_it(corpus_dir: Path) -> None:
    """A link to another YAML file (here the repository's mkdocs.yml) is refused before it is
    read: none of that file's keys is printed."""
    (corpus_dir / "concepts" / "config.yaml").symlink_to(REPO / "mkdocs.yml")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    text = report(info.value.problems, "en")
    assert text.splitlines()[0].startswith("concepts/config.yaml: a data file cannot be a symbolic link")
    assert "site_name" not in text and "markdown_extensions" not in text


def test_a_data_folder_leading_outside_is_refused(corpus_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (corpus_dir / "glossary").rename(elsewhere)
    (corpus_dir / "glossary").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    assert "glossary/: the data folder leads outside the repository" in report(info.value.problems, "en")


def test_a_pipe_named_yaml_is_refused_without_waiting(corpus_dir: Path) -> None:
    os.mkfifo(corpus_dir / "glossary" / "pipe.yaml")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    assert "glossary/pipe.yaml: not a .yaml data file" in report(info.value.problems, "en")


def test_read_yaml_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    """The reader's own wall (a file replaced by a link or a pipe after the folder was listed)."""
    from partenariat.data.yamlfile import read_yaml
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "link.yaml").symlink_to(FIXTURE / "glossary" / "cpom.yaml")
    for name, message in (("pipe.yaml", "not a regular file"), ("link.yaml", "a data file cannot be a symbolic link")):
        doc, problems = read_yaml(tmp_path / name, name)
        assert doc is None and [p.message.text("en") for p in problems] == [message]


# --- templates: a real build never hands data to Jinja -------------------------------------------

# Valid YAML for the fixture's files: a control character as an escape (once it broke the
# generated front matter and mkdocs-macros then ran the page), then a template that runs a
# command; in a title, a summary, a description.
TEMPLATE = "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }} {{ 7*7 }} {% raw %} {#"


def _hostile_project(tmp_path: Path) -> Path:
    """The fixture project with a payload in every top-level text field of every file."""
    project = _fixture_project(tmp_path)
    for etype in BY_NAME.values():
        for path in sorted((project / etype.folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text("utf-8"))
            for field, info in etype.model.model_fields.items():
                if free_text(info) and isinstance(data.get(field), str):
                    data[field] = f"\x01{BROWSER_PAYLOAD} {TEMPLATE} {data[field]}"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return project


# Python that builds with check's text rules switched off: the pages show what the escaping
# alone makes of data that `check` would refuse.
UNCHECKED_BUILD = ("import sys, partenariat.checks.load as load; load.text_problems = lambda doc, file: []; "
                   "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")

# Markup that would run in a browser if it reached a page as HTML (the hover layer covers the
# window; autofocus and animations need no action).
BROWSER_PAYLOAD = (
    "<x_y onmouseover=window.__pwned=1 style=position:fixed;inset:0>x</x_y> "
    "<a.b autofocus tabindex=1 onfocus=window.__pwned=2></a.b> "
    "<img src=x onerror=window.__pwned=3> <svg/onload=window.__pwned=4> "
    "<style>@keyframes k{}</style><b style=animation-name:k onanimationstart=window.__pwned=5>b</b> "
    "[x](javascript:window.__pwned=6) {: onclick=window.__pwned=7 autofocus } "
    "<details open ontoggle=window.__pwned=8> <script>window.__pwned=9</script>"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    project = _hostile_project(tmp)
    checked = subprocess.run([sys.executable, "-m", "partenariat", "--root", str(project), "check"], cwd=project,
                             capture_output=True, text=True, env=ENV, timeout=120)
    assert checked.returncode == 1 and "invisible control character (U+0001)" in checked.stderr  # refused
    result = subprocess.run([sys.executable, "-c", UNCHECKED_BUILD, "build", "--strict", "-q", "-d", str(tmp / "site")],
                            cwd=project, capture_output=True, text=True, env=ENV, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "PWNED").exists() and not (tmp / "PWNED").exists(), "a data file ran a command"
    return tmp / "site"


@pytest.mark.slow
def test_data_never_reaches_jinja(hostile_site: Path) -> None:
    """The template is shown as written on the pages it reaches; the build ran nothing."""
    pages = {p: p.read_text("utf-8") for p in hostile_site.rglob("*.html")}
    shown = [p for p, html in pages.items() if "{{ 7*7 }}" in html and "{% raw %}" in html]
    assert len(shown) >= 10, "the template text should be shown on most pages"
    entry = pages[hostile_site / "concepts" / "reseau" / "index.html"]
    assert "popen(&#x27;touch PWNED&#x27;)" in entry or "popen('touch PWNED')" in entry


@pytest.mark.browser
@pytest.mark.slow
def test_no_script_runs_on_pages_built_from_hostile_data(hostile_site: Path) -> None:
    """Every page built from the hostile data, in Chromium: nothing sets `window.__pwned`, no
    dialog opens, no element carries an event handler or a name that is not HTML's."""
    from browser import chromium

    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 20
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            page.goto(path.as_uri())
            page.mouse.move(683, 384)
            page.keyboard.press("Tab")
            page.wait_for_timeout(50)
            found = page.evaluate("""() => ({
                pwned: window.__pwned,
                handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                    .filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
                odd: [...document.querySelectorAll('*')].map(e => e.tagName.toLowerCase())
                    .filter(n => /[_.=]/.test(n)),
            })""")
            where = path.relative_to(hostile_site)
            assert found["pwned"] is None, f"{where}: script ran ({found['pwned']})"
            assert not found["handlers"], f"{where}: {found['handlers'][:5]}"
            assert not found["odd"], f"{where}: {found['odd'][:5]}"
        assert not dialogs, dialogs


# --- time: linear patterns, whatever the input -----------------------------------------------

UNITS = ["[[", "[[a:", "[[a:b|", "{ =", " =", "{:", "<", "<a", "]]>", "](", "&#", "![", "[\n", "*_", "`", "\\", "|", ":",
         "<!--", "{{", "{%", "\x01"]


def props(max_examples: int = 25) -> Any:
    return settings(max_examples=int(os.environ.get("PROPS_EXAMPLES", max_examples)), deadline=None, database=None,
                    derandomize=bool(os.environ.get("CI")), suppress_health_check=[HealthCheck.too_slow])


@props()
@given(st.lists(st.tuples(st.sampled_from(UNITS), st.integers(1, 60_000)), min_size=1, max_size=4),
       st.sampled_from(["", "{", "<", "[[concept:", "!["]))
@pytest.mark.slow
def test_large_adversarial_text_is_refused_or_inert(runs: list[tuple[str, int]], prefix: str) -> None:
    """Up to about 1 MB of repeated openings: `check` answers (a refusal or nothing), and the
    escaped Markdown holds no tag, no attribute list, no link that data did not write. No time
    is asserted (scripts/adversarial.py prints it); a super-linear pattern would not finish."""
    text = prefix + "".join(unit * count for unit, count in runs)
    unsafe_in(text)
    escaped = md_blocks(text, lambda t, i, label: f"[{md_inline(label or i)}](../{t}/{i}.md)")
    assert not re.search(r"<[A-Za-z/!?]", escaped)
    assert not re.search(r"(?<!\\)\{", escaped.replace("\\\\", ""))
    inline = md_inline(text)
    assert "\n" not in inline and not re.search(r"<[A-Za-z/!?]", inline)
