"""QR codes that are links too."""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import fonts


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
