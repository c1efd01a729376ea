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
    return _sources(document)[0]


def _sources(document: object) -> tuple[set[str], list[RelPath]]:
    """The files resolved content came from or draws, and each picture path as it writes it
    (a symlink may be pointed elsewhere while the file it led to stays as it was)."""
    found: set[str] = set()
    named: list[RelPath] = []
    for value in _parts(document):
        if isinstance(value, Where):
            found.add(value.file)
        elif isinstance(value, Picture):
            found.add(str(value.path))
        elif isinstance(value, RelPath):
            named.append(value)
    return {str(Path(f).resolve()) for f in found if Path(f).is_file()}, named


def _leading_to(named: list[RelPath]) -> tuple[tuple[RelPath, str], ...]:
    """Each picture path with the file it leads to now."""
    from .pictures import locate

    return tuple((rel, str(locate(rel))) for rel in named)


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
        if _leading_to([rel for rel, _ in found.named]) != found.named:
            return None
    except (OSError, RuntimeError):  # a path that no longer resolves
        return None
    return found.handout


def remember_handout(key: tuple, index: object, handout: HandoutContent) -> None:
    files, named = _sources(handout)
    try:
        kept = _Kept(index, tuple(stamp(path) for path in sorted(files)), _leading_to(named), handout)
    except (OSError, RuntimeError):
        return
    if len(_APPENDED) >= _MAX_APPENDED:
        _APPENDED.clear()
    _APPENDED[key] = kept
