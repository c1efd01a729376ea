"""The PDF edition (ReportLab): a Document to PDF bytes."""

from __future__ import annotations

from ...model.resolved import Document
from .document import Rendered


def render_pdf(document: Document) -> Rendered:
    """The document's PDF bytes and page count."""
    if document.kind == "handout":
        from .document import render_handout

        return render_handout(document)
    if document.kind == "program":
        from .program import render_program

        return render_program(document)
    from .deck import render_deck

    return render_deck(document)


__all__ = ["Rendered", "render_pdf"]
