"""The bundled font family (Noto Sans): its files and the characters it can print.

Both editions print in it (the PDF embeds it; the HTML names it first), so a character it
lacks is an input error, found before anything is drawn.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "builtin" / "fonts"
FAMILY = "NotoSans"
DISPLAY_NAME = "Noto Sans"
FACES = {
    "regular": ("NotoSans", "NotoSans-Regular.ttf"),
    "bold": ("NotoSans-Bold", "NotoSans-Bold.ttf"),
    "italic": ("NotoSans-Italic", "NotoSans-Italic.ttf"),
    "bold_italic": ("NotoSans-BoldItalic", "NotoSans-BoldItalic.ttf"),
}
_LOCK = threading.Lock()


@functools.cache
def covered() -> frozenset[int]:
    """Code points the fonts can draw: text outside this set would print as boxes.

    The four bundled faces cover exactly the same characters, so the regular one speaks for all.
    """
    from reportlab.pdfbase.ttfonts import TTFontFile

    with _LOCK:
        return frozenset(TTFontFile(str(FONT_DIR / FACES["regular"][1])).charToGlyph)


def missing(text: str) -> list[str]:
    """The distinct characters of `text` that the fonts cannot draw, in order of first use."""
    have = covered()
    seen: list[str] = []
    for char in text:
        if ord(char) not in have and not char.isspace() and char not in seen:
            seen.append(char)
    return seen
