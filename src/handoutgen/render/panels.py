"""Exercises on a page: panels (pictures, dose, steps, caution, a note) in handouts and programmes,
and the compact rows of a programme."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..labels import dose_words, label
from ..model.exercise import Exercise
from ..model.types import Id, Text
from . import fonts, images
from .blocks import Context, _variant, numbered, paragraph, stacked_height, styled, tint
from .markup import escape, inline

PICTURE_COLUMN = 58 * mm


def exercises_block(body: list[Id], ctx: Context) -> list[Flowable]:
    from ..library import exercises_for

    return [f for exercise in exercises_for(body, ctx.language) for f in exercise_panel(exercise, ctx)]


def panel_texts(exercise: Exercise, note: Text | None = None) -> list[str]:
    """What a panel (or a compact row) prints, for the completeness check."""
    language = str(exercise.language)
    texts = [inline(exercise.name).plain, dose_words(language, exercise.dose)]
    texts += [inline(step).plain for step in exercise.steps]
    if exercise.caution:
        texts += [label(language, "caution"), inline(exercise.caution).plain]
    if note:
        texts += [label(language, "note"), inline(note).plain]
    return texts


def exercise_panel(
    exercise: Exercise, ctx: Context, picture_height: float = 26 * mm, note: Text | None = None
) -> list[Flowable]:
    """Pictures beside the text; in a narrow column, or when that would not fit on a page,
    pictures above the text, in a panel that may then break between its pictures and its text."""
    size = ctx.layout.text.size
    picture_height *= size / 12  # large print gets larger pictures too
    heading = ctx.color("heading")
    text = [ctx.para(exercise.name, "box_heading"), *_dose_and_steps(exercise, ctx)]
    text += _caution_and_note(exercise, ctx, note)
    table = None
    if ctx.width >= 110 * mm:
        pictures_width = min(PICTURE_COLUMN * picture_height / (26 * mm), ctx.width * 0.42)
        table = Table(
            [[_pictures(exercise, ctx, pictures_width - 2 * size, picture_height), text]],
            colWidths=[pictures_width, ctx.width - pictures_width],
        )
        if stacked_height([table], ctx.width, ctx.height) > ctx.height * 0.9:
            table = None
    keep = table is not None
    if table is None:
        pictures = _pictures(exercise, ctx, ctx.width - 2 * size, picture_height * 0.8, side_by_side=True)
        table = Table([[pictures], [text]], colWidths=[ctx.width], splitInRow=1)
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("BACKGROUND", (0, 0), (-1, -1), tint(heading, 0.94)),
            ("LINEBEFORE", (0, 0), (0, -1), 3, heading),
            ("LEFTPADDING", (0, 0), (-1, -1), size * 0.6),
            ("RIGHTPADDING", (0, 0), (-1, -1), size * 0.6),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.5),
        ],
    )
    return [KeepTogether([table]) if keep else table, Spacer(1, size * 0.6)]


def compact_rows(exercises: list[tuple[Exercise, Text | None]], ctx: Context) -> list[Flowable]:
    """About six exercises a page: small pictures, then name, dose and steps, a row each.

    One table per exercise, so that a heading stays with the first row and pages break
    between exercises, never inside one.
    """
    size = ctx.layout.text.size
    picture_width = min(50 * mm, ctx.width * 0.32)
    out: list[Flowable] = []
    for exercise, note in exercises:
        text = [ctx.para(exercise.name, "box_heading"), *_dose_and_steps(exercise, ctx, compact=True)]
        text += _caution_and_note(exercise, ctx, note)
        pictures = _pictures(exercise, ctx, picture_width - 2 * mm, 20 * mm, side_by_side=True)
        row = Table([[pictures, text]], colWidths=[picture_width, ctx.width - picture_width])
        styled(
            row,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, ctx.color("rule")),
                ("LEFTPADDING", (0, 0), (-1, -1), size * 0.3),
                ("TOPPADDING", (0, 0), (-1, -1), size * 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.5),
            ],
        )
        out.append(row)
    return [*out, Spacer(1, size)]


def _dose_and_steps(exercise: Exercise, ctx: Context, compact: bool = False) -> list[Flowable]:
    size = ctx.layout.text.size
    out: list[Flowable] = []
    dose = dose_words(ctx.language, exercise.dose)
    if dose:
        base = ctx.styles.compact if compact else ctx.styles.box_text
        style = _variant(base, fontName=fonts.BOLD, textColor=ctx.color("heading"), spaceAfter=size * 0.3)
        out.append(paragraph(escape(dose), style))
    step_style = "item" if not compact else "compact"
    steps = [ctx.para(step, step_style) for step in exercise.steps]
    out.append(numbered(steps, size, ctx.color("accent"), number_size=size * (0.85 if compact else 1)))
    return out


def _caution_and_note(exercise: Exercise, ctx: Context, note: Text | None) -> list[Flowable]:
    out: list[Flowable] = []
    color = ctx.layout.colors.heading
    if exercise.caution:
        out.append(
            paragraph(
                f"<b>{escape(label(ctx.language, 'caution'))}:</b> {inline(exercise.caution, color).markup}",
                _variant(ctx.styles.box_text, textColor=ctx.color("warning"), spaceBefore=4),
            )
        )
    if note:
        out.append(
            paragraph(
                f"<b>{escape(label(ctx.language, 'note'))}:</b> {inline(note, color).markup}",
                _variant(ctx.styles.box_text, textColor=ctx.color("tip"), spaceBefore=4),
            )
        )
    return out


def _pictures(
    exercise: Exercise, ctx: Context, width: float, height: float, side_by_side: bool = False
) -> list[Flowable] | Table:
    caption = _variant(ctx.styles.caption, fontName=fonts.REGULAR, alignment=1)
    shown = [(key, p) for key in ("start", "end") if (p := getattr(exercise.images, key)) is not None]
    if side_by_side and shown:
        column = width / len(shown)
        cells = [images.flowable(images.locate(p.path), column - 1 * mm, height) for _, p in shown]
        table = Table([cells], colWidths=[column] * len(shown))
        styled(
            table,
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ],
        )
        return table
    out: list[Flowable] = []
    for key, picture in shown:
        drawing = images.flowable(images.locate(picture.path), width, height)
        drawing.hAlign = "CENTER"
        out += [drawing, paragraph(escape(label(ctx.language, key)), caption)]
    return out
