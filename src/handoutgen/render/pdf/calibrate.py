"""A two-sided test sheet from which a user reads their printer's front-to-back offset.

The front carries numbered millimetre scales, the back a plain cross behind each scale's zero.
Held to a light from the front, the cross shows where the printer put the back; the numbers
under its centre are the `back_offset` to enter, already signed for how the sheet turns over.
The back's only word sits in a corner that falls on an empty corner of the front, so no text
shows through other text.
"""

from __future__ import annotations

import dataclasses
import io

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ...errors import HandoutError
from ...model.layout import MM, Cards, Layout, Offset
from ...version import __version__
from . import fonts
from .document import page_geometry, pdf_timestamp, set_timestamp
from .imposition import Box, Placement, plan, turns_over_top

INK = HexColor("#1d2733")
GUIDE = HexColor("#9aa5ad")
TEXT_SIZE = 10  # points: every word on the sheet
REACH = 10  # mm either side of zero on each scale
SCALE_GAP = 12  # mm from the centre to each scale

INSTRUCTIONS = (  # paragraphs; the layout line stays whole on a line of its own
    "Calibration sheet for {layout}. Print it on both sides ({duplex}) with the settings you use for cards.",
    "Hold it to a light with this side towards you: at each of the {count} pairs of scales a cross printed "
    "on the back shows through. Read the number where its upright line meets the across scale (x) and where "
    "its level line meets the up-and-down scale (y). The numbers are millimetres and already carry the right "
    "sign; if the pairs differ a little, take the middle. Seen from this side, x counts up to the {x_way} and "
    "y counts up {y_way}. A cross on both zeros needs no offset. Put your numbers in your layout, for example:",
    "cards: {{back_offset: {{x: 1.5mm, y: -0.5mm}}}}",
)


def render_calibration(layout: Layout) -> bytes:
    cards = _two_sided(layout)
    fonts.register(italic=False)
    geometry = page_geometry(layout)
    sheet = (geometry.width, geometry.height)
    signs = _entry_signs(cards, sheet)
    unshifted = dataclasses.replace(layout, cards=dataclasses.replace(cards, back_offset=Offset()))
    slots = plan(unshifted, sheet, cards.grid.columns * cards.grid.rows)
    fronts, backs = slots.on_page(0), slots.on_page(1)
    words, measured = _instruction_slots(cards, fronts, layout, signs)
    buffer = io.BytesIO()
    canvas = _canvas(buffer, sheet)
    for placement in measured:
        _outline(canvas, placement.trim)
    room = _union([p.trim for p in words])
    if words == measured:  # one card a sheet: the words above its scales
        room = Box(room.x, room.y + room.height / 2 + 12 * MM, room.width, room.height / 2 - 12 * MM)
    _instructions(canvas, layout, cards, room, signs, len(measured))
    for placement in measured:
        _scales(canvas, placement.trim, signs)
    canvas.showPage()
    for placement in backs:
        if placement.card in {p.card for p in measured}:
            _outline(canvas, placement.trim)
            _cross(canvas, placement.trim)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _two_sided(layout: Layout) -> Cards:
    cards = layout.cards
    if cards is None or cards.duplex not in ("long-edge", "short-edge"):
        raise HandoutError.at(
            None,
            "calibration is for card layouts printed on both sides; this layout is not one",
            "use a card layout with `duplex: long-edge` or `short-edge`",
        )
    return cards


def _entry_signs(cards: Cards, sheet: tuple[float, float]) -> tuple[int, int]:
    """How a scale number relates to its place on the front. Turned over its side, the back's x
    runs the other way from the front's, so a back printed d to the right shows d to the left and
    needs -d: x numbers grow rightwards, y numbers downwards. Turned over its top, the other way."""
    return (-1, 1) if turns_over_top(cards, sheet) else (1, -1)


def _instruction_slots(
    cards: Cards, fronts: list[Placement], layout: Layout, signs: tuple[int, int]
) -> tuple[list[Placement], list[Placement]]:
    """The words take as many top rows as they need (the first card of a single row); the rest
    are measured."""
    if len(fronts) == 1:
        return fronts, fronts
    columns = cards.grid.columns if cards.grid.rows > 1 else 1
    for rows in range(1, max(2, cards.grid.rows)):
        count = rows * columns
        words, measured = fronts[:count], fronts[count:]
        if _instruction_lines(layout, cards, _union([p.trim for p in words]), signs, len(measured)) is not None:
            return words, measured
    return fronts[:columns], fronts[columns:]  # too small even so: _instructions says so


def _union(boxes: list[Box]) -> Box:
    left, bottom = min(b.x for b in boxes), min(b.y for b in boxes)
    return Box(left, bottom, max(b.right for b in boxes) - left, max(b.top for b in boxes) - bottom)


