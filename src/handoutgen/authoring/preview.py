"""Pages of a PDF as PNG pictures (pypdfium2): for previews, the README and visual tests."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import HandoutError

MAX_PIXELS = 60_000_000  # a 600 dpi A4 page is 35 million; beyond this a preview costs gigabytes
MAX_PAGES = 200  # pictures one run draws: a look at a document, not an export of a book


def page_range(spec: str) -> tuple[int, int | None]:
    """`3`, `2-4` or `all` as a 1-based first page and last page (None: to the end)."""
    spec = spec.strip().lower()
    if spec == "all":
        return 1, None
    match = re.fullmatch(r"(\d+)(?:-(\d+))?", spec)
    if not match or int(match.group(1)) < 1 or (match.group(2) and int(match.group(2)) < int(match.group(1))):
        raise HandoutError.at(None, f"--pages `{spec}` is not a page, a range like 2-4, or `all`")
    first = int(match.group(1))
    return first, int(match.group(2)) if match.group(2) else first


def render_pngs(pdf: bytes, pages: tuple[int, int | None], dpi: int, out: Path, stem: str) -> list[Path]:
    """Pages `pages` drawn at `dpi` and written as `stem-N.png` in `out`; nothing is written
    unless every asked-for page can be drawn."""
    from ..output import write_file

    drawn = _draw_pages(pdf, pages, dpi)
    written = []
    for number, png in drawn:
        target = out / f"{stem}-{number}.png"
        write_file(target, png)
        written.append(target)
    return written


def _draw_pages(pdf: bytes, pages: tuple[int, int | None], dpi: int) -> list[tuple[int, bytes]]:
    import pypdfium2 as pdfium

    from ..verify.text import PDFIUM_LOCK

    with PDFIUM_LOCK:  # pdfium is not thread-safe; check and watch use it too
        try:
            document = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise HandoutError.at(None, f"not a readable PDF: {exc}") from None
        try:
            return [(number, _png(document, number, dpi)) for number in _numbers(pages, len(document))]
        finally:
            document.close()


def _numbers(pages: tuple[int, int | None], count: int) -> range:
    first, last = pages
    last = count if last is None else last
    if first > count or last > count:
        raise HandoutError.at(None, f"the document has {count} pages; asked for {first}-{last}")
    if last - first + 1 > MAX_PAGES:
        raise HandoutError.at(
            None,
            f"--pages {first}-{last} asks for {last - first + 1:,} pictures; one run draws at most {MAX_PAGES}",
            f"use --pages {first}-{first + MAX_PAGES - 1}, then the next range",
        )
    return range(first, last + 1)


def _png(document, number: int, dpi: int) -> bytes:
    import io

    import pypdfium2 as pdfium

    try:
        page = document[number - 1]
    except pdfium.PdfiumError as exc:  # a damaged page tree: pdfium finds no such page
        raise HandoutError.at(None, f"not a readable PDF: page {number}: {exc}") from None
    _check_pixels(number, *page.get_size(), dpi)
    buffer = io.BytesIO()
    page.render(scale=dpi / 72).to_pil().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _check_pixels(number: int, width: float, height: float, dpi: int) -> None:
    pixels = (width * dpi / 72) * (height * dpi / 72)
    if pixels > MAX_PIXELS:
        most = int(72 * (MAX_PIXELS / (width * height)) ** 0.5)
        raise HandoutError.at(
            None,
            f"page {number} at {dpi} dpi would be {width * dpi / 72:,.0f} × {height * dpi / 72:,.0f} pixels; "
            f"the limit is {MAX_PIXELS // 1_000_000} million pixels",
            f"use --dpi {most} or lower for this page",
        )
