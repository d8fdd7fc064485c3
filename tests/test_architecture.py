"""The package's shape: no import cycle (lazy imports included), and no MkDocs inside it,
so the pipeline survives a change of generator."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "partenariat"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every partenariat module this file imports, at any depth of the file (a lazy import
    inside a function still makes a cycle)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in modules else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(files)) for name, path in files.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state = [], dict.fromkeys(graph, 0)  # 0 new, 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state[nxt] == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif state[nxt] == 0:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if state[node] == 0:
            visit(node)
    return cycles


def test_no_import_cycle_in_the_package() -> None:
    cycles = _cycles(_graph())
    assert cycles == [], "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_the_package_does_not_import_mkdocs() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] in ("mkdocs", "material")], path


def _page_path_literals(path: Path) -> list[str]:
    """f-strings of a module that format a page path: a literal part ending in '.md' or
    holding 'index.md', or a formatted value followed by '/' that starts the string
    (`f"{etype.url}/{id}/"`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        parts = node.values
        literals = [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]
        formats_md = any(text.endswith(".md") or "index.md" in text for text in literals)
        folder_first = (len(parts) >= 2 and isinstance(parts[0], ast.FormattedValue)
                        and isinstance(parts[1], ast.Constant) and str(parts[1].value).startswith("/")
                        and "url" in ast.unparse(parts[0].value))
        if formats_md or folder_first:
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_only_the_address_module_builds_page_paths() -> None:
    """partenariat/derive/addresses.py says no other module builds a page path: this holds."""
    owner = PACKAGE / "derive" / "addresses.py"
    offenders = [hit for path in sorted(PACKAGE.rglob("*.py")) if path != owner for hit in _page_path_literals(path)]
    assert offenders == [], "build these with partenariat.derive.addresses:\n" + "\n".join(offenders)


def test_the_page_path_finder_finds_one(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('a = f"{etype.url}/{entity_id}.md"\nb = f"{folder}/index.md"\nc = f"{x.url}/{y}/"\nd = f"{n}.yaml"\n')
    assert [hit.split(":")[1] for hit in _page_path_literals(module)] == ["1", "2", "3"]
