"""A personal home-exercise programme: a patient's exercises and doses from the library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..errors import Problem, Where
from .exercise import Dose
from .handout import FROM_NAME, LANGUAGE_FROM_NAME, Language
from .types import ContentPath, ExerciseRef, Id, Plain, Text, doc, where_field


@dataclass(frozen=True)
class Prescribed:
    """One exercise of the programme: a library id, this patient's dose, a note."""

    use: ExerciseRef = field(metadata=doc("The exercise id in the library, like `glute-bridge`."))
    dose: Dose | None = field(default=None, metadata=doc("This patient's dose; keys given replace the library's."))
    note: Text | None = field(
        default=None, metadata=doc("A note for this patient, printed with the exercise.", max_length=400)
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class Log:
    weeks: int | None = field(
        default=None,
        metadata=doc("Weeks of tick boxes, 1 to 12 (default: the phases' weeks, else 2).", minimum=1, maximum=12),
    )
    pain: bool = field(default=False, metadata=doc("Also a row to write the day's pain, 0 to 10."))
    effort: bool = field(default=False, metadata=doc("Also a row to write how hard it felt, 0 to 10."))
    where: Where | None = where_field()


@dataclass(frozen=True)
class Phase:
    weeks: int = field(metadata=doc("How many weeks the phase lasts.", minimum=1, maximum=12))
    exercises: list[Prescribed] = field(
        metadata=doc("The phase's exercises, each `use: <id>` with dose and note.", min_items=1, max_items=12)
    )
    title: Text | None = field(default=None, metadata=doc("A short name, like `Calm and activate`.", max_length=80))
    goal: Text | None = field(default=None, metadata=doc("What the phase works towards.", max_length=300))
    progress: list[Text] = field(
        default_factory=list,
        metadata=doc(
            "When to move on to the next phase, like `No pain on stairs for a week`.", max_items=6, max_length=300
        ),
    )
    step_back: list[Text] = field(
        default_factory=list,
        metadata=doc(
            "Signs to go back a step, like `Pain above 5 out of 10 the next morning`.", max_items=6, max_length=300
        ),
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class Program:
    program: Id = field(
        metadata=doc("The programme's id, like `glute-rehab`.", derived=FROM_NAME.format(kind="program"))
    )
    title: Text = field(metadata=doc("The title at the top of the first page.", max_length=120))
    language: Language = field(
        metadata=doc("Language of the programme and of the exercises used.", derived=LANGUAGE_FROM_NAME)
    )
    patient: Plain = field(
        metadata=doc("The patient's name, printed on the page (not in the PDF metadata).", max_length=120)
    )
    date: dt.date = field(metadata=doc("When the programme was given (YYYY-MM-DD)."))
    exercises: list[Prescribed] = field(
        default_factory=list,
        metadata=doc("The exercises, each `use: <id>` with dose and note (or give `phases`).", max_items=30),
    )
    phases: list[Phase] = field(
        default_factory=list,
        metadata=doc(
            "A programme that progresses: phases of some weeks each, with their exercises, when to move on "
            "and when to step back.",
            max_items=6,
        ),
    )
    example: bool = field(
        default=False,
        metadata=doc("An example protocol, to review and adjust before use: builds warn until it is set to false."),
    )
    clinician: Plain | None = field(default=None, metadata=doc("Who prescribed it.", max_length=120))
    clinic: Plain | None = field(
        default=None, metadata=doc("The clinic; the layout's brand name if left out.", max_length=120)
    )
    review_date: dt.date | None = field(default=None, metadata=doc("When to come back for a review."))
    goals: list[Text] = field(
        default_factory=list, metadata=doc("What the patient is working towards.", max_items=8, max_length=300)
    )
    order: Literal["as-written", "position"] = field(
        default="as-written", metadata=doc("`position`: lying, then sitting, kneeling, standing.")
    )
    style: Literal["detailed", "compact"] = field(
        default="detailed", metadata=doc("`detailed`: about two exercises a page; `compact`: about six.")
    )
    log: Log | None = field(default=None, metadata=doc("A tick-box log, like {weeks: 2}."))
    handouts: list[ContentPath] = field(
        default_factory=list,
        metadata=doc("Handout files printed after the programme, each as a leaflet of its own.", max_items=10),
    )
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        if bool(self.exercises) == bool(self.phases):
            said = "both `exercises` and `phases`" if self.exercises else "neither `exercises` nor `phases`"
            return [Problem(self.where, f"the programme has {said}", "give its exercises, or its phases")]
        return []

    def weeks(self) -> int:
        """The phases' weeks in all (0 without phases)."""
        return sum(phase.weeks for phase in self.phases)

    def prescribed(self) -> list[Prescribed]:
        """Every exercise given, phase after phase."""
        return self.exercises or [p for phase in self.phases for p in phase.exercises]
