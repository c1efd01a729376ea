"""Home-exercise programmes and batch builds from merge data."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import REPO, copy_examples, editions, pdf_text, reader, run, write
from handoutgen.errors import HandoutError

PROGRAM = REPO / "handouts" / "programs" / "glute-rehab.yaml"
TEMPLATE = REPO / "handouts" / "programs" / "glute-rehab-template.yaml"


def test_programme_prints_details_exercises_in_position_order_and_log() -> None:
    pdf = handoutgen.build(PROGRAM)
    text = pdf_text(pdf)
    for words in (
        "Your glute strengthening programme",
        "Alex Morgan",
        "Sam Patel, physiotherapist",
        "20 November 2026",
        "Next review",
        "18 December 2026",
        "Your goals",
        "Run 5 km without glute pain",
        "Your exercises",
        "Your exercise log",
        "Week 1",
        "Week 2",
    ):
        assert words in text, words
    # order: position puts lying (bridge, clamshell) before kneeling (pigeon) before standing (squat)
    positions = [text.index(name) for name in ("Glute bridge", "Clamshell", "Pigeon pose", "Squat")]
    assert positions == sorted(positions)
    # the prescribed dose replaces the library's: squat 2 sets of 8 (library: 3 sets of 10)
    assert "2 sets of 8, rest 1 minute between sets" in text
    assert "Note: Go only as low as feels comfortable." in text
    assert all(day in text for day in ("Mon", "Wed", "Sun"))
    # the appended handout follows as its own leaflet, its sections bookmarked under its title
    assert "Sore glutes from running" in text
    outline = reader(pdf).outline
    assert [o.title for o in outline if not isinstance(o, list)] == [
        "Your exercises",
        "Your exercise log",
        "Sore glutes from running",
    ]
    assert "Why your glutes get sore" in [o.title for o in outline[-1]]
    assert handoutgen.check(pdf, content=PROGRAM).ok


def test_an_appended_handout_is_a_leaflet_numbered_on_its_own() -> None:
    """The programme's pages say "Page 1 of 2"; the handout's say "Page 1 of 5" under its own
    title, so that each part reads true when the patient takes the pages apart."""
    pdf = handoutgen.build(PROGRAM)
    pages = [page.extract_text() for page in reader(pdf).pages]
    assert len(pages) == 7
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
    assert "Page 1 of 5" in pages[2] and "Page 5 of 5" in pages[6]
    assert "Sore glutes from running" in pages[2].splitlines()[-1] + pages[2]
    subsets: dict[str, set[int]] = {}  # each subset name belongs to one font program
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            subsets.setdefault(str(font["/BaseFont"]), set()).add(id(font["/FontDescriptor"].get_object()))
    assert len(subsets) == 4 and all(len(programs) == 1 for programs in subsets.values())
    assert {name[:7] for name in subsets} == {"/AAAAAA", "/BAAAAA"}


def test_a_batch_lays_out_its_appended_handout_once(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from handoutgen.render.pdf import leaflets

    copy_examples(project)
    rows = write_rows(project, GOOD_ROWS)
    monkeypatch.chdir(project)
    laid_out: list[str] = []
    real = leaflets.render_handout
    monkeypatch.setattr(
        leaflets, "render_handout", lambda document: laid_out.append(document.meta.title) or real(document)
    )
    monkeypatch.setattr(leaflets, "_LEAFLETS", {})
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 0, result.stderr
    assert laid_out == ["Sore glutes from running"]  # four programmes, one leaflet
    first, *others = [p.read_bytes() for p in editions(project / "out")]
    tail = pdf_text(first).split("Sore glutes from running", 1)[1]
    assert all(pdf_text(other).split("Sore glutes from running", 1)[1] == tail for other in others)


def test_patient_name_is_on_the_page_not_in_the_metadata() -> None:
    pdf = handoutgen.build(PROGRAM)
    assert "Alex Morgan" in pdf_text(pdf)
    metadata = reader(pdf).metadata
    assert all("Alex" not in str(value) for value in metadata.values())
    assert b"Alex Morgan" not in pdf  # not anywhere in the file outside the (encoded) page text
    named = reader(handoutgen.build(PROGRAM, metadata_name=True)).metadata
    assert named.title == "Your glute strengthening programme – Alex Morgan"


@pytest.mark.parametrize("title", ["ALEX MORGAN's knee plan", "Plan for alex", "Morgan: week one"])
def test_a_title_naming_the_patient_stays_out_of_the_metadata(title: str, project: Path) -> None:
    copy_examples(project)
    source = project / "handouts" / "programs" / "glute-rehab.yaml"
    source.write_text(
        source.read_text().replace(
            "title: Your glute strengthening programme", f"title: '{title.replace(chr(39), chr(39) * 2)}'"
        )
    )
    pdf = handoutgen.build(source)
    assert title in pdf_text(pdf)
    assert all("alex" not in str(v).lower() and "morgan" not in str(v).lower() for v in reader(pdf).metadata.values())
    html = handoutgen.build(source, format="html").decode()
    assert "<title>" in html and "morgan" not in html.split("<title>")[1].split("</title>")[0].lower()


def test_compact_style_fits_about_six_exercises_a_page(project: Path) -> None:
    copy_examples(project)
    ids = ["squat", "lunge", "hip-thrust", "glute-bridge", "clamshell", "pigeon-pose"]
    exercises = "\n".join(f"  - use: {i}" for i in ids)
    source = write(
        project / "handouts" / "programs" / "p.yaml",
        f"""\
