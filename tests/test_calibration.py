"""The printer calibration sheet, read the way a user reads it: the back page shifted as a
printer would, held to the light (mirrored the way the sheet turns), the number read off the
front's printed scales under the back's cross."""

from __future__ import annotations

import ctypes
import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from pypdf import PdfReader, PdfWriter, Transformation

import handoutgen
from conftest import run, write

MM = 72 / 25.4
Bounds = tuple[float, float, float, float]


def shifted_back(pdf: bytes, dx: float, dy: float) -> bytes:
    """The sheet as a printer that puts the back (dx, dy) mm off prints it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[1].add_transformation(Transformation().translate(dx * MM, dy * MM))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_objects(pdf: bytes, number: int) -> tuple[list[tuple[str, Bounds, float]], list[Bounds], tuple[float, float]]:
    """Texts (with bounds and size) and path bounds on a page, and the page size."""
    document = pdfium.PdfDocument(pdf)
    page = document[number]
    textpage = page.get_textpage()
    texts, paths = [], []
    for item in page.get_objects():
        if item.type == raw.FPDF_PAGEOBJ_TEXT:
            length = raw.FPDFTextObj_GetText(item.raw, textpage.raw, None, 0)
            buffer = (ctypes.c_ushort * (length // 2))()
            raw.FPDFTextObj_GetText(item.raw, textpage.raw, buffer, length)
            size = ctypes.c_float()
            raw.FPDFTextObj_GetFontSize(item.raw, ctypes.byref(size))
            text = bytes(buffer).decode("utf-16-le").rstrip("\x00")
            texts.append((text, tuple(item.get_bounds()), size.value * abs(item.get_matrix().a)))
        elif item.type == raw.FPDF_PAGEOBJ_PATH:
            paths.append(tuple(item.get_bounds()))
    return texts, paths, page.get_size()


def seen_from_the_front(bounds: Bounds, size: tuple[float, float], over_top: bool) -> Bounds:
    left, bottom, right, top = bounds
    if over_top:
        return (left, size[1] - top, right, size[1] - bottom)
    return (size[0] - right, bottom, size[0] - left, top)


def crosses(paths: list[Bounds]) -> list[tuple[float, float]]:
    """The centres of the back's crosses: where a long level line meets a long upright one."""
    level = [b for b in paths if b[2] - b[0] > 30 * MM and b[3] - b[1] < 2]
    upright = [b for b in paths if b[3] - b[1] > 30 * MM and b[2] - b[0] < 2]
    found = []
    for h in level:
        y = (h[1] + h[3]) / 2
        for v in upright:
            x = (v[0] + v[2]) / 2
            if h[0] < x < h[2] and v[1] < y < v[3]:
                found.append((x, y))
    return found


def reading(labels: list[tuple[float, int]], at: float) -> float:
    """The value at `at` on a scale whose numbers are printed at these positions (a straight fit)."""
    n = len(labels)
    mean_p, mean_v = sum(p for p, _ in labels) / n, sum(v for _, v in labels) / n
    slope = sum((p - mean_p) * (v - mean_v) for p, v in labels) / sum((p - mean_p) ** 2 for p, _ in labels)
    return mean_v + slope * (at - mean_p)


def read_offset(pdf: bytes, over_top: bool) -> list[tuple[float, float]]:
    texts, _, size = page_objects(pdf, 0)
    _, paths, _ = page_objects(pdf, 1)
    numbers = [(b, int(t)) for t, b, _ in texts if re.fullmatch(r"[+-]?\d+", t)]
    readings = []
    for bx, by in crosses(paths):
        x, y, _, _ = seen_from_the_front((bx, by, bx, by), size, over_top)
        across = [((b[0] + b[2]) / 2, v) for b, v in numbers if -30 * MM < (b[1] + b[3]) / 2 - y < -14 * MM]
        across = [(p, v) for p, v in across if abs(p - x) < 15 * MM]
        upright = [((b[1] + b[3]) / 2, v) for b, v in numbers if -25 * MM < (b[0] + b[2]) / 2 - x < -13 * MM]
        upright = [(p, v) for p, v in upright if abs(p - y) < 15 * MM]
        readings.append((reading(across, x), reading(upright, y)))
    return readings


LAYOUTS = {
    "cards-a6": False,
    "cards-wallet": False,
    "cards-letter": False,
    "short-edge": True,
}


def layout_for(name: str, folder: Path) -> str | Path:
    if name == "short-edge":
        return write(folder / "short.yaml", "extends: cards-a6\ncards: {duplex: short-edge}\n")
    return name


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("shift", [(1.5, -0.5), (-2.0, 3.0)])
def test_the_numbers_under_the_cross_are_the_offset_to_enter(
    name: str, shift: tuple[float, float], tmp_path: Path
) -> None:
    layout = layout_for(name, tmp_path)
    printed = shifted_back(handoutgen.calibration(layout), *shift)
    readings = read_offset(printed, LAYOUTS[name])
    assert len(readings) >= 2
    for x, y in readings:  # the offset that moves the backs back: the opposite of the printer's shift
        assert (x, y) == pytest.approx((-shift[0], -shift[1]), abs=0.15), name


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_front_and_back_words_never_show_through_each_other(name: str, tmp_path: Path) -> None:
    pdf = handoutgen.calibration(layout_for(name, tmp_path))
    front, _, size = page_objects(pdf, 0)
    back, _, _ = page_objects(pdf, 1)
    assert all(text_size >= 10 - 0.01 for _, _, text_size in front + back)
    for _, bounds, _ in back:
        seen = seen_from_the_front(bounds, size, LAYOUTS[name])
        for text, other, _ in front:
            apart = seen[2] < other[0] or other[2] < seen[0] or seen[3] < other[1] or other[3] < seen[1]
            assert apart, (name, text)


def test_the_sheet_states_the_signs_as_seen_from_the_front(tmp_path: Path) -> None:
    long_edge = PdfReader(io.BytesIO(handoutgen.calibration("cards-a6"))).pages[0].extract_text()
    short = PdfReader(io.BytesIO(handoutgen.calibration(layout_for("short-edge", tmp_path)))).pages[0].extract_text()
    flat = " ".join(long_edge.split()), " ".join(short.split())
    assert "x counts up to the right and y counts up downwards" in flat[0]
    assert "x counts up to the left and y counts up upwards" in flat[1]


def test_calibrate_command_writes_the_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("calibrate", "--layout", "cards-wallet", "-o", "cal.pdf")
    assert result.exit_code == 0, result.stderr
    assert len(PdfReader(tmp_path / "cal.pdf").pages) == 2
    assert run("calibrate", "--layout", "a4").exit_code == 2
