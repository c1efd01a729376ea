"""The bundled font family registered with ReportLab: once per process, embedded and subset."""

from __future__ import annotations

import functools
import threading

from ...text.fonts import DISPLAY_NAME, FACES, FAMILY, FONT_DIR

REGULAR = FACES["regular"][0]
BOLD = FACES["bold"][0]
ITALIC = FACES["italic"][0]
__all__ = ["BOLD", "DISPLAY_NAME", "ITALIC", "REGULAR", "register", "use_in_drawing"]
_LOCK = threading.Lock()  # a face registered twice at once would swap font objects under a document


@functools.cache
def _register_face(face: str) -> None:
    """Parse one face (about 20 ms each, so faces nobody uses are never loaded)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name, filename = FACES[face]
    pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))


def _map_family() -> None:
    # After every registration: ReportLab maps a newly registered TTF's bold and italic to
    # itself, which would silently turn <b> in body text back into the regular face.
    from reportlab.lib.fonts import addMapping

    for bold, italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold_italic")):
        addMapping(FAMILY, bold, italic, FACES[face][0])
        addMapping(REGULAR, bold, italic, FACES[face][0])


@functools.cache
def _registered(italic: bool) -> None:
    with _LOCK:
        for face in ("regular", "bold", "italic", "bold_italic") if italic else ("regular", "bold"):
            _register_face(face)
        _map_family()


def register(italic: bool = True) -> None:
    """Register the faces a document needs; <b> and <i> in text then pick the right one."""
    if italic:
        _registered(False)
    _registered(italic)


def use_in_drawing(drawing):
    """Make a ReportLab Drawing start in our font: its default is Helvetica, never embedded."""
    drawing.__dict__["initialFontName"] = REGULAR
    return drawing
