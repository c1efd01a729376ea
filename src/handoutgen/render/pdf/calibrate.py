"""A two-sided test sheet from which a user reads their printer's front-to-back offset."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ...errors import HandoutError
from ...model.layout import MM, Layout
from ...version import __version__
from . import fonts
from .document import page_geometry, pdf_timestamp, set_timestamp
from .imposition import Box, plan

INK = HexColor("#1d2733")
GUIDE = HexColor("#9aa5ad")

INSTRUCTIONS = {
    "en": [
        "{layout}: print both sides of one sheet ({duplex}).",
        "Hold it to a light and read where this cross falls on the back's scales.",
        "Put the numbers in your layout as cards: {{back_offset: {{x: 1.5mm, y: -0.5mm}}}}.",
    ],
}


def render_calibration(layout: Layout) -> bytes:
    fonts.register(italic=False)
    geometry = page_geometry(layout)
    sheet = (geometry.width, geometry.height)
    cards = layout.cards
    if cards is None or cards.duplex not in ("long-edge", "short-edge"):
        raise HandoutError.at(
            None,
            "calibration is for card layouts printed on both sides; this layout is not one",
            "use a card layout with `duplex: long-edge` or `short-edge`",
        )
    slots = plan(layout, sheet, cards.grid.columns * cards.grid.rows)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=sheet, invariant=1, initialFontName=fonts.REGULAR, lang="en")
    set_timestamp(canvas, pdf_timestamp(None))
    canvas.setTitle("handoutgen printer calibration")
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setCreator(f"handoutgen {__version__}")
    canvas.setProducer(f"handoutgen {__version__}")
    for page in range(2):
        for placement in slots.on_page(page):
            box = placement.trim
            cx, cy = box.x + box.width / 2, box.y + box.height / 2
            canvas.setStrokeColor(GUIDE)
            canvas.setLineWidth(0.3)
            canvas.rect(box.x, box.y, box.width, box.height)
            if placement.face == "front":
                _cross(canvas, cx, cy)
            else:
                _scales(canvas, cx, cy)
        if page == 0:
            _instructions(canvas, layout, slots.on_page(0)[0].trim)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _cross(canvas: Canvas, cx: float, cy: float) -> None:
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.35)
    canvas.line(cx - 8 * MM, cy, cx + 8 * MM, cy)
    canvas.line(cx, cy - 8 * MM, cx, cy + 8 * MM)
    canvas.circle(cx, cy, 1.5 * MM)
    canvas.setFont(fonts.BOLD, 8)
    canvas.setFillColor(INK)
    canvas.drawCentredString(cx, cy + 10 * MM, "FRONT")


def _scales(canvas: Canvas, cx: float, cy: float) -> None:
    """Two mm scales crossing at the slot centre, numbered in back-page directions."""
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setFont(fonts.REGULAR, 7)
    for step in range(-16, 17):
        value = step / 2
        tick = (3 if step % 10 == 0 else 2.2 if step % 2 == 0 else 1.2) * MM
        canvas.setLineWidth(0.25)
        canvas.line(cx + value * MM, cy - tick / 2, cx + value * MM, cy + tick / 2)
        canvas.line(cx - tick / 2, cy + value * MM, cx + tick / 2, cy + value * MM)
        if step % 8 == 0 and step:
            canvas.drawCentredString(cx + value * MM, cy - 11 * MM, f"{value:+.0f}")
            canvas.drawString(cx + 10 * MM, cy + value * MM - 2.4, f"{value:+.0f}")
    canvas.setFont(fonts.BOLD, 7)
    canvas.drawCentredString(cx, cy + 11 * MM, "BACK: x + to the right, y + upwards")


def _instructions(canvas: Canvas, layout: Layout, box: Box) -> None:
    """How to read the sheet, under the cross of the first card."""
    from reportlab.lib.utils import simpleSplit

    cards = layout.cards
    assert cards is not None
    duplex = {"long-edge": "flip on the long edge", "short-edge": "flip on the short edge"}[cards.duplex]
    text = " ".join(INSTRUCTIONS["en"]).format(layout=layout.description or "this layout", duplex=duplex)
    size = 7
    lines = simpleSplit(text, fonts.REGULAR, size, box.width - 6 * MM)
    canvas.setFont(fonts.REGULAR, size)
    canvas.setFillColor(INK)
    y = box.y + box.height / 2 - 11 * MM
    for line in lines:
        canvas.drawString(box.x + 3 * MM, y, line)
        y -= size * 1.25
