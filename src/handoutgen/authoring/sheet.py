"""`handoutgen library sheet`: every picture of the library on a few pages, to look over."""

from __future__ import annotations

from pathlib import Path


def contact_sheet(entries: list, output: Path, width_mm: float) -> None:
    from ..output import write_file
    from ..render.pdf.sheet import sheet_pdf
    from ..resolve.library import load_exercise

    cells = []
    for entry in entries:
        _, start, end = load_exercise(entry.path)
        cells += [(f"{entry.exercise.exercise} · {which}", p) for which, p in (("start", start), ("end", end)) if p]
    write_file(output, sheet_pdf(cells, width_mm, f"Library pictures at {width_mm:g} mm"))
