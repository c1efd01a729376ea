"""Handout blocks a reader fills in with a pen: `checklist` and `log`."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

import handoutgen
from conftest import MINIMAL, pdf_text, run, write

BLOCKS = """\
      - checklist:
          - I rested today.
          - I did my stretches.
          - I used heat on the sore side.
      - log:
          items: [Stretches, Foam roller]
          weeks: 2
"""


def squares(pdf: bytes, page: int = 0) -> int:
    """Empty square paths on a page (tick boxes), told apart from table cells by size."""
    found = 0
    for item in pdfium.PdfDocument(pdf)[page].get_objects():
        if item.type == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = item.get_bounds()
            if 8 < right - left < 16 and abs((right - left) - (top - bottom)) < 1:
                found += 1
    return found


def test_a_checklist_prints_a_box_before_each_item_and_a_log_its_days(tmp_path: Path) -> None:
    source = write(tmp_path / "handouts" / "h.yaml", MINIMAL + BLOCKS)
    pdf = handoutgen.build(source)
    report = handoutgen.check(pdf, content=source)
    assert report.strict_ok, report.format("h")
    text = pdf_text(pdf)
    assert "I did my stretches." in text and "Track your recovery" in text and "Week 2" in text
    assert "Tick a box on each day you did it." in text
    assert squares(pdf) == 3  # one drawn box per item (the log's cells are grid lines)
    spanish = write(tmp_path / "handouts" / "es.yaml", (MINIMAL + BLOCKS).replace("language: en", "language: es"))
    assert "Sigue tu recuperación" in pdf_text(handoutgen.build(spanish))


def test_the_html_edition_has_a_labelled_tick_box_per_item(tmp_path: Path) -> None:
    source = write(tmp_path / "handouts" / "h.yaml", MINIMAL + BLOCKS)
    html = handoutgen.build(source, format="html").decode()
    assert '<input type="checkbox" aria-label="I rested today.">' in html
    assert html.count('type="checkbox"') == 3 + 2 * 2 * 7
    assert handoutgen.check(html.encode(), content=source).ok


def test_a_log_title_replaces_the_heading(tmp_path: Path) -> None:
    source = write(tmp_path / "handouts" / "h.yaml", MINIMAL + "      - log: {items: [Walk], title: My walks}\n")
    text = pdf_text(handoutgen.build(source))
    assert "My walks" in text and "Track your recovery" not in text and "Week 1" in text


@pytest.mark.parametrize(
    ("block", "words"),
    [
        ("checklist: []", "is empty"),
        ("checklist: Rest", "must be a list"),
        ("checklist: [[a, b]]", "item 1 of `checklist`"),
        ("checklist: [" + ", ".join(f"item {n}" for n in range(21)) + "]", "at most 20"),
        ("checklist: ['" + "word " * 70 + "']", "300"),
        ("log: {weeks: 2}", "`items`"),
        ("log: {items: []}", "is empty"),
        ("log: {items: [a], weeks: 0}", "`weeks`"),
        ("log: {items: [a], weeks: 5}", "`weeks`"),
        ("log: {items: [a, b, c, d, e, f, g, h, i]}", "at most 8"),
        ("log: {items: [a], days: 7}", "`days`"),
        ("log: {items: [a], title: ['x']}", "`title`"),
    ],
)
def test_bad_checklists_and_logs_are_errors_at_their_line(block: str, words: str, tmp_path: Path) -> None:
    write(tmp_path / "handouts" / "h.yaml", MINIMAL + f"      - {block}\n")
    result = run("validate", tmp_path / "handouts" / "h.yaml")
    assert result.exit_code == 2, result.output
    assert "h.yaml:9:" in result.stderr and words in result.stderr, result.stderr


def test_a_log_with_long_names_fits_a_narrow_column(tmp_path: Path) -> None:
    layout = write(tmp_path / "layouts" / "two.yaml", "extends: a4\ncolumns: 2\n")
    long_name = "Hippopotomonstrosesquipedalianwords"  # 35 letters: allowed, longer than a column's share
    source = write(
        tmp_path / "handouts" / "h.yaml", MINIMAL + f"      - log: {{items: [{long_name}, Walk], weeks: 2}}\n"
    )
    pdf = handoutgen.build(source, layout=layout)
    report = handoutgen.check(pdf, content=source, layout=layout)
    assert report.ok, report.format("two columns")
