"""The exercise library: exercise files found by id and language, and decks that list them."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .errors import HandoutError, Problem, Where, closest
from .model import read
from .model.exercise import Deck, Exercise
from .model.types import Id
from .resolve import check_model, expect_kind, project_root
from .source import Map, Scalar, load

LIBRARY_FOLDER = "exercises"


@dataclass(frozen=True)
class CardSet:
    """A deck (or one exercise) with its exercises looked up in the library."""

    deck: Deck
    exercises: list[Exercise]


def library_folder(content: Path) -> Path:
    """Where exercise ids are looked up: `handouts/exercises/` of the project, else next to the file."""
    root = project_root(content)
    for candidate in (
        root / "handouts" / LIBRARY_FOLDER,
        content.resolve().parent / LIBRARY_FOLDER,
        content.resolve().parent.parent / LIBRARY_FOLDER,
    ):
        if candidate.is_dir():
            return shown(candidate)
    return shown(content.resolve().parent)


def shown(path: Path) -> Path:
    """`path` relative to the working folder when it is inside it, as people write paths in messages."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.glob("*.y*ml")))


@functools.lru_cache(maxsize=16)
def _index(
    folder: Path, stamp: tuple[tuple[str, int], ...]
) -> tuple[dict[tuple[str, str], Path], dict[str, HandoutError]]:
    found: dict[tuple[str, str], Path] = {}
    broken: dict[str, HandoutError] = {}  # by file name without extensions: `squat` for squat.es.yaml
    for name, _ in stamp:
        path = Path(name)
        try:
            node = load(path)
        except HandoutError as error:
            broken[path.name.split(".", 1)[0]] = error  # reported if a deck asks for this id
            continue
        if not isinstance(node, Map):
            continue
        ident, language = node.get("exercise"), node.get("language")
        if isinstance(ident, Scalar) and isinstance(language, Scalar):
            key = (ident.value, language.value)
            if key in found:
                raise HandoutError.at(
                    ident.where,
                    f"exercise `{key[0]}` ({key[1]}) is defined twice in the library: here and in {found[key]}",
                    "give each exercise its own id",
                )
            found[key] = path
    return found, broken


def index(folder: Path) -> dict[tuple[str, str], Path]:
    """(exercise id, language) to file, for every exercise file in `folder`."""
    return _index(folder, _stamp(folder))[0]


@functools.lru_cache(maxsize=512)
def _load_exercise(path: Path, mtime: int) -> Exercise:
    node = load(path)
    expect_kind(node, "exercise", path)
    exercise: Exercise = read(node, Exercise, "the exercise")
    check_model(exercise, project_root(path))
    return exercise


def load_exercise(path: Path) -> Exercise:
    return _load_exercise(shown(path), path.stat().st_mtime_ns)


def find_exercises(ids: list[Id], language: str, folder: Path) -> list[Exercise]:
    """The exercises named by `ids`, in `language`; every unknown id is reported at its line."""
    known, broken = _index(folder, _stamp(folder))
    problems: list[Problem] = []
    found: list[Exercise] = []
    for ident in ids:
        path = known.get((ident, language))
        if path is None and ident in broken:  # the file is there but does not load: say why
            problems.extend(broken[ident].problems)
            continue
        if path is None:
            problems.append(_unknown(ident, language, known, folder))
            continue
        try:
            found.append(load_exercise(path))
        except HandoutError as error:
            problems.extend(error.problems)
    if problems:
        raise HandoutError(problems)
    return found


def exercises_for(ids: list[Id], language: str) -> list[Exercise]:
    """Exercises named in a content file, looked up in that file's library."""
    if not ids:
        return []
    source = ids[0].where.file if ids[0].where else "."
    return find_exercises(ids, language, library_folder(Path(source)))


def _unknown(ident: Id, language: str, known: dict[tuple[str, str], Path], folder: Path) -> Problem:
    languages = sorted(lang for (other, lang) in known if other == ident)
    if languages:
        return Problem(
            ident.where,
            f"exercise `{ident}` has no `{language}` version in {folder}",
            "found: " + ", ".join(languages) + f"; add `{ident}.{language}.yaml`",
        )
    ids = {other for (other, _) in known}
    hint = closest(ident, ids) or ("known exercises: " + ", ".join(sorted(ids)) if ids else None)
    return Problem(ident.where, f"unknown exercise `{ident}` (looked in {folder})", hint)


def load_deck(path: Path) -> tuple[Deck, list[Exercise]]:
    """A deck file, or a single exercise file as a deck of one card."""
    node = load(path)
    if isinstance(node, Map) and "exercise" in node.entries:
        exercise = load_exercise(path)
        deck = Deck(
            Id(exercise.exercise, exercise.where),
            exercise.name,
            exercise.language,
            [Id(exercise.exercise, exercise.where)],
        )
        object.__setattr__(deck, "where", Where(str(path), 1, 1))
        return deck, [exercise]
    expect_kind(node, "deck", path)
    deck: Deck = read(node, Deck, "the deck")
    check_model(deck, project_root(path))
    return deck, find_exercises(deck.exercises, str(deck.language), library_folder(path))
