"""The first mention of an acronym on a page links to its entry; the tooltip stays.

The `abbr` extension gives every mention a tooltip (`<abbr title="…">CPOM</abbr>`), which a
phone cannot open and which leads nowhere. After Markdown, the first mention of each acronym
that is not already inside a link or a heading is wrapped in a link to its glossary page
(`<a class="pkb-abbr-link" href="../../glossaire/cpom/"><abbr …>CPOM</abbr></a>`). The acronym's
own page does not link to itself. The HTML is read with the standard library's parser: only
positions of tags are used, the text is copied as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html.parser import HTMLParser

_NO_LINK_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "summary", "code", "pre"}


class _Mentions(HTMLParser):
    """Offsets of each `<abbr>…</abbr>` outside links and headings, with its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        for i, char in enumerate(html):
            if char == "\n":
                self.line_starts.append(i + 1)
        self.blocked = 0
        self.open_abbr: tuple[int, bool] | None = None
        self.text: list[str] = []
        self.found: list[tuple[int, int, str]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NO_LINK_INSIDE:
            self.blocked += 1
        elif tag == "abbr":
            self.open_abbr, self.text = (self._offset(), self.blocked == 0), []

    def handle_endtag(self, tag: str) -> None:
        if tag in _NO_LINK_INSIDE:
            self.blocked = max(0, self.blocked - 1)
        elif tag == "abbr" and self.open_abbr is not None:
            start, free = self.open_abbr
            end = self.html.index(">", self._offset()) + 1
            if free:
                self.found.append((start, end, "".join(self.text)))
            self.open_abbr = None

    def handle_data(self, data: str) -> None:
        if self.open_abbr is not None:
            self.text.append(data)


def link_first_mentions(html: str, entry_of: Mapping[str, str], href: Callable[[str], str | None]) -> str:
    """``entry_of``: acronym as written → glossary id; ``href``: glossary id → link from this
    page, or None (the page of that acronym itself)."""
    parser = _Mentions(html)
    parser.feed(html)
    parser.close()
    seen: set[str] = set()
    edits: list[tuple[int, int, str]] = []
    for start, end, text in parser.found:
        entry = entry_of.get(text)
        if entry is None or entry in seen:
            continue
        seen.add(entry)
        target = href(entry)
        if target is None:
            continue
        edits.append((start, end, f'<a class="pkb-abbr-link" href="{target}">{html[start:end]}</a>'))
    for start, end, replacement in reversed(edits):
        html = html[:start] + replacement + html[end:]
    return html
