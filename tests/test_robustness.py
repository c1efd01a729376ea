"""Inputs found by trying to break the tool: each must be a clean error or a correct PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import MINIMAL, copy_examples, pdf_text, reader, run, write


def png(path: Path, size: tuple[int, int] = (40, 20), mode: str = "RGB") -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, "#0f5e6e" if mode == "RGB" else 0).save(path)
    return path


@pytest.fixture
def here(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project


def test_png_logo_builds(here: Path) -> None:
    png(here / "layouts" / "logo.png", (200, 80))
    write(here / "layouts" / "l.yaml", "extends: a4\nbrand: {name: Clinic, logo: logo.png}\n")
    write(here / "handouts" / "h.yaml", MINIMAL)
    result = run("build", "handouts/h.yaml", "-l", "layouts/l.yaml", "-o", "h.pdf")
    assert result.exit_code == 0, result.stderr
    xobjects = reader(here / "h.pdf").pages[0]["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_handout_with_a_card_layout_uses_its_page(here: Path) -> None:
    write(here / "handouts" / "h.yaml", MINIMAL)
    result = run("build", "handouts/h.yaml", "-l", "cards-a6", "-o", "h.pdf")
    assert result.exit_code == 0, result.stderr
    assert "Rest your legs today." in pdf_text(here / "h.pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "empty-deck",
            "deck: d\ntitle: D\nlanguage: en\nexercises: []\n",
            "handouts/d.yaml:4:12: error: `exercises` is empty",
        ),
        ("empty-sections", MINIMAL.split("sections:")[0] + "sections: []\n", "`sections` is empty"),
        (
            "table-rows-as-text",
            MINIMAL + "      - table: {header: [a, b], rows: [x, y]}\n",
            "item 1 of `rows` must be a list",
        ),
        (
            "bidi-control",
            MINIMAL.replace("Rest your legs today.", '"Rest \\u202e today"'),
            "invisible control characters (U+202E)",
        ),
        (
            "escape-in-text",
            MINIMAL.replace("Rest your legs today.", '"Rest \\e]0;HACKED\\a today"'),
            "invisible control characters (U+0007, U+001B)",
        ),
    ],
)
def test_more_bad_content(name: str, content: str, message: str, here: Path) -> None:
    write(here / "handouts" / "d.yaml", content)
    result = run("build", "handouts/d.yaml", "-o", "out/d.pdf")
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr  # never raw to the terminal
    assert not (here / "out").exists()


@pytest.mark.parametrize(
    ("name", "layout", "message"),
    [
        ("huge-padding", "extends: cards-a6\ncards: {padding: 60mm}\n", "`padding` is 60 mm; it must be from 1 mm"),
        (
            "padding-eats-the-card",
            "extends: cards-wallet\ncards: {padding: 18mm}\n",
            "`padding` 18.0 mm leaves no room for text on the card",
        ),
        ("negative-margins", "extends: a4\npage: {margins: -10mm}\n", "`all` is -10 mm; it must be from 0 mm"),
        (
            "margins-eat-the-page",
            "extends: a4\npage: {size: a5, margins: {left: 40mm, right: 40mm}}\ncolumns: 2\n",
            "that is too little",
        ),
        ("negative-leading", "extends: a4\ntext: {leading: -1}\n", "`leading` is -1"),
        ("negative-gutter", "extends: cards-a6\ncards: {gutter: -20mm}\n", "`gutter` is -20 mm; it must be from 0"),
        ("wild-back-offset", "extends: cards-a6\ncards: {back_offset: {x: 500mm}}\n", "`x` is 500 mm; it must be"),
        ("tiny-page", "extends: a4\npage: {size: {width: 10mm, height: 10mm}}\n", "`width` is 10 mm; it must be"),
    ],
)
def test_unusable_layouts_are_errors(name: str, layout: str, message: str, here: Path) -> None:
    copy_examples(here)
    write(here / "layouts" / "bad.yaml", layout)
    result = run("build", "handouts/decks/glute-stretches.yaml", "-l", "layouts/bad.yaml", "-o", "out/x.pdf")
    assert result.exit_code == 2, result.stderr
    assert "layouts/bad.yaml:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("decompression-bomb", lambda p: png(p, (9000, 9000), "1"), "too large to print"),
        ("truncated-png", lambda p: p.write_bytes(png(p, (300, 300)).read_bytes()[:200]), "is damaged"),
    ],
)
def test_damaged_and_huge_pictures_are_errors(name: str, make, message: str, here: Path) -> None:
    make(here / "handouts" / "images" / "p.png")
    write(here / "handouts" / "h.yaml", MINIMAL + "      - image: {path: images/p.png, alt: A picture}\n")
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2, result.stderr
    assert "handouts/h.yaml:9:23: error: picture `images/p.png`" in result.stderr and message in result.stderr


def test_output_problems_are_clean_errors(here: Path) -> None:
    write(here / "handouts" / "h.yaml", MINIMAL)
    (here / "notes.txt").write_text("keep me")
    result = run("build", "handouts/h.yaml", "-o", "notes.txt")
    assert result.exit_code == 2 and "is a file that is not a PDF or HTML page" in result.stderr
    assert (here / "notes.txt").read_text() == "keep me"
    (here / "dir.pdf").mkdir()
    result = run("build", "handouts/h.yaml", "-o", "dir.pdf")
    assert result.exit_code == 2 and "it is a folder" in result.stderr
    write(here / "handouts" / "in.pdf", MINIMAL)
    result = run("build", "handouts/in.pdf", "-o", "handouts/in.pdf")
    assert result.exit_code == 2 and "is the input file itself" in result.stderr
    assert "Rest your legs" in (here / "handouts" / "in.pdf").read_text()


def test_same_named_files_never_overwrite_each_other(here: Path) -> None:
    write(here / "handouts" / "a" / "same.yaml", MINIMAL)
    write(here / "handouts" / "b" / "same.yaml", MINIMAL.replace("Rest", "Walk"))
    result = run("build", "handouts")
    assert result.exit_code == 2
    assert "would overwrite the one from handouts/a/same.yaml" in result.stderr
    assert "Rest your legs" in pdf_text(here / "out" / "same.pdf")


def test_an_exercise_id_defined_twice_is_an_error_where_it_is_used(here: Path) -> None:
    copy_examples(here)
    hip_thrust = (here / "handouts" / "exercises" / "hip-thrust.yaml").read_text()
    write(here / "handouts" / "exercises" / "copy.yaml", hip_thrust)
    result = run("build", "handouts/glute-soreness.yaml", "-o", "out/x.pdf")
    assert result.exit_code == 2
    assert "handouts/glute-soreness.yaml:" in result.stderr
    assert "exercise `hip-thrust` (en) is defined twice in the library" in result.stderr
    assert not (here / "out").exists()
    # A document that does not use it is built, with a warning naming the two files.
    result = run("build", "handouts/decks/glute-stretches.yaml", "-o", "out/p.pdf")
    assert result.exit_code == 0, result.stderr
    assert "warning: exercise `hip-thrust` (en) is defined twice in the library" in result.stderr
    assert "copy.yaml" in result.stderr and (here / "out" / "p.pdf").exists()


def test_bad_source_date_epoch(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(here / "handouts" / "h.yaml", MINIMAL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999")
    result = run("build", "handouts/h.yaml", "-o", "h.pdf")
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH is `99999999999999`" in result.stderr


def test_not_a_regular_file(here: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    result = run("validate", "/dev/zero")
    assert result.exit_code == 2 and "/dev/zero: not a regular file" in result.stderr


def test_damaged_pdf_fails_its_check_without_crashing(tmp_path: Path) -> None:
    pdf = bytearray(handoutgen.build(write(tmp_path / "handouts" / "h.yaml", MINIMAL)))
    start = pdf.index(b"stream") + 8
    pdf[start : start + 40] = b"\x00~~}}{{||" * 4 + b"\x00" * 4
    (tmp_path / "bad.pdf").write_bytes(bytes(pdf))
    result = run("check", tmp_path / "bad.pdf")
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output


def test_long_titles_shrink_in_the_footer_and_long_urls_pass_the_check(tmp_path: Path) -> None:
    title = "A very long handout title that goes on and on about glutes, hamstrings, hips, knees, ankles and the back"
    url = "https://example.org/" + "a-very-long-path-segment-" * 8
    source = write(
        tmp_path / "handouts" / "h.yaml",
        MINIMAL.replace("A sample handout", title.strip()).replace(
            "Rest your legs today.", f'"See [this page]({url}) now."'
        ),
    )
    a5 = write(tmp_path / "layouts" / "a5.yaml", "extends: a4\npage: {size: a5}\n")
    pdf = handoutgen.build(source, layout=a5)
    assert handoutgen.check(pdf, content=source, layout=a5).ok
    runs: list[tuple[float, str]] = []
    reader(pdf).pages[0].extract_text(
        visitor_text=lambda t, cm, tm, f, s: runs.append((tm[5], t)) if t.strip() else None
    )
    footer = [text.strip() for y, text in runs if y < 60 and text.strip()]
    # The long title gives way in the footer (it is printed in full at the top); the date stays.
    assert any(text.startswith("Reviewed 1 November 2026") for text in footer), footer
    assert "Page 1 of 1" in " ".join(footer)


def test_a_long_table_starts_under_its_heading_on_the_first_page(tmp_path: Path) -> None:
    rows = "\n".join(f"            - [row {i}, value {i}, more {i}]" for i in range(60))
    source = write(
        tmp_path / "handouts" / "t.yaml",
        MINIMAL.replace(
            "      - text: Rest your legs today.\n",
            f"      - table:\n          header: [a, b, c]\n          rows:\n{rows}\n",
        ),
    )
    pdf = handoutgen.build(source)
    first_page = reader(pdf).pages[0].extract_text()
    assert "What to do" in first_page and "row 0" in first_page
    assert handoutgen.check(pdf, content=source).ok


def test_calibrate_refuses_a_page_layout_without_pointing_into_the_package() -> None:
    result = run("calibrate", "--layout", "a4")
    assert result.exit_code == 2
    assert "calibration is for card layouts" in result.stderr and "builtin" not in result.stderr


def test_italic_from_a_library_exercise_and_odd_qr_urls(project: Path) -> None:
    copy_examples(project)
    squat = project / "handouts" / "exercises" / "squat.yaml"
    squat.write_text(
        squat.read_text().replace("Squeeze your buttocks at the top.", "Squeeze your *buttocks* at the top.")
    )
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL
        + """\
      - exercises: [squat]
      - qr: {url: "https://example.org/v?a=1)b*c*", label: Watch}
