"""Programmes: read (optionally filled from a merge row), exercises looked up with this patient's
doses, put in order, handouts to append."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .errors import HandoutError
from .library import exercises_for, shown
from .merge import Row, fill, placeholder_names
from .model import read
from .model.exercise import Deck, Exercise
from .model.handout import Handout
from .model.program import Prescribed, Program
from .model.types import Id, Located, Text
from .resolve import check_model, expect_kind, load_handout, project_root
from .source import Node, load

POSITIONS = ("lying", "sitting", "kneeling", "standing")


@dataclass(frozen=True)
class ProgramContent:
    """A programme ready to print: its exercises in order with this patient's doses."""

    program: Program
    exercises: list[tuple[Exercise, Text | None]]  # with the note for each
    handouts: list[Handout]

    def printed(self) -> list[Located]:
        """Every text the programme prints, for the completeness check."""
        from .render.panels import panel_texts
        from .verify import content_texts

        program = self.program
        texts: list[Located] = [program.title, program.patient, *program.goals]
        texts += [v for v in (program.clinician, program.clinic) if v]
        for exercise, note in self.exercises:
            texts += [Located(t, exercise.where) for t in panel_texts(exercise, note)]
        for handout in self.handouts:
            texts += content_texts(handout)
        return texts

    def metadata_title(self, metadata_name: bool = False) -> str:
        """The PDF's title. The patient's name is printed on the page, never put in the file's
        metadata unless asked for (`--metadata-name`)."""
        from .labels import label
        from .render.markup import inline

        title, patient = inline(self.program.title).plain, str(self.program.patient)
        if metadata_name:
            return f"{title} – {patient}"
        return title if patient not in title else label(str(self.program.language), "program")

    def as_deck(self, metadata_name: bool = False) -> tuple[Deck, list[Exercise]]:
        """The same programme as exercise cards; a note becomes the card's first tip."""
        program = self.program
        ids = [Id(e.exercise, e.where) for e, _ in self.exercises]
        deck = Deck(program.program, Text(self.metadata_title(metadata_name)), program.language, ids)
        object.__setattr__(deck, "where", program.where)
        cards = [dataclasses.replace(e, tips=[note, *e.tips]) if note else e for e, note in self.exercises]
        return deck, cards


def program_node(path: Path) -> Node:
    node = load(path)
    expect_kind(node, "program", path)
    return node


def load_program(path: Path, row: Row | None = None) -> ProgramContent:
    """A programme file; with a merge row, its placeholders filled first."""
    node = program_node(path)
    names = placeholder_names(node)
    if row is not None:
        node = fill(node, row)
    elif names:
        name, where = names[0]
        raise HandoutError.at(
            where,
            f"this programme has placeholders like `{{{{ {name} }}}}`",
            "build it with --data rows.csv (or rows.yaml) to fill them",
        )
    program: Program = read(node, Program, "the programme")
    root = project_root(path)
    check_model(program, root)
    return resolve(program, path)


def resolve(program: Program, path: Path) -> ProgramContent:
    language = str(program.language)
    found = exercises_for([p.use for p in program.exercises], language)
    exercises = [
        (_with_dose(exercise, prescribed), prescribed.note)
        for exercise, prescribed in zip(found, program.exercises, strict=True)
    ]
    if program.order == "position":
        exercises.sort(key=lambda pair: POSITIONS.index(pair[0].position) if pair[0].position else len(POSITIONS))
    handouts = [load_handout(_relative(path, rel)) for rel in program.handouts]
    return ProgramContent(program, exercises, handouts)


def _with_dose(exercise: Exercise, prescribed: Prescribed) -> Exercise:
    if prescribed.dose is None:
        return exercise
    changes = {
        f.name: getattr(prescribed.dose, f.name)
        for f in dataclasses.fields(prescribed.dose)
        if getattr(prescribed.dose, f.name) is not None
    }
    return dataclasses.replace(exercise, dose=dataclasses.replace(exercise.dose, **changes))


def _relative(path: Path, rel: Located) -> Path:
    target = (path.parent / rel) if not Path(rel).is_absolute() else Path(rel)
    if not target.resolve().is_relative_to(project_root(path).resolve()):
        raise HandoutError.at(rel.where, f"handout `{rel}` is outside the project folder")
    if not target.is_file():
        raise HandoutError.at(rel.where, f"handout `{rel}` not found (looked for {shown(target)})")
    return target
