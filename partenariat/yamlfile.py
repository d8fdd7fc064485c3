"""Read one YAML data file safely, keeping the line of every key and list item.

PyYAML's node marks give the lines. The reader refuses what an editor never needs and
what can hurt: anchors and aliases (billion-laughs), duplicate keys (PyYAML would keep
the last silently), tabs, a BOM, bytes that are not UTF-8. It never raises: problems are
returned as `Problem`s.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import AliasEvent

from .problems import Problem

PathKey = tuple[object, ...]
MAX_BYTES = 1_000_000  # a data file is a few KB; refuse anything absurd before parsing


@dataclass
class YamlDoc:
    data: dict[str, object]
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int:
        """Line of the deepest known prefix of ``path`` (1-based)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return 1


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark.index, f"YAML aliases (*{event.anchor}) are not allowed",
                           "write the value out in full")
        return super().compose_node(parent, index)

    def compose_scalar_node(self, anchor):  # type: ignore[no-untyped-def]
        self._refuse_anchor(anchor)
        return super().compose_scalar_node(anchor)

    def compose_sequence_node(self, anchor):  # type: ignore[no-untyped-def]
        self._refuse_anchor(anchor)
        return super().compose_sequence_node(anchor)

    def compose_mapping_node(self, anchor):  # type: ignore[no-untyped-def]
        self._refuse_anchor(anchor)
        return super().compose_mapping_node(anchor)

    def _refuse_anchor(self, anchor: str | None) -> None:
        if anchor is not None:
            event = self.peek_event()
            raise _Refused(event.start_mark.index, f"YAML anchors (&{anchor}) are not allowed",
                           "write the value out in full")


class _Refused(Exception):
    def __init__(self, index: int, message: str, hint: str | None = None):
        self.index, self.message, self.hint = index, message, hint


class _Lines:
    """Line numbers as editors count them: only '\n' ends a line (PyYAML, like str.splitlines,
    also counts U+0085, U+2028 and U+2029, which would shift every later line)."""

    def __init__(self, text: str):
        self.breaks = [i for i, c in enumerate(text) if c == "\n"]

    def at(self, index: int) -> int:
        return bisect.bisect_left(self.breaks, index) + 1


_SCALAR_TYPES = {
    "tag:yaml.org,2002:null": lambda v: None,
    "tag:yaml.org,2002:bool": lambda v: v.lower() in ("true", "yes", "on"),
    "tag:yaml.org,2002:int": lambda v: int(v.replace("_", ""), 0 if v.lower().startswith(("0x", "0o")) else 10),
    "tag:yaml.org,2002:float": float,
}


def _convert(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], at: _Lines) -> object:
    lines.setdefault(path, at.at(node.start_mark.index))
    if isinstance(node, yaml.MappingNode):
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.index, "a key must be a plain word")
            key = key_node.value
            if key in out:
                raise _Refused(key_node.start_mark.index, f"duplicate key '{key}'",
                               "keep only one of them")
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
    if node.style is None:  # plain scalar: resolve ints, bools, nulls; dates stay text
        convert = _SCALAR_TYPES.get(node.tag)
        if convert is not None:
            try:
                return convert(node.value)
            except ValueError:
                return node.value
    return node.value


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``path``; ``shown_as`` is the name used in messages (relative to the repo)."""

    def problem(line: int, message: str, hint: str | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, "", message, hint)]

    try:
        raw = path.read_bytes()
    except OSError as exc:
        return problem(0, f"cannot read file: {exc.strerror}")
    if len(raw) > MAX_BYTES:
        return problem(1, f"file is too large ({len(raw)} bytes)", "a data file holds one entry")
    if raw.startswith(b"\xef\xbb\xbf"):
        return problem(1, "file starts with a byte order mark (BOM)", "save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return problem(line, "file is not valid UTF-8", "save it with the UTF-8 encoding")
    if not text.strip():
        return problem(1, "file is empty", "start with 'id: <the file name>'")
    for number, content in enumerate(text.split("\n"), start=1):
        indent = content[: len(content) - len(content.lstrip())]
        if "\t" in indent:
            return problem(number, "tab character in indentation", "indent with spaces only")
        separator = next((c for c in content if c in "\u2028\u2029\x85"), None)
        if separator:  # YAML 1.1 reads them as line breaks: the error would show up elsewhere
            return problem(number, f"invisible line separator (U+{ord(separator):04X})",
                           "replace it with a space (it often comes from a copy and paste)")
    at = _Lines(text)
    try:
        loader = _NoAliasLoader(text)
    except yaml.reader.ReaderError as exc:  # a control character, checked before parsing
        return problem(at.at(exc.position), f"invisible control character (U+{exc.character:04X})",
                       "delete it (it often comes from a copy and paste)")
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        return problem(at.at(exc.index), exc.message, exc.hint)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = at.at(mark.index) if mark else 1
        message = f"YAML syntax error: {exc.problem or exc.context}"
        return problem(line, message, _syntax_hint(text, line))
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        return problem(1, f"YAML error: {exc}")
    except RecursionError:
        return problem(at.at(loader.get_mark().index), "the entry is nested too deeply",
                       "a data file has only a few levels of indentation")
    finally:
        loader.dispose()
    if node is None:
        return problem(1, "file is empty", "start with 'id: <the file name>'")
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        return problem(at.at(node.start_mark.index), f"the file holds {kind}, not a mapping of fields",
                       "write one entry as 'field: value' lines")
    lines: dict[PathKey, int] = {}
    try:
        data = _convert(node, (), lines, at)
    except _Refused as exc:
        return problem(at.at(exc.index), exc.message, exc.hint)
    except RecursionError:
        return problem(1, "the entry is nested too deeply", "a data file has only a few levels of indentation")
    assert isinstance(data, dict)
    return YamlDoc(data, lines), []


def _syntax_hint(text: str, line: int) -> str | None:
    lines = text.split("\n")
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if ": " in current.split("#")[0].split(": ", 1)[-1]:
        return "a value containing ': ' must be put in quotes"
    if current.lstrip().startswith(("'", '"')) or current.count('"') % 2:
        return "check the quotes on this line"
    return "check the indentation and the quotes around this line"
