"""The project a content file belongs to, and paths as people write them in messages."""

from __future__ import annotations

from pathlib import Path


def project_root(path: Path) -> Path:
    """The folder a content file's pictures must stay inside.

    That is the nearest folder above the file holding a `handouts/` or `layouts/` folder
    (a project laid out like ours), else the file's own folder.
    """
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / "handouts").is_dir() or (candidate / "layouts").is_dir():
            return candidate
    return folder


def shown(path: Path) -> Path:
    """`path` relative to the working folder when it is inside it, as people write paths in messages."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path
