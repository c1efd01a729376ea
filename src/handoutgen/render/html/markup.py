"""Small pieces of HTML: escaped text, user text with its Markdown, pictures as data URIs."""

from __future__ import annotations

import base64
import functools
import html

from ...model.picture import Picture
from ...model.types import Text
from ...text.markup import inline

MIME = {"svg": "image/svg+xml", "png": "image/png", "jpeg": "image/jpeg"}


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def rich(text: str) -> str:
    """User text as HTML: Markdown for `Text` (bold, italic, links), every other value as written."""
    return inline(text).html if isinstance(text, Text) else esc(" ".join(str(text).split()))


def picture_img(picture: Picture, alt: str | None = None, css_class: str = "") -> str:
    """An <img> whose picture is inside the page (a data URI): the page makes no request of its own."""
    width, height = _display_size(picture)
    attrs = f' class="{css_class}"' if css_class else ""
    return (
        f'<img src="{data_uri(picture)}" alt="{esc(picture.alt if alt is None else alt)}" '
        f'width="{width}" height="{height}"{attrs}>'
    )


def data_uri(picture: Picture) -> str:
    return _data_uri(picture.key, picture.stamp, picture.kind, picture.data)


@functools.lru_cache(maxsize=256)
def _data_uri(path: str, stamp: tuple[int, int], kind: str, data: bytes) -> str:
    return f"data:{MIME[kind]};base64,{base64.b64encode(data).decode('ascii')}"


def _display_size(picture: Picture) -> tuple[int, int]:
    """Its size in CSS pixels: at most 320 wide, keeping its proportions (CSS scales it to fit)."""
    scale = min(1.0, 320 / picture.width) if picture.width else 1.0
    return max(1, round(picture.width * scale)), max(1, round(picture.height * scale))


def qr_img(url: str, label: str) -> str:
    """A QR code for printing the page, drawn as SVG by ReportLab; the link beside it is the real thing."""
    return f'<img src="{_qr_uri(url)}" alt="{esc(label)}" width="112" height="112">'


@functools.lru_cache(maxsize=256)
def _qr_uri(url: str) -> str:
    from reportlab.graphics import renderSVG
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(url, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    side = 112
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(widget)
    svg = renderSVG.drawToString(drawing).encode("utf-8")
    return f"data:image/svg+xml;base64,{base64.b64encode(svg).decode('ascii')}"
