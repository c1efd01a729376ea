"""The exercise library: exercise files found by id and language, read and checked once each.

A library file that does not load, or an id defined twice, is an error for the documents that
ask for that exercise and a warning for the others: one broken file never stops the builds
that do not use it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError, Problem, closest
from ..model import read
from ..model.exercise import Exercise
from ..model.resolved import Picture, ResolvedExercise
from ..model.types import ExerciseRef
from ..source import Map, Scalar, expect_kind
from .defaults import content_node, project_stamp
from .inspect import Inspector
from .pictures import find_picture, locate
from .posed import arrow_left_out, exercise_pictures, source_of
from .project import project_root, shown

LIBRARY_FOLDER = "exercises"


@dataclass(frozen=True)
class LibraryIndex:
    folder: Path  # as shown in messages
    found: dict[tuple[str, str], Path]  # (id, language) -> file
    broken: dict[str, HandoutError]  # file name without extensions (`squat` for squat.es.yaml) -> why
    duplicates: dict[tuple[str, str], tuple[Path, ...]] = field(default_factory=dict)
    outside: dict[str, Path] = field(default_factory=dict)  # file stem -> a link out of the project
    # (id, language) -> a file whose name says another language (`squat.es.yaml` with `language: en`)
    mislabelled: dict[tuple[str, str], Problem] = field(default_factory=dict)


@dataclass
class Lookup:
    """What looking up a document's exercises found: the exercises, errors and warnings."""

    exercises: list[ResolvedExercise] = field(default_factory=list)
    by_ref: dict[int, ResolvedExercise] = field(default_factory=dict)  # id() of each ExerciseRef found
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def library_folder(content: Path) -> Path:
    """Where exercise ids are looked up: `handouts/exercises/` of the project, else next to the
    file; never a folder outside the project (nor one a symlink leads out of it)."""
    root = project_root(content)
    folder = content.resolve().parent
    for candidate in (root / "handouts" / LIBRARY_FOLDER, folder / LIBRARY_FOLDER, folder.parent / LIBRARY_FOLDER):
        if candidate.is_dir() and candidate.resolve().is_relative_to(root):
            return candidate
    return folder


def library_index(folder: Path) -> LibraryIndex:
    """Every exercise file in `folder`, by id and language (cached until a file changes)."""
    absolute = folder.resolve()
    return _index(absolute, _stamp(absolute), shown(absolute), project_stamp(absolute / "_"))


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            stat = path.stat()
        except OSError:
            continue
        files.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(files)


@functools.lru_cache(maxsize=32)
def _index(folder: Path, stamp: tuple[tuple[str, int, int], ...], shown_folder: Path, _project: object) -> LibraryIndex:
    found: dict[tuple[str, str], Path] = {}
    broken: dict[str, HandoutError] = {}
    duplicates: dict[tuple[str, str], list[Path]] = {}
    outside: dict[str, Path] = {}
    mislabelled: dict[tuple[str, str], Problem] = {}
    root = project_root(folder / "_")
    for name, _, _ in stamp:
        path = shown_folder / name
        if not (folder / name).resolve().is_relative_to(root):  # never read: its words are not ours
            outside[name.split(".", 1)[0]] = path
            continue
        keys = _keys_at_a_glance(path)
        if keys is None:  # anything but two plain lines: read it whole, and say what is wrong with it
            try:
                node = content_node(path)
            except HandoutError as error:
                broken[name.split(".", 1)[0]] = error
                continue
            if not isinstance(node, Map):
                continue
            keys = node.get("exercise"), node.get("language")
        ident, language = keys
        if isinstance(ident, Scalar) and isinstance(language, Scalar):
            key = (ident.value, language.value)
            named = _named_language(name)
            if named is not None and named != language.value:  # asked for in either language, say this
                said = f"{path} says `language: {language.value}`, but its name says it is in `{named}`"
                hint = f"set `language: {named}` (a translation keeps the id and changes the language)"
                mislabelled[key] = mislabelled[(ident.value, named)] = Problem(language.where, said, hint)
            if key in found:
                duplicates.setdefault(key, [found[key]]).append(path)
            else:
                found[key] = path
    twice = {key: tuple(paths) for key, paths in duplicates.items()}
    return LibraryIndex(shown_folder, found, broken, twice, outside, mislabelled)


_TOP_KEY = re.compile(r"^(exercise|language):[ \t]*([a-z0-9][a-z0-9-]*)?[ \t]*(?:#.*)?$", re.MULTILINE)
_ANY_KEY = re.compile(r"^(exercise|language)\s*:", re.MULTILINE)


