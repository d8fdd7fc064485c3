"""Safe text: what `check` refuses in a data field, with a message that tells the editor why.

Data text reaches the pages through Markdown, which passes raw HTML through, and through
attribute lists (`{onclick=…}`). The wall is the escaping (`derive/mdtext.py`): every markup
character of a value is escaped before Markdown sees it, so no value can become HTML, a link
other than `[[type:id]]` or a web address, or a template, whatever its bytes. This check is
the friendly side: an editor who typed `<br>`, `[site](javascript:…)` or an invisible
character meant something and learns at once, at the file and line, that it will not work;
a reviewer reading the YAML diff sees exactly what is published.

Every pattern here is linear in the text (no nested or overlapping repetition: a part stops
at the next bracket, brace or line end), so a 1 MB file of `[[a:`, `{ =` or `![` is answered
in a fraction of a second.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from partenariat.base.chars import first_not_allowed
from partenariat.base.messages import Msg, msg
from partenariat.base.problems import Problem
from partenariat.data.refs import LINKS, WEB_URL, PathKey, format_path
from partenariat.data.yamlfile import YamlDoc

# A tag as browsers read one: '<' then a letter (whatever follows: `<x_y`, `<a.b`, `<a=b` are
# elements too), '</' then a letter, '<!' or '<?'. Shown up to 30 characters of its name.
_TAG = re.compile(r"</?[A-Za-z][^\s/<>]{0,30}|<!(?:--|[A-Za-z\[])|<\?")
# What Markdown reads as an autolink: '<', a scheme, ':' (a web address is a link, kept).
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{0,30}:[^>\s]{0,200})>?")
_EVENT_HANDLER = re.compile(r"(?i)\bon[a-z]+\s*=")
_BRACES = re.compile(r"\{([^{}\n]*)\}")  # one pair, nothing nested: each scan stops at the next brace
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;)")  # browsers decode &#106 too
_IMAGE = re.compile(r"!\[[^\]\[]*\]\s*[(\[]")
# Where Markdown would take a link address that is not a checked link: [x](address), [x]: address.
_LINK_TARGET = re.compile(r"\]\(((?:[^()]|\([^()]*\))*)\)?")
_REFERENCE_DEFINITION = re.compile(r"(?m)^[ \t]*\[[^\]\[\n]+\]:[ \t]*(\S*)")
_DANGEROUS_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript|data|file):[^\s)>\]]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`]+")
URL_FIELDS = {"url", "official_url"}  # fields that hold one web address, shown as a link (http(s) only)
# The longest value of the corpus is about 3,300 characters (a concept's body). A bound keeps
# the build linear in the data: Python-Markdown's cost grows with a paragraph's length times its
# markup, so a 1 MB paragraph of `[` would take minutes where 100 paragraphs of 10,000 take seconds.
MAX_TEXT = 10_000
CHAR_MESSAGES = {"control": "control-char", "separator": "line-separator", "bidi": "bidi-char",
                  "zero-width": "zero-width-char", "not-text": "not-a-character"}


def _strings(value: object, path: PathKey = ()) -> Iterator[tuple[PathKey, str, bool]]:
    """Every text of a file with its path, keys included (a key is printed in messages): (path,
    text, is a key)."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,), str(key), True
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def _scheme(target: str) -> str | None:
    """The scheme a browser would see: entities decoded, tabs, newlines and controls dropped."""
    cleaned = "".join(c for c in html.unescape(target) if c > " " and c != "\x7f").lstrip("<").lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def invisible_in(text: str) -> tuple[Msg, Msg] | None:
    """A character no value may hold (`base/chars.py`), as (message, fix), or None."""
    found = first_not_allowed(text)
    if found is None:
        return None
    kind, char = found
    return msg(CHAR_MESSAGES[kind], char=char), msg("delete-invisible")


def _attribute_list(text: str) -> tuple[Msg, Msg] | None:
    """Markdown's attr_list: `{: …}`, `{#id}`, `{.class}`, `{name=value}` (not `{ mot }`)."""
    for braces in _BRACES.finditer(text):
        inside = braces.group(1)
        rest = inside.lstrip(" \t")
        if inside.startswith(":") or rest[:1] in ("#", ".") or "=" in inside:
            if handler := _EVENT_HANDLER.search(inside):
                return msg("event-handler", name=handler.group(0).rstrip("= \t")), msg("remove-braces")
            return msg("attribute-list", text=braces.group(0)[:60]), msg("remove-braces")
    return None


def unsafe_in(text: str) -> tuple[Msg, Msg] | None:
    """The first construct of a text value that would not be published as the editor meant it
    (HTML, an attribute list, a character reference, an image, a link that is not `[[type:id]]`
    or a web address), as (message, fix), or None."""
    if image := _IMAGE.search(text):
        return msg("image", text=image.group(0)), msg("image-fix")
    rest = LINKS.sub(" ", text)  # the links the data may write; what is left is text
    if autolink := _AUTOLINK.search(rest):
        return msg("bad-link", target=autolink.group(1)[:60]), msg("link-fix")
    if tag := _TAG.search(rest):
        return msg("html-tag", tag=tag.group(0)), msg("html-tag-fix")
    if attributes := _attribute_list(rest):
        return attributes
    if reference := _CHAR_REFERENCE.search(rest):
        return msg("char-reference", text=reference.group(0)), msg("write-character")
    if target := _LINK_TARGET.search(rest) or _REFERENCE_DEFINITION.search(rest):
        return msg("bad-link", target=" ".join(target.group(1).split())[:60] or "?"), msg("link-fix")
    if dangerous := _DANGEROUS_SCHEME.search(rest):
        return msg("bad-link", target=dangerous.group(0)[:60]), msg("link-fix")
    if (start := rest.find("[[")) != -1:
        return msg("broken-link-syntax", text=rest[start:start + 40]), msg("link-syntax-fix")
    return None


def _long_lists(value: object, path: PathKey = ()) -> Iterator[tuple[PathKey, int]]:
    """Lists of texts longer than a value may be, together: a page writes them on one line."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _long_lists(item, path + (key,))
    elif isinstance(value, list):
        texts = [item for item in value if isinstance(item, str)]
        if len(texts) > 1 and sum(map(len, texts)) > MAX_TEXT and all(len(t) <= MAX_TEXT for t in texts):
            yield path, sum(map(len, texts))
        for i, item in enumerate(value):
            yield from _long_lists(item, path + (i,))


def text_problems(doc: YamlDoc, file: str) -> list[Problem]:
    """Every text of a data file that holds an invisible character (keys included), and every
    value that would not be published as written."""
    problems = [Problem(file, doc.line_of(path), format_path(path), msg("text-too-long", size=size, limit=MAX_TEXT),
                        msg("shorten-text")) for path, size in _long_lists(doc.data)]
    for path, text, is_key in _strings(doc.data):
        field, line = format_path(path), doc.line_of(path)
        found = invisible_in(text)
        if found is None and not is_key:
            if len(text) > MAX_TEXT:
                found = msg("text-too-long", size=len(text), limit=MAX_TEXT), msg("shorten-text")
            elif path and path[-1] in URL_FIELDS:
                address = text.strip()
                if not (_WEB_ADDRESS.fullmatch(address) and re.fullmatch(WEB_URL, address)):
                    found = msg("not-web-address", value=address[:60]), msg("web-address-example")
            else:
                found = unsafe_in(text)
        if found:
            problems.append(Problem(file, line, field, *found))
    return problems