""",
    )
    pdf = handoutgen.build(source)  # an italic face was needed only by the exercise: no crash
    text = pdf_text(pdf)
    assert "https://example.org/v?a=1)b*c*" in text.replace("\n", "")
    uris = [a.get_object()["/A"]["/URI"] for a in reader(pdf).pages[0]["/Annots"]]
    assert set(uris) == {"https://example.org/v?a=1)b*c*"}
    assert handoutgen.check(pdf, content=source).ok


def test_programme_as_cards_keeps_the_patient_out_of_the_metadata(project: Path) -> None:
    copy_examples(project)
    program = project / "handouts" / "programs" / "glute-rehab.yaml"
    program.write_text(
        program.read_text().replace("title: Your glute strengthening programme", "title: Programme for Alex Morgan")
    )
    cards = handoutgen.build(program, layout="cards-a6")
    assert "Alex" not in str(reader(cards).metadata.title)
    pages = handoutgen.build(program)
    assert "Alex" not in str(reader(pages).metadata.title)


def test_long_exercise_names_grow_their_log_row_and_a5_large_print_builds(project: Path) -> None:
    copy_examples(project)
    squat = project / "handouts" / "exercises" / "squat.yaml"
    squat.write_text(squat.read_text().replace("name: Squat", "name: Squat to a chair with your arms reaching forward"))
    layout = write(project / "layouts" / "a5big.yaml", "extends: large-print\npage: {size: a5}\n")
    program = project / "handouts" / "programs" / "glute-rehab.yaml"
    pdf = handoutgen.build(program, layout=layout)
    assert handoutgen.check(pdf, content=program, layout=layout).ok


def test_two_rows_with_one_file_name(here: Path) -> None:
    copy_examples(here)
    write(
        here / "rows.csv",
        "id,patient,clinician,date,review_date\nsame,Ann,X,2026-11-20,2026-12-18\nsame,Bob,X,2026-11-20,2026-12-18\n",
    )
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", "rows.csv", "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 1
    assert "row 2 (rows.csv:3): skipped" in result.stderr and "would overwrite the one from row 1" in result.stderr


def test_csv_cells_may_hold_newlines(here: Path) -> None:
    copy_examples(here)
    write(
        here / "rows.csv",
        'id,patient,clinician,date,review_date\na,"Alex\nMorgan",X,2026-11-20,2026-12-18\nb,Bo,X,bad-date,2026-12-18\n',
    )
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", "rows.csv", "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 1
    assert "row 2 (rows.csv:4): skipped" in result.stderr  # the quoted newline kept the line count right
    assert "Alex Morgan" in pdf_text(here / "out" / "a.pdf").replace("\n", " ")


@pytest.mark.parametrize(
    "args", [["calibrate", "-o", "afile/x.pdf"], ["schema", "--out", "afile/s"], ["preview", "notes.pdf"]]
)
def test_commands_that_write_report_failures_cleanly(args: list[str], here: Path) -> None:
    (here / "afile").write_text("a file, not a folder")
    (here / "notes.pdf").write_text("not a pdf")
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.stderr and "error:" in result.stderr


def test_init_and_new_quote_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", tmp_path / "p", "--name", "Smith & Co: Physio #1").exit_code == 0
    monkeypatch.chdir(tmp_path / "p")
    assert run("new", "handout", "Knee pain: what helps").exit_code == 0
    result = run("build", "-l", "layouts/clinic.yaml")
    assert result.exit_code == 0, result.stderr
    assert "Smith & Co: Physio #1" in pdf_text(Path("out/knee-pain-what-helps.pdf"))


def test_an_exercise_file_that_does_not_load_is_reported_for_its_id(here: Path) -> None:
    copy_examples(here)
    (here / "handouts" / "exercises" / "squat.yaml").write_text("exercise: squat\nname: [broken\n")
    write(here / "handouts" / "decks" / "d.yaml", "deck: d\ntitle: D\nlanguage: en\nexercises: [squat]\n")
    result = run("build", "handouts/decks/d.yaml", "-o", "out/d.pdf")
    assert result.exit_code == 2
    assert "handouts/exercises/squat.yaml:" in result.stderr and "invalid YAML" in result.stderr


def test_lint_reports_layout_findings_once(here: Path) -> None:
    copy_examples(here)
    write(here / "layouts" / "small.yaml", "extends: a4\ntext: {size: 10}\n")
    result = run("lint", "handouts/programs", "-l", "layouts/small.yaml")
    assert result.output.count("small-text") == 1
