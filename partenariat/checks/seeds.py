"""Acronyms against the seed documents: what a seed spells out is not « outside the seeds ».

The seeds are the five documents the knowledge base is built from. They live beside the
repository, in `../shared/seeds/*.txt` (where tests/test_facts.py reads them too); `check`
reads them from there. When that folder is absent or holds no `.txt` (a copy of the data
alone), the rule cannot run: `check` says so once, as a notice on its output, and the rest of
the check goes on (the data is not at fault).

An acronym is declared outside the seeds in two ways, and each is refused when a seed
contradicts it, at the line of the field that declares it:
- `attested_in: []` (the acronym and its expansion come from general knowledge, `outside_seeds`
  says so): refused when a seed writes the expansion out, accents, case, line breaks and
  plurals aside (« services d'accompagnement à la vie sociale » for « Service
  d'accompagnement à la vie sociale »). The seed is then a source of the entry.
- `undeveloped: true` (the sources use the acronym without developing it): refused when a
  seed writes, on the line where it uses the acronym, a run of words whose initials spell it,
  just before it or just after it (« projet éducatif local (PEL) », « PEL : projet… »).

Reading the five seeds and matching every acronym takes a few milliseconds (one index of
word positions, built once).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from partenariat.base.messages import Msg, msg
from partenariat.base.problems import Problem
from partenariat.checks.load import Corpus
from partenariat.data.models import Acronym

SEEDS_FOLDER = Path("..") / "shared" / "seeds"  # relative to the corpus root

_WORD = re.compile(r"\w+")
# Words left out of an acronym's initials (« Réseau d'écoute, d'appui et d'accompagnement des parents »).
_SMALL_WORDS = frozenset("a au aux d de des du en et l la le les ou par pour sur un une".split())


_FOLDED: dict[int, str] = {}  # character → its folded form (one character), filled as characters are met


def fold(text: str) -> str:
    """Lower case, accents off (the seeds often write capitals without them), one character for
    one: a word's place in the folded text is its place in the seed."""
    for char in set(text):
        if ord(char) not in _FOLDED:
            lower = char.lower() if len(char.lower()) == 1 else char
            base = unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode()
            _FOLDED[ord(char)] = base if len(base) == 1 else lower
    return text.translate(_FOLDED)


def stem(word: str) -> str:
    """A folded word without its plural mark: « services » and « service », « sociaux » and « social »."""
    if len(word) > 3 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


@dataclass
class Seed:
    """One seed document: its number (« 004 »), its lines, and its words (stems, with the line
    and the place of each), indexed by stem."""

    name: str
    lines: list[str]
    stems: list[str] = field(default_factory=list)
    places: list[tuple[int, int, int]] = field(default_factory=list)  # line (1-based), start, end
    positions: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        folded = fold("\n".join(self.lines)).split("\n")
        for number, line in enumerate(folded, start=1):
            for match in _WORD.finditer(line):
                word = stem(match.group())
                self.positions[word].append(len(self.stems))
                self.stems.append(word)
                self.places.append((number, match.start(), match.end()))

    def excerpt(self, first: int, last: int) -> str:
        """The seed's own words from word ``first`` to word ``last``."""
        (line, start, _), (end_line, _, end) = self.places[first], self.places[last]
        if line == end_line:
            return self.lines[line - 1][start:end]
        return self.lines[line - 1][start:] + " " + self.lines[end_line - 1][:end]

    def find_words(self, text: str) -> tuple[int, str] | None:
        """Line and wording of the first place where the seed writes ``text`` out (plurals aside)."""
        wanted = [stem(w) for w in _WORD.findall(fold(text))]
        if not wanted:
            return None
        for i in self.positions.get(wanted[0], []):
            if self.stems[i:i + len(wanted)] == wanted:
                return self.places[i][0], self.excerpt(i, i + len(wanted) - 1)
        return None

    def find_development(self, acronym: str) -> tuple[int, str] | None:
        """Line and wording of a run of words, beside the acronym on one line, whose initials spell it."""
        letters = fold("".join(c for c in acronym if c.isalpha()))
        if len(letters) < 2:
            return None
        pattern = re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")
        for number, line in enumerate(self.lines, start=1):
            for match in pattern.finditer(line):
                before = list(_WORD.finditer(line[:match.start()]))
                after = [m for m in _WORD.finditer(line, match.end())]
                for run in (_initial_run(before[::-1], letters, reverse=True), _initial_run(after, letters)):
                    if run:
                        return number, line[run[0]:run[1]]
        return None


def _initial_run(words: list[re.Match[str]], letters: str, reverse: bool = False) -> tuple[int, int] | None:
    """The span of the first words (nearest the acronym first when ``reverse``) whose initials,
    small words left out, are ``letters``; None if they are not. Another acronym ends the run."""
    initials = ""
    taken: list[re.Match[str]] = []  # the significant words, nearest the acronym first
    for word in words[:3 * len(letters)]:
        text = word.group()
        if len(text) > 1 and text.isupper():
            return None  # an acronym is not a development (« PAI, PAP PPE, PPS PPA »)
        if fold(text) in _SMALL_WORDS:
            continue
        taken.append(word)
        initials = fold(text)[0] + initials if reverse else initials + fold(text)[0]
        if initials == letters:
            first, last = (taken[-1], taken[0]) if reverse else (taken[0], taken[-1])
            return first.start(), last.end()
        if not (letters.endswith(initials) if reverse else letters.startswith(initials)):
            return None
    return None


def read_seeds(folder: Path) -> list[Seed] | None:
    """The seeds of ``folder`` (``NNN_….txt``, named by their number), or None if there are none."""
    if not folder.is_dir():
        return None
    files = sorted(folder.glob("*.txt"))
    if not files:
        return None
    return [Seed(path.stem.split("_")[0], path.read_text("utf-8").splitlines()) for path in files]


def seeds_folder(root: Path) -> Path:
    return (root / SEEDS_FOLDER).resolve()


def absent_notice(root: Path) -> Msg:
    return msg("seeds-absent", folder=seeds_folder(root))


def seed_problems(corpus: Corpus, seeds: list[Seed]) -> list[Problem]:
    """Every acronym declared outside the seeds that a seed spells out, at the declaring line."""
    problems = []
    for record in corpus.records["glossary"].values():
        entry = record.entity
        if not isinstance(entry, Acronym):
            continue
        if entry.expansion is not None and not entry.attested_in:
            expansion = entry.expansion
            found = next(((seed, hit) for seed in seeds if (hit := seed.find_words(expansion))), None)
            if found:
                seed, (line, text) = found
                problems.append(Problem(
                    record.file, record.doc.line_of(("attested_in",)), "attested_in",
                    msg("seed-spells-out", seed=seed.name, acronym=entry.acronym, line=line, text=text),
                    msg("seed-spells-out-fix")))
        if entry.undeveloped:
            acronym = entry.acronym
            found = next(((seed, hit) for seed in seeds if (hit := seed.find_development(acronym))), None)
            if found:
                seed, (line, text) = found
                problems.append(Problem(
                    record.file, record.doc.line_of(("undeveloped",)), "undeveloped",
                    msg("seed-develops-undeveloped", seed=seed.name, acronym=entry.acronym, line=line, text=text),
                    msg("seed-develops-fix")))
    return problems
