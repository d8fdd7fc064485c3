"""Editorial rules of data text, met by editors in `check` (each with its catalogued message).

- « p. » stands only before a page number: a slide, a chapter or a part is named as such.
- No back-reference a reader of one page cannot follow (« ci-dessus », « les trois synthèses »):
  every page is read on its own (search, a link, a printed fiche). Quotations keep their
  author's words and are left out.
- A work whose title the sources do not give has no made-up title: « Damon (2001) » is a way
  to cite it (`cited_as`), not its title.
- Every sentence of a concept's « En bref » (`summary`) carries its source note
  (``[[note:SOURCE_ID|p. 12]]``, see `partenariat.data.notes`), as a Wikipedia lead does.

Every pattern here is a single pass with no nested repetition (linear in the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from partenariat.base.messages import msg
from partenariat.base.problems import Problem
from partenariat.data.notes import NOTE_PLACES, sentences
from partenariat.data.refs import PathKey, format_path
from partenariat.data.yamlfile import YamlDoc

# « p. » after a word boundary (not « chap. », « champ. »), and what follows it.
PAGE_MARK = re.compile(r"(?<![\w.])p\.[ \t\n]+(\S+)")
VAGUE_REFERENCE = re.compile(
    r"\bci-dessus\b|\b(?:dit|vu|cité|évoqué) plus haut\b|\bop\. ?(?:cit|sup)\b"
    r"|\bles (?:deux|trois|quatre|cinq) (?:premiers |premières )?(?:documents|synthèses|textes)\b",
    re.IGNORECASE)
PLACEHOLDER_TITLE = re.compile(r"^[^()]+\(\d{4}\)$")
# Verbatim words of an author or of the law: their wording is not ours to change.
QUOTATION_FIELDS = frozenset({"quote", "text"})


def _strings(value: object, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def prose_problems(doc: YamlDoc, file: str, type_name: str) -> list[Problem]:
    problems = []
    for path, value in _strings(doc.data):
        if not path or path[-1] in QUOTATION_FIELDS:
            continue
        where = (file, doc.line_of(path), format_path(path))
        for mark in PAGE_MARK.finditer(value):
            if not mark.group(1)[0].isdigit():
                problems.append(Problem(*where, msg("page-mark-not-page", text=mark.group(0)), msg("page-mark-fix")))
                break
        if vague := VAGUE_REFERENCE.search(value):
            problems.append(Problem(*where, msg("vague-reference", text=vague.group(0)), msg("vague-reference-fix")))
        if type_name == "source" and path == ("title",) and PLACEHOLDER_TITLE.match(value.strip()):
            problems.append(Problem(*where, msg("placeholder-title", title=value.strip()), msg("placeholder-title-fix")))
        if (type_name, path) in NOTE_PLACES:
            problems.extend(_unsourced_sentences(doc, file, path, value))
    return problems


def _unsourced_sentences(doc: YamlDoc, file: str, path: PathKey, value: str) -> list[Problem]:
    """Each sentence of a summary without a source note, at the line where it starts."""
    problems, after = [], 0
    for sentence in sentences(value):
        words = sentence.text.split()[:2]
        line, after = doc.line_in(path, re.compile(r"\s+".join(re.escape(w) for w in words)), after)
        if not sentence.has_note:
            problems.append(Problem(file, line, format_path(path), msg("sentence-without-note", start=sentence.opening()),
                                    msg("sentence-note-fix")))
    return problems
