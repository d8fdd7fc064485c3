"""Benchmark the site build. Prints figures; asserts nothing (never run it as a test).

Parts (all by default; each can be skipped):

  overhead  full build of this site vs a plain MkDocs + Material build of the same pages
            written out as static Markdown (`python -m partenariat render`, docs/ without
            the {{ … }} macro calls, no hooks/macros/redirects): medians and overhead %
  check     `python -m partenariat check` on the whole corpus
  scale     synthetic corpora 10× and 50× the real one (copies of every entity with
            suffixed ids, references rewritten within each copy, acronyms made unique):
            build time and peak RSS per scale beside a plain MkDocs + Material build of
            the same pages, and whether growth is about linear
  serve     the preview (`make serve`: `mkdocs serve --dirty`) on a free 127.0.0.1 port, per
            scale: time from a saved YAML edit (an acronym's expansion, a notion's summary)
            until the served page shows it, beside the full build (serve's first build)
  pageview  per scale, in Chromium with the CPU slowed 4× and files served gzipped: bytes
            and main-thread time of a page view (home, a notion), then « / » and « ccas »
            typed: time to the first results and to the whole answer
  lighthouse  Lighthouse (mobile: a mid-range phone, slow 4G, CPU 4× slower) on the 1× site
            served gzipped: home, a notion, an acronym; for a page under 95, what held it back.
            Needs the `lighthouse` command (`npm install lighthouse@12`; --lighthouse PATH);
            without it the part says so and is skipped
  profile   cProfile of one build: our functions (partenariat/, hooks/) and the overall
            top 15, by cumulative time
  search    scripts/search_benchmark.py: the reference queries online and offline (top-1 and
            top-3 per category), index size raw and gzipped, cold first search (CPU 4× slower)
  adversarial  scripts/adversarial.py: `check` on 1 MB adversarial files (`[[` ×N, `[[a:` ×N,
            `{ =` ×N, `<` ×N, `]]>` ×N…), as one value and as values under the length limit

Everything runs in copies under a temporary folder: the repository is never modified.

    .venv/bin/python scripts/benchmark.py                      # everything (50× takes a while)
    .venv/bin/python scripts/benchmark.py --scale 1,10 --skip-serve
    .venv/bin/python scripts/benchmark.py --only overhead,check --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the browser helpers (pageview)

from partenariat.data.entities import BY_NAME, DATA_FOLDERS, ENTITY_TYPES  # noqa: E402
from partenariat.data.refs import TEXT_LINK, iter_raw_edges  # noqa: E402
from partenariat.data.yamlfile import read_yaml  # noqa: E402

PARTS = ("overhead", "check", "scale", "serve", "pageview", "lighthouse", "profile", "search", "adversarial")
NOT_COPIED = {"partenariat", "tests", "site", "build", "site-offline", "scripts"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
PY = sys.executable


# --- running and measuring ----------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    output: str


def run(cmd: list[str], cwd: Path, timeout: float = 3600) -> Run:
    """Run ``cmd``; wall time, and the peak RSS of that process (and the children it waited for)."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT, text=True)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, out.read())


def must(result: Run, what: str) -> Run:
    if result.returncode != 0:
        sys.exit(f"{what} failed (exit {result.returncode}):\n{result.output[-3000:]}")
    return result


def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml") -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / config), "-d", str(site)]


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float]) -> str:
    return f"median {median(values):6.2f} s  (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


# --- project copies ----------------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    """The data, docs, hooks, config… of the repository; the package is linked, not copied."""
    if target.exists():  # left by an interrupted run with the same --workdir
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name in NOT_COPIED or entry.name.startswith(".") or entry.suffix == ".egg-info":
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(entry, target / entry.name)
    (target / "partenariat").symlink_to(REPO / "partenariat")
    return target


