"""Exercises inside a handout: one panel each with pictures, dose, steps and caution."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Spacer, Table, TableStyle

from ..labels import dose_words, label
from ..model.exercise import Exercise
from ..model.types import Id
from . import fonts, images
from .blocks import Context, _variant, paragraph, tint
from .markup import escape, inline

PICTURE_COLUMN = 58 * mm


def exercises_block(body: list[Id], ctx: Context) -> list[Flowable]:
    from ..library import exercises_for

    return [panel for exercise in exercises_for(body, ctx.language) for panel in _panel(exercise, ctx)]


def panel_texts(exercise: Exercise) -> list[str]:
    """What a panel prints, for the completeness check."""
    language = str(exercise.language)
    texts = [inline(exercise.name).plain, dose_words(language, exercise.dose)]
    texts += [inline(step).plain for step in exercise.steps]
    if exercise.caution:
        texts += [label(language, "caution"), inline(exercise.caution).plain]
    texts += [label(language, key) for key in ("start", "end") if getattr(exercise.images, key)]
    return texts


def _panel(exercise: Exercise, ctx: Context) -> list[Flowable]:
    size = ctx.layout.text.size
    language = ctx.language
    pictures_width = min(PICTURE_COLUMN, ctx.width * 0.4)
    text_width = ctx.width - pictures_width
    heading = ctx.color("heading")
    text: list[Flowable] = [ctx.para(exercise.name, "box_heading")]
    dose = dose_words(language, exercise.dose)
    if dose:
        text.append(
            paragraph(
                escape(dose),
                _variant(
                    ctx.styles.box_text, fontName=fonts.BOLD, textColor=ctx.color("accent"), spaceAfter=size * 0.3
                ),
            )
        )
    text.append(
        ListFlowable(
            [ListItem(ctx.para(step, "item")) for step in exercise.steps],
            bulletType="1",
            bulletFormat="%s",
            bulletFontName=fonts.BOLD,
            bulletFontSize=size,
            bulletColor=ctx.color("accent"),
            leftIndent=size * 1.4,
            bulletDedent=size * 1.3,
            bulletOffsetY=0,
        )
    )
    if exercise.caution:
        text.append(
            paragraph(
                f"<b>{escape(label(language, 'caution'))}:</b> "
                f"{inline(exercise.caution, ctx.layout.colors.heading).markup}",
                _variant(ctx.styles.small, textColor=ctx.color("warning")),
            )
        )
    table = Table([[_pictures(exercise, ctx, pictures_width - 4 * mm), text]], colWidths=[pictures_width, text_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), tint(heading, 0.94)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, heading),
                ("LEFTPADDING", (0, 0), (-1, -1), size * 0.6),
                ("RIGHTPADDING", (0, 0), (-1, -1), size * 0.6),
                ("TOPPADDING", (0, 0), (-1, -1), size * 0.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.5),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ]
        )
    )
    return [KeepTogether([table]), Spacer(1, size * 0.6)]


def _pictures(exercise: Exercise, ctx: Context, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    caption = _variant(
        ctx.styles.caption, fontName=fonts.REGULAR, alignment=1, textColor=HexColor(ctx.layout.colors.muted)
    )
    for key in ("start", "end"):
        picture = getattr(exercise.images, key)
        if picture is None:
            continue
        drawing = images.flowable(images.locate(picture.path), width, 26 * mm)
        drawing.hAlign = "CENTER"
        out += [drawing, paragraph(escape(label(ctx.language, key)), caption)]
    return out
