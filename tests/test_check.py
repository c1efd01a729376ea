"""`handoutgen check`: it must catch what a printer or a patient would notice."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import handoutgen
from conftest import GLUTE, MINIMAL, run, write
from handoutgen.errors import HandoutError


def helvetica_pdf(draw) -> bytes:
    """A PDF made the naive way: base-14 Helvetica, not embedded."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_built_handout_passes_every_check() -> None:
    report = handoutgen.check(handoutgen.build(GLUTE), content=GLUTE, layout="a4")
    assert report.ok, report.format("glute")
    assert {f.check for f in report.findings} == {"pages", "fonts", "metadata", "safety", "text", "links", "words"}
    assert report.words_expected > 600
    assert report.bookmarks == 5


def test_missing_words_are_named_with_their_source_line(project: Path) -> None:
    built = handoutgen.build(write(project / "handouts" / "a.yaml", MINIMAL))
    longer = write(project / "handouts" / "b.yaml", MINIMAL + "      - text: Drink plenty of water.\n")
    report = handoutgen.check(built, content=longer)
    assert not report.ok
    # "of" is in the footer ("Page 1 of 1"), but the footer's words never stand in for the content's
    assert report.words_missing == ["drink", "plenty", "of", "water"]
    words = next(f for f in report.findings if f.check == "words")
    assert "b.yaml:9:15" in words.message


def test_unembedded_fonts_missing_metadata_and_offpage_text_fail() -> None:
    pdf = helvetica_pdf(lambda c: (c.drawString(72, 720, "Hello"), c.drawString(-80, 400, "lost")))
    report = handoutgen.check(pdf)
    failed = {f.check: f.message for f in report.findings if not f.ok}
    assert "Helvetica" in failed["fonts"]
    assert "no language" in failed["metadata"]
    assert "'lost'" in failed["text"]


def test_links_with_unsafe_schemes_fail() -> None:
    def draw(c: Canvas) -> None:
        c.setTitle("t")
        c.drawString(72, 720, "click")
        c.linkURL("javascript:alert(1)", (72, 710, 140, 730), relative=0)

    report = handoutgen.check(helvetica_pdf(draw))
    links = next(f for f in report.findings if f.check == "links")
    assert not links.ok and "javascript:alert(1)" in links.message


def test_wrong_page_size_for_the_layout_fails() -> None:
    report = handoutgen.check(handoutgen.build(GLUTE), layout="letter")
    pages = next(f for f in report.findings if f.check == "pages")
    assert not pages.ok and "the layout asks for 216 × 279 mm" in pages.message


def test_not_a_pdf(tmp_path: Path) -> None:
    with pytest.raises(HandoutError, match="not a readable PDF"):
        handoutgen.check(b"%PDF-1.4 nothing here")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 nothing here")
    result = run("check", tmp_path / "bad.pdf")
    assert result.exit_code == 2 and "not a readable PDF" in result.stderr and "Traceback" not in result.output


def test_cli_check_text_and_json(tmp_path: Path) -> None:
    pdf = tmp_path / "g.pdf"
    pdf.write_bytes(handoutgen.build(GLUTE))
    result = run("check", pdf, "--content", GLUTE)
    assert result.exit_code == 0
    assert "ok   words" in result.output and "ok   fonts" in result.output
    data = json.loads(run("check", pdf, "--json").output)
    assert data["ok"] is True and data["pages"] >= 3 and data["language"] == "en"
    assert data["page_size_mm"] == [210.0, 297.0]


def test_cli_check_failure_exits_1(tmp_path: Path) -> None:
    pdf = tmp_path / "naive.pdf"
    pdf.write_bytes(helvetica_pdf(lambda c: c.drawString(72, 720, "Hello")))
    result = run("check", pdf)
    assert result.exit_code == 1
    assert "FAIL fonts" in result.output


def test_build_refuses_to_write_a_pdf_that_fails_its_check(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a renderer that loses text: the check must stop the file being written."""
    from handoutgen.render.pdf import blocks

    write(project / "handouts" / "h.yaml", MINIMAL + "      - bullets: [first, second]\n")
    monkeypatch.setitem(blocks.RENDERERS, "bullets", lambda body, ctx: [])
    monkeypatch.chdir(project)
    result = run("build", "handouts/h.yaml")
    assert result.exit_code == 1
    assert "FAIL words" in result.stderr and "'first'" in result.stderr
    assert not (project / "out" / "h.pdf").exists()


def test_missing_words_are_listed_in_line_order(tmp_path: Path) -> None:
    blocks = "".join(f"      - text: Paragraph {n}.\n" for n in range(1, 8))
    built = write(tmp_path / "handouts" / "built.yaml", MINIMAL + blocks)
    wanted = write(
        tmp_path / "handouts" / "wanted.yaml",
        (MINIMAL + blocks)
        .replace("Paragraph 1.", "Paragraph 1 ninth.")
        .replace("Paragraph 4.", "Paragraph 4 twelfth."),
    )
    report = handoutgen.check(handoutgen.build(built), content=wanted)
    assert report.words_missing == ["ninth", "twelfth"]


def test_a_heading_lost_from_the_body_is_missed_even_though_the_footer_repeats_the_title(project: Path) -> None:
    """The footer prints the title on every page; it must not stand in for a body heading."""
    titled = MINIMAL.replace("title: A sample handout", "title: Knee care").replace(
        "  - title: What to do", "  - title: Knee care"
    )
    plain = titled.replace("  - title: Knee care", "  - title: Other words")
    built = handoutgen.build(write(project / "handouts" / "plain.yaml", plain))
    report = handoutgen.check(built, content=write(project / "handouts" / "titled.yaml", titled))
    assert not report.ok and set(report.words_missing) >= {"knee", "care"}


def test_a_file_built_on_letter_checks_against_its_content_without_the_layout(tmp_path: Path) -> None:
    built = handoutgen.build(GLUTE, layout="letter")
    report = handoutgen.check(built, content=GLUTE)  # the content's default layout is a4
    assert not [f for f in report.findings if f.check == "words" and not f.ok], report.format("letter")
