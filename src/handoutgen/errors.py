"""One error type for every problem a user can fix: where it is, what is wrong, a hint."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

# Content given as text rather than a file (`handoutgen.build_text`): its stand-in path ->
# (the caller's label for messages, the text). Per thread, like the call that gave it.
GIVEN_TEXTS: ContextVar[Mapping[str, tuple[str, str]]] = ContextVar("given_texts", default=MappingProxyType({}))


def shown_name(file: str) -> str:
    """A file as messages name it: given text by its caller's label (`<string>`), files as they are."""
    given = GIVEN_TEXTS.get().get(file)
    return given[0] if given else file


@dataclass(frozen=True)
class Where:
    """A position in a user's file; line and column are 1-based."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{shown_name(self.file)}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    where: Where | None
    message: str
    hint: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The problem for `--json`: file, line and column (null when it has no place), message, hint."""
        place = self.where
        return {
            "file": shown_name(place.file) if place else None,
            "line": place.line if place else None,
            "column": place.column if place else None,
            "message": self.message,
            "hint": self.hint,
        }

    def format(self, severity: str = "error") -> str:
        prefix = f"{self.where}: " if self.where else ""
        lines = [f"{prefix}{severity}: {self.message}"]
        lines.extend(_source_excerpt(self.where))
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(printable(line) for line in lines)


def printable(text: str) -> str:
    """Control characters from a user's file shown as escapes, never sent raw to a terminal."""
    return "".join(
        c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text
    )


class HandoutError(Exception):
    """Raised for bad input; carries one Problem per thing the user should fix."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @classmethod
    def at(cls, where: Where | None, message: str, hint: str | None = None) -> HandoutError:
        return cls([Problem(where, message, hint)])


def closest(word: str, choices: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a misspelt key or id, or None."""
    import difflib  # only when there is a mistake to suggest a fix for

    options = sorted(choices)
    matches = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    if not matches:  # "exercise mat" for `mat`: a choice among the words written
        written = set(word.lower().replace("-", " ").split())
        matches = [o for o in options if o in written or o.rstrip("s") in written]
    if not matches and len(word) > 4:  # "repetitions" for `reps`: the one choice it starts like
        alike = [o for o in options if len(o) >= 3 and word.lower().startswith(o.rstrip("s")[:3])]
        matches = alike if len(alike) == 1 else []
    if matches:
        return "did you mean " + " or ".join(f"`{m}`" for m in matches) + "?"
    if options and len(options) <= 12:
        return "expected one of: " + ", ".join(f"`{o}`" for o in options)
    return None


@functools.lru_cache(maxsize=8)
def _file_lines(path: str, mtime: int, size: int) -> list[bytes]:
    """A file's lines, read once however many problems it has (keyed by its time and size)."""
    with Path(path).open("rb") as f:
        return f.readlines()


def _source_excerpt(where: Where | None) -> list[str]:
    if where is None:
        return []
    given = GIVEN_TEXTS.get().get(where.file)
    try:
        if given is not None:
            lines = [line.encode("utf-8") for line in given[1].splitlines(keepends=True)]
        else:
            stat = Path(where.file).stat()
            lines = _file_lines(where.file, stat.st_mtime_ns, stat.st_size)
    except OSError:
        return []
    if not 0 < where.line <= len(lines):
        return []
    text = lines[where.line - 1].decode("utf-8", "replace").rstrip("\r\n").expandtabs(1)
    if len(text) > 160:  # show the part around the column
        start = max(0, where.column - 80)
        text = ("…" if start else "") + text[start : start + 160]
        column = where.column - start + (1 if start else 0)
        gutter = f"{where.line:>4} | "
        return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^"]
    gutter = f"{where.line:>4} | "
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (where.column - 1) + "^"]
