"""The project a content file belongs to, and paths as people write them in messages."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_FILE = "handoutgen.yaml"


def project_root(path: Path) -> Path:
    """The folder a content file's pictures must stay inside.

    That is the folder of the nearest project file (`handoutgen.yaml`) above the file; without
    one, the nearest folder holding a `handouts/` or `layouts/` folder (a project laid out like
    ours), else the file's own folder.
    """
    folder = path.resolve().parent
    found = find_project(folder)
    if found is not None:
        return found.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "handouts").is_dir() or (candidate / "layouts").is_dir():
            return candidate
    return folder


def find_project(start: Path) -> Path | None:
    """The nearest `handoutgen.yaml` in `start` or a folder above it, as git finds `.git`."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if os.path.lexists(candidate / PROJECT_FILE):  # a folder or a broken link too: an error, not passed over
            return candidate / PROJECT_FILE
    return None


def shown(path: Path) -> Path:
    """`path` relative to the working folder when it is inside it, as people write paths in messages."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path
