"""The macros of the hand-written pages (docs/), checked like data: every `{{ macro(...) }}`
is found with its line (data/docpages.py), its arguments read as plain values, and the call
tried against the corpus by the same functions the build uses (render/macros.py). `check`
reports a bad call at `docs/page.md:line`; the build never meets one it has not seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from partenariat.base.messages import msg
from partenariat.base.problems import Problem, did_you_mean
from partenariat.data.docpages import scan
from partenariat.derive.core import Context
from partenariat.render.macros import GLUE_MACROS, MacroCallError, make_macros


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
