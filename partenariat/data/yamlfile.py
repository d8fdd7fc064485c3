"""Read one YAML data file safely, keeping the line of every key and list item.

PyYAML's node marks give the lines. The reader refuses what an editor never needs and
what can hurt: anchors and aliases (billion-laughs), duplicate keys (PyYAML would keep
the last silently), tabs, a BOM, bytes that are not UTF-8, a file that is not a regular file
(a symbolic link, which could publish or print a file from outside the repository; a pipe or a
device, which would never end). It never raises: problems are returned as `Problem`s.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # libyaml's parser, not re-exported by the stubs
from yaml.events import AliasEvent, NodeEvent
from yaml.resolver import Resolver

from partenariat.base.messages import Msg, msg
from partenariat.base.problems import Problem

PathKey = tuple[object, ...]
MAX_BYTES = 1_000_000  # a data file is a few KB; refuse anything absurd before parsing


@dataclass
class YamlDoc:
    data: dict[str, object]
    lines: dict[PathKey, int] = field(default_factory=dict)
    text: str = ""  # the file as written, to find a line inside a long text value

    def line_of(self, path: PathKey) -> int:
        """Line of the deepest known prefix of ``path`` (1-based)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return 1

    def line_in(self, path: PathKey, pattern: re.Pattern[str], after: int = 0) -> tuple[int, int]:
        """Line of what ``pattern`` finds inside the value of ``path`` (a link in a summary of ten
        lines), searched in the file from the value's line on, or from offset ``after`` when
        it is further; and the offset where it ends, to find the next one. The value's own
        line when the file does not show it as written."""
        line = self.line_of(path)
        start = 0
        for _ in range(line - 1):
            start = self.text.find("\n", start) + 1
            if not start:
                return line, after
        found = pattern.search(self.text, max(start, after))
        if not found:
            return line, after
        return self.text.count("\n", 0, found.start()) + 1, found.end()


