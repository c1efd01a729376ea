"""Content files to resolved content: handouts, decks and exercise cards, programmes.

Each file is read once; every problem in it (keys and values, pictures and characters, unknown
exercises, appended handouts) is collected and reported together.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import HandoutError, Problem
from ..model.exercise import Deck
from ..model.handout import Handout
from ..model.program import Program
from ..model.read import Reader, position
from ..model.resolved import (
    CardContent,
    Content,
    HandoutContent,
    ProgramContent,
    ResolvedBlock,
    ResolvedExercise,
    ResolvedImage,
    ResolvedPhase,
    ResolvedSection,
)
from ..model.types import ContentPath, Id
from ..source import Node, expect_kind, kind_of, load
from .defaults import content_node
from .inspect import Inspector
from .library import (
    Lookup,
    drawing_end,
    find_exercises,
    library_folder,
    load_exercise,
    step_problems,
    with_dose,
)
from .merge import Row, fill, placeholder_names
from .posed import arrow_left_out
from .project import outside_hint, project_root, shown

POSITIONS = ("lying", "sitting", "kneeling", "standing")


def load_content(path: Path, row: Row | None = None) -> Content:
    """A handout; a deck or exercise file as a set of cards; a programme (filled from `row`)."""
    kind = kind_of(load(path))
    if kind in ("deck", "exercise"):
        return load_cards(path)
    if kind == "program":
        return load_program(path, row)
    return load_handout(path)


def load_handout(path: Path) -> HandoutContent:
    node = content_node(path)
    expect_kind(node, "handout", path)
    handout, inspector, problems = _read(node, Handout, "the handout")
    lookup = _lookup(inspector, path, problems)
    if problems:
        raise HandoutError(problems)
    sections = tuple(
        ResolvedSection(section.title, tuple(_resolved_block(block, inspector, lookup) for block in section.blocks))
        for section in handout.sections
    )
    return HandoutContent(handout, sections, path, tuple(lookup.warnings))


def _resolved_block(block, inspector: Inspector, lookup: Lookup) -> ResolvedBlock:
    body = block.body
    if block.kind == "image":
        body = ResolvedImage(body, inspector.picture(body.path, str(body.alt)))
    elif block.kind == "exercises":
        body = tuple(lookup.by_ref[id(ref)] for ref in body)
    return ResolvedBlock(block.kind, body, block.where)


def load_cards(path: Path) -> CardContent:
    """A deck file, or a single exercise file as a deck of one card."""
    node = content_node(path)
    if kind_of(node) == "exercise":
        exercise, start, end = load_exercise(path)
        problems = step_problems(exercise, library_folder(path))
        if problems:
            raise HandoutError(problems)
        ident = Id(exercise.exercise, exercise.where)
        deck = Deck(ident, exercise.name, exercise.language, [ident])
        object.__setattr__(deck, "where", exercise.where)
        left_out = arrow_left_out(drawing_end(exercise, path))
        warnings = (left_out,) if left_out is not None else ()
        return CardContent(deck, (ResolvedExercise(exercise, start, end, where=exercise.where),), path, warnings)
    expect_kind(node, "deck", path)
    deck, inspector, problems = _read(node, Deck, "the deck")
    lookup = _lookup(inspector, path, problems)
    if problems:
        raise HandoutError(problems)
    return CardContent(deck, tuple(lookup.by_ref[id(ref)] for ref in deck.exercises), path, tuple(lookup.warnings))


def program_node(path: Path, row: Row | None = None, allow_placeholders: bool = False) -> Node:
    """A programme file's nodes; with a merge row, its placeholders filled first."""
    node = content_node(path)
    expect_kind(node, "program", path)
    names = placeholder_names(node)
    if row is not None:
        return fill(node, row)
    if names and not allow_placeholders:
        name, where = names[0]
        raise HandoutError.at(
            where,
            f"this programme has placeholders like `{{{{ {name} }}}}`",
            "build it with --data rows.csv (or rows.yaml) to fill them",
        )
    return node


