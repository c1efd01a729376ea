"""Exercises on a page: panels (pictures, dose, steps, caution, a note) in handouts and programmes,
and the compact rows of a programme."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ...model.views import Captioned, PanelView, PictureView
from ...text.markup import escape, inline
from . import fonts, pictures
from .flow import Context, numbered, paragraph, stacked_height, styled, tint, variant

PICTURE_COLUMN = 58 * mm


def exercise_panel(panel: PanelView, ctx: Context, picture_height: float = 26 * mm) -> list[Flowable]:
    """Pictures beside the text; in a narrow column, or when that would not fit on a page,
    pictures above the text, in a panel that may then break between its pictures and its text."""
    size = ctx.layout.text.size
    picture_height *= size / 12  # large print gets larger pictures too
    heading = ctx.color("heading")
    text = [ctx.para(panel.name, "box_heading"), *_dose_and_steps(panel, ctx)]
    text += _caution_and_note(panel, ctx)
    table = None
    if ctx.width >= 110 * mm:
        pictures_width = min(PICTURE_COLUMN * picture_height / (26 * mm), ctx.width * 0.42)
        table = Table(
            [[_stacked_pictures(panel.pictures, ctx, pictures_width - 2 * size, picture_height), text]],
            colWidths=[pictures_width, ctx.width - pictures_width],
        )
        if stacked_height([table], ctx.width, ctx.height) > ctx.height * 0.9:
            table = None
    keep = table is not None
    if table is None:
        row = side_by_side(panel.pictures, ctx, ctx.width - 2 * size, picture_height * 0.8)
        table = Table([[row], [text]], colWidths=[ctx.width], splitInRow=1)
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


def compact_rows(panels: tuple[PanelView, ...], ctx: Context) -> list[Flowable]:
    """Small pictures, then name, dose and steps, a row each.

    One table per exercise, so that a heading stays with the first row and pages break
    between exercises, never inside one.
    """
    size = ctx.layout.text.size
    picture_width = min(50 * mm, ctx.width * 0.32)
    out: list[Flowable] = []
    for panel in panels:
        text = [ctx.para(panel.name, "box_heading"), *_dose_and_steps(panel, ctx, compact=True)]
        text += _caution_and_note(panel, ctx)
        row = Table(
            [[side_by_side(panel.pictures, ctx, picture_width - 2 * mm, 20 * mm), text]],
            colWidths=[picture_width, ctx.width - picture_width],
        )
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


def _dose_and_steps(panel: PanelView, ctx: Context, compact: bool = False) -> list[Flowable]:
    size = ctx.layout.text.size
    out: list[Flowable] = []
    if panel.dose:
        base = ctx.styles.compact if compact else ctx.styles.box_text
        style = variant(base, fontName=fonts.BOLD, textColor=ctx.color("heading"), spaceAfter=size * 0.3)
        out.append(paragraph(escape(panel.dose), style))
    step_style = "item" if not compact else "compact"
    steps = [ctx.para(step, step_style) for step in panel.steps]
    out.append(numbered(steps, size, ctx.color("accent"), number_size=size * (0.85 if compact else 1)))
    return out


def _caution_and_note(panel: PanelView, ctx: Context) -> list[Flowable]:
    out: list[Flowable] = []
    for part, color in ((panel.caution, "warning"), (panel.note, "tip")):
        if part is not None:
            out.append(
                paragraph(captioned(part, ctx), variant(ctx.styles.box_text, textColor=ctx.color(color), spaceBefore=4))
            )
    return out


def captioned(part: Captioned, ctx: Context) -> str:
    """ "<b>Take care:</b> text" as paragraph markup."""
    return f"<b>{escape(part.label)}:</b> {inline(part.text, ctx.layout.colors.heading).markup}"


def _caption_style(ctx: Context):
    return variant(ctx.styles.caption, fontName=fonts.REGULAR, alignment=1)


def side_by_side(shown: tuple[PictureView, ...], ctx: Context, width: float, height: float) -> Table | Spacer:
    """The pictures in a row, each with its caption under it."""
    if not shown:
        return Spacer(width, 0)
    column = width / len(shown)
    cells = [pictures.flowable(p.picture, column - 1 * mm, height) for p in shown]
    captions = [paragraph(escape(str(p.caption or "")), _caption_style(ctx)) for p in shown]
    table = Table([cells, captions], colWidths=[column] * len(shown))
    styled(
        table,
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("TOPPADDING", (0, 1), (-1, 1), 1),
        ],
    )
    return table


def _stacked_pictures(shown: tuple[PictureView, ...], ctx: Context, width: float, height: float) -> list[Flowable]:
    out: list[Flowable] = []
    for picture in shown:
        drawing = pictures.flowable(picture.picture, width, height)
        drawing.hAlign = "CENTER"
        out += [drawing, paragraph(escape(str(picture.caption or "")), _caption_style(ctx))]
    return out
