"""The composition check finds each fault on a PDF made to have it, names its page, and finds
nothing in every example in every built-in layout."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

import handoutgen
from conftest import REPO, run, write
from handoutgen.model.layout import MM
from handoutgen.render.pdf import fonts
from handoutgen.render.pdf.document import document_geometry
from handoutgen.verify.composition import check_composition
from handoutgen.verify.report import Report

HANDOUT = """\
handout: composed
title: Looking after your knees
language: en
reviewed: 2026-11-01
sections:
  - title: Why knees hurt
    blocks:
      - text: Your knees carry your weight with every step you take.
      - text: "Common reasons for sore knees:"
      - bullets: [Doing too much too soon after a break, Weak muscles around the hip and thigh]
  - title: Questions people ask
    blocks:
      - faq: [{q: Should I rest completely?, a: No. Gentle movement helps the joint heal.}]
  - title: Exercises to start with
    blocks:
      - exercises: [squat]
"""
Line = tuple[str, float]  # text, and how far down the page's text area it starts (0 top, 1 bottom)


def draw(document, pages: list[list[Line]], size: float = 12, color: str = "#1d2733", sheet=None) -> bytes:
    """A PDF of `pages`, each line of text at its place inside the document's text area."""
    fonts.register()
    geometry = document_geometry(document) if sheet is None else None
    width, height = sheet or (geometry.width, geometry.height)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    for lines in pages:
        for text, where in lines:
            x, y = (where[0], where[1]) if isinstance(where, tuple) else _in_frame(geometry, where)
            canvas.setFont(fonts.REGULAR, size)
            canvas.setFillColor(color)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _in_frame(geometry, down: float) -> tuple[float, float]:
    left, bottom, _, top = geometry.frame
    return left, top - 14 - down * (top - bottom - 20)


def findings(document, pdf: bytes) -> dict[str, list]:
    report = Report()
    check_composition(report, pdf, document)
    found: dict[str, list] = {}
    for finding in report.composition:
        found.setdefault(finding.code, []).append(finding)
    return found


