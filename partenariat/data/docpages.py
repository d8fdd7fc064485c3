"""The hand-written pages (docs/) read as data: their front matter and their macro calls,
each with its line. The scanner walks the text with `str.find` (linear in the page, whatever
it holds) and skips `{% raw %}` blocks and pages that turn macros off (`render_macros: false`),
as mkdocs-macros does. No corpus here: `checks/docs.py` tries the calls, `derive/comparisons.py`
reads what the comparison pages declare.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

import yaml

from partenariat.base.messages import msg
from partenariat.base.problems import Problem

EXAMPLE = '{{ lien("concept", "reseau") }}'


@dataclass(frozen=True)
class MacroCall:
    line: int
    name: str
    args: tuple[object, ...]
    kwargs: dict[str, object]


def _raw_spans(text: str) -> list[tuple[int, int]]:
    """Where `{% raw %}` … `{% endraw %}` blocks stand (their content is not rendered)."""
    spans, pos = [], 0
    while (start := text.find("{% raw %}", pos)) >= 0:
        end = text.find("{% endraw %}", start)
        end = len(text) if end < 0 else end
        spans.append((start, end))
        pos = end + 1
    return spans


def _macros_off(text: str) -> bool:
    if not text.startswith("---\n"):
        return False
    end = text.find("\n---", 4)
    return end > 0 and "render_macros: false" in text[4:end]


def _call(expression: str) -> tuple[str, ast.Call] | None:
    """The macro name and call of an expression (`champs("x") | indent(4)` → `champs("x")`)."""
    try:
        node = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return None
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # Jinja filters
        node = node.left
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id, node
    return None


def scan(text: str, file: str) -> tuple[list[MacroCall], list[Problem]]:
    """Every macro call of a page, with its line; the calls that cannot be read as problems."""
    calls: list[MacroCall] = []
    problems: list[Problem] = []
    if _macros_off(text):
        return calls, problems
    raw = _raw_spans(text)
    pos = line = 0
    counted = 0
    while (start := text.find("{{", pos)) >= 0:
        line += text.count("\n", counted, start)
        counted = start
        if any(a <= start < b for a, b in raw):
            pos = start + 2
            continue
        end = text.find("}}", start + 2)
        if end < 0:
            problems.append(Problem(file, line + 1, "", msg("macro-unclosed"), msg("macro-write-like", example=EXAMPLE)))
            break
        found = _call(text[start + 2:end])
        if found is None:
            problems.append(Problem(file, line + 1, "", msg("macro-unreadable"), msg("macro-write-like", example=EXAMPLE)))
        else:
            name, call = found
            try:
                args = tuple(ast.literal_eval(a) for a in call.args)
                kwargs = {k.arg or "": ast.literal_eval(k.value) for k in call.keywords}
            except (ValueError, SyntaxError):
                problems.append(Problem(file, line + 1, name, msg("macro-not-literal"), msg("macro-quote-arguments")))
            else:
                calls.append(MacroCall(line + 1, name, args, kwargs))
        pos = end + 2
    return calls, problems


def front_matter(text: str) -> dict[str, object] | None:
    """The YAML front matter of a page, or None (none, unreadable, not a mapping)."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end < 0:
        return None
    try:
        data = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None
