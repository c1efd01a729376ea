"""Checks on every user string as it is read: links, characters the fonts lack, invisible
characters, pictures; and the references (exercise ids, appended handouts) to resolve next."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError, Problem
from ..model.handout import Language
from ..model.resolved import Picture
from ..model.types import ContentPath, ExerciseRef, Located, RelPath, Template, Text, Words
from ..text import fonts
from ..text.markup import inline
from .pictures import find_picture
from .project import project_root


@dataclass
class Inspector:
    """Called by the model reader with each string it reads; collects problems and references."""

    pictures: dict[int, Picture] = field(default_factory=dict)  # id(RelPath) -> the checked picture
    exercise_refs: list[ExerciseRef] = field(default_factory=list)
    content_refs: list[ContentPath] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    _roots: dict[str, Path] = field(default_factory=dict)

    def __call__(self, value: Located) -> list[Problem]:
        problems = text_problems(value) if isinstance(value, (Words, Template)) else []
        if isinstance(value, Language):
            self.languages.append(str(value))
        elif isinstance(value, ExerciseRef):
            self.exercise_refs.append(value)
        elif isinstance(value, ContentPath):
            self.content_refs.append(value)
        elif isinstance(value, RelPath):
            try:
                self.pictures[id(value)] = find_picture(value, "", self._root(value))
            except HandoutError as error:
                problems.extend(error.problems)
        return problems

    def picture(self, rel: RelPath, alt: str) -> Picture:
        """The picture checked for `rel` while reading, with its alt text."""
        from dataclasses import replace

        return replace(self.pictures[id(rel)], alt=alt)

    @property
    def language(self) -> str | None:
        return self.languages[0] if self.languages else None

    def _root(self, value: Located) -> Path:
        file = value.where.file if value.where else "."
        if file not in self._roots:
            self._roots[file] = project_root(Path(file))
        return self._roots[file]


def text_problems(value: Located) -> list[Problem]:
    """Bad links, characters the fonts cannot print, invisible control characters."""
    problems: list[Problem] = []
    if isinstance(value, Text):
        try:
            inline(value)
        except ValueError as exc:
            problems.append(Problem(value.where, str(exc)))
    invisible = sorted({c for c in str(value) if unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t"})
    if invisible:
        shown = ", ".join(f"U+{ord(c):04X}" for c in invisible)
        problems.append(
            Problem(
                value.where,
                f"invisible control characters ({shown}) in {quote(value)}",
                "retype the text, or paste it as plain text",
            )
        )
    lacking = fonts.missing(str(value))
    if lacking:
        shown = ", ".join(f"`{c}` (U+{ord(c):04X})" for c in lacking)
        problems.append(
            Problem(
                value.where,
                f"the font {fonts.DISPLAY_NAME} cannot print {shown} in {quote(value)}",
                "replace the character, or remove it",
            )
        )
    return problems


def quote(text: str) -> str:
    short = " ".join(text.split())
    return f'"{short[:60]}…"' if len(short) > 60 else f'"{short}"'
