"""Handout blocks (their views) to ReportLab flowables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ...errors import HandoutError
from ...model import handout as m
from ...model.views import BlockView, CalloutView, ImageView, ListView, LogView, QrView, SectionView
from ...text.colors import TABLE_STRIPE, TONE_BACKGROUND
from ...text.markup import attr, escape, inline
from . import fonts, pictures
from .flow import Context, boxed, bulleted, numbered, paragraph, stays_with_next, styled, tint
from .log import log_flowables
from .panels import exercise_panel
from .qr import QrCode


def text_block(body: m.Text, ctx: Context) -> list[Flowable]:
    paragraph = ctx.para(body)
    paragraph.lead_in = str(body).rstrip().endswith(":")  # it introduces what follows: never left alone
    return [paragraph]


def bullet_list(items: tuple[m.Text, ...], ctx: Context) -> Flowable:
    """All bullets as one flowable (inside boxes, which do not split anyway)."""
    return bulleted([ctx.para(item, "item") for item in items], ctx.layout.text.size, ctx.color("accent"))


def bullets_block(body: tuple[m.Text, ...], ctx: Context) -> list[Flowable]:
    # One list per item, so a page can break between items and a heading can be kept
    # with the first item (ReportLab will not keep a heading with a whole list).
    size = ctx.layout.text.size
    items = [KeepTogether([bulleted([ctx.para(item, "item")], size, ctx.color("accent"))]) for item in body]
    return [*items, Spacer(1, ctx.space(size * 0.4))]


def steps_block(body: tuple[m.Step, ...], ctx: Context) -> list[Flowable]:
    size = ctx.layout.text.size
    items: list[Flowable] = []
    for number, step in enumerate(body, start=1):
        text = inline(step.text, ctx.layout.colors.heading).markup
        if step.title:
            title = inline(step.title, ctx.layout.colors.heading).markup
            text = f"<b>{title}</b><br/>{text}"
        item = numbered([paragraph(text, ctx.styles.step)], size, ctx.color("accent"), start=number,
                        number_size=size * 1.15, indent=1.8)  # fmt: skip
        items.append(KeepTogether([item]))  # a step is never split over two pages
    return [*items, Spacer(1, ctx.space(size * 0.3))]


def checklist_block(body: tuple[m.Text, ...], ctx: Context) -> list[Flowable]:
    """A tick box before each item, drawn (not a glyph, which a font may lack). A short list stays
    whole; a long one breaks between items, never leaving one alone at either end."""
    size = ctx.layout.text.size
    side = size * 0.95
    rows = []
    for item in body:
        row = Table([[TickBox(side, ctx.color("heading")), ctx.para(item, "item")]], colWidths=[side * 2, None])
        styled(row, [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                     ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.3)])  # fmt: skip
        rows.append(row)
    if len(rows) <= SHORT_LIST:
        return [KeepTogether(rows), Spacer(1, ctx.space(size * 0.4))]
    return [KeepTogether(rows[:2]), *rows[2:-2], KeepTogether(rows[-2:]), Spacer(1, ctx.space(size * 0.4))]


SHORT_LIST = 8  # items a checklist keeps on one page


class TickBox(Flowable):
    """An empty square for a pen: as tall as a capital letter of the text beside it."""

    def __init__(self, side: float, color) -> None:
        super().__init__()
        self.side, self.color = side, color
        self.width = self.height = side

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side * 1.2, self.side * 1.15

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(1.1)
        self.canv.rect(0, self.side * 0.05, self.side, self.side, stroke=1, fill=0)


def log_block(body: LogView, ctx: Context) -> list[Flowable]:
    return log_flowables(body, ctx, "box_heading")


def faq_block(body: tuple[m.FaqItem, ...], ctx: Context) -> list[Flowable]:
    return [KeepTogether([ctx.para(item.q, "question"), ctx.para(item.a, "answer")]) for item in body]


def callout_block(body: CalloutView, ctx: Context) -> list[Flowable]:
    size = ctx.layout.text.size
    tone = ctx.color(body.tone)
    cell = [ctx.para(body.heading, "box_heading", textColor=tone), ctx.para(body.text, "box_text")]
    return [boxed(cell, ctx, background=tint(tone, TONE_BACKGROUND), bar=tone), Spacer(1, ctx.space(size * 0.7))]


def summary_box(summary: ListView, ctx: Context) -> Flowable:
    cell = [ctx.para(summary.heading, "box_heading"), bullet_list(summary.items, ctx)]
    return boxed(cell, ctx, background=ctx.color("summary"), bar=ctx.color("heading"))


def table_block(body: m.Table, ctx: Context) -> list[Flowable]:
    size = ctx.layout.text.size
    pad = size * 0.5
    widths = _column_widths(body, ctx, pad)
    head = [ctx.para(cell, "table_head") for cell in body.header]
    rows = [[ctx.para(cell, "table_cell") for cell in row] for row in body.rows]
    table = Table([head, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), ctx.color("heading")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, ctx.color("rule")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.9),
    ]
    style += [
        ("BACKGROUND", (0, r), (-1, r), tint(ctx.color("summary"), TABLE_STRIPE)) for r in range(2, len(rows) + 1, 2)
    ]
    styled(table, style)
    out: list[Flowable] = []
    if body.caption:
        caption = ctx.para(body.caption, "box_heading")
        caption.lead_in = True  # it stays with the table's first rows
        out.append(caption)
    if len(rows) <= SHORT_TABLE:  # a few rows read as one thing: never a header over a single row
        return [KeepTogether([*out, table]), Spacer(1, ctx.space(size * 0.8))]
    return [*out, table, Spacer(1, ctx.space(size * 0.8))]


SHORT_TABLE = 6  # body rows a table keeps on one page


def _column_widths(body: m.Table, ctx: Context, pad: float) -> list[float]:
    """Fit columns to the frame: each gets its longest word, the rest goes by text length."""
    size = ctx.layout.text.size
    columns = list(zip(body.header, *body.rows, strict=True))
    least, most = [], []
    for number, cells in enumerate(columns):
        faces = [fonts.BOLD] + [fonts.REGULAR] * (len(cells) - 1)  # the header row is bold
        words = [(w, face) for cell, face in zip(cells, faces, strict=True) for w in inline(cell).plain.split()]
        widest = max((stringWidth(w, f, size) for w, f in words), default=0)
        whole = max(stringWidth(inline(c).plain, f, size) for c, f in zip(cells, faces, strict=True))
        least.append(widest + 2 * pad + 1)
        most.append(max(whole, widest) + 2 * pad + 1)
        if sum(least) > ctx.width:
            word = max(words, key=lambda wf: stringWidth(wf[0], wf[1], size))[0]
            raise HandoutError.at(
                body.where,
                f"table is too wide for the page: its first {number + 1} columns already need "
                f"{sum(least) / mm:.0f} mm for their longest words (such as `{word}`); "
                f"the text column is {ctx.width / mm:.0f} mm",
                "use fewer columns, shorter words, or a wider or landscape layout",
            )
    spare = ctx.width - sum(least)
    stretch = [b - a for a, b in zip(least, most, strict=True)]
    total = sum(stretch) or 1
    return [a + spare * s / total for a, s in zip(least, stretch, strict=True)]


def image_block(body: ImageView, ctx: Context) -> list[Flowable]:
    max_width = min(body.width or ctx.width, ctx.width)
    picture = pictures.flowable(
        body.picture.picture, max_width * ctx.picture_scale, ctx.height * 0.45 * ctx.picture_scale
    )
    picture.hAlign = "CENTER"
    out: list[Flowable] = [picture]
    if body.picture.caption:
        out.append(ctx.para(body.picture.caption, "caption", alignment=1))
    return [KeepTogether(out) if len(out) > 1 else picture, Spacer(1, ctx.space(ctx.layout.text.size * 0.8))]


def qr_block(body: QrView, ctx: Context) -> list[Flowable]:
    side = 28 * mm
    drawing = QrCode(body.url, side)
    link = f'<a href="{attr(body.url)}" color="{ctx.layout.colors.heading}"><u>{escape(body.address)}</u></a>'
    text = [ctx.para(body.label, "box_heading"), paragraph(f"{escape(body.scan)}: {link}", ctx.styles.small)]
    table = Table([[drawing, text]], colWidths=[side + 6 * mm, ctx.width - side - 6 * mm])
    styled(table, [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [table, Spacer(1, ctx.space(ctx.layout.text.size * 0.8))]


def exercises_block(body: tuple, ctx: Context) -> list[Flowable]:
    return [f for panel in body for f in exercise_panel(panel, ctx)]


RENDERERS: dict[str, Callable[[Any, Context], list[Flowable]]] = {
    "text": text_block,
    "bullets": bullets_block,
    "steps": steps_block,
    "faq": faq_block,
    "callout": callout_block,
    "image": image_block,
    "qr": qr_block,
    "table": table_block,
    "exercises": exercises_block,
    "checklist": checklist_block,
    "log": log_block,
}


def block_flowables(block: BlockView, ctx: Context) -> list[Flowable]:
    flowables = RENDERERS[block.kind](block.body, ctx)
    for flowable in flowables:  # so that "too big for a page" can name the block
        flowable.__dict__["source_where"] = block.where  # (drawings refuse unknown attributes otherwise)
    return flowables


def section_flowables(section: SectionView, ctx: Context) -> list[Flowable]:
    """A heading and its blocks. The heading stays with the opening of what follows (the first
    lines, the first item, an exercise's head), and so does a lead-in ending in a colon."""
    head = _heading(section, ctx)
    body = [f for block in section.blocks for f in block_flowables(block, ctx)]
    if not body:
        return [head]
    if getattr(body[0], "lead_in", False) and len(body) > 1:  # heading, lead-in and its opening as one
        out = stays_with_next(head, body[1], ctx, between=(body[0],))
    else:
        out = stays_with_next(head, body[0], ctx)
    for index, flowable in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if getattr(flowable, "lead_in", False) and following is not None:
            out += stays_with_next(flowable, following, ctx)
        else:
            out.append(flowable)
    return out


def _heading(section: SectionView, ctx: Context) -> Paragraph:
    head = ctx.para(section.title, "heading", keepWithNext=0)
    head.outline = (inline(section.title).plain, section.key)  # read by the document to add a bookmark
    return head
