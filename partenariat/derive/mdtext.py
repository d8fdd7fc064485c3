"""Data text as Markdown that can only be text: THE escaping of every value a renderer writes
into a page.

What a text value may hold, and nothing else becomes markup whatever its bytes:
- emphasis: `*italique*`, `**gras**` (and `_`, `__`);
- links to entries `[[type:id]]`, `[[type:id|libellé]]`, and web links `[texte](https://…)`,
  `<https://…>` (http, https and mailto only: the link is rebuilt from the checked parts);
- paragraphs and list items (`- `, `* `, `+ `, `1. ` at the start of a line) in running text.

Every other character that Markdown, its extensions (attribute lists, admonitions, footnotes,
definition lists, tables, fences) or HTML would read as markup is escaped before Markdown
sees it: a `<` followed by anything but a space becomes `&lt;`, so no raw HTML, comment or
autolink can exist in a generated page whatever follows it, and a `&` that would start a
character reference becomes `&amp;`; brackets, `{`, backticks, `#`, `|` and the backslash are
backslash-escaped, and a `!` before a link; a character that only acts at the start of a line
(`>`, `:`, `=`, `~`, `!`, `?`, a list marker inside a line, a rule `---`) is written as a
character reference there. Only what could act is escaped: each escape costs Python-Markdown a
pass over its paragraph, so plain prose gets none. The patterns are linear: no nested or
overlapping repetition (each link part stops at the next bracket).

`checks/safetext.py` refuses the same constructs at their line with a message for the
editor; escaping is the wall, the refusal is the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from partenariat.data.refs import LINKS, WEB_URL

# Characters Markdown would act on anywhere in a line (Python-Markdown's backslash escapes).
# Control characters become U+FFFD: Python-Markdown marks its own placeholders with \x02 and
# \x03, which a value must not forge (`check` refuses them first).
_INLINE = str.maketrans({"\\": "\\\\", "`": "\\`", "[": "\\[", "]": "\\]", "{": "\\{", "#": "\\#", "|": "\\|",
                         **{chr(c): "\ufffd" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}})
# A `<` that could open a tag, a comment, an autolink or a mail link (anything but a space, `<`
# or `>` after it, or nothing), a `&` that would be read as a character reference.
_HTML_START = re.compile(r"<(?![\s<>])|&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z0-9]+;)")
# Characters that act only at the start of a line (blockquote, definition list, setext
# underline, fence, admonition, details, list, rule), written there as character references.
_LINE_START = {c: f"&#{ord(c)};" for c in ":=~?!>+-*_"}
LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")
_RULE = re.compile(r"[-*_](?:[ \t]*[-*_]){2,}[ \t]*$")  # ---, * * *, ___ : a horizontal rule

EntryLink = Callable[[str, str, str | None], str]  # (type, id, label or None) → Markdown link


def _escaped(text: str) -> str:
    return _HTML_START.sub(lambda m: "&lt;" if m.group(0) == "<" else "&amp;", text).translate(_INLINE)


def _start(text: str, inline: bool) -> str:
    """``text``, at the start of a line, escaped: what would open a block there is written as
    text. Inside a line (``inline``) a list marker is text too."""
    first = text[:1]
    if not first:
        return ""
    numbered = re.match(r"\d+[.)]", text)
    if numbered and inline and LIST_ITEM.match(text):  # « 1. » : the dot, not the digit, makes the list
        return numbered.group(0)[:-1] + "\\" + numbered.group(0)[-1] + _escaped(text[numbered.end():])
    if first in ":=~?!>" or (first in "-*_" and _RULE.match(text)) or (inline and first in "-*+" and LIST_ITEM.match(text)):
        return _LINE_START[first] + _escaped(text[1:])
    if first == "-" and not LIST_ITEM.match(text):  # `--- | ---`: a table's separator row
        return _LINE_START[first] + _escaped(text[1:])
    return _escaped(text)


def md_inline(text: str) -> str:
    """A value written inside a line (a title, a name, a label, a table cell): one line of
    text, every markup character escaped, even one that only acts at the start of a line
    (the value may be written there). No link is made."""
    return _start(" ".join(text.split()), inline=True)


def md_line(text: str, link: EntryLink) -> str:
    """One line of running text: links rebuilt from their checked parts, the rest escaped."""
    out, end = [], 0
    for match in LINKS.finditer(text):
        before = text[end:match.start()]
        bang = before.endswith("!")  # `!` then a link is an image: the `!` stays text
        if bang:
            before = before[:-1]
        out.append((_start(before, inline=False) if end == 0 else _escaped(before)) + ("\\!" if bang else ""))
        if match.group(1):  # [[type:id|label]]
            label = match.group(3)
            out.append(link(match.group(1), match.group(2).strip(), label.strip() if label else None))
        elif match.group("url"):
            out.append(f"[{md_inline(match.group('text'))}]({match.group('url')})")
        else:
            out.append(_autolink(match.group("bare")))
        end = match.end()
    rest = text[end:]
    out.append(_start(rest, inline=False) if end == 0 else _escaped(rest))
    return "".join(out)


def md_blocks(text: str, link: EntryLink) -> str:
    """Running text (a summary, a note, a body) as Markdown paragraphs and lists.

    In a folded YAML value (`>-`) a line break is what is left of a blank line: the editor's
    new paragraph or list item. Markdown would run them into one paragraph (« … ; - une
    méthode … »), so paragraphs get a blank line between them and consecutive list items
    stay together as one list. Leading spaces are dropped (they would make a code block)."""
    out: list[str] = []
    previous_item = False
    for line in (x.strip() for x in text.strip().split("\n")):
        if not line:
            continue
        marker = LIST_ITEM.match(line)
        item = bool(marker) and not _RULE.match(line)
        if marker and item:
            md = marker.group(0).strip() + " " + md_line(line[marker.end():].lstrip(), link)
        else:
            md = md_line(line, link)
        out.append(("\n" if item and previous_item else "\n\n") + md if out else md)
        previous_item = item
    return "".join(out)


def _autolink(address: str) -> str:
    """`<https://…>` (Markdown's autolink: the address as its own label); a mail address as a link."""
    return f"<{address}>" if address.startswith("http") else f"[{md_inline(address)}]({address})"


def web_link(url: str, label: str | None = None) -> str:
    """A link to a web page from a `url` field: made only from a whole http(s) address
    (`checks/safetext` refuses anything else at its line); otherwise the value is text."""
    address = url.strip()
    if not re.fullmatch(WEB_URL, address) or address.startswith("mailto:"):
        return md_inline(label or address)
    return f"[{md_inline(label)}]({address})" if label else _autolink(address)
