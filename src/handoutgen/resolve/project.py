"""The project a content file belongs to, and paths as people write them in messages."""

from __future__ import annotations

import os
from contextvars import ContextVar
from pathlib import Path
from typing import NamedTuple

PROJECT_FILE = "handoutgen.yaml"


class Root(NamedTuple):
    """The folder a content file's pictures must stay inside, and why it is that folder."""

    folder: Path
    reason: str


def project_root(path: Path) -> Path:
    return find_root(path).folder


def find_root(path: Path) -> Root:
    """The folder of the nearest project file (`handoutgen.yaml`) above the content file; without
    one, the nearest folder above holding a `handouts/` or `layouts/` folder (a project laid out
    like ours); else the working folder when the file is inside it (never the file system's
    root: a service started there must not open the whole disk); else the file's own folder."""
    folder = path.resolve().parent
    found = chosen_project() or find_project(folder)
    if found is not None and folder.is_relative_to(found.resolve().parent):
        return Root(found.resolve().parent, f"the folder of {shown(found)}")
    for candidate in (folder, *folder.parents):
        if (candidate / "handouts").is_dir() or (candidate / "layouts").is_dir():
            return Root(candidate, "the nearest folder above with a handouts/ or layouts/ folder in it")
    here = Path.cwd().resolve()
    if folder.is_relative_to(here) and here != Path(here.anchor):
        return Root(here, "the current folder, as no handoutgen.yaml is above it")
    return Root(folder, "the file's own folder, as no handoutgen.yaml is above it")


CHOSEN_PROJECT: ContextVar[Path | None] = ContextVar("chosen_project", default=None)  # --project


def chosen_project() -> Path | None:
    """The project file named on the command line (`--project`), if any."""
    return CHOSEN_PROJECT.get()


def outside_hint(path: Path, what: str) -> str:
    """What to do about `what` lying outside the project folder of the content file at `path`,
    saying which folder that is and why."""
    root = find_root(path)
    widen = "" if root.reason.startswith("the folder of") else ", or put a handoutgen.yaml in a folder that holds both"
    return f"the project folder is {root.reason}; keep {what} inside it{widen}"


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
