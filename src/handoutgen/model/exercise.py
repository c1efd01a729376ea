"""Exercises (one file each, in the library folder) and decks of exercise cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Problem, Where
from .handout import FROM_NAME, LANGUAGE_FROM_NAME, QR_MAX_LENGTH, Language
from .pose import Pose
from .types import Distance, Duration, ExerciseRef, Id, Plain, RelPath, Tempo, Text, Url, doc, where_field

COUNT = {"minimum": 1, "maximum": 100}
SECONDS = {"minimum": 1, "maximum": 3600}

Region = Literal[
    "hip", "glutes", "thigh", "knee", "calf", "ankle-foot", "lower-back", "core", "upper-back", "shoulder", "neck",
]  # fmt: skip
Goal = Literal["mobility", "strength", "balance", "endurance", "warm-up", "recovery"]
Equipment = Literal[
    "none", "mat", "chair", "bench", "step", "wall", "band", "roller", "ball", "towel", "weights", "cone"
]
BandColour = Literal["yellow", "red", "green", "blue", "black"]


@dataclass(frozen=True)
class Load:
    kg: float | None = field(
        default=None, metadata=doc("Kilograms, like `5` (a weight in each hand counts once).", minimum=0.5, maximum=200)
    )
    lb: float | None = field(default=None, metadata=doc("Pounds, like `10`.", minimum=1, maximum=440))
    band: BandColour | None = field(default=None, metadata=doc("A resistance band, by its colour."))
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        given = [name for name in ("kg", "lb", "band") if getattr(self, name) is not None]
        if len(given) != 1:
            return [Problem(self.where, "a load is one of `kg`, `lb` or `band`", "like `load: {kg: 5}`")]
        return []


DOSE_CONFLICTS = (  # keys that say the same thing two ways: a dose gives one of each pair
    ("rpe", "reserve", "give effort as `rpe` or as `reserve`, not both"),
    ("hold", "time", "`hold` is for a position held still, `time` for moving: give one"),
    ("reps", "distance", "a drill goes a `distance` or a number of `reps`, not both"),
    ("reps", "time", "a set is a number of `reps` or a `time`, not both"),
    ("time", "distance", "a drill goes a `distance` or for a `time`, not both"),
)


@dataclass(frozen=True)
class Dose:
    sets: int | None = field(default=None, metadata=doc("Sets, like `3`.", **COUNT))
    reps: int | None = field(default=None, metadata=doc("Repetitions in a set, like `10`.", **COUNT))
    hold: Duration | None = field(default=None, metadata=doc("How long to hold, like `30s`.", **SECONDS))
    time: Duration | None = field(
        default=None, metadata=doc("How long to keep going, for a drill or a march, like `30s`.", **SECONDS)
    )
    distance: Distance | None = field(
        default=None,
        metadata=doc(
            "How far, for a drill, like `30m` (`2` sets of `30m` print as 2 × 30 m).", minimum=1, maximum=2000
        ),
    )
    rest: Duration | None = field(default=None, metadata=doc("Rest between sets, like `60s`.", **SECONDS))
    tempo: Tempo | None = field(default=None, metadata=doc("Seconds to lower, pause and lift, like `3-1-1`."))
    load: Literal["bodyweight"] | Load | None = field(
        default=None, metadata=doc("`bodyweight`, or `{kg: 5}`, `{lb: 10}`, `{band: red}`.")
    )
    rpe: int | None = field(
        default=None, metadata=doc("Effort from 0 (none) to 10 (the most you can), like `6`.", minimum=0, maximum=10)
    )
    reserve: int | None = field(
        default=None,
        metadata=doc("Or: repetitions left in reserve when a set ends, like `2`.", minimum=0, maximum=10),
    )
    sides: Literal["each", "both"] | None = field(default=None, metadata=doc("`each`: do both sides in turn."))
    per_day: int | None = field(default=None, metadata=doc("Times a day.", minimum=1, maximum=12))
    days: int | None = field(default=None, metadata=doc("Days a week, 1 to 7.", minimum=1, maximum=7))
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        return [Problem(self.where, message) for first, second, message in DOSE_CONFLICTS if self.both(first, second)]

    def both(self, first: str, second: str) -> bool:
        return getattr(self, first) is not None and getattr(self, second) is not None


@dataclass(frozen=True)
class Picture:
    alt: Plain = field(metadata=doc("What the picture shows.", printed=False, max_length=300))
    pose: Pose | None = field(
        default=None, metadata=doc("The figure drawn in our style (see docs/poses.md); or give a `path`.")
    )
    path: RelPath | None = field(
        default=None,
        metadata=doc(
            "A PNG, JPEG or SVG file instead, relative to this file. A translation (`x.es.yaml`) that gives "
            "neither uses the picture of `x.yaml`."
        ),
    )
    license: Plain | None = field(
        default=None,
        metadata=doc(
            "For a picture file: `own` (drawn or photographed by the clinic), or its licence, like `CC-BY-4.0` "
            "or `CC0-1.0`; lint names a picture file without one.",
            max_length=60,
        ),
    )
    author: Plain | None = field(
        default=None, metadata=doc("Who made the picture, printed in the credits.", max_length=120)
    )
    source: Url | None = field(default=None, metadata=doc("Where the picture comes from.", max_length=300))
    where: Where | None = where_field()


@dataclass(frozen=True)
class Pictures:
    start: Picture | None = field(default=None, metadata=doc("The starting position."))
    end: Picture | None = field(default=None, metadata=doc("The end of the movement."))


@dataclass(frozen=True)
class Exercise:
    exercise: Id = field(
        metadata=doc(
            "The exercise id, like `pigeon-pose`; decks and programmes use it.",
            derived=FROM_NAME.format(kind="exercise"),
        )
    )
    name: Text = field(metadata=doc("The name printed on the card.", max_length=60))
    language: Language = field(metadata=doc("Language of this file's text.", derived=LANGUAGE_FROM_NAME))
    category: Literal["stretch", "strength", "mobility", "release", "drill"] = field(
        metadata=doc("Kind of exercise: `drill` for a running drill or a warm-up move.")
    )
    steps: list[Text] = field(metadata=doc("Numbered steps.", min_items=1, max_items=12, max_length=400))
    targets: list[Text] = field(
        default_factory=list, metadata=doc("Muscles or areas worked.", max_items=8, max_length=60)
    )
    position: Literal["lying", "sitting", "kneeling", "standing"] | None = field(
        default=None, metadata=doc("Starting position; programmes can order by it.")
    )
    equipment: list[Equipment] = field(
        default_factory=list,
        metadata=doc("What you need, printed in the content's language (`none`: nothing).", max_items=8),
    )
    regions: list[Region] = field(
        default_factory=list,
        metadata=doc("The body regions it is for; `library search --region` finds it.", max_items=6),
    )
    goals: list[Goal] = field(default_factory=list, metadata=doc("What it is for.", max_items=6))
    difficulty: int | None = field(
        default=None, metadata=doc("1 (easiest) to 3; a programme can step up or down.", minimum=1, maximum=3)
    )
    easier: ExerciseRef | None = field(default=None, metadata=doc("The id of an easier version (the regression)."))
    harder: ExerciseRef | None = field(default=None, metadata=doc("The id of a harder version (the progression)."))
    images: Pictures = field(default_factory=Pictures, metadata=doc("Start and end pictures."))
    tips: list[Text] = field(default_factory=list, metadata=doc("Short tips.", max_items=8, max_length=300))
    avoid: list[Text] = field(
        default_factory=list, metadata=doc("Common mistakes to avoid.", max_items=8, max_length=300)
    )
    caution: Text | None = field(default=None, metadata=doc("When to stop or take care.", max_length=400))
    dose: Dose = field(default_factory=Dose, metadata=doc("How much and how often."))
    video: Url | None = field(
        default=None,
        metadata=doc("A video of the exercise, printed as a QR code.", max_length=QR_MAX_LENGTH),
    )
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        """Vocabulary lists name each thing once, and `none` alone."""
        from .read import position

        found = []
        for key in ("equipment", "regions", "goals"):
            values = [str(v) for v in getattr(self, key)]
            if len(set(values)) < len(values):
                found.append(Problem(position(self, key), f"`{key}` names something twice", "name each once"))
        if "none" in self.equipment and len(self.equipment) > 1:
            said = "`equipment` says `none` and names things too"
            found.append(Problem(position(self, "equipment"), said, "leave out `none`"))
        return found


@dataclass(frozen=True)
class Deck:
    deck: Id = field(metadata=doc("The deck id, like `glute-stretches`.", derived=FROM_NAME.format(kind="deck")))
    title: Text = field(metadata=doc("The deck's name, stored as the PDF title.", printed=False, max_length=120))
    language: Language = field(
        metadata=doc("Which language version of each exercise to print.", derived=LANGUAGE_FROM_NAME)
    )
    exercises: list[ExerciseRef] = field(
        metadata=doc("Exercise ids from the library, in card order.", min_items=1, max_items=5000)
    )
    where: Where | None = where_field()
