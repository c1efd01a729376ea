"""Pages of a PDF as PNG pictures (pypdfium2): for previews, the README and visual tests."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import HandoutError

MAX_PIXELS = 60_000_000  # a 600 dpi A4 page is 35 million; beyond this a preview costs gigabytes


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
    import pypdfium2 as pdfium

    from ..output import write_file

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise HandoutError.at(None, f"not a readable PDF: {exc}") from None
    first, last = pages
    last = len(document) if last is None else last
    if first > len(document) or last > len(document):
        raise HandoutError.at(None, f"the document has {len(document)} pages; asked for {first}-{last}")
    written = []
    for number in range(first, last + 1):
        width, height = document[number - 1].get_size()
        pixels = (width * dpi / 72) * (height * dpi / 72)
        if pixels > MAX_PIXELS:
            most = int(72 * (MAX_PIXELS / (width * height)) ** 0.5)
            raise HandoutError.at(
                None,
                f"page {number} at {dpi} dpi would be {width * dpi / 72:,.0f} × {height * dpi / 72:,.0f} pixels; "
                f"the limit is {MAX_PIXELS // 1_000_000} million pixels",
                f"use --dpi {most} or lower for this page",
            )
        image = document[number - 1].render(scale=dpi / 72).to_pil()
        target = out / f"{stem}-{number}.png"
        import io

        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        write_file(target, buffer.getvalue())
        written.append(target)
    return written