def _keys_at_a_glance(path: Path) -> tuple[Scalar, Scalar] | None:
    """The id and language of a library file read from its own two lines, without parsing the
    whole file (a library of forty exercises is read at every cold start); None when the file
    writes them any other way, so that it is read whole."""
    from ..errors import Where
    from ..source import read_text
    from ..source.nodes import control_character_problems
    from .defaults import name_parts, project_language

    try:
        text = read_text(path)
    except HandoutError:
        return None
    if control_character_problems(text, str(path)):
        return None  # the parser names them, so that even an unused file is reported
    plain = {m.group(1): m for m in _TOP_KEY.finditer(text)}
    if len(_ANY_KEY.findall(text)) != len(plain) or "exercise" not in plain or text.startswith(("{", "[")):
        return None  # quoted, flow style, written twice or missing: the parser decides
    values = {}
    for key, match in plain.items():
        line = text.count("\n", 0, match.start()) + 1
        column = match.start(2) - match.start() + 1 if match.group(2) else len(key) + 2
        values[key] = Scalar(match.group(2) or "", Where(str(path), line, column))
    ident, named = name_parts(path)
    if not values["exercise"].value:
        values["exercise"] = Scalar(ident, values["exercise"].where)
    if "language" not in values:
        values["language"] = Scalar(named or project_language(path), Where(str(path), 1, 1))
    return values["exercise"], values["language"]


def _named_language(name: str) -> str | None:
    """The language a file's name gives (`squat.es.yaml`: es), if any."""
    from ..model.types import LANGUAGES

    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGUAGES else None


def find_exercises(refs: list[ExerciseRef], language: str, folder: Path) -> Lookup:
    """The exercises `refs` name, in `language`; each unknown id is reported at its line."""
    index = library_index(folder)
    lookup = Lookup()
    asked = {str(ref) for ref in refs}
    for ref in refs:
        key = (str(ref), language)
        if key in index.mislabelled:  # the real mistake, said once, at the file's language line
            if index.mislabelled[key] not in lookup.problems:
                lookup.problems.append(index.mislabelled[key])
            continue
        if key in index.duplicates:
            files = " and ".join(str(p) for p in index.duplicates[key])
            lookup.problems.append(
                Problem(ref.where, f"exercise `{ref}` ({language}) is defined twice in the library: {files}", _ONE_ID)
            )
            continue
        path = index.found.get(key)
        if path is None and str(ref) in index.outside:
            lookup.problems.append(
                Problem(
                    ref.where,
                    f"exercise `{ref}`: {index.outside[str(ref)]} is a link to a file outside the project folder",
                    "copy the exercise file into the library instead of linking to it",
                )
            )
            continue
        if path is None and str(ref) in index.broken:  # the file is there but does not load: say why
            lookup.problems.extend(index.broken[str(ref)].problems)
            continue
        if path is None:
            lookup.problems.append(_unknown(ref, language, index))
            continue
        try:
            exercise, start, end = load_exercise(path)
        except HandoutError as error:
            lookup.problems.extend(error.problems)
            continue
        lookup.problems.extend(p for p in step_problems(exercise, folder, index) if p not in lookup.problems)
        lookup.exercises.append(ResolvedExercise(exercise, start, end, where=ref.where))
        lookup.by_ref[id(ref)] = lookup.exercises[-1]
        left_out = arrow_left_out(drawing_end(exercise, path))
        if left_out is not None and left_out not in lookup.warnings:
            lookup.warnings.append(left_out)
    lookup.warnings += _unused_problems(index, asked)
    return lookup


_ONE_ID = "give each exercise its own id (the `exercise:` key), or remove one of the files"


def _unused_problems(index: LibraryIndex, asked: set[str]) -> list[Problem]:
    """Broken library files this document does not use: worth a warning, not a failed build."""
    warnings = []
    for stem, error in sorted(index.broken.items()):
        if stem not in asked:
            first = error.problems[0]
            warnings.append(Problem(first.where, f"library file not used here does not load: {first.message}"))
    for (ident, language), paths in sorted(index.duplicates.items()):
        if ident not in asked and (ident, language) in index.mislabelled:
            if index.mislabelled[(ident, language)] not in warnings:
                warnings.append(index.mislabelled[(ident, language)])
        elif ident not in asked:
            files = " and ".join(str(p) for p in paths)
            warnings.append(Problem(None, f"exercise `{ident}` ({language}) is defined twice in the library: {files}"))
    return warnings


def load_exercise(path: Path) -> tuple[Exercise, Picture | None, Picture | None]:
    """An exercise file read and checked, with its pictures: read once per version of the file
    (and of the file it translates, whose pictures it may share), and each picture file checked
    again whenever it has changed."""
    stat = path.stat()
    source = source_of(path)
    shared = _stamp_of(source) if source is not None else None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, str(path), shared, project_stamp(path))
    exercise, start, end = _load_exercise(*key)
    images = exercise.images
    if source is not None:  # a translation's shared pictures are as fresh as its source's
        _, source_start, source_end = load_exercise(source)
        start = _shared_fresh(start, images.start, source_start)
        end = _shared_fresh(end, images.end, source_end)
    return exercise, _fresh(start, images.start), _fresh(end, images.end)


def drawing_end(exercise: Exercise, path: Path) -> Exercise:
    """The exercise whose file draws `exercise`'s end picture: itself, or the one it translates
    when it shares that picture."""
    end = exercise.images.end
    source = source_of(path) if end is not None and end.pose is None and end.path is None else None
    return load_exercise(source)[0] if source is not None else exercise


