"""Python-Markdown's `abbr` extension, made linear in the size of the glossary.

The stock tree processor joins every known abbreviation into one regular expression for each
page (`\\b(?:A|B|…)\\b`): building that pattern, and matching it (the regex engine tries the
alternatives one by one at each word), costs time in proportion to the glossary on every page,
so the build grew as pages × acronyms; so did the copies of the glossary the extension makes for
each page. Here each page's pattern holds only the abbreviations that can occur in that page's
text, found through their first word (an index built once per glossary), and a page's own
definitions (`*[X]: …`) are kept beside the glossary instead of in a copy of it. The HTML is the
same: an abbreviation absent from the text never matches.

Used in mkdocs.yml as `partenariat.render.abbr`, with the same `glossary` option as `abbr`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

from markdown import Markdown
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

NAME = "partenariat.render.abbr"  # the name in mkdocs.yml's markdown_extensions (and mdx_configs)

_WORD = re.compile(r"\w+")
_ALWAYS = ""  # index key of the abbreviations that do not start with a word character


def first_word(abbr: str) -> str:
    """The run of word characters an abbreviation starts with ('' if none). Where the pattern
    `\\b<abbr>\\b` matches, this run is a whole word of the text: the `\\b` before it, and
    either the character after it in the abbreviation or the `\\b` after it, bound it."""
    match = _WORD.match(abbr)
    return match.group(0) if match else _ALWAYS


class _FirstWordIndex:
    """First word → abbreviations of the glossary, for the last glossary seen (one per build)."""

    glossary: Mapping[str, str] | None = None
    index: dict[str, list[str]] = {}

    @classmethod
    def of(cls, glossary: Mapping[str, str]) -> dict[str, list[str]]:
        if cls.glossary is not glossary:
            index: dict[str, list[str]] = {}
            for abbr in glossary:
                index.setdefault(first_word(abbr), []).append(abbr)
            cls.glossary, cls.index = glossary, index
        return cls.index


class PageAbbreviations(MutableMapping[str, str]):
    """The abbreviations of one page: the glossary (shared, never copied), plus what the page
    defines (`*[X]: …`) or removes (`*[X]: ""`), as `abbr`'s own dictionary would hold them."""

    def __init__(self, glossary: Mapping[str, str]) -> None:
        self.glossary = glossary
        self.local: dict[str, str] = {}
        self.removed: set[str] = set()  # glossary entries the page removed

    def __getitem__(self, key: str) -> str:
        if key in self.local:
            return self.local[key]
        if key in self.removed:
            raise KeyError(key)
        return self.glossary[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.local[key] = value
        self.removed.discard(key)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.local.pop(key, None)
        if key in self.glossary:
            self.removed.add(key)

    def __iter__(self) -> Iterator[str]:
        yield from self.local
        yield from (k for k in self.glossary if k not in self.local and k not in self.removed)

    def __len__(self) -> int:
        shared = sum(1 for k in self.local if k in self.glossary)
        return len(self.local) + len(self.glossary) - len(self.removed) - shared

    def __bool__(self) -> bool:
        return bool(self.local) or len(self.removed) < len(self.glossary)

    def reset(self) -> None:
        self.local.clear()
        self.removed.clear()


class FilteredAbbrTreeprocessor(AbbrTreeprocessor):
    """`AbbrTreeprocessor` whose pattern lists only the abbreviations the page can contain."""

    abbrs: PageAbbreviations

    def __init__(self, md: Markdown, abbrs: PageAbbreviations) -> None:
        super().__init__(md, abbrs)

    def candidates(self, root: etree.Element) -> list[str]:
        words = {_ALWAYS}
        for el in root.iter():
            for text in (el.text, el.tail):
                if text and not isinstance(text, AtomicString):
                    words.update(_WORD.findall(text))
        index = _FirstWordIndex.of(self.abbrs.glossary)
        found = {abbr for word in words for abbr in index.get(word, ()) if abbr in self.abbrs}
        found.update(self.abbrs.local)  # the page's own `*[X]: …` definitions
        return list(found)

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        abbr_list = sorted(self.candidates(root))  # a fixed order; any order gives the same matches:
        abbr_list.sort(key=len, reverse=True)  # longest first, as `abbr` does (two of one length never both match)
        if not abbr_list:
            return None
        self.RE = re.compile(f"\\b(?:{'|'.join(re.escape(key) for key in abbr_list)})\\b")
        self.iter_element(root)
        return None


class FilteredAbbrExtension(AbbrExtension):
    """`abbr` whose page dictionary is a `PageAbbreviations` over the configured glossary."""

    def extendMarkdown(self, md: Markdown) -> None:
        self.abbrs = PageAbbreviations(self.getConfig("glossary") or {})
        md.registerExtension(self)
        md.treeprocessors.register(FilteredAbbrTreeprocessor(md, self.abbrs), "abbr", 7)
        md.parser.blockprocessors.register(AbbrBlockprocessor(md.parser, self.abbrs), "abbr", 16)

    def reset(self) -> None:
        if isinstance(self.abbrs, PageAbbreviations):
            self.abbrs.reset()


def makeExtension(**kwargs: Any) -> FilteredAbbrExtension:  # noqa: N802  # Python-Markdown's name
    return FilteredAbbrExtension(**kwargs)
