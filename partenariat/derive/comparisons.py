"""The hand-written comparison pages of docs/comparer/ and the notions each one compares.

Concept pages link to the comparisons that concern them, first thing after their key
definitions. What a comparison is lives with its page, not here: the page's front matter
gives its title and its criterion (what tells the notions apart first, in plain words),
and its `{{ compare(...) }}` call gives the notions (the continuum page: its `{{ continuum() }}`).

```yaml
---
title: Partenariat et réseau
comparaison:
  ordre: 1          # rank among the comparisons (concept pages list them in this order)
  critere: les organisations engagées ou les personnes reliées
---
```
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partenariat.base.messages import msg
from partenariat.base.problems import Problem
from partenariat.data.docpages import front_matter, scan

# The axis concept of the continuum macro (its default argument): notions on this scale link
# to the continuum page.
CONTINUUM_AXIS = "continuum-information-fusion"
FOLDER = "comparer"


@dataclass(frozen=True)
class Comparison:
    slug: str  # docs/comparer/<slug>.md
    title: str
    concepts: tuple[str, ...]  # () for the continuum: every notion of its scale
    criterion: str
    continuum: bool = False
    rank: int = 0


def read_comparisons(docs_dir: Path, root: Path) -> tuple[list[Comparison], list[Problem]]:
    """Every page of docs/comparer/ that declares `comparaison`, and what is wrong with one."""
    comparisons: list[Comparison] = []
    problems: list[Problem] = []
    for path in sorted((docs_dir / FOLDER).glob("*.md")):
        text = path.read_text("utf-8")
        meta = front_matter(text) or {}
        declared = meta.get("comparaison")
        if declared is None:
            continue
        file = path.relative_to(root).as_posix()
        criterion = declared.get("critere") if isinstance(declared, dict) else None
        title = meta.get("title")
        if not isinstance(criterion, str) or not criterion.strip() or not isinstance(title, str):
            problems.append(Problem(file, 1, "comparaison", msg("comparison-needs-criterion"),
                                    msg("comparison-example")))
            continue
        calls, _ = scan(text, file)
        table = next((c for c in calls if c.name in ("compare", "continuum")), None)
        if table is None:
            problems.append(Problem(file, 1, "comparaison", msg("comparison-needs-table"), msg("comparison-table-fix")))
            continue
        rank = declared.get("ordre", 0) if isinstance(declared, dict) else 0
        comparisons.append(Comparison(path.stem, title.strip(), tuple(str(a) for a in table.args) if table.name == "compare"
                                      else (), " ".join(criterion.split()), table.name == "continuum",
                                      rank if isinstance(rank, int) else 0))
    return sorted(comparisons, key=lambda c: (c.rank, c.slug)), problems
