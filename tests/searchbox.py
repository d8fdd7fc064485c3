"""Material's search box in a real page, for the reference set of tests/search_queries.yaml.

Shared by tests/test_search.py (assertions) and scripts/benchmark.py (top-1/top-3 figures,
cold first search). Nothing is timed here: each query waits for the worker's whole answer to
that very query (seen by a wrapper around `Worker`, also around the iframe shim of file://;
while only the names shard is loaded, the worker's answers are partial, and it answers the
last query again once it holds the whole index).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Page

REFERENCE = Path(__file__).resolve().parent / "search_queries.yaml"


@dataclass(frozen=True)
class Query:
    category: str
    text: str  # as typed
    page: str  # expected result, relative to the site root (`glossaire/cpom/`)
    rank: int  # 1: first; 3: among the first three


def reference_queries(path: Path = REFERENCE) -> list[Query]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [Query(category, str(item["q"]), item["page"], int(item["rank"]))
            for category, items in data.items() for item in items]


# Notes the search worker's queries and answers, so that a reader of the results reads the
# whole answer to the query typed, once it is on the page (Material renders it in a listener
# added after this one, hence the setTimeout). From file://, Material's iframe-worker shim replaces
# `window.Worker` after this script: the setter wraps whatever class is installed.
COUNT_WORKER_MESSAGES = """
(() => {
  window.__queries = 0; window.__answers = 0; window.__lastQuery = null
  window.__lastAnswer = null  // the query of the last answer shown, partial or whole
  window.__answered = null    // the query of the last whole answer shown
  const wrap = Base => class extends Base {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ev => {
        if (!ev.data || ev.data.type !== 3) return
        const answer = ev.data.data || {}
        setTimeout(() => {
          window.__answers++; window.__lastAnswer = answer.query; window.__answered = answer.partial ? null : answer.query
        })
      })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { window.__queries++; window.__lastQuery = message.data }
      return super.postMessage(message, ...rest)
    }
  }
  let current = wrap(window.Worker)
  Object.defineProperty(window, "Worker", {configurable: true, get: () => current, set: v => { current = wrap(v) }})
})()
"""


class SearchBox:
    """Type a query in Material's search box, read the result pages (relative to the site root)."""

    def __init__(self, page: Page, base: str, timeout_ms: float = 30_000) -> None:
        self.page, self.base, self.timeout_ms = page, base, timeout_ms
        self.box = page.locator("input.md-search__input")

    def results(self, query: str, key_by_key: bool = False) -> list[str]:
        """The result pages for ``query``: pasted in the box (one search), or typed key by key
        (a search per key, as a reader typing; the answer read is the last one's)."""
        self.box.click()
        if key_by_key:
            self.box.press("Control+A")
            self.box.press("Backspace")
            self.box.press_sequentially(query)
        else:
            self.box.fill(query)
        # Material listens to keyup, and Playwright types « é » (and pastes) without key
        # events: a key that adds nothing sends the query as a keyboard would have.
        self.box.press("End")
        self.page.wait_for_function("q => window.__lastQuery === q && window.__answered === q",
                                    arg=query, timeout=self.timeout_ms)
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
        return [self.relative(href) for href in hrefs]

    def relative(self, href: str) -> str:
        path = href.split("?")[0].split("#")[0].removeprefix(self.base)
        return path.removesuffix("index.html")  # the offline copy links to folder/index.html


def open_search(page: Page, base: str, start: str = "concepts/", timeout_ms: float = 30_000) -> SearchBox:
    """`base` is the site root (`http://…/` or `file:///…/`); the page opened is `start`."""
    page.add_init_script(COUNT_WORKER_MESSAGES)
    suffix = "index.html" if base.startswith("file:") else ""
    page.goto(base + start + suffix)
    return SearchBox(page, base, timeout_ms)


def rank_of(results: list[str], expected: str) -> int | None:
    """1-based rank of `expected` among `results`, None if absent."""
    return results.index(expected) + 1 if expected in results else None