MACRO_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def plain_project(source: Path, target: Path) -> Path:
    """The same pages as static Markdown, built by plain MkDocs + Material."""
    docs = target / "docs"
    must(run([PY, "-m", "partenariat", "--root", str(source), "render", str(docs)], cwd=source), "partenariat render")
    for path in (source / "docs").rglob("*"):
        dest = docs / path.relative_to(source / "docs")
        if path.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        elif path.suffix == ".md":
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(MACRO_CALL.sub("", path.read_text("utf-8")), "utf-8")
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dest)
    full = yaml_load((source / "mkdocs.yml").read_text("utf-8"))  # MkDocs' loader: !ENV, !relative
    theme = {k: v for k, v in full["theme"].items() if k != "custom_dir"}  # plain Material
    plain: dict[str, Any] = {
        "site_name": full["site_name"], "docs_dir": "docs", "strict": True, "theme": theme,
        "plugins": [p for p in full.get("plugins", []) if p == "search" or (isinstance(p, dict) and "search" in p)],
        "markdown_extensions": full.get("markdown_extensions", []),
    }
    for key in ("extra_css", "extra_javascript", "validation"):
        if key in full:
            plain[key] = full[key]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), "utf-8")
    return target


# --- synthetic corpus ------------------------------------------------------------------------------


def _suffixed(entity_id: str, k: int) -> str:
    return f"{entity_id}-x{k}"


