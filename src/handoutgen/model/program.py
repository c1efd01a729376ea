"""A personal home-exercise programme: a patient's exercises and doses from the library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..errors import Where
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
    weeks: int = field(default=2, metadata=doc("Weeks of tick boxes, 1 to 12.", minimum=1, maximum=12))
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
        metadata=doc("The exercises, each `use: <id>` with dose and note.", min_items=1, max_items=30)
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
