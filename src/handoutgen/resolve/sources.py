"""The files resolved content was made from, and appended handouts read once while those stay
the same."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from ..errors import Where
from ..model.picture import Picture
from ..model.resolved import HandoutContent
from ..model.types import RelPath


def files_of(document: object) -> set[str]:
    """Every file any part of resolved content came from or draws (absolute paths)."""
    found: set[str] = set()
    for value in _parts(document):
        if isinstance(value, Where):
            found.add(value.file)
        elif isinstance(value, Picture):
            found.add(str(value.path))
    return {str(Path(f).resolve()) for f in found if Path(f).is_file()}


def _named_pictures(document: object) -> tuple[tuple[RelPath, str], ...]:
    """Each picture path as the content writes it, with the file it leads to now (a symlink
    may be pointed elsewhere while the file it led to stays as it was)."""
    from .pictures import locate

    return tuple((value, str(locate(value))) for value in _parts(document) if isinstance(value, RelPath))


def _parts(document: object) -> Iterator[object]:
    """Every object reachable from resolved content, each once."""
    seen: set[int] = set()
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, (bytes, int, float, bool)) or value is None or id(value) in seen:
            continue
        seen.add(id(value))
        yield value
        if isinstance(value, (str, Path)):
            continue
        if is_dataclass(value):
            stack += [getattr(value, f.name, None) for f in fields(value)]
        elif isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, (tuple, list, frozenset, set)):
            stack += list(value)


def stamp(path: str) -> tuple[str, int, int]:
    """A file's version: its path, modification time (ns) and size."""
    stat = Path(path).stat()
    return path, stat.st_mtime_ns, stat.st_size


def _unchanged(stamps: tuple[tuple[str, int, int], ...]) -> bool:
    try:
        return all(stamp(path) == (path, mtime, size) for path, mtime, size in stamps)
    except OSError:
        return False


@dataclass(frozen=True)
class _Kept:
    index: object  # the library's index it was read with
    stamps: tuple[tuple[str, int, int], ...]  # every file it was made from
    named: tuple[tuple[RelPath, str], ...]  # each picture path written, and the file it led to
    handout: HandoutContent


_APPENDED: dict[tuple, _Kept] = {}
_MAX_APPENDED = 64


def remembered_handout(key: tuple, index: object) -> HandoutContent | None:
    """The handout read under `key` before, while the library's index is still `index` and every
    file it was made from is unchanged; else None."""
    found = _APPENDED.get(key)
    if found is None or found.index is not index or not _unchanged(found.stamps):
        return None
    try:
        if _named_pictures(found.handout) != found.named:
            return None
    except (OSError, RuntimeError):  # a path that no longer resolves
        return None
    return found.handout


def remember_handout(key: tuple, index: object, handout: HandoutContent) -> None:
    try:
        kept = _Kept(index, tuple(stamp(path) for path in sorted(files_of(handout))), _named_pictures(handout), handout)
    except (OSError, RuntimeError):
        return
    if len(_APPENDED) >= _MAX_APPENDED:
        _APPENDED.clear()
    _APPENDED[key] = kept
