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
def register() -> None:
    """Register the four faces and the family so <b> and <i> pick the right face."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in FACES.values():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    for bold, italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold_italic")):
        addMapping(FAMILY, bold, italic, FACES[face][0])
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, FACES["bold_italic"][0])


@functools.cache
def covered() -> frozenset[int]:
    """Code points every face can draw: text outside this set would print as boxes."""
    from reportlab.pdfbase import pdfmetrics

    register()
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name, _ in FACES.values()]
    return frozenset(set.intersection(*sets))


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
