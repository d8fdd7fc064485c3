"""Data text is plain text: Markdown emphasis and `[[type:id]]` links, never HTML or an active link.

Text fields reach the pages through Markdown, which passes raw HTML through, and through
attribute lists (`{onclick=…}`), so a `<script>` in a summary would run in every reader's
browser. `check` refuses such text at its file and line instead of escaping it silently:
an editor who typed `<br>` or `[site](javascript:…)` meant something and should learn at
once that it will not work, and a reviewer reading the YAML diff sees exactly what is
published. The renderer still escapes what it writes into HTML (SVG, JSON-LD, attributes):
this check is the first wall, not the only one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from partenariat.base.messages import Msg, msg
from partenariat.base.problems import Problem
from partenariat.data.refs import PathKey, format_path
from partenariat.data.yamlfile import YamlDoc

# A tag as browsers and Markdown read it: '<' then a name (or '/', '!', '?') with no space between.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|\Z)|<!(?:--|[A-Za-z\[])|<\?")
_EVENT_HANDLER = re.compile(r"(?i)\bon[a-z]+\s*=")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?:[#.][^{}\n]*|[^{}\n]*=[^{}\n]*)\}")
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;)")  # browsers decode &#106 too
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
# Where Markdown takes a link address: [x](address), [x]: address, <address>.
_LINK_TARGETS = (re.compile(r"\]\(((?:[^()]|\([^()]*\))*)\)?"), re.compile(r"(?m)^[ \t]*\[[^\]]+\]:[ \t]*(\S+)"),
                 re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^>\s]*)>?"))
_DANGEROUS_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript|data|file):[^\s)>\]]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}
_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"'`]+$")
URL_FIELDS = {"url", "official_url"}  # fields that hold one web address, shown as a link (http(s) only)


def _strings(value: object, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def _scheme(target: str) -> str | None:
    """The scheme a browser would see: entities decoded, tabs, newlines and controls dropped."""
    cleaned = "".join(c for c in html.unescape(target) if c > " " and c != "\x7f").lstrip("<").lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def unsafe_in(text: str) -> tuple[Msg, Msg] | None:
    """The first unsafe construct of a text value, as (message, fix), or None."""
    if tag := _TAG.search(text):
        return msg("html-tag", tag=tag.group(0)), msg("html-tag-fix")
    if attributes := _ATTRIBUTE_LIST.search(text):  # Markdown's attr_list: {onclick=…}, {: href=…}
        if handler := _EVENT_HANDLER.search(attributes.group(0)):
            return msg("event-handler", name=handler.group(0).rstrip("= \t")), msg("remove-braces")
        return msg("attribute-list", text=attributes.group(0)), msg("remove-braces")
    if reference := _CHAR_REFERENCE.search(text):
        return msg("char-reference", text=reference.group(0)), msg("write-character")
    if image := _IMAGE.search(text):
        return msg("image", text=image.group(0)), msg("image-fix")
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(text):
            scheme = _scheme(match.group(1))
            if scheme is not None and scheme not in SAFE_SCHEMES:
                return msg("bad-link", target=match.group(1).strip()[:60]), msg("link-fix")
    if dangerous := _DANGEROUS_SCHEME.search(text):
        return msg("bad-link", target=dangerous.group(0)[:60]), msg("link-fix")
    return None


def text_problems(doc: YamlDoc, file: str) -> list[Problem]:
    """Every text value of a data file that could become live HTML or an active link."""
    problems = []
    for path, value in _strings(doc.data):
        field, line = format_path(path), doc.line_of(path)
        if path and path[-1] in URL_FIELDS and not _WEB_ADDRESS.match(value.strip()):
            problems.append(Problem(file, line, field, msg("not-web-address", value=value.strip()[:60]),
                                    msg("web-address-example")))
            continue
        found = unsafe_in(value)
        if found:
            problems.append(Problem(file, line, field, *found))
    return problems
