"""The header and footer drawn on every page: logo, brand, title, review date, page number."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...model.layout import Layout
from ...model.resolved import Picture
from ...text.bands import fill, shorter
from . import fonts, pictures

FOOTER_HEIGHT = 10 * mm


def page_decorator(layout: Layout, geometry, values: dict[str, str], logo: Picture | None):
    muted = HexColor(layout.colors.muted)
    heading_color = HexColor(layout.colors.heading)
    rule = HexColor(layout.colors.rule)
    band_size = max(min(layout.text.size * 0.75, 11), 8.5, layout.text.smallest)

    short = shorter(values)

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        left_x, right_x = geometry.left, geometry.width - geometry.right
        top_y = geometry.height - geometry.top
        canvas.saveState()
        text_x = left_x
        if logo:
            picture = pictures.flowable(logo, 40 * mm, 10 * mm)
            width, height = picture.wrap(40 * mm, 10 * mm)
            picture.drawOn(canvas, left_x, top_y - 10 * mm + (10 * mm - height) / 2)
            text_x += width + 3 * mm
        if geometry.header:
            draw_band(
                canvas,
                fill(layout.header.left, values, page, pages),
                fill(layout.header.right, values, page, pages),
                text_x,
                right_x,
                top_y - 6.6 * mm,
                (fonts.BOLD, band_size + 1.5, heading_color),
                (fonts.REGULAR, band_size, muted),
                layout.text.smallest,
            )
            canvas.setStrokeColor(rule)
            canvas.setLineWidth(0.6)
            canvas.line(left_x, top_y - 12 * mm, right_x, top_y - 12 * mm)
        bottom_y = geometry.bottom
        canvas.setStrokeColor(rule)
        canvas.line(left_x, bottom_y + FOOTER_HEIGHT - 3 * mm, right_x, bottom_y + FOOTER_HEIGHT - 3 * mm)
        draw_band(
            canvas,
            fill(layout.footer.left, values, page, pages),
            fill(layout.footer.right, values, page, pages),
            left_x,
            right_x,
            bottom_y + 1.5 * mm,
            (fonts.REGULAR, band_size, muted),
            (fonts.REGULAR, band_size, muted),
            layout.text.smallest,
            fill(layout.footer.left, short, page, pages),
        )
        canvas.restoreState()

    return decorate


def draw_band(
    canvas: Canvas,
    left: str,
    right: str,
    left_x: float,
    right_x: float,
    y: float,
    left_font: tuple,
    right_font: tuple,
    smallest: float = 6.5,
    fallback: str = "",
) -> None:
    """One line of header or footer: the right text whole (shrunk, then shortened, only if it alone
    would take more than half the line), the left text shrunk to fit beside it, down to the
    layout's smallest size; then its first part (usually the title, printed in full on the first
    page) is left out; then the review date is written short; what still does not fit is left out
    whole rather than cut."""
    gap = 4 * mm
    right, right_font = _fitted(right, right_font, (right_x - left_x) / 2, smallest)
    right_width = stringWidth(right, right_font[0], right_font[1]) if right else 0.0
    room = right_x - left_x - right_width - (gap if right else 0)
    name, size, color = left_font
    while left and stringWidth(left, name, size) > room and size > smallest:
        size = max(smallest, size - 0.25)
    left = _without_first_parts(left, name, size, room)
    if fallback and stringWidth(left, name, size) > room:  # the same words, shorter (a short date)
        left = _without_first_parts(fallback, name, size, room)
    if left and stringWidth(left, name, size) > room:
        left = ""  # never half a title: the whole of it is on the first page
    if left:
        canvas.setFont(name, size)
        canvas.setFillColor(color)
        canvas.drawString(left_x, y, left)
    if right:
        canvas.setFont(right_font[0], right_font[1])
        canvas.setFillColor(right_font[2])
        canvas.drawRightString(right_x, y, right)


def _without_first_parts(text: str, font: str, size: float, room: float) -> str:
    while text and stringWidth(text, font, size) > room and " · " in text:
        text = text.split(" · ", 1)[1]
    return text


def _fitted(text: str, font: tuple, room: float, smallest: float) -> tuple[str, tuple]:
    name, size, color = font
    while text and stringWidth(text, name, size) > room and size > smallest:
        size = max(smallest, size - 0.25)
    while text and stringWidth(text, name, size) > room and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    return text, (name, size, color)
