"""Exercises (one file each, in the library folder) and decks of exercise cards."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ..errors import Where
from .handout import Language
from .types import Id, Plain, RelPath, Text, Url, doc, where_field


class Duration(int):
    """A time in seconds, written `30s`, `90s` or `2min`."""

    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\d+\s*(s|min)$"}

    @classmethod
    def parse(cls, raw: str) -> int:
        match = re.fullmatch(r"\s*(\d+)\s*(s|min)\s*", raw)
        if not match:
            raise ValueError(f"`{raw}` is not a duration; write seconds or minutes, like `30s` or `2min`")
        seconds = int(match.group(1)) * (60 if match.group(2) == "min" else 1)
        if not 1 <= seconds <= 3600:
            raise ValueError(f"`{raw}` is outside 1 second to 60 minutes")
        return seconds


class Count(int):
    """A whole number from 1 to 100."""

    schema: ClassVar[dict[str, Any]] = {"type": "integer", "minimum": 1, "maximum": 100}

    @classmethod
    def parse(cls, raw: str) -> int:
        if not raw.strip().isdigit() or not 1 <= int(raw) <= 100:
            raise ValueError(f"`{raw}` is not a whole number from 1 to 100")
        return int(raw)


class DaysPerWeek(int):
    schema: ClassVar[dict[str, Any]] = {"type": "integer", "minimum": 1, "maximum": 7}

    @classmethod
    def parse(cls, raw: str) -> int:
        if not raw.strip().isdigit() or not 1 <= int(raw) <= 7:
            raise ValueError(f"`{raw}` is not a number of days a week (1 to 7)")
        return int(raw)


@dataclass(frozen=True)
class Dose:
    sets: Count | None = field(default=None, metadata=doc("Sets, like `3`."))
    reps: Count | None = field(default=None, metadata=doc("Repetitions in a set, like `10`."))
    hold: Duration | None = field(default=None, metadata=doc("How long to hold, like `30s`."))
    rest: Duration | None = field(default=None, metadata=doc("Rest between sets, like `60s`."))
    sides: Literal["each", "both"] | None = field(default=None, metadata=doc("`each`: do both sides in turn."))
    per_day: Count | None = field(default=None, metadata=doc("Times a day."))
    days: DaysPerWeek | None = field(default=None, metadata=doc("Days a week, 1 to 7."))


@dataclass(frozen=True)
class Picture:
    path: RelPath = field(metadata=doc("PNG, JPEG or SVG, relative to this file."))
    alt: Plain = field(metadata=doc("What the picture shows.", printed=False))


@dataclass(frozen=True)
class Pictures:
    start: Picture | None = field(default=None, metadata=doc("The starting position."))
    end: Picture | None = field(default=None, metadata=doc("The end of the movement."))


@dataclass(frozen=True)
class Exercise:
    exercise: Id = field(metadata=doc("The exercise id, like `pigeon-pose`; decks and programmes use it."))
    name: Text = field(metadata=doc("The name printed on the card."))
    language: Language = field(metadata=doc("Language of this file's text."))
    category: Literal["stretch", "strength", "mobility", "release"] = field(metadata=doc("Kind of exercise."))
    steps: list[Text] = field(metadata=doc("Numbered steps.", min_items=1))
    targets: list[Text] = field(default_factory=list, metadata=doc("Muscles or areas worked."))
    position: Literal["lying", "sitting", "kneeling", "standing"] | None = field(
        default=None, metadata=doc("Starting position; programmes can order by it.")
    )
    equipment: list[Text] = field(default_factory=list, metadata=doc("What you need."))
    images: Pictures = field(default_factory=Pictures, metadata=doc("Start and end pictures."))
    tips: list[Text] = field(default_factory=list, metadata=doc("Short tips."))
    avoid: list[Text] = field(default_factory=list, metadata=doc("Common mistakes to avoid."))
    caution: Text | None = field(default=None, metadata=doc("When to stop or take care."))
    dose: Dose = field(default_factory=Dose, metadata=doc("How much and how often."))
    video: Url | None = field(default=None, metadata=doc("A video of the exercise, printed as a QR code."))
    where: Where | None = where_field()


@dataclass(frozen=True)
class Deck:
    deck: Id = field(metadata=doc("The deck id, like `glute-stretches`."))
    title: Text = field(metadata=doc("The deck's name, stored as the PDF title.", printed=False))
    language: Language = field(metadata=doc("Which language version of each exercise to print."))
    exercises: list[Id] = field(metadata=doc("Exercise ids from the library, in card order.", min_items=1))
    where: Where | None = where_field()