def _shared_fresh(picture: Picture | None, declared, source: Picture | None) -> Picture | None:
    if picture is None or declared is None or declared.path is not None or declared.pose is not None:
        return picture
    return dataclasses.replace(source, alt=picture.alt, where=picture.where) if source is not None else picture


def _stamp_of(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _fresh(picture: Picture | None, declared) -> Picture | None:
    """`picture` as checked, or checked again if its file changed (or went) since."""
    if picture is None or declared is None or declared.path is None:
        return picture  # drawn from a pose, or shared: read with the files it comes from
    try:  # the same file (a swapped symlink would resolve elsewhere), of the same time and size
        stat = picture.path.stat()
        unchanged = locate(declared.path) == picture.path and (stat.st_mtime_ns, stat.st_size) == picture.stamp
    except (OSError, RuntimeError):
        unchanged = False
    if unchanged:
        return picture
    return find_picture(declared.path, picture.alt, project_root(Path(declared.path.where.file)))


@functools.lru_cache(maxsize=1024)
def _load_exercise(
    key: str, mtime: int, size: int, name: str, shared_stamp: tuple[int, int] | None, project: object
) -> tuple[Exercise, Picture | None, Picture | None]:
    path = Path(name)
    node = content_node(path)
    expect_kind(node, "exercise", path)
    inspector = Inspector()
    exercise: Exercise = read(node, Exercise, "the exercise", inspector)

    def shared(source: Path) -> tuple[Picture | None, Picture | None]:
        _, start, end = load_exercise(source)
        return start, end

    start, end = exercise_pictures(exercise, path, inspector, shared)
    return exercise, start, end


def step_problems(exercise: Exercise, folder: Path, index: LibraryIndex | None = None) -> list[Problem]:
    """`easier` and `harder` name exercises of the library in the same language, not itself
    (`index`: the library as already read, so that a lookup reads its folder once)."""
    index = index or library_index(folder)
    language = str(exercise.language)
    ids = {ident for ident, lang in index.found if lang == language}
    problems = []
    for key in ("easier", "harder"):
        ref = getattr(exercise, key)
        if ref is None:
            continue
        if str(ref) == str(exercise.exercise):
            problems.append(Problem(ref.where, f"`{key}` names this exercise itself", "name another exercise's id"))
        elif (str(ref), language) in index.mislabelled:
            continue  # its file says another language: that file is the mistake, reported where it is
        elif str(ref) not in ids:
            hint = closest(str(ref), ids - {str(exercise.exercise)}) or f"add {ref}.yaml to {index.folder}"
            problems.append(Problem(ref.where, f"`{key}`: no exercise `{ref}` ({language}) in {index.folder}", hint))
        elif _points_back(index.found[(str(ref), language)], key, str(exercise.exercise)):
            other = "harder" if key == "easier" else "easier"
            said = f"`{key}: {ref}`, but {ref} says this exercise is {key} than it"
            hint = f"one of the two is the `{other}` one: {ref} should say `{other}: {exercise.exercise}`"
            problems.append(Problem(ref.where, said, hint))
    return problems


def _points_back(path: Path, key: str, ident: str) -> bool:
    """Whether the exercise at `path` names `ident` under the same `key` (each easier than the
    other); read from its parsed lines, so that no picture of an exercise not printed is drawn."""
    try:
        node = content_node(path)
    except HandoutError:
        return False  # its own file reports it
    value = node.get(key) if isinstance(node, Map) else None
    return isinstance(value, Scalar) and value.value.strip() == ident


def with_dose(resolved: ResolvedExercise, dose, note=None, where=None) -> ResolvedExercise:
    """The exercise with the keys of `dose` replacing the library's, and a note for this patient."""
    from ..model.exercise import DOSE_CONFLICTS

    exercise = resolved.exercise
    if dose is not None:
        changes = {f.name: getattr(dose, f.name) for f in dataclasses.fields(dose) if getattr(dose, f.name) is not None}
        for first, second, _ in DOSE_CONFLICTS:  # a key the programme gives replaces the library's other way
            if first in changes and second not in changes:
                changes[second] = None
            if second in changes and first not in changes:
                changes[first] = None
        changes.pop("where", None)
        exercise = dataclasses.replace(exercise, dose=dataclasses.replace(exercise.dose, **changes))
    return dataclasses.replace(resolved, exercise=exercise, note=note, where=where or resolved.where)


def _unknown(ref: ExerciseRef, language: str, index: LibraryIndex) -> Problem:
    languages = sorted(lang for (other, lang) in index.found if other == ref)
    if languages:
        return Problem(
            ref.where,
            f"exercise `{ref}` has no `{language}` version in {index.folder}",
            "found: " + ", ".join(languages) + f"; add `{ref}.{language}.yaml`",
        )
    ids = {other for (other, _) in index.found}
    hint = closest(ref, ids) or ("known exercises: " + ", ".join(sorted(ids)) if ids else None)
    return Problem(ref.where, f"unknown exercise `{ref}` (looked in {index.folder})", hint)