program: p
title: Compact programme
language: en
patient: Sam Doe
date: 2026-11-20
style: compact
exercises:
{exercises}
""",
    )
    source.write_text(source.read_text() + "log: {weeks: 2}\n")
    pdf = handoutgen.build(source)
    pages = reader(pdf).pages
    assert len(pages) == 2  # six exercises and the log on two pages, four of them on the first
    first = pages[0].extract_text()
    assert all(name in first for name in ("Squat", "Lunge", "Hip thrust", "Glute bridge"))
    assert "Your exercise log" in pages[1].extract_text()
    detailed = write(project / "handouts" / "programs" / "d.yaml", source.read_text().replace("compact", "detailed"))
    assert len(reader(handoutgen.build(detailed)).pages) > len(pages)  # about two exercises a page
    assert handoutgen.check(pdf, content=source).strict_ok


def test_programme_in_spanish_large_print_and_as_cards(project: Path) -> None:
    copy_examples(project)
    spanish = write(
        project / "handouts" / "programs" / "es.yaml",
        PROGRAM.read_text()
        .replace("language: en", "language: es")
        .replace("  - ../glute-soreness.yaml", "  - ../glute-soreness.es.yaml"),
    )
    text = pdf_text(handoutgen.build(spanish))
    assert "Tus ejercicios" in text and "Sentadilla" in text and "2 series de 8" in text and "Lun" in text
    large = handoutgen.build(PROGRAM, layout="large-print")
    assert handoutgen.check(large, content=PROGRAM, layout="large-print").ok
    cards = handoutgen.build(PROGRAM, layout="cards-a6")
    report = handoutgen.check(cards, content=PROGRAM, layout="cards-a6")
    assert report.ok and report.cards == 4
    assert "Go only as low as feels comfortable" in pdf_text(cards)  # the note, as the card's first tip


def write_rows(folder: Path, rows: str) -> Path:
    return write(folder / "rows.csv", "id,patient,clinician,date,review_date\n" + rows)


GOOD_ROWS = (
    "p1,Alex Morgan,Sam Patel,2026-11-20,2026-12-18\n"
    "p2,**Bob** <b>Smith</b>,Sam Patel,2026-11-21,2026-12-19\n"
    "p3,María Núñez,Ana Ruiz,2026-11-22,2026-12-20\n"
    "p4,Chris Wu,Ana Ruiz,2026-11-23,2026-12-21\n"
)


def test_batch_builds_one_pdf_per_row_with_literal_data(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    rows = write_rows(project, GOOD_ROWS)
    monkeypatch.chdir(project)
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 0, result.stderr
    assert "built 4 of 4 rows" in result.output
    assert [p.name for p in editions(project / "out")] == ["p1.pdf", "p2.pdf", "p3.pdf", "p4.pdf"]
    assert "**Bob** <b>Smith</b>" in pdf_text(project / "out" / "p2.pdf")  # data is text, not markup
    assert "María Núñez" in pdf_text(project / "out" / "p3.pdf")
    assert "Alex" not in result.output + result.stderr  # no patient names in the log


def test_bad_rows_are_reported_and_skipped(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    rows = write_rows(
        project, GOOD_ROWS.replace("2026-11-21", "21/11/2026").replace("p4,Chris Wu,Ana Ruiz,", "p4,Chris Wu,Ana Ruiz")
    )
    monkeypatch.chdir(project)
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 1  # a row with a missing value is reported and skipped, the others built
    assert "rows.csv:5): skipped" in result.stderr and "row 4 (" in result.stderr
    assert "rows.csv:5:1: error: this row has 4 values; the header has 5" in result.stderr
    assert "built 2 of 4 rows" in result.stderr
    rows = write_rows(project, GOOD_ROWS.replace("2026-11-21", "21/11/2026"))
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", "rows.csv", "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 1
    assert "row 2 (rows.csv:3): skipped" in result.stderr
    assert "glute-rehab-template.yaml:8:7: error: `date`: `21/11/2026` is not a date" in result.stderr
    assert "built 3 of 4 rows from rows.csv; 1 row failed" in result.stderr
    assert [p.name for p in editions(project / "out")] == ["p1.pdf", "p3.pdf", "p4.pdf"]


def test_missing_field_names_the_row_and_the_placeholder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    write(project / "rows.yaml", "- {id: a, patient: Ann, clinician: X, date: 2026-11-20}\n")
    monkeypatch.chdir(project)
    result = run(
        "build", "handouts/programs/glute-rehab-template.yaml", "--data", "rows.yaml", "-o", "out/{{ id }}.pdf"
    )
    assert result.exit_code == 1
    assert "glute-rehab-template.yaml:9:14: error: row 1 (rows.yaml:1) has no field `review_date`" in result.stderr


@pytest.mark.parametrize(
    "placeholder",
    [
        "{{ __import__('os').system('touch pwned') }}",
        "{{ patient.__class__ }}",
        "{{ patient | upper }}",
        "{{ 7*7 }}",
        "{{}}",
    ],
)
def test_placeholders_cannot_run_code(placeholder: str, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    write(
        project / "handouts" / "programs" / "t.yaml",
        TEMPLATE.read_text().replace('patient: "{{ patient }}"', f'patient: "{placeholder}"'),
    )
    rows = write_rows(project, GOOD_ROWS)
    monkeypatch.chdir(project)
    result = run("build", "handouts/programs/t.yaml", "--data", rows, "-o", "out/{{ id }}.pdf")
    assert result.exit_code in (1, 2)
    assert "is not a placeholder: placeholders hold one field name" in result.stderr
    assert "t.yaml:6:10: error:" in result.stderr
    assert not (project / "pwned").exists() and not (project / "out").exists()


def test_jobs_give_the_same_bytes_and_shards_cover_every_row_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_examples(project)
    rows = write_rows(project, "".join(f"q{i},Patient {i},Sam Patel,2026-11-20,2026-12-18\n" for i in range(7)))
    monkeypatch.chdir(project)
    template = "handouts/programs/glute-rehab-template.yaml"
    assert run("build", template, "--data", rows, "-o", "one/{{ id }}.pdf", "--jobs", "1").exit_code == 0
    assert run("build", template, "--data", rows, "-o", "two/{{ id }}.pdf", "--jobs", "2").exit_code == 0
    one = {p.name: p.read_bytes() for p in editions(project / "one")}
    two = {p.name: p.read_bytes() for p in editions(project / "two")}
    assert len(one) == 7 and one == two
    seen: list[str] = []
    for index in (1, 2, 3):
        result = run("build", template, "--data", rows, "-o", f"s{index}/{{{{ id }}}}.pdf", "--shard", f"{index}/3")
        assert result.exit_code == 0
        seen += [p.name for p in editions(project / f"s{index}")]
    assert sorted(seen) == sorted(one)  # every row exactly once
    assert run("build", template, "--data", rows, "--shard", "4/3").exit_code == 2


@pytest.mark.parametrize(
    ("variables", "shard"),
    [
        ({"JOB_COMPLETION_INDEX": "{i}"}, "auto/3"),  # a Kubernetes Indexed Job: 0, 1, 2
        ({"SLURM_ARRAY_TASK_ID": "{i}", "SLURM_ARRAY_TASK_MIN": "0"}, "auto/3"),  # sbatch --array=0-2
        ({"SLURM_ARRAY_TASK_ID": "{j}", "SLURM_ARRAY_TASK_MIN": "1"}, "auto/3"),  # sbatch --array=1-3
    ],
)
def test_shards_read_their_index_from_the_job_runner(
    variables: dict, shard: str, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_examples(project)
    rows = write_rows(project, "".join(f"q{i},Patient {i},Sam Patel,2026-11-20,2026-12-18\n" for i in range(7)))
    monkeypatch.chdir(project)
    template = "handouts/programs/glute-rehab-template.yaml"
    seen: list[str] = []
    for task in range(3):
        for name, value in variables.items():
            monkeypatch.setenv(name, value.format(i=task, j=task + 1))
        result = run(
            "build", template, "--data", rows, "-o", f"t{task}/{{{{ id }}}}.pdf", "--shard", shard, "--no-check"
        )
        assert result.exit_code == 0, result.stderr
        seen += [p.name for p in editions(project / f"t{task}")]
    assert sorted(seen) == sorted(f"q{i}.pdf" for i in range(7))


def test_shard_auto_without_a_runner_and_bad_jobs_are_clear_errors(project: Path, monkeypatch) -> None:
    copy_examples(project)
    rows = write_rows(project, GOOD_ROWS)
    monkeypatch.chdir(project)
    for name in ("JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"):
        monkeypatch.delenv(name, raising=False)
    template = "handouts/programs/glute-rehab-template.yaml"
    result = run("build", template, "--data", rows, "--shard", "auto/2")
    assert result.exit_code == 2 and "neither JOB_COMPLETION_INDEX" in result.stderr
    for jobs in ("0", "65", "many", "\u00b2"):
        result = run("build", template, "--data", rows, "--jobs", jobs)
        assert result.exit_code == 2 and "number of processes" in result.stderr, jobs
    result = run("build", template, "--data", rows, "--jobs", "auto", "-o", "out/{{ id }}.pdf", "--no-check")
    assert result.exit_code == 0, result.stderr


def test_template_without_data_and_data_without_programme_are_errors(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    result = run("build", "handouts/programs/glute-rehab-template.yaml")
    assert result.exit_code == 2 and "this programme has placeholders like `{{ patient }}`" in result.stderr
    rows = write_rows(project, GOOD_ROWS)
    result = run("build", "handouts/glute-soreness.yaml", "--data", rows)
    assert result.exit_code == 2 and "is not a programme file" in result.stderr
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "-o", "out/same.pdf")
    assert result.exit_code == 2 and "needs a {{ field }}" in result.stderr
    for template in ("handouts/programs/{{ id }}.csv", "handouts/{{ id }}.yaml", "out/{{ id }}"):
        result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "-o", template)
        assert result.exit_code == 2 and "names the PDF to write" in result.stderr, template
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "--lint")
    assert result.exit_code == 2 and "--lint goes without --data" in result.stderr
    assert not (project / "out").exists()


def test_batch_writes_html_editions_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    rows = write_rows(project, GOOD_ROWS)
    monkeypatch.chdir(project)
    template = "handouts/programs/glute-rehab-template.yaml"
    result = run("build", template, "--data", rows, "-o", "out/{{ id }}.pdf", "--format", "pdf,html")
    assert result.exit_code == 0, result.stderr
    names = [p.name for p in editions(project / "out")]
    assert names == sorted([f"p{i}.{ext}" for i in range(1, 5) for ext in ("pdf", "html")])
    assert "María Núñez" in (project / "out" / "p3.html").read_text(encoding="utf-8")


def test_output_names_from_data_cannot_leave_the_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    rows = write_rows(project, "../../etc/evil,Ann,X,2026-11-20,2026-12-18\n")
    monkeypatch.chdir(project)
    result = run("build", "handouts/programs/glute-rehab-template.yaml", "--data", rows, "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in editions(project / "out")] == ["etc-evil.pdf"]


def test_programme_api_errors_point_at_the_line(project: Path) -> None:
    copy_examples(project)
    source = write(
        project / "handouts" / "programs" / "p.yaml", PROGRAM.read_text().replace("use: clamshell", "use: clamshel")
    )
    with pytest.raises(HandoutError) as caught:
        handoutgen.build(source)
    assert "unknown exercise `clamshel`" in str(caught.value) and "did you mean `clamshell`?" in str(caught.value)


def test_an_appended_handout_agrees_with_the_programme() -> None:
    """The patient reads one dose per exercise: the handout's squat is the programme's squat, its
    own log is left out (the programme's is the one to fill in), and it says when it was reviewed."""
    text = " ".join(pdf_text(handoutgen.build(PROGRAM)).split())
    assert "3 sets of 10, rest 1 minute" not in text  # the library's squat dose
    assert text.count("2 sets of 8") == 2  # the programme's, in the programme and in the handout
    assert text.count("Go only as low as feels comfortable.") == 2
    assert "Track your recovery" not in text and text.count("Your exercise log") == 1
    assert "Reviewed 1 November 2026" in text


def test_footers_give_way_whole_never_cut(project: Path) -> None:
    small = write(project / "layouts" / "small.yaml", "extends: large-print\npage: {size: a5}\n")
    for source in (REPO / "handouts" / "glute-soreness.es.yaml", PROGRAM):
        pdf = handoutgen.build(source, layout=small)
        for page in reader(pdf).pages:
            footer: list[str] = []

            def low(text, cm, tm, font, size, footer=footer):
                if tm[5] * cm[3] + cm[5] < 50:  # on the page, below the body: the footer
                    footer.append(text)

            page.extract_text(visitor_text=low)
            assert "…" not in "".join(footer), source
    spanish = pdf_text(handoutgen.build(REPO / "handouts" / "glute-soreness.es.yaml", layout=small))
    assert "Revisado el 1 nov 2026" in spanish  # the date written short, whole


def test_a_two_column_layout_warns_that_a_programme_keeps_one_column(project: Path, monkeypatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    write(project / "layouts" / "two.yaml", "extends: a4\ncolumns: 2\n")
    result = run("build", str(PROGRAM), "-l", "layouts/two.yaml", "-o", "out/p.pdf")
    assert result.exit_code == 0
    assert "layouts/two.yaml:2:10: warning: `columns: 2` is for handouts" in result.stderr


def test_an_appended_handout_in_another_language_keeps_its_words_and_takes_the_dose(project: Path) -> None:
    copy_examples(project)
    source = project / "handouts" / "programs" / "glute-rehab.yaml"
    source.write_text(source.read_text().replace("../glute-soreness.yaml", "../glute-soreness.es.yaml"))
    text = " ".join(pdf_text(handoutgen.build(source)).split())
    assert "Sentadilla 2 series de 8" in text  # Spanish words, the programme's dose
    assert text.count("Go only as low as feels comfortable.") == 1  # the English note stays in the programme
