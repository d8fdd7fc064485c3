"""Source notes of a concept's « En bref »: ``[[note:SOURCE_ID]]`` or ``[[note:SOURCE_ID|p. 57]]``.

A note follows the claim it supports, before the sentence's final punctuation
(« … une coopération volontaire[[note:lahary-2007-esquisse-theorie-partenariat|p. 57]]. »).
The concept page shows it as a numbered note (author, work, year, page) linking to the
source's page; everywhere the summary is plain text (description, search, exports) it is
dropped, with the spaces before it. `check` refuses an unknown source, a note outside a
concept's summary, and a sentence of a summary that carries none.

Sentences are cut where a full stop, a question or exclamation mark or an ellipsis is followed
by a space and a capital (or « or a link): not after an initial or an abbreviation
(« J.-Y. Trépos », « p. 12 », « L. 312-7 », « art. 5 »). A note written just after the full
stop (« … volontaire.[[note:x]] ») still belongs to the sentence it ends.
Every pattern here is a single pass with no nested repetition (linear in the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_TYPE = "note"
# Where notes may be written: (entity type, field path).
NOTE_PLACES = frozenset({("concept", ("summary",))})

_SPACE = "[ \t\u00a0\u202f]"
NOTE = re.compile(_SPACE + r"*\[\[note:([^\]|]*)(?:\|([^\]]*))?\]\]")

_END = re.compile(
    r"(?P<stop>[.!?…]+)"                       # the sentence's final punctuation
    r"(?:[ \u00a0\u202f]?[»”\")])*"           # closing quotes or brackets (« … ? »)
    r"(?:\s*\[\[note:[^\]]*\]\])*"            # notes written after the full stop
    r"(?=\s+(?P<next>[«“\"(]|\[\[(?!note:)|[^\W\d_]))")  # a space, then what can start a sentence
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset({"p", "pp", "art", "al", "cf", "chap", "coll", "dir", "éd", "ed", "vol", "n°", "no",
                           "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "op", "cit", "ibid", "ex", "fig", "env", "hab"})
_INITIAL = re.compile(r"(?:^|[.\-'’(«])[^\W\d_]$")  # « L », « J.-Y », « (D »
_LINK = re.compile(r"\[\[[a-z]+:([^\]|]*)(?:\|([^\]]*))?\]\]")


@dataclass(frozen=True)
class Sentence:
    start: int  # offset in the text
    text: str

    @property
    def has_note(self) -> bool:
        return NOTE.search(self.text) is not None

    def opening(self, words: int = 6) -> str:
        """Its first words as a reader sees them (links as their label or id, notes dropped)."""
        plain = _LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), strip_notes(self.text))
        parts = plain.split()
        return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def strip_notes(text: str) -> str:
    """The text without its notes (nor the spaces written before them)."""
    return NOTE.sub("", text)


def _ends_sentence(text: str, stop_start: int, stop: str, following: str) -> bool:
    if following.isalpha() and not following.isupper():  # « ? » et il répond : the sentence goes on
        return False
    if stop != ".":
        return True
    token = text[max(text.rfind(" ", 0, stop_start), text.rfind("\n", 0, stop_start)) + 1:stop_start]
    token = token.lstrip("«(“\"\u00a0")
    if not token:
        return True
    return token not in ABBREVIATIONS and not _INITIAL.search(token)


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text, in order, each with where it starts."""
    out, start = [], 0
    for end in _END.finditer(text):
        if not _ends_sentence(text, end.start("stop"), end.group("stop"), end.group("next")):
            continue
        out.append(Sentence(start, text[start:end.end()].strip()))
        start = end.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        out.append(Sentence(start, text[start:].strip()))
    return out
