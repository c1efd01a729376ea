"""Content blocks to ReportLab flowables."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..errors import HandoutError
from ..labels import label
from ..model import handout as m
from ..model.layout import Layout
from . import fonts, images
from .markup import attr, escape, inline
from .styles import Styles


@dataclass
class Context:
    layout: Layout
    styles: Styles
    language: str
    width: float  # width of the text column, points
    height: float  # height of the text frame, points

    def color(self, name: str) -> Color:
        return HexColor(getattr(self.layout.colors, name))

    def para(self, text: str, style_name: str = "body", **overrides: Any) -> Paragraph:
        style = getattr(self.styles, style_name)
        if overrides:
            style = _variant(style, **overrides)
        return paragraph(inline(text, self.layout.colors.heading).markup, style)


_PARSED: dict[tuple[str, int], tuple[Any, list[Any]]] = {}


def paragraph(markup: str, style: Any) -> Paragraph:
    """A Paragraph whose markup is parsed once per process (parsing is a fifth of a build).

    Keyed by the style object, which the cache entry keeps alive so that its id is never
    reused by another style. Styles are made once per layout (see styles.py).
    """
    if "<i>" in markup or style.fontName == fonts.ITALIC:
        fonts.register(italic=True)  # cached: loads the italic faces the first time any text needs them
    if getattr(style, "one_off", False):
        return Paragraph(markup, style)
    key = (markup, id(style))
    cached = _PARSED.get(key)
    if cached is not None:
        return Paragraph(markup, style, frags=cached[1])
    if len(_PARSED) > 20_000:
        _PARSED.clear()
    made = Paragraph(markup, style)
    _PARSED[key] = (style, made.frags)
    return made


def _variant(style: Any, **overrides: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    variant = ParagraphStyle(style.name + "+", parent=style, **overrides)
    variant.one_off = True  # not worth caching parsed text for
    return variant


def numbered(
    paragraphs: list[Flowable],
    size: float,
    color: Color,
    start: int = 1,
    number_size: float | None = None,
    indent: float = 1.4,
) -> ListFlowable:
    """A numbered list in the accent colour; every list of steps in handouts, panels and cards.
    `indent` is the text's indent in multiples of `size`; numbers sit just left of it."""
    return ListFlowable(
        [ListItem(p) for p in paragraphs],
        bulletType="1",
        start=start,
        bulletFormat="%s",
        bulletFontName=fonts.BOLD,
        bulletFontSize=number_size or size,
        bulletColor=color,
        leftIndent=size * indent,
        bulletDedent=size * (indent - 0.15),
        bulletOffsetY=0,
    )


def bulleted(paragraphs: list[Flowable], size: float, color: Color) -> ListFlowable:
    """A bullet list with bold bullets in the accent colour."""
    return ListFlowable(
        [ListItem(p) for p in paragraphs],
        bulletType="bullet",
        start="•",
        bulletFontName=fonts.BOLD,
        bulletFontSize=size,
        bulletColor=color,
        leftIndent=size * 1.3,
        bulletOffsetY=0,
    )


def styled(table: Table, commands: list[tuple]) -> Table:
    """Apply a TableStyle that always names our font: ReportLab's table default is Helvetica,
    which would be a font the PDF does not embed."""
    table.setStyle(TableStyle([*commands, ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR)]))
    return table


def stacked_height(flowables: list[Flowable], width: float, height: float) -> float:
    """The height a frame needs for `flowables` stacked at `width` (spaces included)."""
    total = 0.0
    canvas = _measuring_canvas()
    for index, flowable in enumerate(flowables):
        if isinstance(flowable, KeepTogether):  # its wrap() answers "infinitely tall" on purpose
            total += stacked_height(flowable._content, width, height) + (flowable.getSpaceBefore() if index else 0)
            continue
        total += flowable.wrapOn(canvas, width, height)[1] + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


