"""The bundled font family: registered once per process, embedded and subset by ReportLab."""

from __future__ import annotations

import functools
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "builtin" / "fonts"
FAMILY = "NotoSans"
FACES = {
    "regular": ("NotoSans", "NotoSans-Regular.ttf"),
    "bold": ("NotoSans-Bold", "NotoSans-Bold.ttf"),
    "italic": ("NotoSans-Italic", "NotoSans-Italic.ttf"),
    "bold_italic": ("NotoSans-BoldItalic", "NotoSans-BoldItalic.ttf"),
}
REGULAR = FACES["regular"][0]
BOLD = FACES["bold"][0]
ITALIC = FACES["italic"][0]
DISPLAY_NAME = "Noto Sans"


@functools.cache
def register_face(face: str) -> None:
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


def register(italic: bool = True) -> None:
    """Register the faces a document needs; <b> and <i> in text then pick the right one."""
    for face in ("regular", "bold", "italic", "bold_italic") if italic else ("regular", "bold"):
        register_face(face)
    _map_family()


@functools.cache
def covered() -> frozenset[int]:
    """Code points the fonts can draw: text outside this set would print as boxes.

    The four bundled faces cover exactly the same characters, so the regular one speaks for all.
    """
    from reportlab.pdfbase import pdfmetrics

    register_face("regular")
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


def missing(text: str) -> list[str]:
    """The distinct characters of `text` that the fonts cannot draw, in order of first use."""
    have = covered()
    seen: list[str] = []
    for char in text:
        if ord(char) not in have and not char.isspace() and char not in seen:
            seen.append(char)
    return seen


def use_in_drawing(drawing):
    """Make a ReportLab Drawing start in our font: its default is Helvetica, never embedded."""
    drawing.__dict__["initialFontName"] = REGULAR
    return drawing