def _canvas(buffer: io.BytesIO, sheet: tuple[float, float]) -> Canvas:
    canvas = Canvas(buffer, pagesize=sheet, invariant=1, initialFontName=fonts.REGULAR, lang="en")
    set_timestamp(canvas, pdf_timestamp(None))
    canvas.setTitle("handoutgen printer calibration")
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setCreator(f"handoutgen {__version__}")
    canvas.setProducer(f"handoutgen {__version__}")
    return canvas


def _outline(canvas: Canvas, box: Box) -> None:
    canvas.setStrokeColor(GUIDE)
    canvas.setLineWidth(0.3)
    canvas.rect(box.x, box.y, box.width, box.height)


def _scales(canvas: Canvas, box: Box, signs: tuple[int, int]) -> None:
    """An across scale below the slot's centre and an up-and-down scale to its left, each zero in
    line with the centre: the back's cross lines meet them at the numbers to enter."""
    cx, cy = box.x + box.width / 2, box.y + box.height / 2
    below, beside = cy - SCALE_GAP * MM, cx - SCALE_GAP * MM
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(0.25)
    canvas.line(cx - REACH * MM, below, cx + REACH * MM, below)
    canvas.line(beside, cy - REACH * MM, beside, cy + REACH * MM)
    for step in range(-2 * REACH, 2 * REACH + 1):
        at, tick = step / 2 * MM, (3 if step % 10 == 0 else 2 if step % 2 == 0 else 1) * MM
        canvas.line(cx + at, below, cx + at, below + tick)
        canvas.line(beside, cy + at, beside + tick, cy + at)
    canvas.circle(cx, cy, 1 * MM)  # where the back's cross meets when nothing is off
    canvas.setFont(fonts.REGULAR, TEXT_SIZE)
    for value in range(-REACH, REACH + 1, 5):
        row = below - (9 if value and value % 10 == 0 else 4.5) * MM  # every other number a row lower: room to read
        canvas.drawCentredString(cx + value * MM, row, _signed(signs[0] * value))
        canvas.drawRightString(beside - 2 * MM, cy + value * MM - TEXT_SIZE * 0.35, _signed(signs[1] * value))
    canvas.setFont(fonts.BOLD, TEXT_SIZE)
    canvas.drawString(cx + (REACH + 2) * MM, below - TEXT_SIZE * 0.35, "x")
    canvas.drawCentredString(beside, cy + (REACH + 2) * MM, "y")


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"  # as typed in the layout: `-0.5mm`


def _cross(canvas: Canvas, box: Box) -> None:
    """The back: a cross long enough to reach both front scales, and one word in its top-left
    corner, which lies on an empty corner of the front."""
    cx, cy = box.x + box.width / 2, box.y + box.height / 2
    arm = (SCALE_GAP + REACH) * MM
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.35)
    canvas.line(cx - arm, cy, cx + arm, cy)
    canvas.line(cx, cy - arm, cx, cy + arm)
    canvas.circle(cx, cy, 1.5 * MM)
    canvas.setFont(fonts.BOLD, TEXT_SIZE)
    canvas.setFillColor(INK)
    canvas.drawString(box.x + INSET, box.top - INSET - TEXT_SIZE, "BACK")


INSET = 8 * MM  # the words stay clear of the edge many printers cannot reach: a box may touch it
LEADING = TEXT_SIZE * 1.3


def _instruction_lines(layout: Layout, cards: Cards, box: Box, signs: tuple[int, int], measured: int):
    """The instructions broken into lines for `box`, or None when they do not fit in it."""
    duplex = {"long-edge": "flip on the long edge", "short-edge": "flip on the short edge"}[cards.duplex]
    values = {
        "layout": layout.description or "this layout",
        "duplex": duplex,
        "count": measured,
        "x_way": "right" if signs[0] > 0 else "left",
        "y_way": "upwards" if signs[1] > 0 else "downwards",
    }
    lines: list[str] = []
    for paragraph in INSTRUCTIONS:
        lines += [*simpleSplit(paragraph.format(**values), fonts.REGULAR, TEXT_SIZE, box.width - 2 * INSET), ""]
    lines = lines[:-1]
    return lines if len(lines) * LEADING <= box.height - 2 * INSET else None


def _instructions(
    canvas: Canvas, layout: Layout, cards: Cards, box: Box, signs: tuple[int, int], measured: int
) -> None:
    lines = _instruction_lines(layout, cards, box, signs, measured)
    if lines is None:
        raise HandoutError.at(
            layout.where,
            f"the cards of this layout are too small for the calibration sheet's {TEXT_SIZE} pt instructions",
            "calibrate with a layout of two or more cards a sheet and use its numbers",
        )
    canvas.setFont(fonts.REGULAR, TEXT_SIZE)
    canvas.setFillColor(INK)
    top = box.top - INSET - TEXT_SIZE
    for number, line in enumerate(lines):
        canvas.drawString(box.x + INSET, top - number * LEADING, line)