@pytest.fixture(scope="module")
def knees(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("knees")
    import shutil

    shutil.copytree(REPO / "handouts", folder / "handouts")
    return handoutgen.document(write(folder / "handouts" / "knees.yaml", HANDOUT))


def page_one(knees) -> list[Line]:
    return [
        ("Looking after your knees", 0.0),
        ("Why knees hurt", 0.06),
        ("Your knees carry your weight with every step you take.", 0.12),
    ]


SQUAT_STEPS = [
    "1 Stand with your feet shoulder-width apart and your toes turned out a little.",
    "2 Push your hips back and bend your knees, as if you are sitting down on a chair.",
    "3 Lower until your thighs are almost level with the floor, or as far as is comfortable.",
    "Reach your arms forward for balance.",
    "4 Push through your whole foot to stand up tall. Squeeze your buttocks at the top.",
]


def rest_of(knees, squat_at: float = 0.3) -> list[Line]:
    return [
        ("Common reasons for sore knees:", 0.02),
        ("• Doing too much too soon after a break", 0.08),
        ("• Weak muscles around the hip and thigh", 0.14),
        ("Questions people ask", 0.2),
        ("Should I rest completely?", 0.24),
        ("No. Gentle movement helps the joint heal.", 0.28),
        ("Exercises to start with", squat_at),
        ("Squat", squat_at + 0.04),
        ("3 sets of 10, rest 1 minute between sets, once a day, 3 days a week", squat_at + 0.08),
        *((step, squat_at + 0.12 + i * 0.04) for i, step in enumerate(SQUAT_STEPS)),
        ("Take care: Stop if you feel pain in your knees, hips or back, and only go as low as", squat_at + 0.34),
        ("you can without pain.", squat_at + 0.38),
    ]


def test_a_well_composed_two_page_layout_has_no_findings(knees) -> None:
    assert findings(knees, draw(knees, [page_one(knees), rest_of(knees)])) == {}


def test_a_near_empty_last_page(knees) -> None:
    tail = rest_of(knees)
    last = [(text, 0.04 * index) for index, (text, _) in enumerate(tail[-2:])]
    pdf = draw(knees, [page_one(knees) + [(t, 0.2 + w * 0.5) for t, w in tail[:-2]], last])
    found = findings(knees, pdf)
    assert found["near-empty-page"][0].page == 2 and "% full" in found["near-empty-page"][0].message


def test_a_page_that_ends_on_a_heading_or_a_lead_in(knees) -> None:
    heading = page_one(knees)[:2]  # the section heading is the last thing on page 1
    pdf = draw(knees, [heading, [("Your knees carry your weight with every step you take.", 0.0), *rest_of(knees)]])
    messages = [f.message for f in findings(knees, pdf)["heading-at-foot"]]
    assert 'the page ends on the heading "Why knees hurt"' in messages
    lead = [*page_one(knees), ("Common reasons for sore knees:", 0.9)]
    pdf = draw(knees, [lead, rest_of(knees)[1:]])
    found = findings(knees, pdf)["heading-at-foot"]
    assert found[0].page == 1 and "the lead-in" in found[0].message


def test_a_list_item_split_over_two_pages_and_a_question_parted_from_its_answer(knees) -> None:
    rest = rest_of(knees)
    first = [*page_one(knees), ("Common reasons for sore knees:", 0.8), ("• Doing too much too soon", 0.9)]
    second = [("after a break", 0.0), *rest[2:5], ("No. Gentle movement helps the joint heal.", 0.95)]
    pdf = draw(knees, [first, second[:-1], [second[-1], *rest[6:]]])
    found = findings(knees, pdf)["split-item"]
    assert any(f.page == 1 and "Doing too much" in f.message for f in found)
    assert any("parted from its answer" in f.message for f in found)


def test_an_exercise_parted_from_its_first_steps_and_a_caution_alone(knees) -> None:
    rest = rest_of(knees)
    squat = next(i for i, (text, _) in enumerate(rest) if text == "Squat")
    page_two = [*rest[: squat + 2]]
    pdf = draw(knees, [page_one(knees), page_two, [(t, w - 0.4) for t, w in rest[squat + 2 : -2]], rest[-2:]])
    found = findings(knees, pdf)
    assert any("is parted from its pictures, dose or first steps" in f.message for f in found["split-panel"])
    assert any("without its name at the top" in f.message for f in found["split-panel"])
    assert found["lone-caution"][0].page == 4


def test_text_smaller_than_the_layout_allows(knees) -> None:
    large = handoutgen.document(knees.content, handoutgen.api._layout("large-print"))
    pdf = draw(large, [page_one(large), rest_of(large)], size=14)
    found = findings(large, pdf)["small-text"]
    assert found[0].page == 1 and "under 16 pt" in found[0].message and "14.0 pt" in found[0].message


def test_text_too_faint_for_its_background(knees) -> None:
    pdf = draw(knees, [page_one(knees), rest_of(knees)], color="#b0b0b0")
    found = findings(knees, pdf)["contrast"]
    assert found[0].page == 1 and "#b0b0b0 on #ffffff" in found[0].message and "under 4.5:1" in found[0].message


def test_card_text_near_its_cut_or_the_sheet_edge() -> None:
    deck = handoutgen.document(REPO / "handouts" / "decks" / "glute-stretches.yaml", "cards-a6")
    sheet = (210 * MM, 297 * MM)
    pages = [[("Pigeon pose", (2 * MM, 290 * MM))], [("Pigeon pose", (30 * MM, 180 * MM))]]
    found = findings(deck, draw(deck, pages, sheet=sheet))
    assert found["near-edge"][0].page == 1
    assert found["near-cut"][0].page == 1 and "within 4 mm of a card's cut" in found["near-cut"][0].message


@pytest.mark.parametrize(
    ("content", "layouts"),
    [
        ("handouts/glute-soreness.yaml", ["a4", "letter", "large-print", "layouts/riverside-clinic.yaml"]),
        ("handouts/glute-soreness.es.yaml", ["a4", "letter", "large-print", "layouts/riverside-clinic.yaml"]),
        ("handouts/programs/glute-rehab.yaml", ["a4", "letter", "large-print", "layouts/riverside-clinic.yaml"]),
        ("handouts/decks/glute-stretches.yaml", ["cards-a6", "cards-letter", "cards-wallet"]),
        ("handouts/decks/glute-stretches.es.yaml", ["cards-a6", "cards-letter", "cards-wallet"]),
    ],
)
def test_every_example_passes_check_strict(content: str, layouts: list[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    for layout in layouts:
        out = tmp_path / f"{Path(layout).stem}.pdf"
        result = run("build", content, "-l", layout, "-o", out, "--strict")
        assert result.exit_code == 0, result.stderr
        assert run("check", out, "--content", content, "-l", layout, "--strict").exit_code == 0


def test_the_last_page_of_two_columns_ends_level(tmp_path: Path) -> None:
    """Where the tail would fill one column and leave the other half empty, both end about level."""
    from pypdf import PdfReader

    layout = write(tmp_path / "layouts" / "two.yaml", "extends: a4\ncolumns: 2\n")
    pdf = handoutgen.build(REPO / "handouts" / "glute-soreness.es.yaml", layout=layout)
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    middle = float(page.mediabox.width) / 2
    lowest = {"left": 1e9, "right": 1e9}

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and 60 < y < 780:  # body text, not the header or footer
            side = "left" if tm[4] * cm[0] + cm[4] < middle else "right"
            lowest[side] = min(lowest[side], y)

    page.extract_text(visitor_text=visit)
    assert lowest["left"] < 1e9 and lowest["right"] < 1e9
    assert abs(lowest["left"] - lowest["right"]) < 0.2 * 700  # within a fifth of the column
