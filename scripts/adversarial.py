"""Time `python -m partenariat check` on 1 MB adversarial data files. Prints figures; asserts
nothing (the property test in tests/test_hostile.py checks what `check` answers, not how fast).

Each case writes one glossary entry of the small fixture corpus that fills the 1 MB file limit
with one pattern repeated (`[[` ×N, `[[a:` ×N, `{ =` ×N, `<` ×N, `]]>` ×N…), in two shapes:
one value of 1 MB (its description), and a hundred values just under the length limit of a
value (its variants), which every text rule then reads. `check` runs in a fresh process with a
timeout; a pattern that makes a regular expression backtrack shows up as a time far above the
others (or as the timeout).

    .venv/bin/python scripts/adversarial.py                 # every pattern, 1 MB, 120 s timeout
    .venv/bin/python scripts/adversarial.py --size 100000 --timeout 30
    .venv/bin/python scripts/benchmark.py --only adversarial
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "valid"
MAX_FILE = 1_000_000  # partenariat.data.yamlfile.MAX_BYTES
VALUE = 9_000  # under partenariat.checks.safetext.MAX_TEXT (10,000 characters)

# name → (prefix, unit repeated): each unit starts something that a pattern of the checks or
# of the renderer could try to extend at every position (links, attribute lists, tags, images,
# CDATA ends, reference definitions), or one opening whose end never comes.
PATTERNS: dict[str, tuple[str, str]] = {
    "[[": ("", "[["),
    "[[a:": ("", "[[a:"),
    "[[a:b|": ("", "[[a:b|"),
    "{ =": ("", "{ ="),
    "{ = = =": ("{", " ="),
    "{:": ("", "{:"),
    "<": ("", "<"),
    "<a": ("", "<a"),
    "]]>": ("", "]]>"),
    "](": ("", "]("),
    "&#": ("", "&#"),
    "![": ("", "!["),
    "[ lines": ("", "[\n"),
    "*_": ("", "*_"),
    "`": ("", "`"),
}

HEAD = "id: cpom\nacronym: CPOM\nexpansion: Contrat pluriannuel d'objectifs et de moyens\ndomain: medico-social\n"
TAIL = "see_also: [essms]\nattested_in: [dossier]\nreviewed: 2026-11-23\n"


def _block(prefix: str, unit: str, room: int, indent: str) -> str:
    """``prefix`` then ``unit`` repeated in at most ``room`` bytes, as the lines of a literal
    block scalar (no YAML escaping: the editor's bytes as typed)."""
    unit = unit.replace("\n", "\n" + indent)
    return indent + prefix + (unit * ((room - len(prefix.encode())) // len(unit.encode()))).rstrip() + "\n"


def entry(prefix: str, unit: str, size: int, value: int = 0) -> str:
    """A glossary entry of at most ``size`` bytes: its description is ``prefix`` then ``unit``
    repeated; with ``value`` (characters), as many variants of that length as fit instead."""
    room = size - len(HEAD) - len(TAIL) - 200
    if not value:
        return HEAD + "description: |-\n" + _block(prefix, unit, room, "  ") + TAIL
    count = room // (value + 16)
    return HEAD + "variants:\n" + "".join("  - |-\n" + _block(prefix, unit, value, "    ") for _ in range(count)) + TAIL


def time_check(project: Path, timeout: float) -> tuple[float, str]:
    env = {"PYTHONPATH": str(REPO), **os.environ, "PARTENARIAT_LANG": "en"}
    start = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-m", "partenariat", "--root", str(project), "check"],
                                capture_output=True, text=True, timeout=timeout, env=env, cwd=project)
    except subprocess.TimeoutExpired:
        return timeout, f"timeout after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if "Traceback" in result.stdout + result.stderr:
        return seconds, "TRACEBACK: " + lines[-1][:100]
    answer = "accepted" if result.returncode == 0 else "refused: " + (lines[0][:110] if lines else "?")
    return seconds, answer


def run(size: int = MAX_FILE, timeout: float = 120, only: list[str] | None = None,
        value: int = 0) -> dict[str, float]:
    """Every pattern: check's wall time in seconds (the timeout when it did not answer); with
    ``value``, the file holds values of that many characters instead of a single one."""
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="adversarial-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(FIXTURE, project)
        target = project / "glossary" / "cpom.yaml"
        pristine = target.read_text("utf-8")
        seconds, answer = time_check(project, timeout)
        print(f"  {'(fixture as is)':<12} {seconds:7.2f} s  {answer}", flush=True)
        for name, (prefix, unit) in PATTERNS.items():
            if only and name not in only:
                continue
            target.write_text(entry(prefix, unit, size, value), "utf-8")
            seconds, answer = time_check(project, timeout)
            times[name] = seconds
            print(f"  {name:<12} {seconds:7.2f} s  {answer}", flush=True)
        target.write_text(pristine, "utf-8")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=MAX_FILE, help="bytes per adversarial file (default: the 1 MB limit)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a check is called hung")
    parser.add_argument("--only", help="comma-separated pattern names")
    args = parser.parse_args()
    only = args.only.split(",") if args.only else None
    print(f"check on a {args.size:,}-byte glossary entry: one value repeating one pattern")
    run(args.size, args.timeout, only)
    print(f"the same bytes as values of {VALUE:,} characters (under the limit of a value: every rule reads them)")
    run(args.size, args.timeout, only, VALUE)


if __name__ == "__main__":
    main()
