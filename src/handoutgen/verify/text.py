"""The text of a PDF's pages and where it lies, read with pdfium (pypdfium2).

pdfium reads the same words as pypdf's text extraction about ten times faster, and it can give
the text inside a rectangle (a card), so the check reads each page once. pdfium is not safe to
call from two threads at once: every call here holds one lock.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .seen import Remembered
from .words import words

PDFIUM_LOCK = threading.RLock()
Box = tuple[float, float, float, float]  # left, bottom, right, top in points


@contextmanager
def pdfium_document(data: bytes) -> Iterator[Any]:
    """The document open in pdfium, for as long as the lock is held."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            yield document
        finally:
            document.close()


class PageText:
    """One page's text, whole or inside a box; call only while the document's lock is held."""

    def __init__(self, page: Any) -> None:
        self._page = page
        self._textpage = page.get_textpage()
        self.text = _lines(self._textpage.get_text_range())

    def inside(self, box: Box, tolerance: float = 0.5) -> str:
        left, bottom, right, top = box
        return _lines(
            self._textpage.get_text_bounded(left - tolerance, bottom - tolerance, right + tolerance, top + tolerance)
        )

    def first_outside(self, boxes: list[Box], tolerance: float = 0.5) -> tuple[str, float, float] | None:
        """The first character (and the text from it) that lies in none of `boxes`, with its position."""
        textpage = self._textpage
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index)
            x, y = (left + right) / 2, (bottom + top) / 2
            if right <= left and top <= bottom:
                continue  # a space or a line break has no box
            if not any(
                b[0] - tolerance <= x <= b[2] + tolerance and b[1] - tolerance <= y <= b[3] + tolerance for b in boxes
            ):
                piece = textpage.get_text_range(index, min(40, textpage.count_chars() - index))
                if piece.strip():
                    return piece.split("\r\n")[0], x, y
        return None

    def close(self) -> None:
        self._textpage.close()


def _holds(box: Box, x: float, y: float, tolerance: float) -> bool:
    return box[0] - tolerance <= x <= box[2] + tolerance and box[1] - tolerance <= y <= box[3] + tolerance


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class PageRead:
    text: str  # all of the page's text
    in_boxes: list[str]  # the text inside each box asked for
    stray: tuple[str, float, float] | None  # the first text in none of the boxes, and where
    framed: str = ""  # the text inside the `frame` asked for (a page's body, without its bands), else all
    in_cards: list[str] = field(default_factory=list)  # the text inside each card asked for
    card_stray: tuple[str, float, float] | None = None  # the first text on no card
    lines: list[Line] = field(default_factory=list)  # the text runs, when asked for


def read_pages(
    data: bytes,
    boxes: list[list[Box]],
    frame: Box | None = None,
    cards: list[list[Box]] | None = None,
    lines: bool = False,
    seen: list[bytes | None] | None = None,
) -> list[PageRead]:
    """Everything the checks read of each page, in one visit of it: its text, the text inside
    each of its boxes (the page), inside the body frame, inside each card, and its text runs.
    `seen` are the pages' fingerprints (verify.seen): a page read before is not read again."""
    keys = [
        (seen[i], tuple(page_boxes), frame, tuple(cards[i]) if cards is not None else None, lines)
        if seen is not None and seen[i] is not None
        else None
        for i, page_boxes in enumerate(boxes)
    ]
    out: list[PageRead | None] = [None] * len(boxes)
    todo, first = [], {}  # pages to read; the first page of each key, for pages like it later on
    for index, key in enumerate(keys):
        found = _READ.get(key)
        if found is not None:
            out[index] = _renumbered(found, index + 1)
        elif key is None or key not in first:
            todo.append(index)
            if key is not None:
                first[key] = index
    if todo:
        with pdfium_document(data) as document:
            for index in todo:
                out[index] = _read_page(document[index], index, boxes[index], frame, cards, lines)
                _READ.put(keys[index], _renumbered(out[index], index + 1))
    for index, key in enumerate(keys):
        if out[index] is None:  # drawn like an earlier page of this document: read once
            out[index] = _renumbered(out[first[key]], index + 1)
    return [read for read in out if read is not None]