class _NoAliasLoader(Composer, CParser, SafeConstructor, Resolver):
    """Events from libyaml (PyYAML's C parser, 10× faster than its Python one), nodes
    composed here, so that an anchor or an alias is refused where it stands."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            assert isinstance(event, NodeEvent)
            raise _Refused(self.position(), msg("yaml-alias", name=event.anchor), msg("write-in-full"))
        return super().compose_node(parent, index)

    def compose_scalar_node(self, anchor):
        self._refuse_anchor(anchor)
        return super().compose_scalar_node(anchor)

    def compose_sequence_node(self, anchor):
        self._refuse_anchor(anchor)
        return super().compose_sequence_node(anchor)

    def compose_mapping_node(self, anchor):
        self._refuse_anchor(anchor)
        return super().compose_mapping_node(anchor)

    def _refuse_anchor(self, anchor: str | None) -> None:
        if anchor is not None:
            raise _Refused(self.position(), msg("yaml-anchor", name=anchor), msg("write-in-full"))

    def position(self) -> int:
        """Character index where the next event starts (0 if there is none)."""
        event = self.peek_event()
        mark = event.start_mark if event is not None else None
        return mark.index if mark is not None else 0


class _Refused(Exception):
    def __init__(self, index: int, message: Msg, hint: Msg | None = None):
        self.index, self.message, self.hint = index, message, hint


class _Lines:
    """Line numbers as editors count them: only '\n' ends a line (PyYAML, like str.splitlines,
    also counts U+0085, U+2028 and U+2029, which would shift every later line)."""

    def __init__(self, text: str):
        self.breaks = [i for i, c in enumerate(text) if c == "\n"]

    def at(self, index: int) -> int:
        return bisect.bisect_left(self.breaks, index) + 1


# Only an empty value, `~` or `null` means "nothing"; every other plain value stays text.
# Editors write `acronym: ON`, `page: 12` or `id: 1968` and mean text; the model turns
# text into a number or a date where it wants one (pydantic reads "2009" as 2009).
_NULLS = {"", "~", "null", "Null", "NULL"}


def _convert(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], at: _Lines) -> object:
    lines.setdefault(path, at.at(node.start_mark.index))
    if isinstance(node, yaml.MappingNode):
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.index, msg("plain-key"))
            key = key_node.value
            if key in out:
                raise _Refused(key_node.start_mark.index, msg("duplicate-key", key=key), msg("keep-one"))
            lines[path + (key,)] = at.at(key_node.start_mark.index)
            out[key] = _convert(value_node, path + (key,), lines, at)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[path + (i,)] = at.at(item.start_mark.index)
            items.append(_convert(item, path + (i,), lines, at))
        return items
    assert isinstance(node, yaml.ScalarNode)
    if not node.style and node.value in _NULLS:  # plain: None from PyYAML, "" from libyaml
        return None
    return node.value


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``path``; ``shown_as`` is the name used in messages (relative to the repo)."""

    def problem(line: int, message: Msg, hint: Msg | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, "", message, hint)]

    if path.is_symlink():
        return problem(0, msg("symlink"), msg("regular-file"))
    try:
        raw = _read_regular(path)
    except _Refused as exc:  # its index is the line
        return problem(exc.index, exc.message, exc.hint)
    except OSError as exc:
        return problem(0, msg("cannot-read", reason=exc.strerror))
    if len(raw) > MAX_BYTES:
        return problem(1, msg("file-too-large", size=len(raw)), msg("one-entry"))
    if raw.startswith(b"\xef\xbb\xbf"):
        return problem(1, msg("bom"), msg("save-without-bom"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return problem(line, msg("not-utf8"), msg("save-utf8"))
    if not text.strip():
        return problem(1, msg("file-empty"), msg("start-with-id"))
    for number, content in enumerate(text.split("\n"), start=1):
        indent = content[: len(content) - len(content.lstrip())]
        if "\t" in indent:
            return problem(number, msg("tab-indent"), msg("spaces-only"))
        separator = next((c for c in content if c in "\u2028\u2029\x85"), None)
        if separator:  # YAML 1.1 reads them as line breaks: the error would show up elsewhere
            return problem(number, msg("line-separator", char=f"U+{ord(separator):04X}"), msg("replace-pasted"))
    at = _Lines(text)
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:  # a control character
        return problem(at.at(exc.position), msg("control-char", char=f"U+{exc.character:04X}"),
                       msg("delete-pasted"))
    except _Refused as exc:
        return problem(at.at(exc.index), exc.message, exc.hint)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = at.at(mark.index) if mark else 1
        return problem(line, _syntax_message(exc), _syntax_hint(text, line))
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        return problem(1, msg("yaml-syntax", detail=exc))
    except RecursionError:
        return problem(at.at(loader.position()), msg("too-deep"), msg("few-levels"))
    finally:
        loader.dispose()
    if node is None:
        return problem(1, msg("file-empty"), msg("start-with-id"))
    if not isinstance(node, yaml.MappingNode):
        holds = msg("holds-list") if isinstance(node, yaml.SequenceNode) else msg("holds-value")
        return problem(at.at(node.start_mark.index), holds, msg("field-lines"))
    lines: dict[PathKey, int] = {}
    try:
        data = _convert(node, (), lines, at)
    except _Refused as exc:
        return problem(at.at(exc.index), exc.message, exc.hint)
    except RecursionError:
        return problem(1, msg("too-deep"), msg("few-levels"))
    assert isinstance(data, dict)
    return YamlDoc(data, lines, text), []


# PyYAML's own words → what they mean for an editor (French and English in the catalogue);
# a detail not listed keeps PyYAML's English words in English and is summarised in French.
_SYNTAX_CODES = {
    "mapping values are not allowed": "yaml-stray-colon",
    "could not find expected ':'": "yaml-missing-colon",
    "did not find expected key": "yaml-bad-indent",
    "expected <block end>, but found": "yaml-bad-indent",
    "did not find expected '-' indicator": "yaml-bad-list",
    "found unexpected end of stream": "yaml-unclosed-quote",
    "found unknown escape character": "yaml-bad-escape",
    "found character that cannot start any token": "yaml-bad-start",
}


def _syntax_message(exc: yaml.MarkedYAMLError) -> Msg:
    detail = str(exc.problem or exc.context or "")
    for words in _SYNTAX_CODES:
        if detail.startswith(words):
            return msg(_SYNTAX_CODES[words], detail=detail)
    if "quoted scalar" in str(exc.context or ""):
        return msg("yaml-unclosed-quote", detail=detail)
    return msg("yaml-syntax", detail=detail)


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most MAX_BYTES. Opened without
    following a link and without waiting (a pipe would block), then checked on the open
    descriptor, so the file read is the file checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(0, msg("not-regular-file"), msg("regular-file"))
        if info.st_size > MAX_BYTES:
            raise _Refused(1, msg("file-too-large", size=info.st_size), msg("one-entry"))
        chunks, size = [], 0
        while size <= MAX_BYTES and (chunk := os.read(fd, 1 << 16)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _syntax_hint(text: str, line: int) -> Msg:
    lines = text.split("\n")
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if ": " in current.split("#")[0].split(": ", 1)[-1]:
        return msg("quote-colon")
    if current.lstrip().startswith(("'", '"')) or current.count('"') % 2:
        return msg("check-quotes")
    return msg("check-indent")