def _set(data: Any, path: tuple[object, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data: Any, path: tuple[object, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def scaled_copy(data: dict[str, Any], type_name: str, k: int,
                acronym_of: dict[str, str] | None = None) -> dict[str, Any]:
    """Copy ``k`` of an entry: its id and every reference (typed fields and [[type:id]] links
    in text) point into copy ``k``; an acronym gets a suffix, so acronyms stay unique, and the
    wording of an ended body names its successors' copies (``acronym_of``: glossary id → acronym)."""
    out = json.loads(json.dumps(data))
    model = BY_NAME[type_name].model
    text_paths = set()
    for edge in iter_raw_edges(type_name, model, data):
        if edge.in_text:
            text_paths.add(edge.path)
        else:
            _set(out, edge.path, _suffixed(edge.target_id, k))
    def relink(match: re.Match[str]) -> str:
        kind, target, text = match.group(1), match.group(2).strip(), match.group(3)
        return f"[[{kind}:{_suffixed(target, k)}" + (f"|{text}" if text is not None else "") + "]]"

    for path in text_paths:
        _set(out, path, TEXT_LINK.sub(relink, _get(out, path)))
    out["id"] = _suffixed(data["id"], k)
    if type_name == "glossary":
        out["acronym"] = f"{data['acronym']}-{k}"
        ended = out.get("ended")
        if isinstance(ended, dict) and ended.get("wording"):
            for successor in data["ended"].get("successors") or []:
                name = (acronym_of or {}).get(successor)
                if name:
                    ended["wording"] = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", f"{name}-{k}", ended["wording"])
    return out


def make_scaled_project(source: Path, target: Path, factor: int) -> dict[str, int]:
    """``target`` holds the project with every entry present ``factor`` times (the originals
    and factor - 1 copies); returns the number of entries per type."""
    copy_project(target)
    counts = {}
    acronyms: set[str] = set()
    acronym_of = {}
    for path in sorted((target / BY_NAME["glossary"].folder).glob("*.yaml")):
        doc, problems = read_yaml(path, str(path))
        assert doc is not None, problems
        acronym_of[str(doc.data["id"])] = str(doc.data["acronym"])
    for etype in ENTITY_TYPES:
        folder = target / etype.folder
        originals = sorted(folder.glob("*.yaml"))
        for path in originals:
            doc, problems = read_yaml(path, str(path))
            assert doc is not None, problems
            if etype.name == "glossary":
                acronyms.add(str(doc.data["acronym"]))
            for k in range(2, factor + 1):
                data = scaled_copy(doc.data, etype.name, k, acronym_of)
                if etype.name == "glossary":
                    assert data["acronym"] not in acronyms, data["acronym"]
                    acronyms.add(data["acronym"])
                text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=90)
                (folder / f"{data['id']}.yaml").write_text(text, "utf-8")
        counts[etype.name] = len(originals) * factor
    return counts


# --- the parts ----------------------------------------------------------------------------------------


def part_overhead(work: Path, runs: int) -> dict[str, Any]:
    print("\n== (a) Full build vs plain MkDocs + Material build of the same pages")
    project = copy_project(work / "overhead-full")
    render_times = []
    for i in range(runs):
        target = work / f"overhead-plain-{i}"
        start = time.perf_counter()
        plain_project(project, target)
        render_times.append(time.perf_counter() - start)
    plain = work / "overhead-plain-0"
    pages = sum(1 for _ in (plain / "docs").rglob("*.md"))
    full_times, plain_times, full_mem, plain_mem = [], [], [], []
    for i in range(runs):  # interleaved, so that a change in the machine's load hits both alike
        full = must(run(mkdocs_build(project, work / f"site-full-{i}"), project), "full build")
        bare = must(run(mkdocs_build(plain, work / f"site-plain-{i}"), plain), "plain build")
        full_times.append(full.seconds)
        plain_times.append(bare.seconds)
        full_mem.append(full.peak_mb)
        plain_mem.append(bare.peak_mb)
    overhead = (median(full_times) - median(plain_times)) / median(plain_times) * 100
    print(f"pages: {pages} Markdown pages ({pages - sum(1 for _ in (REPO / 'docs').rglob('*.md'))} generated)")
    print(f"full build  (hooks, macros, redirects, search rewrite): {spread(full_times)}, peak RSS {max(full_mem):.0f} MB")
    print(f"plain build (static Markdown, Material + search):       {spread(plain_times)}, peak RSS {max(plain_mem):.0f} MB")
    print(f"`partenariat render` (writing the static pages):        {spread(render_times)}")
    print(f"overhead of the full build over the plain one: {overhead:+.1f} %")
    return {"full_s": full_times, "plain_s": plain_times, "render_s": render_times, "overhead_pct": overhead,
            "full_peak_mb": max(full_mem), "plain_peak_mb": max(plain_mem), "pages": pages}


def part_check(work: Path, runs: int) -> dict[str, Any]:
    print("\n== (b) python -m partenariat check, whole corpus")
    project = work / "overhead-full" if (work / "overhead-full").is_dir() else copy_project(work / "check")
    walls, inner, mem = [], [], []
    last = None
    for _ in range(runs):
        last = must(run([PY, "-m", "partenariat", "--root", str(project), "check"], project), "check")
        walls.append(last.seconds)
        mem.append(last.peak_mb)
        found = re.search(r"en ([0-9.]+) s", last.output)
        if found:
            inner.append(float(found.group(1)))
    print(last.output.strip() if last else "")
    print(f"process (interpreter start, imports, load, checks): {spread(walls)}, peak RSS {max(mem):.0f} MB")
    if inner:
        print(f"as reported by the command (load + checks):       {spread(inner)}")
    return {"wall_s": walls, "reported_s": inner, "peak_mb": max(mem)}


def scale_project(work: Path, factor: int) -> tuple[Path, dict[str, int], float]:
    """The project at ``factor`` times the corpus (made once per run): path, entries per type,
    seconds to write it."""
    project = work / f"scale-{factor}"
    counts_file = work / f"scale-{factor}.json"
    if counts_file.is_file():
        return project, json.loads(counts_file.read_text()), 0.0
    start = time.perf_counter()
    counts = make_scaled_project(REPO, project, factor) if factor > 1 else _copy_counts(project)
    counts_file.write_text(json.dumps(counts))
    return project, counts, time.perf_counter() - start


def _copy_counts(project: Path) -> dict[str, int]:
    copy_project(project)
    return {etype.name: len(list((project / etype.folder).glob("*.yaml"))) for etype in ENTITY_TYPES}


def part_scale(work: Path, factors: list[int], plain_max: int) -> dict[str, Any]:
    print(f"\n== (c) Synthetic corpora: {', '.join(f'{f}×' for f in factors)}: this site's build beside a plain "
          "MkDocs + Material build of the same pages")
    rows = []
    for factor in factors:
        project, counts, generated = scale_project(work, factor)
        checked = must(run([PY, "-m", "partenariat", "--root", str(project), "check"], project), f"check {factor}×")
        built = must(run(mkdocs_build(project, work / f"site-scale-{factor}"), project), f"build {factor}×")
        html = sum(1 for _ in (work / f"site-scale-{factor}").rglob("*.html"))
        if factor <= plain_max:
            plain = plain_project(project, work / f"plain-{factor}")
            bare = must(run(mkdocs_build(plain, work / f"site-plain-{factor}"), plain), f"plain build {factor}×")
            shutil.rmtree(work / f"site-plain-{factor}")
        else:
            bare = Run(float("nan"), float("nan"), 0, "")
        rows.append({"factor": factor, "entries": sum(counts.values()), "html_pages": html, "build_s": built.seconds,
                     "build_peak_mb": built.peak_mb, "plain_s": bare.seconds, "plain_peak_mb": bare.peak_mb,
                     "check_s": checked.seconds, "check_peak_mb": checked.peak_mb, "generate_s": generated})
        print(f"{factor:>3}×: {sum(counts.values()):6d} entries, {html:6d} HTML pages: build {built.seconds:8.1f} s "
              f"(plain MkDocs {bare.seconds:7.1f} s, ×{built.seconds / bare.seconds:4.2f}), peak RSS "
              f"{built.peak_mb:6.0f} MB (plain {bare.peak_mb:5.0f}) | check {checked.seconds:5.1f} s, "
              f"{checked.peak_mb:4.0f} MB", flush=True)
    base = rows[0]
    print("\n| scale | entries | HTML pages | this site | plain MkDocs | ratio |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['factor']}× | {row['entries']} | {row['html_pages']} | {row['build_s']:.1f} s | "
              f"{row['plain_s']:.1f} s | ×{row['build_s'] / row['plain_s']:.2f} |")
    print("\ngrowth relative to the first scale (1.00 = exactly linear in the number of entries):")
    for row in rows:
        ratio = row["entries"] / base["entries"]
        time_ratio = row["build_s"] / base["build_s"]
        per_entry = row["build_s"] / row["entries"] * 1000
        print(f"{row['factor']:>3}×: entries ×{ratio:5.1f}, build time ×{time_ratio:6.1f} "
              f"(time per entry {per_entry:6.1f} ms, {time_ratio / ratio:4.2f}× that at {base['factor']}×), "
              f"peak RSS {row['build_peak_mb']:6.0f} MB (×{row['build_peak_mb'] / base['build_peak_mb']:4.1f}, "
              f"{row['build_peak_mb'] / row['entries'] * 1000:5.0f} MB per 1000 entries)")
    if len(rows) > 1:
        last = rows[-1]
        growth = (last["build_s"] / base["build_s"]) / (last["entries"] / base["entries"])
        verdict = "about linear" if growth < 1.3 else "somewhat super-linear" if growth < 2 else "super-linear"
        print(f"verdict: {verdict} (time per entry at {last['factor']}× is {growth:.2f}× that at {base['factor']}×; "
              f"peak RSS {last['build_peak_mb']:.0f} MB at {last['factor']}×, "
              f"{base['build_peak_mb']:.0f} MB at {base['factor']}×)")
    return {"rows": rows}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, marker: str | None, timeout: float) -> float | None:
    """Seconds until ``url`` answers (and contains ``marker``), polling every 50 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and (marker is None or marker in page):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


# The preview's edits: (file, text before, text after, page that shows it). An acronym's
# expansion shows on its page, the glossary, and wherever the acronym is written (tooltips); a
# notion's summary on its page, the index of notions and the competency packs.
SERVE_EDITS = (("glossary/cpom.yaml", "\nexpansion: ", "\nexpansion: {marker} ", "glossaire/cpom/"),
               ("concepts/reseau.yaml", "\nsummary: >-\n  ", "\nsummary: >-\n  {marker} ", "concepts/reseau/"))


def part_serve(work: Path, runs: int, factors: list[int]) -> dict[int, dict[str, Any]]:
    print("\n== (d) Preview (make serve: mkdocs serve --dirty): a saved YAML edit until the served page shows it")
    out = {}
    for factor in factors:
        project, _, _ = scale_project(work, factor)
        out[factor] = serve_edits(work, project, factor, runs)
    rows = [(f, r) for f, r in out.items() if r.get("edit_s")]
    if rows:
        print("\n| scale | full build (serve's first) | saved edit → page shown (median) | share |")
        print("| --- | --- | --- | --- |")
        for factor, row in rows:
            edit = median(row["edit_s"])
            print(f"| {factor}× | {row['full_s']:.1f} s | {edit:.2f} s (min {min(row['edit_s']):.2f}, "
                  f"max {max(row['edit_s']):.2f}, n={len(row['edit_s'])}) | {edit / row['full_s'] * 100:.0f} % |")
    return out


def serve_edits(work: Path, project: Path, factor: int, runs: int) -> dict[str, Any]:
    port = free_port()
    log_path = work / f"serve-{factor}.log"
    log = log_path.open("w")
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project,
                            env=ENV, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    times: list[float] = []
    kinds: dict[str, list[float]] = {}
    full = None
    try:
        started = wait_for(base + SERVE_EDITS[0][3], None, 7200)
        if started is None:
            print(f"{factor}×: serve did not answer; see {log_path}")
            return {}
        found = re.findall(r"Documentation built in ([0-9.]+) seconds", log_path.read_text("utf-8", "replace"))
        full = float(found[0]) if found else started
        print(f"{factor}×: serve's first (full) build {full:.1f} s; first page served {started:.1f} s after start")
        time.sleep(2)  # let the watcher settle
        for i in range(runs):
            for path_name, before, after, page in SERVE_EDITS:
                path = project / path_name
                original = path.read_text("utf-8")
                marker = f"MARQUE{i}X{int(time.time())}"
                assert before in original, (path_name, before)
                path.write_text(original.replace(before, after.format(marker=marker), 1), "utf-8")
                seen = wait_for(base + page, marker, 600)
                path.write_text(original, "utf-8")  # undone (a build too, waited for below)
                if seen is None:
                    print(f"{factor}×: {path_name}: not shown after 600 s; see {log_path}")
                    continue
                times.append(seen)
                kinds.setdefault(path_name, []).append(seen)
                print(f"{factor}×: edit of {path_name}: shown after {seen:.2f} s", flush=True)
                wait_for(base + page, None, 60)
                _wait_gone(base + page, marker)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    return {"full_s": full, "edit_s": times, "by_file": kinds}


def _wait_gone(url: str, marker: str, timeout: float = 600) -> None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and marker not in page:
            time.sleep(1.5)
            return
        time.sleep(0.1)


def part_pageview(work: Path, factors: list[int]) -> dict[int, dict[str, Any]]:
    print("\n== (g) A page view and a first search, Chromium, CPU slowed 4×, files served gzipped")
    from search_benchmark import first_results, index_size, page_view, print_index_size, served

    from browser import chromium

    out = {}
    for factor in factors:
        site = work / f"site-scale-{factor}"
        if not site.is_dir():
            project, _, _ = scale_project(work, factor)
            must(run(mkdocs_build(project, site), project), f"build {factor}×")
        sizes = index_size(site)
        print(f"{factor}×: ", end="")
        print_index_size(sizes)
        row: dict[str, Any] = {"index": sizes}
        with chromium() as browser, served(site) as base:
            for name, path in (("home", ""), ("notion", "concepts/partenariat/")):
                row[name] = page_view(browser, base + path)
                view = row[name]
                print(f"{factor}×: page view of {name}: {view['bytes'] / 1024:.0f} KiB in {view['requests']} requests, "
                      f"main thread {view['main_thread_s'] * 1000:.0f} ms, search files fetched: {len(view['search_files'])}")
            row["search"] = first_results(browser, base + "concepts/partenariat/")
            found = row["search"]
            print(f"{factor}×: « / » then « ccas »: first results after {found['first_ms']:.0f} ms, whole answer after "
                  f"{found['whole_ms']:.0f} ms ({found['search_bytes'] / 1024:.0f} KiB of search files, main thread "
                  f"{found['main_thread_s'] * 1000:.0f} ms); first result {found['top']}", flush=True)
        out[factor] = row
    print("\n| scale | page view (notion): bytes, main thread | first results | whole answer | search files (gzipped) |")
    print("| --- | --- | --- | --- | --- |")
    for factor, row in out.items():
        gz = " + ".join(f"{v['gzip'] / 1024:.0f}" for k, v in row["index"].items() if k != "search_index")
        print(f"| {factor}× | {row['notion']['bytes'] / 1024:.0f} KiB, {row['notion']['main_thread_s'] * 1000:.0f} ms | "
              f"{row['search']['first_ms']:.0f} ms | {row['search']['whole_ms']:.0f} ms | {gz} KiB |")
    return out


# Lighthouse's pages: the home, a notion, an acronym (the pages a reader lands on).
LIGHTHOUSE_PAGES = (("home", ""), ("notion", "concepts/partenariat/"), ("acronym", "glossaire/ccas/"))
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
                "--disable-sync --no-first-run")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


def lighthouse_command(given: str | None) -> str | None:
    """The `lighthouse` executable: ``given``, else on PATH, else in ./node_modules/.bin."""
    for candidate in (given, shutil.which("lighthouse"), str(REPO / "node_modules" / ".bin" / "lighthouse")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def part_lighthouse(work: Path, command: str | None, runs: int) -> dict[str, Any]:
    print(f"\n== (h) Lighthouse, mobile (slow 4G, CPU 4× slower), 1× site served gzipped, median of {runs} runs")
    lighthouse = lighthouse_command(command)
    if lighthouse is None:
        print("skipped: no `lighthouse` command (npm install lighthouse@12, then --lighthouse node_modules/.bin/lighthouse)")
        return {}
    from search_benchmark import served

    site = work / "site-scale-1"
    if not site.is_dir():
        project, _, _ = scale_project(work, 1)
        must(run(mkdocs_build(project, site), project), "build 1×")
    out: dict[str, Any] = {}
    with served(site) as base:
        for name, path in LIGHTHOUSE_PAGES:
            reports = [r for r in (_lighthouse_run(lighthouse, base + path, work / f"lighthouse-{name}-{i}.json")
                                   for i in range(runs)) if r is not None]
            if not reports:
                continue
            reports.sort(key=lambda r: r["categories"]["performance"]["score"])
            result = reports[len(reports) // 2]  # the median run by performance, as Lighthouse advises
            scores = {k: round(v["score"] * 100) for k, v in result["categories"].items() if v["score"] is not None}
            audits = result["audits"]
            metrics = {m: audits[m]["displayValue"] for m in METRICS if m in audits}
            each = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
            out[name] = {"scores": scores, "metrics": metrics, "performance_runs": each}
            print(f"{name} (/{path}): " + ", ".join(f"{k} {v}" for k, v in scores.items()) + f" (performance runs: {each}) | "
                  + ", ".join(f"{k} {v}" for k, v in metrics.items()), flush=True)
            if scores.get("performance", 100) < 95:
                held = _held_back(audits)
                out[name]["held_back"] = held
                for line in held:
                    print(f"    held back by: {line}")
    return out


def _lighthouse_run(lighthouse: str, url: str, report: Path) -> dict[str, Any] | None:
    env = {**ENV, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    done = subprocess.run([lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
                           f"--chrome-flags={CHROME_FLAGS}"], env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    if done.returncode != 0 or not report.is_file():
        print(f"{url}: lighthouse failed: {done.stderr.strip()[-500:]}")
        return None
    result: dict[str, Any] = json.loads(report.read_text("utf-8"))
    return result


def _held_back(audits: dict[str, Any]) -> list[str]:
    """What cost a page its performance points: the metrics under full score, the long tasks by
    script, the render-blocking files."""
    lines = [f"{m} {audits[m]['displayValue']} (score {audits[m]['score']:.2f})" for m in METRICS
             if m in audits and (audits[m]["score"] or 0) < 0.9]
    tasks: dict[str, float] = {}
    for item in (audits.get("long-tasks", {}).get("details") or {}).get("items", []):
        tasks[item["url"]] = tasks.get(item["url"], 0.0) + item["duration"]
    lines += [f"long tasks of {url}: {ms:.0f} ms" for url, ms in sorted(tasks.items(), key=lambda t: -t[1])[:3]]
    blocking = (audits.get("render-blocking-resources", {}).get("details") or {}).get("items", [])
    lines += [f"render-blocking {item['url']} ({item.get('wastedMs', 0):.0f} ms)" for item in blocking[:4]]
    return lines


def print_summary(results: dict[str, Any]) -> None:
    """The figures of issue 26 side by side: build vs plain MkDocs, preview vs full build, page
    view and first search, Lighthouse."""
    print("\n== Summary")
    scale = {row["factor"]: row for row in results.get("scale", {}).get("rows", [])}
    serve = results.get("serve", {})
    view = results.get("pageview", {})
    print("| scale | entries | build | plain MkDocs | ratio | preview: edit → page | share of a full build "
          "| page view (notion): bytes, main thread | « ccas »: first results |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for factor in sorted(set(scale) | set(serve) | set(view)):
        row, edit, seen = scale.get(factor), serve.get(factor) or {}, view.get(factor)
        cells = [f"{factor}×", str(row["entries"]) if row else "",
                 f"{row['build_s']:.1f} s" if row else "", f"{row['plain_s']:.1f} s" if row else "",
                 f"×{row['build_s'] / row['plain_s']:.2f}" if row else ""]
        if edit.get("edit_s"):
            middle = median(edit["edit_s"])
            cells += [f"{middle:.2f} s", f"{middle / edit['full_s'] * 100:.0f} % of {edit['full_s']:.1f} s"]
        else:
            cells += ["", ""]
        if seen:
            cells += [f"{seen['notion']['bytes'] / 1024:.0f} KiB, {seen['notion']['main_thread_s'] * 1000:.0f} ms",
                      f"{seen['search']['first_ms']:.0f} ms"]
        else:
            cells += ["", ""]
        print("| " + " | ".join(cells) + " |")
    for name, page in results.get("lighthouse", {}).items():
        print(f"Lighthouse {name}: " + ", ".join(f"{k} {v}" for k, v in page["scores"].items()))


def ours(filename: str, project: Path) -> bool:
    if filename == "~" or filename.startswith("<"):
        return False
    path = Path(filename)
    for root in (REPO / "partenariat", REPO / "hooks", project / "hooks"):
        try:
            path.resolve().relative_to(root.resolve())
            return True
        except ValueError:
            continue
    return False


def label(key: tuple[str, int, str], project: Path) -> str:
    filename, line, name = key
    if filename == "~" or filename.startswith("<"):  # built-ins, frozen modules
        return name if filename == "~" else f"{filename}:{line}({name})"
    for root in (REPO, project):
        try:
            return f"{Path(filename).resolve().relative_to(root.resolve())}:{line}({name})"
        except ValueError:
            continue
    if "site-packages/" in filename:
        return f"{filename.split('site-packages/', 1)[1]}:{line}({name})"
    return f"{filename}:{line}({name})" if line else name


def part_profile(work: Path, top: int) -> dict[str, Any]:
    print("\n== (e) cProfile of one full build")
    project = work / "overhead-full" if (work / "overhead-full").is_dir() else copy_project(work / "profile")
    out = work / "build.prof"
    cmd = [PY, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / "site-profile")]
    result = must(run(cmd, project), "profiled build")
    print(f"profiled build: {result.seconds:.1f} s wall")
    return report_profile(out, project, top)


def report_profile(out: Path, project: Path, top: int) -> dict[str, Any]:
    stats = pstats.Stats(str(out))
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = stats.stats  # type: ignore[attr-defined]
    by_cumulative = sorted(entries.items(), key=lambda item: item[1][3], reverse=True)
    print(f"profiled time: {total:.1f} s")
    print(f"\nour code (partenariat/, hooks/), top {top} by cumulative time:")
    print(f"{'cumulative':>10} {'own':>8} {'calls':>9}  function")
    mine = [(k, v) for k, v in by_cumulative if ours(k[0], project)]
    for key, (_, calls, own, cumulative, _) in mine[:top]:
        print(f"{cumulative:9.2f}s {own:7.2f}s {calls:9d}  {label(key, project)}")
    print(f"\nour code, top {top} by own time:")
    for key, (_, calls, own, cumulative, _) in sorted(mine, key=lambda item: item[1][2], reverse=True)[:top]:
        print(f"{own:9.2f}s {cumulative:8.2f}s {calls:9d}  {label(key, project)}")
    print("\noverall, top 15 by cumulative time:")
    for key, (_, calls, own, cumulative, _) in by_cumulative[:15]:
        print(f"{cumulative:9.2f}s {own:7.2f}s {calls:9d}  {label(key, project)}")
    build_time = next((v[3] for k, v in by_cumulative if k[2] == "build" and k[0].endswith("commands/build.py")), total)
    inside = [(k, v) for k, v in by_cumulative if v[3] < 0.95 * build_time]
    print("\noverall, top 15 by cumulative time below mkdocs' build() (the call chain down to it left out):")
    for key, (_, calls, own, cumulative, _) in inside[:15]:
        print(f"{cumulative:9.2f}s {own:7.2f}s {calls:9d}  {label(key, project)}")
    print("\noverall, top 15 by own time:")
    for key, (_, calls, own, cumulative, _) in sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:15]:
        print(f"{own:9.2f}s {cumulative:8.2f}s {calls:9d}  {label(key, project)}")
    return {"ours": [(label(k, project), v[3], v[2]) for k, v in mine[:top]],
            "overall": [(label(k, project), v[3], v[2]) for k, v in by_cumulative[:15]],
            "below_build": [(label(k, project), v[3], v[2]) for k, v in inside[:15]]}


# --- main -------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help=f"comma-separated parts to run ({', '.join(PARTS)})")
    for part in PARTS:
        parser.add_argument(f"--skip-{part}", action="store_true", help=f"do not run the {part} part")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure for overhead, check and serve (default 3)")
    parser.add_argument("--scale", default="1,10,50", help="scale factors of the synthetic corpus (default 1,10,50)")
    parser.add_argument("--plain-max", type=int, default=50,
                        help="largest scale also built by plain MkDocs (default 50)")
    parser.add_argument("--serve-max", type=int, default=10,
                        help="largest scale for the parts serve and pageview (default 10)")
    parser.add_argument("--lighthouse", help="the lighthouse command (default: on PATH, or node_modules/.bin)")
    parser.add_argument("--top", type=int, default=15, help="functions of our code listed by the profile (default 15)")
    parser.add_argument("--workdir", type=Path, help="where to put the copies (default: a temporary folder, removed)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",")] if args.only else list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    parts = [p for p in parts if not getattr(args, f"skip_{p}")]
    factors = [int(f) for f in args.scale.split(",") if f.strip()]

    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin"))
    print(f"python {platform.python_version()}, {versions}, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"corpus: {sum(len(list((REPO / f).glob('*.yaml'))) for f in DATA_FOLDERS)} entries in {len(DATA_FOLDERS)} folders")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    try:
        if "overhead" in parts:
            results["overhead"] = part_overhead(work, args.runs)
        if "check" in parts:
            results["check"] = part_check(work, max(args.runs, 5))
        if "scale" in parts:
            results["scale"] = part_scale(work, factors, args.plain_max)
        if "serve" in parts:
            results["serve"] = part_serve(work, args.runs, [f for f in factors if f <= args.serve_max])
        if "pageview" in parts:
            results["pageview"] = part_pageview(work, [f for f in factors if f <= args.serve_max])
        if "lighthouse" in parts:
            results["lighthouse"] = part_lighthouse(work, args.lighthouse, max(args.runs, 3))
        if "profile" in parts:
            results["profile"] = part_profile(work, args.top)
        if "search" in parts:
            print("\n== (f) search")
            from search_benchmark import build as build_site
            from search_benchmark import measure as measure_search
            results["search"] = measure_search(build_site(work / "search-site", offline=False),
                                               build_site(work / "search-offline", offline=True), runs=5)
        if "adversarial" in parts:
            print("\n== (g) check on 1 MB adversarial files")
            import adversarial
            results["adversarial"] = {"one value": adversarial.run(),
                                      "values": adversarial.run(value=adversarial.VALUE)}
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    print_summary(results)
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
