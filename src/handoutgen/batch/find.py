"""Finding the content files a build names: handouts, decks and programmes in folders."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import HandoutError
from ..source import Map, content_kind, load

BUILDABLE = ("handout", "deck", "program")  # built when found in a folder
LIBRARY = ("exercise",)  # built when named; in folders they are the library that decks use


def is_template(path: Path) -> bool:
    """A programme with {{ field }} placeholders in its values (comments do not count)."""
    from ..resolve.merge import placeholder_names

    try:
        return bool(placeholder_names(load(path)))
    except HandoutError:
        return False


def is_layout(path: Path) -> bool:
    """A file with no content kind whose keys are all layout keys."""
    from ..model.layout import Layout
    from ..model.read import fields_of

    node = load(path)
    return isinstance(node, Map) and content_kind(path) is None and set(node.entries) <= set(fields_of(Layout))


SKIPPED_FOLDERS = {"node_modules", "__pycache__", "venv", "site-packages"}


def _yaml_files(folder: Path) -> list[Path]:
    """YAML files under a folder, sorted, leaving out hidden folders (.git, .venv) and the
    folders of package managers, which hold YAML that is not ours."""
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS]
        found += [Path(top, f) for f in files if f.endswith((".yaml", ".yml")) and not f.startswith(".")]
    return sorted(p for p in found if p.is_file())


def find_content(
    paths: tuple[Path, ...], include_library: bool = False
) -> tuple[list[Path], list[tuple[Path, str]], list[HandoutError]]:
    """Content files named, or found under folders: handouts, decks and programmes (and exercise
    and layout files with `include_library`); programme templates are listed as skipped."""
    sources: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    errors: list[HandoutError] = []
    for path in paths:
        if path.is_dir():
            files = _yaml_files(path)
            for file in files:
                try:
                    kind = content_kind(file)
                except HandoutError as error:
                    errors.append(error)
                    continue
                if kind == "program" and is_template(file):
                    skipped.append((file, "programme template (build it with --data)"))
                elif (
                    kind in BUILDABLE
                    or (include_library and kind in LIBRARY)
                    or (include_library and kind is None and is_layout(file))
                ):
                    sources.append(file)
        elif path.exists():
            sources.append(path)
        else:
            errors.append(HandoutError.at(None, f"{path}: no such file or folder"))
    return sources, skipped, errors
