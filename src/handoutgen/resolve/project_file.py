"""The project file, `handoutgen.yaml`: read and checked, its paths made absolute."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectSettings:
    """A project file read, its paths made absolute."""

    file: Path
    root: Path
    name: str
    content: tuple[Path, ...]
    layout: str | None  # a built-in layout's name or an absolute path
    card_layout: str | None
    output: Path
    formats: tuple[str, ...]


def load_project(file: Path) -> ProjectSettings:
    """A project file read and checked, with the same file:line:col errors as content."""
    from ..errors import HandoutError
    from ..model.project import Project
    from ..model.read import read
    from ..source import Map, load

    node = load(file)
    if not isinstance(node, Map) or "project" not in node.entries:
        raise HandoutError.at(
            node.where, "a project file starts with `project: <name>`", "see docs/reference.md, section project"
        )
    project = read(node, Project, "the project file")
    root = file.resolve().parent
    _check_layouts(project, root)
    return ProjectSettings(
        file=file,
        root=root,
        name=str(project.project),
        content=tuple(root / str(folder) for folder in project.content),
        layout=_layout_ref(project.layout, root),
        card_layout=_layout_ref(project.card_layout, root),
        output=root / str(project.output),
        formats=tuple(dict.fromkeys(project.formats)),
    )


def _check_layouts(project, root: Path) -> None:
    """A layout the project names must exist: said at its line, not when a build first needs it."""
    from ..errors import HandoutError, Problem
    from ..model.read import position

    problems = []
    for key in ("layout", "card_layout"):
        ref = _layout_ref(getattr(project, key), root)
        if ref is not None and Path(ref).is_absolute() and not Path(ref).is_file():
            where = position(project, key) or project.where
            hint = "a built-in layout (a4, letter, large-print, cards-a6...) or a layout file relative to this file"
            problems.append(Problem(where, f"`{key}`: there is no layout `{getattr(project, key)}`", hint))
    if problems:
        raise HandoutError(problems)


def _layout_ref(value: object, root: Path) -> str | None:
    """A built-in layout stays a name; anything else is a file relative to the project."""
    from .layouts import builtin_layouts

    if value is None:
        return None
    text = str(value)
    return text if text in builtin_layouts() else str(root / text)
