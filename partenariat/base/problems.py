"""A problem found in the data: where (file, line, field), what, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from partenariat.base.chars import visible
from partenariat.base.messages import Msg, msg


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: Msg
    hint: Msg | None = None

    def worded(self, lang: str = "en") -> str:
        """`file:line: field: message (hint)` in ``lang`` ("fr" or "en")."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {visible(self.field)}:" if self.field else ""  # a key as typed may hold anything
        hint = f" ({self.hint.text(lang)})" if self.hint else ""
        return f"{where}:{field} {self.message.text(lang)}{hint}"

    def __str__(self) -> str:
        return self.worded("en")


class DataError(Exception):
    """Raised when the corpus has problems; carries all of them (worded by `messages.report`)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problems in the data")

    def __str__(self) -> str:  # for a traceback in a developer's console; editors get messages.report
        return "\n".join(str(p) for p in self.problems)


def did_you_mean(value: str, candidates: Iterable[str]) -> Msg | None:
    candidates = list(candidates)
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    if not close and len(value) >= 4:  # a shortened id: 'lahary-2007' for 'lahary-2007-esquisse-…'
        close = sorted(c for c in candidates if c.startswith(value))[:1]
    return msg("did-you-mean", value=close[0]) if close else None
