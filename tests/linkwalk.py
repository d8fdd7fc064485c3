"""Every link of a built site, checked on disk: what a reader opening the copy from file://
would meet. Used by the offline test (every link, not a sample)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = ("href", "xlink:href", "src")


@dataclass(frozen=True)
class Link:
    page: Path  # the HTML file holding the link
    attribute: str
    value: str
    in_svg: bool  # a box of a diagram


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, bool]] = []
        self.ids: set[str] = set()
        self.svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.svg_depth += tag == "svg"
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.links.append((name, value, self.svg_depth > 0))
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)

    def handle_endtag(self, tag: str) -> None:
        self.svg_depth -= tag == "svg" and self.svg_depth > 0


@cache
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text("utf-8"))
    return collector


def links(site: Path) -> list[Link]:
    """Every href, xlink:href and src of every HTML file of ``site``."""
    return [Link(page, name, value, in_svg) for page in sorted(site.rglob("*.html"))
            for name, value, in_svg in _parse(page).links]


def is_local(value: str) -> bool:
    parts = urlsplit(value)
    return not parts.scheme and not parts.netloc and not value.startswith("/")


def problem(link: Link, site: Path) -> str | None:
    """Why ``link`` does not open from file:// (None when it does): no such file, a folder
    (file:// shows a listing, not the page), or no such anchor in the target."""
    parts = urlsplit(link.value)
    target = link.page if not parts.path else (link.page.parent / unquote(parts.path)).resolve()
    if not target.is_relative_to(site.resolve()):
        return "leaves the site"
    if not target.is_file():
        return "is a folder" if target.is_dir() else "no such file"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
        return f"no anchor #{fragment}"
    return None
