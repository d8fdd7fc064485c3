"""What Moodle does with a question file, without Moodle: the categories it creates and the
questions it puts in each (question/format.php, `importprocess` and `create_category_path`).

- A category question (`<question type="category">`, GIFT `$CATEGORY:`) sets the category of
  the questions after it. Its path is split on a `/` that is not doubled, `//` reads as `/`,
  each name is trimmed and stripped of tags (`clean_param(PARAM_TEXT)`); a leading context
  token (`$course$`) is dropped and `top` is added when the path does not start with it.
- Categories are found by name under their parent: two paths with the same names are the
  same category, whatever file or place in the file they come from.
- A question whose idnumber is already used in its category loses it (Moodle keeps the
  question and drops the idnumber): the same question lands twice in the category.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

Category = tuple[str, ...]  # names under the context's top category


def split_category_path(path: str) -> list[str]:
    """Moodle's split_category_path: `/` separates, `//` is a slash inside a name."""
    return [re.sub(r"<[^>]*>", "", raw.replace("//", "/")).strip() for raw in re.split(r"(?<!/)/(?!/)", path)]


def category_of(path: str) -> Category:
    """The category a path designates, as create_category_path finds or creates it."""
    names = split_category_path(path)
    if re.fullmatch(r"\$[a-z]+\$", names[0]):
        names = names[1:]
    if names and (names[0] != "top" or len(names) < 3):
        names = ["top", *names]
    return tuple(n for n in names[1:] if n != "top")  # the first is the top category; a nested 'top' is skipped


@dataclass(frozen=True)
class Imported:
    name: str
    idnumber: str  # "" when none (or dropped)
    text: str  # question text and answers: what makes two questions the same for a reader


@dataclass
class Bank:
    """A course's question bank after one or more imports."""

    categories: dict[Category, list[Imported]] = field(default_factory=dict)
    dropped_idnumbers: int = 0

    def add(self, category: Category, question: Imported) -> None:
        questions = self.categories.setdefault(category, [])
        if question.idnumber and any(q.idnumber == question.idnumber for q in questions):
            self.dropped_idnumbers += 1
            question = Imported(question.name, "", question.text)
        questions.append(question)

    def duplicates(self) -> dict[Category, int]:
        """Per category, how many questions repeat one already in it (same text and answers)."""
        out = {}
        for category, questions in self.categories.items():
            extra = len(questions) - len({q.text for q in questions})
            if extra:
                out[category] = extra
        return out

    def total(self) -> int:
        return sum(len(q) for q in self.categories.values())


def import_xml(bank: Bank, text: str, default: Category = ("Défaut",)) -> Bank:
    category = default
    for q in etree.fromstring(text.encode("utf-8")).iter("question"):
        if q.get("type") == "category":
            category = category_of(q.findtext("category/text") or "")
            continue
        answers = "|".join(html.unescape(a.findtext("text") or "") for a in q.findall("answer"))
        bank.add(category, Imported(q.findtext("name/text") or "", (q.findtext("idnumber") or "").strip(),
                                    f"{q.findtext('questiontext/text')}||{answers}"))
    return bank


def import_gift(bank: Bank, text: str, default: Category = ("Défaut",)) -> Bank:
    """GIFT: `$CATEGORY: path` lines, then `::name::text{answers}` blocks (no idnumber in GIFT)."""
    category = default
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        block = block.strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            category = category_of(block[len("$CATEGORY:"):].strip())
            continue
        match = re.match(r"::((?:[^:\\]|\\.)*)::(.*)", block, re.S)
        bank.add(category, Imported(match.group(1) if match else "", "", " ".join((match.group(2) if match else block).split())))
    return bank


def import_files(files: Iterable[tuple[str, str]]) -> Bank:
    """Import (file name, content) pairs into one course, XML or GIFT by extension."""
    bank = Bank()
    for name, content in files:
        (import_gift if name.endswith(".gift") else import_xml)(bank, content)
    return bank
