"""Characters a data value never holds, and the writers' last guard against them.

The YAML reader refuses a control character typed raw, but a double-quoted value can still
write one as an escape (`"\\x01"`, `"\\u202e"`, `"\\L"`). After unescaping, a value is made of
visible characters, spaces and line breaks only:

- C0 and C1 controls, DEL (a line break `\\n` is allowed: block values are made of lines; a tab
  is not: Markdown reads a leading one as code, and an editor never needs one in a value);
- line and paragraph separators (U+2028, U+2029), which YAML and JavaScript read as line breaks;
- bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they reorder
  what a reviewer reads in the YAML diff and what a reader sees on the page;
- zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF): two ids or
  words that look equal are not;
- lone surrogates and the noncharacters U+FFFE, U+FFFF (not text; illegal in XML).

`check` refuses them at `file:line: field` (checks/safetext.py); every writer that leaves the
site (XML, CSV, messages printed on a terminal) also removes or shows them on its own.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f"
_SEPARATORS = "\u2028\u2029"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b-\u200d\u2060-\u2064\ufeff"
_NOT_TEXT = "\ud800-\udfff\ufffe\uffff"

NOT_ALLOWED = re.compile(f"[{_CONTROLS}{_SEPARATORS}{_BIDI}{_ZERO_WIDTH}{_NOT_TEXT}]")
_KIND = {"control": re.compile(f"[{_CONTROLS}]"), "separator": re.compile(f"[{_SEPARATORS}]"),
         "bidi": re.compile(f"[{_BIDI}]"), "zero-width": re.compile(f"[{_ZERO_WIDTH}]")}

# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What a terminal or a log would act on or hide (escape sequences, reordering, erasing), and a
# line break, which would let a value print a line that looks like another problem.
_NOT_SHOWN = re.compile(f"[\n{_CONTROLS}{_SEPARATORS}{_BIDI}{_ZERO_WIDTH}{_NOT_TEXT}]")


def first_not_allowed(text: str) -> tuple[str, str] | None:
    """The first character a value may not hold, as (kind, « U+XXXX »), or None.
    Kinds: control, separator, bidi, zero-width, not-text."""
    found = NOT_ALLOWED.search(text)
    if found is None:
        return None
    char = found.group(0)
    kind = next((name for name, pattern in _KIND.items() if pattern.match(char)), "not-text")
    return kind, f"U+{ord(char):04X}"


def xml_safe(text: str) -> str:
    """Text that an XML 1.0 parser accepts: a character XML cannot hold becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def visible(text: str) -> str:
    """Text safe to print on a terminal: an invisible or active character is shown as its
    escape (`\\x1b`, `\\u202e`), so a message quoting an editor's value cannot move the cursor,
    erase a line or reorder what follows."""
    return _NOT_SHOWN.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
