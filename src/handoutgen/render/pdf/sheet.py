"""A contact sheet: pictures side by side at the width cards print them, each with its label."""

from __future__ import annotations

import io

from ...model.picture import Picture
from ...model.types import MM


def sheet_pdf(cells: list[tuple[str, Picture]], width_mm: float, title: str) -> bytes:
    """A4 pages of `cells` (label, picture), each picture `width_mm` wide."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from . import fonts
    from .pictures import flowable

    fonts.register(italic=False)
    width = width_mm * MM
    small = ParagraphStyle("label", fontName=fonts.REGULAR, fontSize=7, leading=9)
    heading = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=14, leading=18, spaceAfter=8)
    columns = max(1, int((A4[0] - 30 * MM) // (width + 6 * MM)))
    boxes = [[flowable(picture, width, width * 2 / 3), Paragraph(label, small)] for label, picture in cells]
    rows = [boxes[i : i + columns] for i in range(0, len(boxes), columns)]
    if rows:
        rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows or [[""]], colWidths=[width + 6 * MM] * columns)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * MM, rightMargin=15 * MM, title=title, invariant=1)
    document.build([Paragraph(title, heading), table])
    return out.getvalue()
