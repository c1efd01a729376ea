"""The pieces every PDF part is built from: the layout context, cached paragraphs, lists,
boxes and measuring."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Table,
    TableStyle,
)

from ...model.layout import Layout
from ...text.markup import inline
from . import fonts
from .styles import PICTURE_SCALE, SPACE_SCALE, Styles


@dataclass
class Context:
    layout: Layout
    styles: Styles
    language: str
    width: float  # width of the text column, points
    height: float  # height of the text frame, points
    squeeze: int = 0  # 0 as designed; 1 and 2 a little tighter, to pull a stub of a last page back

    @property
    def picture_scale(self) -> float:
        return PICTURE_SCALE[self.squeeze]

    def space(self, points: float) -> float:
        """A gap between parts, tightened when squeezing."""
        return points * SPACE_SCALE[self.squeeze]

    def color(self, name: str) -> Color:
        return HexColor(getattr(self.layout.colors, name))

    def para(self, text: str, style_name: str = "body", **overrides: Any) -> Paragraph:
        style = getattr(self.styles, style_name)
        if overrides:
            style = variant(style, **overrides)
        return paragraph(inline(text, self.layout.colors.heading).markup, style)


_PARSED: dict[tuple[str, int], tuple[Any, list[Any]]] = {}


class MeasuredParagraph(Paragraph):
    """A paragraph that breaks its lines once per width.

    ReportLab breaks a paragraph's lines every time it is measured, and tables, KeepTogether,
    frames and our own measuring each ask again at the same width. The result depends on the
    width alone (the text and style never change), so it is kept.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        broken = self.__dict__.setdefault("_broken", {})
        known = broken.get(availWidth)
        if known is not None:
            self.width, self._wrapWidths, self.blPara, self.height = known
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            broken[availWidth] = (self.width, self._wrapWidths, self.blPara, self.height)
        return size


def paragraph(markup: str, style: Any, keep: bool = True) -> Paragraph:
    """A Paragraph whose markup is parsed once per process (parsing is a fifth of a build).

    Keyed by the style object, which the cache entry keeps alive so that its id is never
    reused by another style. Styles are made once per layout (see styles.py), and their
    variants once per set of overrides (`variant`).
    """
    if "<i>" in markup or style.fontName == fonts.ITALIC:
        fonts.register(italic=True)  # cached: loads the italic faces the first time any text needs them
    if not keep:  # text of one document only (a patient's name): not worth keeping
        return MeasuredParagraph(markup, style)
    key = (markup, id(style))
    cached = _PARSED.get(key)
    if cached is not None:
        return MeasuredParagraph(markup, style, frags=cached[1])
    if len(_PARSED) > 20_000:
        _PARSED.clear()
    made = MeasuredParagraph(markup, style)
    _PARSED[key] = (style, made.frags)
    return made


def variant(style: Any, **overrides: Any) -> Any:
    """`style` with `overrides`, made once per process for each different set of them, so that
    text in it (a panel's name, a picture's caption) is parsed once too."""
    from reportlab.lib.styles import ParagraphStyle

    key = (id(style), repr(sorted(overrides.items())))
    found = _VARIANTS.get(key)
    if found is not None and found[0] is style:
        return found[1]
    if len(_VARIANTS) > 4_000:
        _VARIANTS.clear()
    made = ParagraphStyle(style.name + "+", parent=style, **overrides)
    _VARIANTS[key] = (style, made)  # keeps `style` alive, so that its id is never another's
    return made


_VARIANTS: dict[tuple[int, str], tuple[Any, Any]] = {}


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


_LOCAL = threading.local()


def _measuring_canvas() -> Any:
    """A canvas that is never saved, one per thread: some flowables need one to measure themselves."""
    canvas = getattr(_LOCAL, "canvas", None)
    if canvas is None:
        import io

        from reportlab.pdfgen.canvas import Canvas

        canvas = _LOCAL.canvas = Canvas(io.BytesIO())
    return canvas


def tint(color: Color, amount: float) -> Color:
    """Mix `color` with white; amount 0 is the colour, 1 is white."""
    r, g, b = color.red, color.green, color.blue
    return Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def boxed(cell: list[Flowable], ctx: Context, background: Color, bar: Color) -> Table:
    """A shaded box with a coloured bar at its left: key points, goals, callouts."""
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


class NeedSpace(CondPageBreak):
    """Go on to the next frame unless `height` is left here: a heading asks for room for itself and
    the opening lines of what follows, not for the whole of what follows."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._doctemplateAttr("frame") is None:  # being measured, not laid out
            return 0, 0
        return super().wrap(available_width, available_height)


def opening_height(flowable: Flowable, width: float, height: float) -> float:
    """The least of `flowable` that may start a page: an exercise's head, a paragraph's first two
    lines (all of a short one), a table's first rows, all of anything that never splits."""
    if hasattr(flowable, "opening_height"):
        return flowable.opening_height(width, height)
    if isinstance(flowable, KeepTogether):
        return stacked_height(flowable._content, width, height)
    whole = flowable.wrapOn(_measuring_canvas(), width, height)[1]
    if isinstance(flowable, Paragraph) and getattr(flowable, "blPara", None) is not None:
        lines = len(flowable.blPara.lines)
        return whole if lines <= 3 else 2 * flowable.style.leading
    if isinstance(flowable, Table) and len(getattr(flowable, "_rowHeights", [])) > 2:
        return sum(flowable._rowHeights[:2])
    return whole


def stays_with_next(first: Flowable, following: Flowable, ctx: Context, between: tuple = ()) -> list[Flowable]:
    """`first` (a heading, a lead-in) and a request for room for it, for all of `between` (a lead-in
    under a heading, which itself stays with what it introduces) and the opening of `following`."""
    need = first.getSpaceBefore() + stacked_height([first, *between], ctx.width, ctx.height)
    need += following.getSpaceBefore() + opening_height(following, ctx.width, ctx.height)
    return [NeedSpace(min(need, ctx.height)), first]
