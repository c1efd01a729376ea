"""The files resolved content was made from, and appended handouts read once while those stay
the same."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path

from ..errors import Where
from ..model.picture import Picture
from ..model.resolved import HandoutContent


def files_of(document: object) -> set[str]:
    """Every file any part of resolved content came from or draws (absolute paths)."""
    found: set[str] = set()
    seen: set[int] = set()
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, (str, bytes, int, float, bool)) or value is None or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, Where):
            found.add(value.file)
        elif isinstance(value, Picture):
            found.add(str(value.path))
        elif isinstance(value, Path):
            continue
        if is_dataclass(value):
            stack += [getattr(value, f.name, None) for f in fields(value)]
        elif isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, (tuple, list, frozenset, set)):
            stack += list(value)
    return {str(Path(f).resolve()) for f in found if Path(f).is_file()}


def stamp(path: str) -> tuple[str, int, int]:
    """A file's version: its path, modification time (ns) and size."""
    stat = Path(path).stat()
    return path, stat.st_mtime_ns, stat.st_size


def _unchanged(stamps: tuple[tuple[str, int, int], ...]) -> bool:
    try:
        return all(stamp(path) == (path, mtime, size) for path, mtime, size in stamps)
    except OSError:
        return False


_APPENDED: dict[tuple, tuple[object, tuple[tuple[str, int, int], ...], HandoutContent]] = {}
_MAX_APPENDED = 64


def remembered_handout(key: tuple, index: object) -> HandoutContent | None:
    """The handout read under `key` before, while the library's index is still `index` and every
    file it was made from is unchanged; else None."""
    found = _APPENDED.get(key)
    if found is None or found[0] is not index or not _unchanged(found[1]):
        return None
    return found[2]


def remember_handout(key: tuple, index: object, handout: HandoutContent) -> None:
    if len(_APPENDED) >= _MAX_APPENDED:
        _APPENDED.clear()
    _APPENDED[key] = (index, tuple(stamp(path) for path in sorted(files_of(handout))), handout)
