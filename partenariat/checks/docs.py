"""The macros of the hand-written pages (docs/), checked like data: every `{{ macro(...) }}`
is found with its line, its arguments read as plain values, and the call tried against the
corpus by the same functions the build uses (render/macros.py). `check` reports a bad call
at `docs/page.md:line`; the build never meets one it has not seen.

The scanner walks the text with `str.find` (linear in the page, whatever it holds) and skips
`{% raw %}` blocks and pages that turn macros off (`render_macros: false`), as mkdocs-macros does.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from partenariat.base.messages import msg
from partenariat.base.problems import Problem, did_you_mean
from partenariat.derive.core import Context
from partenariat.render.macros import GLUE_MACROS, MacroCallError, make_macros

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


def _pages(docs_dir: Path) -> Iterator[Path]:
    yield from sorted(docs_dir.rglob("*.md"))


def check_docs(root: Path, docs_dir: Path, ctx: Context) -> list[Problem]:
    """Every bad macro call of the hand-written pages, at its file and line."""
    errors: list[MacroCallError] = []
    macros = make_macros(ctx, errors)
    known = sorted([*macros, *GLUE_MACROS])
    problems: list[Problem] = []
    for path in _pages(docs_dir):
        file = path.relative_to(root).as_posix()
        calls, found = scan(path.read_text("utf-8"), file)
        problems += found
        for call in calls:
            if call.name in GLUE_MACROS:
                if call.args or call.kwargs:
                    problems.append(Problem(file, call.line, call.name, msg(
                        "macro-arguments", name=call.name, given=repr(call.args), signature="()")))
                continue
            if call.name not in macros:
                hint = did_you_mean(call.name, known) or msg("macro-list", names=", ".join(known))
                problems.append(Problem(file, call.line, call.name, msg("macro-unknown", name=call.name), hint))
                continue
            kwargs = dict(call.kwargs)
            if call.name == "continuum":  # the glue passes the calling page (links inside the SVG)
                kwargs.setdefault("page_path", path.relative_to(docs_dir).as_posix())
            macros[call.name](*call.args, **kwargs)
            problems += [Problem(file, call.line, e.macro, e.message, e.hint) for e in errors]
            errors.clear()
    return problems
