"""Measure how much of the site's own prose repeats the seeds word for word.

For every page of a built site, the text of the article (quotations excluded: <blockquote>,
<q>, and the quoted legal articles) is cut into 10-word sequences; the share of those
sequences that also occur in the seed documents is printed per page (worst first) and for
the whole site. Usage:

    python scripts/seed_overlap.py SITE_DIR [SEEDS_DIR]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

N = 10
SKIP = {"blockquote", "q", "script", "style", "code", "pre", "svg", "nav", "header", "footer"}


class ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth_article = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth_article += 1
        if tag in SKIP:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth_article -= 1
        if tag in SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth_article and not self.skip:
            self.parts.append(data)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.lower()).replace("’", "'")
    return re.findall(r"[\w']+", text)


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + N]) for i in range(len(tokens) - N + 1)}


def main(site: Path, seeds: Path) -> int:
    seed_shingles: set[tuple[str, ...]] = set()
    for path in sorted(seeds.glob("*.txt")):
        seed_shingles |= shingles(words(path.read_text("utf-8")))
    total = shared = 0
    rows = []
    for page in sorted(site.rglob("index.html")):
        parser = ArticleText()
        parser.feed(page.read_text("utf-8"))
        own = shingles(words(" ".join(parser.parts)))
        if not own:
            continue
        hits = len(own & seed_shingles)
        total += len(own)
        shared += hits
        rows.append((hits / len(own), hits, len(own), str(page.parent.relative_to(site)) or "/"))
    rows.sort(reverse=True)
    print(f"{'share':>6} {'shared':>7} {'total':>6}  page")
    for share, hits, count, name in rows[:15]:
        print(f"{share:6.1%} {hits:7d} {count:6d}  {name}")
    print(f"\nSite: {shared} of {total} 10-word sequences also in the seeds = {shared / max(total, 1):.2%} "
          f"({len(rows)} pages)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        raise SystemExit(2)
    default_seeds = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else default_seeds))
