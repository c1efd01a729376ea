"""`handoutgen library list | search | show | sheet`: find exercises and look at them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import HandoutError
from .common import EXIT_BAD_INPUT, Commands, main, project, report_errors, say


def _library_folder(given: Path | None) -> Path:
    """`--library`, else the `exercises/` folder of the project's content, else handouts/exercises."""
    from ..resolve.project import shown

    if given is not None:
        if not given.is_dir():
            raise HandoutError.at(None, f"--library {given}: no such folder")
        return given
    settings = project()
    candidates = [folder / "exercises" for folder in settings.content] if settings else []
    for candidate in [*candidates, Path("handouts/exercises")]:
        if candidate.is_dir():
            return shown(candidate)
    raise HandoutError.at(None, "no exercise library here (looked for handouts/exercises)", "name one with --library")


LIBRARY = click.option(
    "--library",
    "folder",
    type=click.Path(path_type=Path),
    help="The library folder [default: exercises/ in the project's content, or handouts/exercises].",
)
LANGUAGE = click.option("--language", default="en", show_default=True, metavar="LANG", help="Which language version.")


@main.group(cls=Commands)
def library() -> None:
    """Find exercises in the library by region, goal, equipment, position and level, and look at them.

    \b
      handoutgen library search --region knee --has band      knee exercises needing at most a band
      handoutgen library search hip --goal mobility --json    for scripts
      handoutgen library show squat --language es --preview squat.png
      handoutgen library sheet -o out/pictures.pdf            every picture, to look over
    """


def _filters(text, region, goal, uses, has, position, category, difficulty, language):
    from ..authoring.library import Filters, checked
    from ..model.types import LANGUAGES

    if language not in LANGUAGES:
        from ..errors import closest

        raise HandoutError.at(None, f"--language `{language}` is not a content language", closest(language, LANGUAGES))
    return Filters(
        text=" ".join(text),
        region=checked("region", region),
        goal=checked("goal", goal),
        uses=checked("equipment", uses),
        has=checked("equipment", has) if has else None,
        position=checked("position", position),
        category=checked("category", category),
        difficulty=difficulty,
        language=language,
    )


def _listed(folder: Path | None, filters, as_json: bool) -> None:
    from ..authoring.library import search, table

    broken: list = []
    try:
        entries = search(_library_folder(folder), filters, broken)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    _warn(broken)
    if as_json:
        click.echo(json.dumps([entry.row() for entry in entries], indent=2, ensure_ascii=False))
        return
    if entries:
        click.echo(table(entries))
    say(f"{len(entries)} exercise{'s' if len(entries) != 1 else ''}")


@library.command("search")
@click.argument("text", nargs=-1)
@click.option("--region", multiple=True, help="hip, glutes, thigh, knee, calf, ankle-foot, lower-back, core, "
              "upper-back, shoulder or neck (repeat for any of several).")  # fmt: skip
@click.option("--goal", multiple=True, help="mobility, strength, balance, endurance, warm-up or recovery.")
@click.option("--uses", multiple=True, metavar="EQUIPMENT", help="Only exercises that use this (a band, a step...).")
@click.option(
    "--has",
    multiple=True,
    metavar="EQUIPMENT",
    help="What the patient has: only exercises that need nothing else (repeat: --has band --has mat).",
)
@click.option("--position", multiple=True, help="lying, sitting, kneeling or standing.")
@click.option("--category", multiple=True, help="stretch, strength, mobility, release or drill.")
@click.option("--difficulty", multiple=True, type=click.IntRange(1, 3), help="1, 2 or 3.")
@LANGUAGE
@LIBRARY
@click.option("--json", "as_json", is_flag=True, help="Print the exercises found as JSON.")
def search_command(text, region, goal, uses, has, position, category, difficulty, language, folder, as_json) -> None:
    """Exercises matching every filter given (and every word of TEXT, in their names and steps)."""
    try:
        filters = _filters(text, region, goal, uses, has, position, category, difficulty, language)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    _listed(folder, filters, as_json)


@library.command("list")
@LANGUAGE
@LIBRARY
@click.option("--json", "as_json", is_flag=True, help="Print the exercises as JSON.")
def list_command(language: str, folder: Path | None, as_json: bool) -> None:
    """Every exercise of the library."""
    try:
        filters = _filters((), (), (), (), (), (), (), (), language)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    _listed(folder, filters, as_json)


@library.command("show")
@click.argument("ident", metavar="ID")
@LANGUAGE
@LIBRARY
@click.option("--preview", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.png",
              help="Also draw the exercise as a card, to a PNG.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the exercise as JSON.")
def show_command(ident: str, language: str, folder: Path | None, preview: Path | None, as_json: bool) -> None:
    """One exercise as text: its metadata, dose, steps and caution (and, with --preview, its card)."""
    from ..authoring.library import described, library_entries

    try:
        broken: list = []
        entries = {str(e.exercise.exercise): e for e in library_entries(_library_folder(folder), language, broken)}
        if ident not in entries and any(ident in str(getattr(p.where, "file", "")) for p in broken):
            raise HandoutError([p for p in broken if ident in str(getattr(p.where, "file", ""))])
        if ident not in entries:
            from ..errors import closest

            raise HandoutError.at(None, f"no exercise `{ident}` in {language}", closest(ident, entries))
        entry = entries[ident]
        if preview is not None:
            _card_png(entry.path, preview)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(json.dumps(entry.row(), indent=2, ensure_ascii=False) if as_json else described(entry))
    if preview is not None:
        say(f"wrote {preview}")


def _warn(broken: list) -> None:
    """Library files that do not load, each said once as a warning: the others still list."""
    for problem in dict.fromkeys(broken):
        click.echo(problem.format("warning"), err=True)


def _card_png(path: Path, target: Path) -> None:
    from .. import api
    from ..authoring.preview import render_pngs

    if target.suffix.lower() != ".png":
        raise HandoutError.at(None, f"--preview {target}: name a .png file")
    pdf = api.build(path, layout="cards-a6", one_per_page=True)
    written = render_pngs(pdf, (1, 1), 150, target.parent, target.stem + ".card")
    written[0].replace(target)


@library.command("sheet")
@LANGUAGE
@LIBRARY
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("out/library-pictures.pdf"),
    show_default=True,
    help="The PDF to write.",
)
@click.option("--width", type=click.IntRange(20, 80), default=30, show_default=True, help="Printed width, in mm.")
def sheet_command(language: str, folder: Path | None, output: Path, width: int) -> None:
    """Every picture of the library at the size cards print it, with its exercise's id: to check
    that each reads at a glance."""
    from ..authoring.library import library_entries
    from ..authoring.sheet import contact_sheet

    broken: list = []
    try:
        if output.suffix.lower() != ".pdf":
            raise HandoutError.at(None, f"-o {output}: the contact sheet is a PDF; name a .pdf file")
        entries = library_entries(_library_folder(folder), language, broken)
        contact_sheet(entries, output, width)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    _warn(broken)
    say(f"wrote {output} ({len(entries)} exercises)")
