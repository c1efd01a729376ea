"""The package keeps its shape: stages import only the stages before them, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "src" / "handoutgen"
# What each stage may not import (imports inside functions count too).
FORBIDDEN = {
    "handoutgen.model": ("resolve", "text.printed", "render", "verify", "authoring", "batch", "api", "cli"),
    "handoutgen.text": ("resolve", "render", "verify", "authoring", "batch", "api", "cli", "source"),
    "handoutgen.render": ("resolve", "source", "verify", "authoring", "batch", "api", "cli"),
    "handoutgen.verify": ("resolve", "source", "authoring", "batch", "api", "cli"),
    "handoutgen.resolve": ("render", "verify", "authoring", "batch", "api", "cli"),
    "handoutgen.figures": ("resolve", "source", "text", "render", "verify", "authoring", "batch", "api", "cli"),
    "handoutgen.source": ("model", "resolve", "text", "render", "verify", "authoring", "batch", "api", "cli"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The handoutgen modules a file imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.startswith("handoutgen"):
                for alias in node.names:  # `from . import fonts` imports the module, not the package
                    submodule = f"{target}.{alias.name}"
                    found.add(submodule if _is_module(submodule) else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("handoutgen"))
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        edges[name] = {t for t in imports(path) if t in modules and t != name}
    return edges


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target] if target in trail else [node, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_stages_import_only_earlier_stages() -> None:
    bad = []
    for name, targets in graph().items():
        for stage, banned in FORBIDDEN.items():
            if name == stage or name.startswith(stage + "."):
                for target in targets:
                    if any(target == f"handoutgen.{b}" or target.startswith(f"handoutgen.{b}.") for b in banned):
                        bad.append(f"{name} imports {target}")
    assert not bad, "\n".join(bad)


def test_renderers_and_the_check_never_read_content_files() -> None:
    for folder in ("render", "verify"):
        for path in (PACKAGE / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "yaml" not in text.lower().replace("yaml_", ""), f"{path} reads YAML"
