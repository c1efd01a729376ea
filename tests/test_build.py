"""Building handouts: what a reader of the PDF sees."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import (
    CLINIC_LAYOUT,
    GLUTE,
    GLUTE_ES,
    MINIMAL,
    copy_examples,
    example_outputs,
    pdf_text,
    reader,
    run,
    write,
)

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def font_sizes(pdf: bytes) -> list[float]:
    sizes: list[float] = []
    for page in reader(pdf).pages:
        page.extract_text(
            visitor_text=lambda text, cm, tm, font, size: sizes.append(round(size * tm[0], 1)) if text.strip() else None
        )
    return sizes


def test_glute_handout_has_every_section_and_the_printed_labels() -> None:
    pdf = handoutgen.build(GLUTE)
    text = pdf_text(pdf)
    pages = len(reader(pdf).pages)
    for heading in (
        "Sore glutes from running",
        "Key points",
        "Why your glutes get sore",
        "How to prevent sore glutes",
        "Questions runners often ask",
        "When to get help",
    ):
        assert heading in text
    assert "Reviewed 1 November 2026" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert 4 <= pages <= 5
    for exercise in ("Squat", "Lunge", "Hip thrust"):  # the exercises block in the prevention section
        assert exercise in text
    for stretch in ("Pigeon pose", "Seated glute stretch", "Foam roll for glutes"):  # and the recovery one
        assert stretch in text
    assert "Start shows where you begin" in " ".join(text.split())  # how to read the pictures
    assert "Tick these off as you recover:" in text and "Track your recovery" in text


def test_spanish_edition_prints_spanish_labels() -> None:
    pdf = handoutgen.build(GLUTE_ES)
    text = pdf_text(pdf)
    assert "Puntos clave" in text
    assert "Revisado el 1 de noviembre de 2026" in text
    assert f"Página 1 de {len(reader(pdf).pages)}" in text
    assert "Sentadilla" in text and "3 series de 10" in text
    assert "¿" in text and "glúteos" in text


def test_pdf_metadata_bookmarks_and_page_size() -> None:
    pdf = reader(handoutgen.build(GLUTE))
    assert pdf.metadata.title == "Sore glutes from running"
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    assert [o.title for o in pdf.outline][:2] == ["Why your glutes get sore", "How to prevent sore glutes"]
    assert pdf.get_destination_page_number(pdf.outline[-1]) == len(pdf.pages) - 1
    for page in pdf.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.1)


def test_every_font_is_embedded_and_subset() -> None:
    pdf = reader(handoutgen.build(GLUTE, layout=CLINIC_LAYOUT))
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    assert all("+" in name for name in names)  # subset prefix
    assert {n.split("+")[1] for n in names} >= {"NotoSans-Regular", "NotoSans-Bold"}


def test_letter_and_large_print_layouts() -> None:
    letter = reader(handoutgen.build(GLUTE, layout="letter"))
    assert (float(letter.pages[0].mediabox.width), float(letter.pages[0].mediabox.height)) == LETTER
    large = handoutgen.build(GLUTE, layout="large-print")
    sizes = font_sizes(large)
    assert max(set(sizes), key=sizes.count) == 18.0  # body text
    assert len(reader(large).pages) > len(reader(handoutgen.build(GLUTE)).pages)


def test_body_text_is_12pt_by_default() -> None:
    sizes = font_sizes(handoutgen.build(GLUTE))
    assert max(set(sizes), key=sizes.count) == 12.0


def test_clinic_layout_prints_brand_logo_and_disclaimer() -> None:
    pdf = handoutgen.build(GLUTE, layout=CLINIC_LAYOUT)
    text = pdf_text(pdf)
    assert text.count("Riverside Physio & Sports Clinic") == len(reader(pdf).pages)
    assert "01632 960 123" in text
    assert "does not replace a check-up" in text
    report = handoutgen.check(pdf, content=GLUTE, layout=CLINIC_LAYOUT)
    assert report.ok, report.format("clinic")


def test_custom_page_size_landscape_and_two_columns(project: Path) -> None:
    layout = write(
        project / "layouts" / "wide.yaml",
        """\
        extends: a4
        page: {size: {width: 200mm, height: 150mm}, orientation: landscape, margins: 12mm}
        columns: 2
        """,
    )
    source = write(project / "handouts" / "h.yaml", MINIMAL)
    pdf = reader(handoutgen.build(source, layout=layout))
    box = pdf.pages[0].mediabox
    assert float(box.width) == pytest.approx(200 / 25.4 * 72)
    assert float(box.height) == pytest.approx(150 / 25.4 * 72)


def test_two_columns_place_text_side_by_side(project: Path) -> None:
    layout = write(project / "layouts" / "two.yaml", "extends: a4\ncolumns: 2\n")
    para = " ".join(["Walking gently helps sore muscles recover."] * 4)
    blocks = "\n".join(f"      - text: {para} Part {i}." for i in range(12))
    source = write(project / "handouts" / "h.yaml", MINIMAL.replace("      - text: Rest your legs today.", blocks))
    xs = set()
    reader(handoutgen.build(source, layout=layout)).pages[0].extract_text(
        visitor_text=lambda t, cm, tm, f, s: xs.add(round(tm[4] * cm[0] + cm[4])) if "Part" in t else None
    )
    assert min(xs) < 100 < 300 < max(xs)


def test_cli_build_folder_writes_each_handout(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    for hidden in (".git", ".venv/lib", "handouts/node_modules/pkg"):  # YAML that is not ours
        write(project / hidden / "config.yaml", "handout: [broken\n")
    monkeypatch.chdir(project)
    result = run("build")
    assert result.exit_code == 0, result.output + result.stderr
    assert "built out/glute-soreness.pdf" in result.output
    assert sorted(p.name for p in (project / "out").glob("*.pdf")) == example_outputs()
    assert {"glute-rehab.pdf", "glute-soreness.es.pdf", "glute-stretches.pdf", "runners-knee.es.pdf"} <= set(
        example_outputs()
    )
    assert "skipped handouts/programs/glute-rehab-template.yaml: programme template" in result.stderr
    assert "built out/glute-stretches.pdf (2 pages, checked: 4 cards)" in result.output
    assert not list((project / "out").glob(".*"))  # no temporary files left


def test_cli_build_one_file_to_named_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write(project / "handouts" / "h.yaml", MINIMAL)
    monkeypatch.chdir(project)
    result = run("build", source, "--layout", "letter", "-o", "my.pdf")
    assert result.exit_code == 0, result.stderr
    assert "Rest your legs today." in pdf_text(project / "my.pdf")


def test_cli_refuses_one_pdf_name_for_many_handouts(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    result = run("build", "handouts", "-o", "one.pdf")
    assert result.exit_code == 2
    assert "give a folder instead" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").output.strip() == f"handoutgen, version {handoutgen.__version__}"
    helped = run("--help").output
    assert "handoutgen build" in helped and "large-print" in helped
    assert "--no-check" in run("build", "--help").output


def test_validate_reports_ok_and_problems(project: Path) -> None:
    good = write(project / "handouts" / "good.yaml", MINIMAL)
    bad = write(project / "handouts" / "bad.yaml", MINIMAL.replace("text:", "txet:"))
    result = run("validate", good, bad)
    assert result.exit_code == 2
    assert f"ok  {good}" in result.output
    assert f"{bad}:8:9: error: unknown block kind `txet`" in result.stderr
    assert "did you mean `text`?" in result.stderr


def test_bold_survives_any_font_loading_order(tmp_path: Path) -> None:
    """A fresh process that loads an SVG logo before rendering still sets step titles in bold."""
    import subprocess
    import sys

    out = tmp_path / "clinic.pdf"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "handoutgen",
            "build",
            str(GLUTE),
            "-l",
            str(CLINIC_LAYOUT),
            "-o",
            str(out),
            "--no-check",
        ],
        check=True,
        capture_output=True,
    )
    fonts: dict[str, str] = {}
    for page in reader(out).pages:
        page.extract_text(
            visitor_text=lambda t, cm, tm, f, s: (
                fonts.setdefault(t.strip(), str(f["/BaseFont"])) if f and t.strip() else None
            )
        )
    for title in ("Make your glutes stronger", "Warm up and cool down", "Build up slowly", "Rest"):
        assert fonts[title].endswith("NotoSans-Bold"), (title, fonts.get(title))


@pytest.mark.parametrize("layout", ["a4", "letter", "large-print"])
@pytest.mark.parametrize("source", [GLUTE, GLUTE_ES], ids=["en", "es"])
def test_no_page_ends_with_a_section_heading(layout: str, source: Path) -> None:
    handout = handoutgen.validate(source)
    headings = {str(section.title) for section in handout.sections}
    for number, page in enumerate(reader(handoutgen.build(source, layout=layout)).pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        last_body_line = lines[-3]  # the footer's two lines come last
        assert last_body_line not in headings, f"page {number} ends with the heading {last_body_line!r}"


def test_a_folder_build_ends_with_a_summary_line(project: Path, monkeypatch) -> None:
    from conftest import MINIMAL, copy_examples, run, write

    copy_examples(project)
    monkeypatch.chdir(project)
    result = run("build", "--no-check")
    assert result.exit_code == 0, result.stderr
    assert result.output.splitlines()[-1] == f"built {len(example_outputs())}, failed 0, skipped 1"
    write(project / "handouts" / "broken.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    result = run("build", "--no-check")
    assert result.exit_code == 2
    assert f"built {len(example_outputs())}, failed 1, skipped 1" in result.stderr
    single = run("build", "handouts/glute-soreness.yaml", "--no-check")
    assert "failed 0" not in single.output  # one file needs no summary
