"""Exercises on a page: panels in handouts and detailed programmes, cells of a compact programme.

A panel keeps its name, pictures, dose, caution and first two steps together; when it does not
fit, it splits between later steps, and the rest goes on under its name and "(continued)".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ...model.views import Captioned, PanelView, PictureView
from ...text.colors import PANEL_BACKGROUND
from ...text.labels import label
from ...text.markup import escape, inline
from . import fonts, pictures
from .flow import Context, numbered, paragraph, styled, tint, variant

GAP = 4 * mm
KEEP_STEPS = 2  # steps that stay with the name, pictures and dose


@dataclass(frozen=True)
class PanelShape:
    """How a panel is laid out: pictures `beside` the dose (wide pages) or `above` the text."""

    arrangement: Literal["beside", "above"]
    picture_width: float  # each picture
    picture_height: float
    compact: bool = False  # a compact programme's cell: one smaller text size throughout


def panel_shape(ctx: Context, compact: bool = False) -> PanelShape:
    """Wide pages put the pictures beside the dose; large print, narrow columns and compact cells
    put them above the text, enlarged to the width there is."""
    width, size = ctx.width, ctx.layout.text.size
    inner = width - 2 * size * 0.6 - 3
    scale = ctx.picture_scale
    if not compact and size < 16 and width >= 150 * mm:
        picture = min(48 * mm, (inner * 0.6 - GAP) / 2) * scale
        return PanelShape("beside", picture, picture * 2 / 3)
    picture = min(90 * mm if not compact else 45 * mm, (inner - GAP) / 2) * scale
    return PanelShape("above", picture, picture * 2 / 3, compact)


TAIL_STEPS = 2  # a continuation carries at least this many steps (with the caution)


class ExercisePanel(Flowable):
    """One exercise, or the part of it from step `first` on (`first` > 0: a continuation)."""

    def __init__(self, panel: PanelView, ctx: Context, shape: PanelShape, first: int = 0, last: int | None = None):
        super().__init__()
        self.panel, self.ctx, self.shape = panel, ctx, shape
        self.first = first
        self.last = len(panel.steps) if last is None else last
        self._tables: dict[float, Table] = {}

    # -- what this piece holds -----------------------------------------------------------------

    @property
    def continued(self) -> bool:
        return self.first > 0

    @property
    def ends(self) -> bool:
        return self.last >= len(self.panel.steps)

    def _piece(self, first: int, last: int) -> ExercisePanel:
        return ExercisePanel(self.panel, self.ctx, self.shape, first, last)

    # -- Flowable --------------------------------------------------------------------------------

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        table = self._table(available_width)
        self.height = table.wrap(available_width, available_height)[1]
        return self.width, self.height

    def draw(self) -> None:
        table = self._table(self.width)
        table.wrap(self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def opening_height(self, width: float, height: float) -> float:
        """What must fit for the panel to start here: its head with the first steps."""
        head = self._piece(self.first, min(self.last, self.first + (1 if self.continued else KEEP_STEPS)))
        return head.wrap(width, height)[1]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.wrap(available_width, available_height)[1] <= available_height:
            return [self]
        least = self.first + (1 if self.continued else KEEP_STEPS)
        for cut in range(self.last - TAIL_STEPS, least - 1, -1):  # never one step alone over the page
            head = self._piece(self.first, cut)
            if head.wrap(available_width, available_height)[1] <= available_height:
                return [head, self._piece(cut, self.last)]
        return []  # not even the name with its first steps fits: start on the next page

    # -- layout ------------------------------------------------------------------------------------

    def _table(self, width: float) -> Table:
        table = self._tables.get(width)
        if table is None:
            table = self._tables[width] = self._build(width)
        return table

    def _build(self, width: float) -> Table:
        ctx, panel, shape = self.ctx, self.panel, self.shape
        size = _size(ctx, shape)
        name = ctx.para(panel.name, "box_heading", fontSize=size, leading=size * 1.3)
        if self.continued:
            more = f"({label(ctx.language, 'continued')})"
            name = paragraph(f"{inline(panel.name).markup} {escape(more)}", name.style)
        steps = self._steps(size)
        beside = shape.arrangement == "beside"
        # Beside the pictures the caution sits at the top of the panel, so a continuation ends with the note only.
        tail = (_note(panel, ctx, size) if beside else _caution_and_note(panel, ctx, size)) if self.ends else []
        pad = ctx.layout.text.size * 0.6
        inner = width - 2 * pad - 3
        if self.continued:
            rows: list[list] = [[[name, *steps, *tail]]]
        elif beside:
            pictures_width = 2 * shape.picture_width + GAP
            facts = [name, *_dose(panel, ctx, size), *_caution(panel, ctx, size)]
            top = Table(
                [[side_by_side(panel.pictures, ctx, shape, size), facts]],
                colWidths=[pictures_width + GAP, inner - pictures_width - GAP],
            )
            styled(top, _tight([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            rows = [[[top, Spacer(1, ctx.space(size * 0.3)), *steps, *tail]]]
        else:
            head = [name, side_by_side(panel.pictures, ctx, shape, size), *_dose(panel, ctx, size)]
            rows = [[[*head, *steps, *tail]]]
        table = Table(rows, colWidths=[width])
        heading = ctx.color("heading")
        styled(
            table,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), tint(heading, PANEL_BACKGROUND)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, heading),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
            ],
        )
        return table

    def _steps(self, size: float) -> list[Flowable]:
        ctx = self.ctx
        if self.first >= self.last:
            return []
        style = "compact_step" if self.shape.compact else "panel_step"
        paragraphs = [ctx.para(step, style) for step in self.panel.steps[self.first : self.last]]
        return [numbered(paragraphs, size, ctx.color("accent"), start=self.first + 1)]


def exercise_panel(panel: PanelView, ctx: Context, shape: PanelShape | None = None) -> list[Flowable]:
    """A panel and the space after it."""
    return [ExercisePanel(panel, ctx, shape or panel_shape(ctx)), Spacer(1, ctx.space(ctx.layout.text.size * 0.6))]


def _size(ctx: Context, shape: PanelShape) -> float:
    return ctx.styles.compact.fontSize if shape.compact else ctx.layout.text.size


def _dose(panel: PanelView, ctx: Context, size: float) -> list[Flowable]:
    if not panel.dose:
        return []
    style = variant(ctx.styles.box_text, fontName=fonts.BOLD, textColor=ctx.color("heading"), fontSize=size,
                    leading=size * 1.3, spaceAfter=size * 0.3)  # fmt: skip
    return [paragraph(escape(panel.dose), style)]


def _caution(panel: PanelView, ctx: Context, size: float) -> list[Flowable]:
    return _captioned(panel.caution, "warning", ctx, size)


def _note(panel: PanelView, ctx: Context, size: float) -> list[Flowable]:
    return _captioned(panel.note, "tip", ctx, size)


def _caution_and_note(panel: PanelView, ctx: Context, size: float) -> list[Flowable]:
    return [*_caution(panel, ctx, size), *_note(panel, ctx, size)]


def _captioned(part: Captioned | None, color: str, ctx: Context, size: float) -> list[Flowable]:
    if part is None:
        return []
    style = variant(ctx.styles.box_text, textColor=ctx.color(color), spaceBefore=4, fontSize=size, leading=size * 1.3)
    return [paragraph(captioned(part, ctx), style)]


def captioned(part: Captioned, ctx: Context) -> str:
    """ "<b>Take care:</b> text" as paragraph markup."""
    return f"<b>{escape(part.label)}:</b> {inline(part.text, ctx.layout.colors.heading).markup}"


def side_by_side(shown: tuple[PictureView, ...], ctx: Context, shape: PanelShape, size: float) -> Table | Spacer:
    """The pictures in a row, each with its caption under it."""
    if not shown:
        return Spacer(1, 0)
    caption = variant(ctx.styles.caption, fontName=fonts.REGULAR, alignment=1)
    cells = [pictures.flowable(p.picture, shape.picture_width, shape.picture_height) for p in shown]
    captions = [paragraph(escape(str(p.caption or "")), caption) for p in shown]
    table = Table([cells, captions], colWidths=[shape.picture_width + GAP] * len(shown), hAlign="LEFT")
    styled(
        table,
        _tight(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
            ]
        ),
    )
    return table


def _tight(commands: list[tuple]) -> list[tuple]:
    return [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *commands,
    ]


def compact_grid(panels: tuple[PanelView, ...], ctx: Context) -> list[Flowable]:
    """A compact programme: two exercises a row, each a cell with its pictures above its text."""
    gap = GAP
    column = (ctx.width - gap) / 2
    cell_ctx = replace(ctx, width=column)
    shape = panel_shape(cell_ctx, compact=True)
    rows = []
    for index in range(0, len(panels), 2):
        pair = [ExercisePanel(p, cell_ctx, shape) for p in panels[index : index + 2]]
        row = Table([[pair[0], "", pair[1] if len(pair) > 1 else ""]], colWidths=[column, gap, column])
        styled(row, _tight([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        if row.wrap(ctx.width, ctx.height)[1] > ctx.height:  # a row never splits: too tall, it goes as panels
            rows += [f for p in panels[index : index + 2] for f in exercise_panel(p, ctx)]
            continue
        rows += [row, Spacer(1, ctx.space(gap))]
    return rows
