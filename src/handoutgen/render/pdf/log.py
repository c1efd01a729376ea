"""The tick-box log, for a programme's exercises and a handout's `log` block."""

from __future__ import annotations

from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ...model.views import LogView
from ...text.colors import LOG_SHADE
from ...text.markup import escape, inline
from . import fonts
from .flow import Context, paragraph, stacked_height, styled, tint, variant


def log_flowables(log: LogView, ctx: Context, heading_style: str, outline: str | None = None) -> list[Flowable]:
    """Tick boxes: a row per exercise (or thing to do), a column per day, as many weeks side by
    side as fit across the page; day names turn on their side when even the smallest text is too
    wide for a box. The heading, its hint and the first week stay together."""
    size, smallest = ctx.layout.text.size, ctx.layout.text.smallest
    days = [str(day) for day in log.days]
    widest = max(stringWidth(day, fonts.BOLD, size) for day in days)
    names = [ctx.para(name, "box_text") for name in log.rows]
    narrowest = max(7 * mm, max(stringWidth(day, fonts.BOLD, smallest) for day in days) + 3)
    whole_names = max(stringWidth(inline(name).plain, fonts.REGULAR, size) for name in log.rows) + 14
    longest = max(n.minWidth() for n in names) + 14
    name_width = max(longest, 28 * mm, min(whole_names, ctx.width - 7 * narrowest, ctx.width * 0.45))
    name_width = min(name_width, ctx.width - 7 * max(5 * mm, size * 0.9))  # a week's boxes always fit
    two_weeks = ctx.width - 14 * narrowest
    if len(log.weeks) > 1 and two_weeks >= max(longest, 28 * mm):  # long names wrap rather than halve the log
        name_width = min(name_width, two_weeks)
    room = ctx.width - name_width
    per_table = max(1, min(len(log.weeks), int(room // (7 * narrowest))))
    box = room / (7 * per_table)  # the log spans the frame: big boxes are easy to tick
    upright = max(stringWidth(day, fonts.BOLD, smallest) for day in days) + 3 <= box
    day_size = max(min(size, size * (box - 3) / widest), smallest)
    day_style = variant(ctx.styles.table_head, alignment=1, fontSize=day_size, leading=day_size * 1.2)
    heading = ctx.para(log.heading, heading_style)
    if outline is not None:
        heading.outline = (inline(log.heading).plain, outline)
    tables = []
    for first in range(0, len(log.weeks), per_table):
        weeks = log.weeks[first : first + per_table]
        week_row = [""] + [
            cell for week in weeks for cell in (paragraph(f"<b>{escape(week)}</b>", ctx.styles.table_head), *[""] * 6)
        ]
        day_row = [""] + [_day(day, day_style, upright, box) for _ in weeks for day in days]
        name_cells = [ctx.para(name, "box_text") for name in log.rows]
        heights = [max(box, n.wrap(name_width - 12, ctx.height)[1] + 8) for n in name_cells]
        rows = [[name, *[""] * (7 * len(weeks))] for name in name_cells]
        table = Table(
            [week_row, day_row, *rows],
            colWidths=[name_width, *[box] * (7 * len(weeks))],
            rowHeights=[None, None, *heights],
        )
        spans = [("SPAN", (1 + 7 * i, 0), (7 * (i + 1), 0)) for i in range(len(weeks))]
        lines = [
            ("LINEAFTER", (7 * (i + 1), 0), (7 * (i + 1), -1), 1.6, ctx.color("heading")) for i in range(len(weeks) - 1)
        ]
        styled(
            table,
            [
                *spans,
                ("BACKGROUND", (1, 0), (-1, 1), ctx.color("heading")),
                ("TEXTCOLOR", (0, 0), (-1, 1), white),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (1, 0), (-1, -1), 1),
                ("LEFTPADDING", (1, 0), (-1, 0), size * 0.4),  # "Week 1" clear of the cell's edge
                ("RIGHTPADDING", (1, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("GRID", (1, 2), (-1, -1), 0.8, ctx.color("muted")),
                ("LINEBELOW", (0, 2), (0, -1), 0.5, ctx.color("rule")),
                ("BACKGROUND", (1, 2), (-1, -1), tint(ctx.color("summary"), LOG_SHADE)),
                *lines,
            ],
        )
        tables.append([table, Spacer(1, ctx.space(size))])
    intro = [heading, ctx.para(log.hint, "small"), Spacer(1, ctx.space(4))]
    whole = [*intro, *(f for table in tables for f in table)]
    if stacked_height(whole, ctx.width, ctx.height) <= ctx.height * 0.5:  # a small log stays whole
        return [KeepTogether(whole)]
    # A longer log goes a week at a time; each week's own header row ("Week 2") says what it is.
    return [KeepTogether([*intro, *tables[0]]), *(KeepTogether(table) for table in tables[1:])]


def _day(day: str, style, upright: bool, box: float) -> Flowable:
    if upright:
        return paragraph(f"<b>{escape(day)}</b>", style)
    return SidewaysLabel(day, style.fontSize, box)


class SidewaysLabel(Flowable):
    """A day name on its side, for a log whose day columns are narrower than the word."""

    def __init__(self, text: str, size: float, box: float) -> None:
        super().__init__()
        self.text, self.size = text, size
        self.width, self.height = box - 2, stringWidth(text, fonts.BOLD, size) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(fonts.BOLD, self.size)
        canvas.setFillColor(white)
        canvas.translate(self.width / 2 + self.size * 0.35, 2)
        canvas.rotate(90)
        canvas.drawString(0, 0, self.text)
        canvas.restoreState()
