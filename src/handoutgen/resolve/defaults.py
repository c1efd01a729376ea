"""What a content file may leave out because its name or its project says it.

`knee-pain.es.yaml` starting with an empty `handout:` has the id `knee-pain`; without a
`language:` it is in Spanish, and a file whose name has no language part takes the project's
`language` (English without one). The filled-in nodes point at the key they complete (or the
file's first line), so a mistake in what was derived is reported where the author would fix it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import HandoutError, Where
from ..model.types import LANGUAGES, Id
from ..source import Map, Node, Scalar, kind_of, load

DEFAULT_LANGUAGE = "en"
_YAML_SUFFIX = re.compile(r"\.ya?ml$", re.IGNORECASE)


def content_node(path: Path) -> Node:
    """A content file's nodes, with the id and language its name and project give filled in."""
    return with_file_defaults(load(path), path)


def name_parts(path: Path) -> tuple[str, str | None]:
    """The id and the language a file's name gives: `squat.es.yaml` is (`squat`, `es`)."""
    stem = _YAML_SUFFIX.sub("", path.name)
    base, dot, last = stem.rpartition(".")
    if dot and last in LANGUAGES:
        return base, last
    return stem, None


def with_file_defaults(node: Node, path: Path) -> Node:
    kind = kind_of(node)
    if kind is None or not isinstance(node, Map):
        return node
    key, value = node.entries[kind]
    ident, named_language = name_parts(path)
    entries = dict(node.entries)
    if isinstance(value, Scalar) and not value.quoted and value.value in ("", "~", "null"):
        if not Id.pattern.fullmatch(ident):
            raise HandoutError.at(
                key.where,
                f"`{kind}:` is empty, and the file name `{path.name}` gives no id",
                f"write the id, like `{kind}: {_suggested_id(ident)}`, or rename the file",
            )
        entries[kind] = (key, Scalar(ident, key.where))
    if "language" not in node.entries:
        language = named_language or project_language(path)
        first = Where(node.where.file, 1, 1)
        entries["language"] = (Scalar("language", first), Scalar(language, first))
    if entries == node.entries:
        return node
    filled = Map(node.where)
    filled.entries = entries
    return filled


def _suggested_id(name: str) -> str:
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(words)[:64] or "my-handout"


def project_stamp(path: Path) -> tuple[str, int, int] | None:
    """The version of the project file that decides `path`'s defaults (the one `--project`
    chose, else the nearest above): a cache key part, and the key of its language."""
    from .project import chosen_project, find_project

    project = chosen_project() or find_project(path.parent)
    try:
        stat = project.stat() if project is not None and project.is_file() else None
    except OSError:
        return None
    return (str(project), stat.st_mtime_ns, stat.st_size) if stat else None


def project_language(path: Path) -> str:
    """The `language` of the project a content file is in; English outside a project."""
    stamp = project_stamp(path)
    return _language_of(*stamp) if stamp is not None else DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=32)
def _language_of(file: str, _mtime: int, _size: int) -> str:
    from .project_file import load_project

    return load_project(Path(file)).language
