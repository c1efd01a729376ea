"""`handoutgen library`: the exercise library found, filtered and shown.

Every filter value is checked against its field's vocabulary, with the same did-you-mean hints
as a file. `--has` is what the patient has at home: an exercise qualifies when it needs nothing
else (`none` counts as nothing).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError, closest
from ..model.exercise import Equipment, Exercise, Goal, Region
from ..text.dose import dose_words
from ..text.labels import label

FIELDS: dict[str, tuple[str, ...]] = {
    "region": typing.get_args(Region),
    "goal": typing.get_args(Goal),
    "equipment": typing.get_args(Equipment),
    "position": ("lying", "sitting", "kneeling", "standing"),
    "category": typing.get_args(typing.get_type_hints(Exercise)["category"]),
}


@dataclass(frozen=True)
class Filters:
    text: str = ""
    region: tuple[str, ...] = ()  # any of these
    goal: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()  # uses every one of these
    has: tuple[str, ...] | None = None  # needs nothing beyond these
    position: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    language: str = "en"

    def matches(self, exercise: Exercise) -> bool:
        needs = {str(e) for e in exercise.equipment} - {"none"}
        return (
            _any(self.region, exercise.regions)
            and _any(self.goal, exercise.goals)
            and set(self.uses) <= needs
            and (self.has is None or needs <= set(self.has))
            and (not self.position or exercise.position in self.position)
            and (not self.category or exercise.category in self.category)
            and (not self.difficulty or exercise.difficulty in self.difficulty)
            and _words_match(self.text, exercise)
        )


def _any(wanted: tuple[str, ...], found) -> bool:
    return not wanted or bool(set(wanted) & {str(f) for f in found})


def _words_match(text: str, exercise: Exercise) -> bool:
    """Every word of `text` in the exercise's id, name, targets, steps or tips."""
    if not text.strip():
        return True
    parts = [exercise.exercise, exercise.name, *exercise.targets, *exercise.steps, *exercise.tips, exercise.caution]
    haystack = " ".join(str(part) for part in parts if part).casefold()
    return all(word in haystack for word in text.casefold().split())


def checked(name: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """Filter values of field `name`, each one of its vocabulary, or a HandoutError with a hint."""
    allowed = FIELDS[name]
    for value in values:
        if value not in allowed:
            hint = closest(value, allowed) or "one of: " + ", ".join(f"`{a}`" for a in allowed)
            article = "an" if name[0] in "aeiou" else "a"
            raise HandoutError.at(None, f"--{name} `{value}` is not {article} {name} of the library", hint)
    return values


@dataclass
class Entry:
    """One exercise of the library in one language, as `library` lists it."""

    exercise: Exercise
    path: Path
    languages: list[str] = field(default_factory=list)

    def row(self) -> dict[str, object]:
        e = self.exercise
        return {
            "id": str(e.exercise),
            "name": str(e.name),
            "language": str(e.language),
            "languages": self.languages,
            "category": e.category,
            "position": e.position,
            "regions": [str(r) for r in e.regions],
            "goals": [str(g) for g in e.goals],
            "equipment": [str(q) for q in e.equipment],
            "difficulty": e.difficulty,
            "easier": str(e.easier) if e.easier else None,
            "harder": str(e.harder) if e.harder else None,
            "dose": dose_words(str(e.language), e.dose),
            "file": str(self.path),
        }


def library_entries(folder: Path, language: str, broken: list | None = None) -> list[Entry]:
    """Every exercise of the library folder in `language` that loads, sorted by id; the problems
    of those that do not go into `broken` (when given), so one bad file hides only itself."""
    from ..resolve.library import library_index, load_exercise

    index = library_index(folder)
    if broken is not None:
        broken += [p for error in index.broken.values() for p in error.problems]
    languages: dict[str, list[str]] = {}
    for ident, lang in sorted(index.found):
        languages.setdefault(ident, []).append(lang)
    entries = []
    for (ident, lang), path in sorted(index.found.items()):
        if lang == language:
            try:
                exercise, _, _ = load_exercise(path)
            except HandoutError as error:
                if broken is not None:
                    broken += error.problems
                continue
            entries.append(Entry(exercise, path, languages[ident]))
    return entries


def search(folder: Path, filters: Filters, broken: list | None = None) -> list[Entry]:
    found = library_entries(folder, filters.language, broken)
    return [entry for entry in found if filters.matches(entry.exercise)]


def table(entries: list[Entry]) -> str:
    """A table for a terminal: id, name, regions, equipment, level, position."""
    rows = [["id", "name", "regions", "needs", "level", "position"]]
    for entry in entries:
        e = entry.exercise
        needs = [str(q) for q in e.equipment if q != "none"]
        rows.append(
            [
                str(e.exercise),
                str(e.name),
                ", ".join(map(str, e.regions)),
                ", ".join(needs) or "nothing",
                str(e.difficulty or ""),
                e.position or "",
            ]
        )
    widths = [min(32, max(len(row[i]) for row in rows)) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell[:width].ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def described(entry: Entry) -> str:
    """An exercise as text: what a clinician reads before choosing it."""
    e, language = entry.exercise, str(entry.exercise.language)
    needs = [label(language, f"equipment_{q}") for q in e.equipment if q != "none"]
    lines = [
        f"{e.name}  ({e.exercise}, {language}; also in: {', '.join(entry.languages)})",
        f"  {label(language, e.category)}" + (f" · {label(language, e.position)}" if e.position else ""),
        f"  regions: {', '.join(map(str, e.regions)) or '-'}   goals: {', '.join(map(str, e.goals)) or '-'}",
        f"  needs: {', '.join(needs) or '-'}   difficulty: {e.difficulty or '-'}",
    ]
    if e.easier or e.harder:
        lines.append(f"  easier: {e.easier or '-'}   harder: {e.harder or '-'}")
    dose = dose_words(language, e.dose)
    if dose:
        lines.append(f"  dose: {dose}")
    lines += [f"  {number}. {step}" for number, step in enumerate(e.steps, start=1)]
    if e.caution:
        lines.append(f"  {label(language, 'caution')}: {e.caution}")
    lines.append(f"  file: {entry.path}")
    return "\n".join(lines)
