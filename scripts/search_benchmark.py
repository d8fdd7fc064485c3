"""Search figures (part `search` of scripts/benchmark.py; prints figures, asserts nothing).

* the reference set (tests/search_queries.yaml) typed in the real search box, online (served
  on 127.0.0.1) and offline (file://): top-1 and top-3 per category;
* the search index: raw and gzipped size of its files (Material's stub, the names shard, the
  text shard);
* the cold first search: page load → first result shown, in a fresh browser context (no
  cache) with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate) and every file served
  gzipped, as a host serves it. Median of several runs;
* `page_view` and `first_results` (scripts/benchmark.py, part `pageview`): what a page view
  costs (bytes, main-thread time) and how long search takes once the reader turns to it.

    .venv/bin/python scripts/search_benchmark.py                       # builds both copies
    .venv/bin/python scripts/search_benchmark.py --site S --offline O  # copies built already
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402

from browser import chromium  # noqa: E402
from searchbox import COUNT_WORKER_MESSAGES, open_search, rank_of, reference_queries  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
COLD_QUERY = "cpom"
ANSWER_MS = 10_000  # a query not answered by then counts as not found (the old worker dropped some)


def build(dest: Path, offline: bool) -> Path:
    env = {**ENV, "OFFLINE": "true"} if offline else ENV
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
                   cwd=REPO, env=env, check=True)
    return dest


class _Gzipped(http.server.SimpleHTTPRequestHandler):
    """Serves every file gzipped when the browser accepts it, like a static host."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Gzipped, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


INDEX_FILES = ("search_index", "noms", "texte")  # Material's stub and the shards (partenariat.export.search_index)


def index_size(site: Path) -> dict[str, dict[str, int]]:
    """Raw and gzipped bytes of each file of the search index."""
    out = {}
    for name in INDEX_FILES:
        raw = (site / "search" / f"{name}.json").read_bytes()
        out[name] = {"raw": len(raw), "gzip": len(gzip.compress(raw, 9))}
    return out


def print_index_size(sizes: dict[str, dict[str, int]]) -> None:
    print("search index: " + ", ".join(f"{name} {size['raw']:,} bytes ({size['gzip']:,} gzipped)"
                                       for name, size in sizes.items()))