def load_program(path: Path, row: Row | None = None) -> ProgramContent:
    program, inspector, problems = _read(program_node(path, row), Program, "the programme")
    lookup = _lookup(inspector, path, problems)
    handouts = _appended(inspector.content_refs, path, problems)
    if problems:
        raise HandoutError(problems)

    def prescribed(given) -> tuple[ResolvedExercise, ...]:
        exercises = [with_dose(lookup.by_ref[id(p.use)], p.dose, p.note, p.where) for p in given]
        if program.order == "position":
            exercises.sort(
                key=lambda e: POSITIONS.index(e.exercise.position) if e.exercise.position else len(POSITIONS)
            )
        return tuple(exercises)

    phases = tuple(ResolvedPhase(phase, prescribed(phase.exercises)) for phase in program.phases)
    exercises = prescribed(program.exercises) if not phases else tuple(e for p in phases for e in p.exercises)
    warnings = [*lookup.warnings, *(w for h in handouts for w in h.warnings)]
    if program.log is not None and program.log.weeks is None and program.weeks() > 12:
        hint = "print a second log for the rest, or set `log: {weeks: 12}` to say so"
        said = f"the log covers the first 12 of the phases' {program.weeks()} weeks"
        warnings.append(Problem(position(program, "log"), said, hint))
    if program.example:
        hint = "review every phase, exercise and dose for this patient, then set `example: false`"
        warnings.append(Problem(position(program, "example"), "this programme is an example protocol", hint))
    return ProgramContent(program, exercises, tuple(handouts), path, _unique(warnings), phases)


def _read(node: Node, tp: type, what: str) -> tuple:
    inspector = Inspector()
    reader = Reader(inspector)
    model = reader.read(node, tp, what)
    return model, inspector, reader.problems


def _lookup(inspector: Inspector, path: Path, problems: list[Problem]) -> Lookup:
    """Look up every exercise id that was read, even when other parts of the file are wrong."""
    if not inspector.exercise_refs or inspector.language is None:
        return Lookup()
    lookup = find_exercises(inspector.exercise_refs, inspector.language, library_folder(path))
    problems.extend(lookup.problems)
    return lookup


def _appended(refs: list[ContentPath], path: Path, problems: list[Problem]) -> list[HandoutContent]:
    handouts = []
    root = project_root(path).resolve()
    for ref in refs:
        target = (path.parent / ref) if not Path(ref).is_absolute() else Path(ref)
        try:
            if not target.resolve().is_relative_to(root):
                raise HandoutError.at(
                    ref.where,
                    f"handout `{ref}` is outside the project folder {root}",
                    outside_hint(path, "appended handouts"),
                )
            if not target.is_file():
                raise HandoutError.at(ref.where, f"handout `{ref}` not found (looked for {shown(target)})")
            handouts.append(_appended_handout(target))
        except HandoutError as error:
            problems.extend(error.problems)
        except OSError as exc:
            problems.append(Problem(ref.where, f"handout `{ref}` cannot be read: {exc.strerror or exc}"))
    return handouts


def _appended_handout(target: Path) -> HandoutContent:
    """An appended handout, read once for all the rows of a batch: kept while its file, every
    file it was made from, the library's index and the project and folder it is read in stay
    the same."""
    from ..model.types import DATE_FORMAT
    from .defaults import project_stamp
    from .library import library_index
    from .sources import remember_handout, remembered_handout

    absolute = target.resolve()
    stat = absolute.stat()
    index = library_index(library_folder(target))
    where_read = (_working_folder(), str(project_root(target)), project_stamp(target), DATE_FORMAT.get())
    key = (str(target), str(absolute), stat.st_mtime_ns, stat.st_size, where_read)
    found = remembered_handout(key, index)
    if found is None:
        found = load_handout(target)
        remember_handout(key, index, found)
    return found


def _working_folder() -> str:
    """The working folder (messages name files relative to it), or "" when it was removed."""
    try:
        return str(Path.cwd())
    except OSError:
        return ""


def _unique(problems: list[Problem]) -> tuple[Problem, ...]:
    return tuple(dict.fromkeys(problems))