@functools.cache
def _measuring_canvas() -> Any:
    """A canvas that is never saved: some flowables need one to measure themselves."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    return Canvas(io.BytesIO())


def tint(color: Color, amount: float) -> Color:
    """Mix `color` with white; amount 0 is the colour, 1 is white."""
    r, g, b = color.red, color.green, color.blue
    return Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def text_block(body: m.Text, ctx: Context) -> list[Flowable]:
    return [ctx.para(body)]


def bullet_list(items: list[m.Text], ctx: Context) -> Flowable:
    """All bullets as one flowable (inside boxes, which do not split anyway)."""
    return bulleted([ctx.para(item, "item") for item in items], ctx.layout.text.size, ctx.color("accent"))


def bullets_block(body: list[m.Text], ctx: Context) -> list[Flowable]:
    # One list per item, so a page can break between items and a heading can be kept
    # with the first item (ReportLab will not keep a heading with a whole list).
    size = ctx.layout.text.size
    items = [bulleted([ctx.para(item, "item")], size, ctx.color("accent")) for item in body]
    return [*items, Spacer(1, size * 0.4)]


def steps_block(body: list[m.Step], ctx: Context) -> list[Flowable]:
    size = ctx.layout.text.size
    items: list[Flowable] = []
    for number, step in enumerate(body, start=1):
        text = inline(step.text, ctx.layout.colors.heading).markup
        if step.title:
            title = inline(step.title, ctx.layout.colors.heading).markup
            text = f"<b>{title}</b><br/>{text}"
        items.append(
            numbered(
                [paragraph(text, ctx.styles.step)],
                size,
                ctx.color("accent"),
                start=number,
                number_size=size * 1.15,
                indent=1.8,
            )
        )
    return [*items, Spacer(1, size * 0.3)]


def faq_block(body: list[m.FaqItem], ctx: Context) -> list[Flowable]:
    out: list[Flowable] = []
    for item in body:
        answer = ctx.para(item.a, "answer")
        out.append(KeepTogether([ctx.para(item.q, "question"), answer]))
    return out


def callout_block(body: m.Callout, ctx: Context) -> list[Flowable]:
    size = ctx.layout.text.size
    tone = ctx.color(body.tone)
    heading = body.title or label(ctx.language, body.tone)
    cell = [ctx.para(heading, "box_heading", textColor=tone), ctx.para(body.text, "box_text")]
    return [_boxed(cell, ctx, background=tint(tone, 0.9), bar=tone), Spacer(1, size * 0.7)]


def summary_box(items: list[m.Text], ctx: Context) -> Flowable:
    cell = [ctx.para(label(ctx.language, "key_points"), "box_heading"), bullet_list(items, ctx)]
    return _boxed(cell, ctx, background=ctx.color("summary"), bar=ctx.color("heading"))


def _boxed(cell: list[Flowable], ctx: Context, background: Color, bar: Color) -> Table:
    pad = ctx.layout.text.size * 0.8
    table = Table([[cell]], colWidths=[ctx.width])
    styled(
        table,
        [
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("LINEBEFORE", (0, 0), (0, -1), 4, bar),
            ("LEFTPADDING", (0, 0), (-1, -1), pad + 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.6),
        ],
    )
    return table


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
    style += [("BACKGROUND", (0, r), (-1, r), tint(ctx.color("summary"), 0.4)) for r in range(2, len(rows) + 1, 2)]
    styled(table, style)
    out: list[Flowable] = []
    if body.caption:
        out.append(ctx.para(body.caption, "box_heading"))
    return [*out, table, Spacer(1, size * 0.8)]


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


def image_block(body: m.Image, ctx: Context) -> list[Flowable]:
    max_width = min(body.width or ctx.width, ctx.width)
    picture = images.flowable(images.locate(body.path), max_width, ctx.height * 0.45)
    picture.hAlign = "CENTER"
    out: list[Flowable] = [picture]
    if body.caption:
        out.append(ctx.para(body.caption, "caption", alignment=1))
    return [KeepTogether(out) if len(out) > 1 else picture, Spacer(1, ctx.layout.text.size * 0.8)]


class QrCode(Flowable):
    """A QR code for `url`, with a link over it so the PDF is clickable too."""

    def __init__(self, url: str, side: float) -> None:
        super().__init__()
        self.url, self.width, self.height = url, side, side

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing

        widget = QrCodeWidget(self.url, barLevel="M", barBorder=2)
        x0, y0, x1, y1 = widget.getBounds()
        side = self.width
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(fonts.use_in_drawing(drawing), self.canv, 0, 0)
        self.canv.linkURL(self.url, (0, 0, side, side), relative=1)


def qr_block(body: m.QrCode, ctx: Context) -> list[Flowable]:
    side = 28 * mm
    drawing = QrCode(str(body.url), side)
    url = str(body.url)
    shown = f'<a href="{attr(url)}" color="{ctx.layout.colors.heading}"><u>{escape(url)}</u></a>'
    text = [
        ctx.para(body.label, "box_heading"),
        paragraph(f"{escape(label(ctx.language, 'scan'))}: {shown}", ctx.styles.small),
    ]
    table = Table([[drawing, text]], colWidths=[side + 6 * mm, ctx.width - side - 6 * mm])
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [table, Spacer(1, ctx.layout.text.size * 0.8)]


RENDERERS: dict[str, Callable[[Any, Context], list[Flowable]]] = {
    "text": text_block,
    "bullets": bullets_block,
    "steps": steps_block,
    "faq": faq_block,
    "callout": callout_block,
    "image": image_block,
    "qr": qr_block,
    "table": table_block,
}


def block_flowables(block: m.Block, ctx: Context) -> list[Flowable]:
    if block.kind == "exercises":
        from .panels import exercises_block

        return exercises_block(block.body, ctx)
    return RENDERERS[block.kind](block.body, ctx)


def section_flowables(title: m.Text, blocks: list[m.Block], ctx: Context, key: str) -> list[Flowable]:
    """A heading and its blocks; the heading is kept on the page of what follows it."""
    head = ctx.para(title, "heading")
    head.outline = (inline(title).plain, key)  # read by the document to add a bookmark
    body = [f for block in blocks for f in block_flowables(block, ctx)]
    if not body:
        return [head]
    if stacked_height(body[:1], ctx.width, ctx.height) > ctx.height / 3:
        # A long table may start on this page: ask only for room for the heading and a few lines
        # (keep-with-next would push the whole table, and leave this page empty).
        head = ctx.para(title, "heading", keepWithNext=0)
        head.outline = (inline(title).plain, key)
        room = stacked_height([head], ctx.width, ctx.height) + 4 * ctx.layout.text.size * ctx.layout.text.leading
        return [CondPageBreak(room), head, *body]
    first = body[0]._content if isinstance(body[0], KeepTogether) else [body[0]]
    return [KeepTogether([head, *first]), *body[1:]]