# Pages read again (a leaflet) stay while a document has fewer than 64 pages of its own.
_READ: Remembered[PageRead] = Remembered(64)


def _read_page(
    pdf_page: Any, index: int, page_boxes: list[Box], frame: Box | None, cards: list[list[Box]] | None, lines: bool
) -> PageRead:
    page = PageText(pdf_page)
    inside = [page.inside(box) for box in page_boxes]
    read = PageRead(page.text, inside, _stray(page, page_boxes, inside))
    read.framed = page.inside(frame) if frame is not None else page.text
    if cards is not None:
        read.in_cards = [page.inside(box) for box in cards[index]]
        read.card_stray = _stray(page, cards[index], read.in_cards)
    if lines:
        read.lines = _page_lines(page._textpage, index + 1)
    page.close()
    return read


def _renumbered(read: PageRead, number: int) -> PageRead:
    """A page read before, as page `number` of this document."""
    import dataclasses

    lines = [line if line.page == number else dataclasses.replace(line, page=number) for line in read.lines]
    return dataclasses.replace(read, in_boxes=list(read.in_boxes), in_cards=list(read.in_cards), lines=lines)


def _stray(page: PageText, boxes: list[Box], inside: list[str]) -> tuple[str, float, float] | None:
    if Counter(words(page.text)) == sum((Counter(words(t)) for t in inside), Counter()):
        return None
    return page.first_outside(boxes)


@dataclass(frozen=True)
class Line:
    """A run of text on one line, as pdfium sees it: where, how big, how bold, what colour."""

    page: int  # 1-based
    text: str
    box: Box
    size: float  # points
    bold: bool
    color: tuple[int, int, int]

    @property
    def top(self) -> float:
        return self.box[3]

    @property
    def bottom(self) -> float:
        return self.box[1]


def read_lines(data: bytes, pages: list[int] | None = None) -> dict[int, list[Line]]:
    """The text runs of each page (1-based numbers; all pages when `pages` is None)."""
    out: dict[int, list[Line]] = {}
    with pdfium_document(data) as document:
        numbers = pages if pages is not None else list(range(1, len(document) + 1))
        for number in numbers:
            textpage = document[number - 1].get_textpage()
            out[number] = _page_lines(textpage, number)
            textpage.close()
    return out


def _page_lines(textpage: Any, number: int) -> list[Line]:
    """A page's text runs in the order the page draws them: the reading order of the flow."""
    import ctypes

    import pypdfium2.raw as raw

    lines = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = _lines(textpage.get_text_bounded(left, bottom, right, top)).strip()
        if not text:
            continue
        char = raw.FPDFText_GetCharIndexAtPos(textpage.raw, left + 0.5, (bottom + top) / 2, 1.5, 1.5)
        if char < 0:  # a run on its side: ask at its middle
            char = raw.FPDFText_GetCharIndexAtPos(textpage.raw, (left + right) / 2, (bottom + top) / 2, 2, 2)
        if char < 0:
            continue
        red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
        raw.FPDFText_GetFillColor(textpage.raw, char, *(ctypes.byref(v) for v in (red, green, blue, alpha)))
        size = raw.FPDFText_GetFontSize(textpage.raw, char)
        weight = raw.FPDFText_GetFontWeight(textpage.raw, char)
        color = (red.value, green.value, blue.value)
        lines.append(Line(number, text, (left, bottom, right, top), size, weight >= 600, color))
    return lines


def rendered_pages(data: bytes, numbers: list[int], scale: float, at_once: int = 16) -> Iterator[tuple[int, Any]]:
    """Pages (1-based numbers) as PIL pictures at `scale` pixels a point (for colours behind
    text), `at_once` pages from each opening of the document; pdfium is free while they are
    looked at."""
    for start in range(0, len(numbers), at_once):
        with pdfium_document(data) as document:
            pictures = [
                (number, document[number - 1].render(scale=scale).to_pil().convert("RGB"))
                for number in numbers[start : start + at_once]
            ]
        yield from pictures