def _throttled(browser: Any, rate: float) -> tuple[Any, Any, Any]:
    """A fresh context (no cache) and page, the CPU slowed ``rate`` times, and its CDP session."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    cdp.send("Performance.enable")
    return context, page, cdp


def _task_seconds(cdp: Any) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return float(metrics.get("TaskDuration", 0.0))


def page_view(browser: Any, url: str, rate: float = 4, settle_ms: int = 3000) -> dict[str, Any]:
    """One page view in a fresh context, CPU slowed ``rate`` times: bytes transferred (as
    served, gzipped), main-thread time (CDP's TaskDuration) until ``settle_ms`` after the load
    event, and whether any search file was asked for."""
    context, page, cdp = _throttled(browser, rate)
    sizes: list[int] = []
    urls: list[str] = []

    def finished(request: Any) -> None:
        sizes.append(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])
        urls.append(request.url)

    page.on("requestfinished", finished)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    out = {"bytes": sum(sizes), "requests": len(urls), "main_thread_s": _task_seconds(cdp),
           "search_files": [u for u in urls if "/search/" in u]}
    context.close()
    return out


def first_results(browser: Any, url: str, query: str = "ccas", rate: float = 4) -> dict[str, Any]:
    """After a page view (CPU slowed ``rate`` times), the reader presses « / » and types
    ``query`` at once: milliseconds until the first results are shown (the names shard may
    answer alone) and until the whole answer; the search files' bytes; the main-thread time
    this took."""
    context, page, cdp = _throttled(browser, rate)
    page.add_init_script(COUNT_WORKER_MESSAGES)
    page.add_init_script(FIRST_RESULT)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2000)
    before = _task_seconds(cdp)
    sizes: list[int] = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]) if "/search/" in r.url else None)
    start = page.evaluate("performance.now()")
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function("window.__firstResult !== undefined", timeout=120_000)
    first = page.evaluate("window.__firstResult") - start
    page.wait_for_function("q => window.__answered === q", arg=query, timeout=120_000)
    whole = page.evaluate("performance.now()") - start
    top = page.eval_on_selector(".md-search-result__item a", "a => a.getAttribute('href')")
    out = {"first_ms": first, "whole_ms": whole, "search_bytes": sum(sizes),
           "main_thread_s": _task_seconds(cdp) - before, "top": top}
    context.close()
    return out


def reference_figures(browser: Any, base: str) -> dict[str, dict[str, Any]]:
    """Per category: queries, top-1 and top-3 counts, and the misses (query, rank)."""
    page = browser.new_page()
    box = open_search(page, base, timeout_ms=ANSWER_MS)
    figures: dict[str, dict[str, Any]] = defaultdict(lambda: {"n": 0, "top1": 0, "top3": 0, "missed": []})
    for query in reference_queries():
        try:
            rank = rank_of(box.results(query.text), query.page)
        except PlaywrightError:  # no answer: counted as not found, and a fresh page
            print(f"    no answer to {query.text!r}")
            rank = None
            page.close()
            page = browser.new_page()
            box = open_search(page, base, timeout_ms=ANSWER_MS)
        row = figures[query.category]
        row["n"] += 1
        row["top1"] += rank == 1
        row["top3"] += rank is not None and rank <= 3
        if rank is None or rank > query.rank:
            row["missed"].append((query.text, rank))
    page.close()
    return dict(figures)


# Time from navigation start until the first search result is in the page.
FIRST_RESULT = """
new MutationObserver((_, observer) => {
  if (document.querySelector(".md-search-result__item")) {
    window.__firstResult = performance.now(); observer.disconnect()
  }
}).observe(document, {childList: true, subtree: true})
"""


def cold_first_search(browser: Any, base: str, runs: int) -> list[float]:
    times = []
    suffix = "index.html" if base.startswith("file:") else ""
    for _ in range(runs):
        context = browser.new_context()  # no cache
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.add_init_script(FIRST_RESULT)
        page.goto(f"{base}concepts/{suffix}?q={COLD_QUERY}")
        page.wait_for_function("window.__firstResult !== undefined", timeout=60_000)
        times.append(page.evaluate("window.__firstResult"))
        context.close()
    return times


def print_reference(label: str, figures: dict[str, dict[str, Any]]) -> None:
    print(f"\n{label}: category      n  top-1  top-3")
    total = {"n": 0, "top1": 0, "top3": 0}
    for category, row in figures.items():
        print(f"  {category:<14}{row['n']:>4}  {row['top1']:>5}  {row['top3']:>5}")
        for key in total:
            total[key] += row[key]
    print(f"  {'total':<14}{total['n']:>4}  {total['top1']:>5}  {total['top3']:>5}")
    for category, row in figures.items():
        for text, rank in row["missed"]:
            print(f"    missed ({category}): {text!r} at rank {rank}")


def measure(site: Path, offline: Path, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {"index": index_size(site)}
    print_index_size(out["index"])
    with chromium() as browser, served(site) as base:
        out["online"] = reference_figures(browser, base)
        print_reference("online (http)", out["online"])
        out["offline"] = reference_figures(browser, offline.resolve().as_uri() + "/")
        print_reference("offline (file://)", out["offline"])
        out["cold_ms"] = cold_first_search(browser, base, runs)
        print(f"\ncold first search (CPU 4× slower, gzipped, no cache), page load → first result: "
              f"median {statistics.median(out['cold_ms']):.0f} ms over {runs} runs "
              f"({', '.join(f'{t:.0f}' for t in out['cold_ms'])})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an online build (default: built now)")
    parser.add_argument("--offline", type=Path, help="an offline build, OFFLINE=true (default: built now)")
    parser.add_argument("--runs", type=int, default=5, help="runs of the cold first search (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="search-benchmark-") as tmp:
        site = args.site or build(Path(tmp) / "site", offline=False)
        offline = args.offline or build(Path(tmp) / "offline", offline=True)
        measure(site, offline, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
