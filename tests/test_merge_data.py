"""Merge data as real systems export it: one bad row costs that row, never the batch, and a
mistake in the template is reported once, before anything is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_examples, editions, pdf_text, run, write

HEADER = "id,patient,clinician,date,review_date\n"
TEMPLATE = "handouts/programs/glute-rehab-template.yaml"


def row(ident: str, patient: str = "Alex Morgan") -> str:
    return f"{ident},{patient},Sam Patel,2026-11-20,2026-12-18\n"


@pytest.fixture
def batch(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_examples(project)
    # A short template keeps the suite fast: no appended handout.
    template = project / TEMPLATE
    template.write_text(template.read_text().replace("handouts:\n  - ../glute-soreness.yaml\n", ""))
    monkeypatch.chdir(project)
    return project


def build(data: str, *extra: str):
    write(Path("rows.csv"), data)
    return run("build", TEMPLATE, "--data", "rows.csv", "-o", "out/{{ id }}.pdf", "--no-check", *extra)


def built(project: Path) -> list[str]:
    return [p.name for p in editions(project / "out")]


def test_an_unclosed_quote_costs_only_its_row(batch: Path) -> None:
    result = build(HEADER + row("p1") + 'p2,"Bob Smith,Sam Patel,2026-11-20,2026-12-18\n' + row("p3") + row("p4"))
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert 'rows.csv:3:1: error: a quote (") opened in this row is never closed' in result.stderr
    assert built(batch) == ["p1.pdf", "p3.pdf", "p4.pdf"]
    assert "built 3 of 4 rows" in result.stderr


def test_an_unclosed_quote_before_rows_with_quoted_commas(batch: Path) -> None:
    data = HEADER + 'p1,"Alex,Sam Patel,2026-11-20,2026-12-18\n' + 'p2,"Smith, Bob",Sam Patel,2026-11-20,2026-12-18\n'
    result = build(data + row("p3"))
    assert result.exit_code == 1
    assert "rows.csv:2:1: error:" in result.stderr
    assert "p3.pdf" in built(batch)


def test_a_cell_over_128_kib_costs_only_its_row(batch: Path) -> None:
    huge = "x" * (129 * 1024)
    result = build(HEADER + row("p1") + row("p2", huge) + row("p3"))
    assert result.exit_code == 1, result.stderr
    assert "rows.csv:3:1: error:" in result.stderr and "Traceback" not in result.stderr
    assert built(batch) == ["p1.pdf", "p3.pdf"]


def test_a_stray_quote_inside_a_value(batch: Path) -> None:
    result = build(HEADER + row("p1") + 'p2,"Bob" Smith,Sam Patel,2026-11-20,2026-12-18\n' + row("p3"))
    assert result.exit_code == 1
    assert "rows.csv:3:1: error: this row is not valid CSV" in result.stderr
    assert built(batch) == ["p1.pdf", "p3.pdf"]


@pytest.mark.parametrize(
    ("bad", "values"),
    [("p2,Bob Smith Sam Patel,2026-11-20,2026-12-18\n", 4), ("p2,Bob,Smith,Sam Patel,2026-11-20,2026-12-18\n", 6)],
)
def test_ragged_rows_are_reported_and_skipped(batch: Path, bad: str, values: int) -> None:
    result = build(HEADER + row("p1") + bad + row("p3"))
    assert result.exit_code == 1
    assert f"rows.csv:3:1: error: this row has {values} values; the header has 5" in result.stderr
    assert "a comma is missing or there is one too many" in result.stderr
    assert built(batch) == ["p1.pdf", "p3.pdf"]


def test_a_malformed_placeholder_is_one_error_before_any_row(batch: Path) -> None:
    template = batch / TEMPLATE
    template.write_text(template.read_text().replace('"{{ clinician }}"', '"{{ clinician | upper }}"'))
    result = build(HEADER + "".join(row(f"p{n}") for n in range(1, 30)))
    assert result.exit_code == 2
    assert result.stderr.count("is not a placeholder") == 1
    assert "glute-rehab-template.yaml:7:" in result.stderr
    assert built(batch) == []


def test_fields_the_data_lacks_are_named_at_once_before_any_row(batch: Path) -> None:
    template = batch / TEMPLATE
    text = template.read_text().replace("{{ clinician }}", "{{ therapist }}").replace("{{ date }}", "{{ day }}")
    template.write_text(text)
    write(Path("rows.csv"), HEADER + row("p1") + row("p2"))
    result = run("build", TEMPLATE, "--data", "rows.csv", "-o", "out/{{ ident }}.pdf")
    assert result.exit_code == 2
    for name in ("therapist", "day", "ident"):
        assert f"`{{{{ {name} }}}}`" in result.stderr
    assert "`date`" in result.stderr  # the hint lists the fields the data has
    assert built(batch) == []


def test_the_same_error_in_many_rows_is_printed_once(batch: Path) -> None:
    rows = "".join(f"p{n},Pat {n},Sam Patel,20/11/2026,2026-12-18\n" for n in range(1, 41))
    result = build(HEADER + rows + row("ok"))
    assert result.exit_code == 1
    assert result.stderr.count("is not a date") == 1
    assert "(40 rows, the same problem)" in result.stderr
    assert built(batch) == ["ok.pdf"]
    assert "built 1 of 41 rows" in result.stderr


def test_header_problems_point_at_their_column_all_at_once(batch: Path) -> None:
    result = build('id,"***",clinician,ID,date,review_date,1st visit,Date\n' + row("p1"))
    assert result.exit_code == 2, result.stderr
    assert "rows.csv:1:4: error: the header `***` cannot be a field name" in result.stderr
    assert "rows.csv:1:20: error: `ID` and `id` are one field (`id`)" in result.stderr
    assert "rows.csv:1:40: error: the header `1st visit` cannot be a field name" in result.stderr
    assert "hint: start it with a letter" in result.stderr
    assert "rows.csv:1:50: error: `Date` and `date` are one field (`date`)" in result.stderr
    result = build("id,patient,clinician,id,date,review_date\n" + row("p1"))
    assert "rows.csv:1:22: error: `id` appears twice in the header (`id`)" in result.stderr
    result = build("id;patient;clinician;date;review_date;\n" + row("p1").replace(",", ";"))
    assert result.exit_code == 2 and "rows.csv:1:39: error: column 6 has no name in the header" in result.stderr
    assert built(batch) == []


EXPORTED = (
    "\ufeffID;Patient Name;Clinician;Date;Review Date\r\n"
    "p1;María Núñez;Sam Patel;2026-11-20;2026-12-18\r\n"
    '"p2";"Lee; Ann";Sam Patel;2026-11-21;2026-12-19\r\n'
)


def test_a_spreadsheet_export_builds_as_it_is(batch: Path) -> None:
    """A BOM, CRLF line ends, `;` between values and headers with capitals and spaces, as a
    spreadsheet in a comma-decimal language saves them: no editing before the batch."""
    template = batch / TEMPLATE
    template.write_text(template.read_text().replace("{{ patient }}", "{{ patient_name }}"))
    result = build(EXPORTED)
    assert result.exit_code == 0, result.stderr
    assert built(batch) == ["p1.pdf", "p2.pdf"]
    assert "Lee; Ann" in pdf_text(batch / "out" / "p2.pdf")
    tabbed = EXPORTED.replace(";", "\t").replace("Lee\t Ann", "Lee; Ann")
    result = build(tabbed)
    assert result.exit_code == 0, result.stderr
    assert "María Núñez" in pdf_text(batch / "out" / "p1.pdf")


def test_a_placeholder_named_as_the_export_writes_it_gets_the_field_name_as_hint(batch: Path) -> None:
    result = build(EXPORTED)  # the template says {{ patient }}; the export has "Patient Name"
    assert result.exit_code == 2
    assert "names a field that rows.csv does not have" in result.stderr
    assert "patient_name" in result.stderr
    assert built(batch) == []


def test_line_separators_inside_a_cell_are_not_row_breaks(batch: Path) -> None:
    result = build(HEADER + row("p1", "Ann\u2028Lee") + row("p2", "Bo\x85b") + row("p3"))
    assert "values; the header has" not in result.stderr  # no row was cut in two
    assert "row 2 (rows.csv:3): skipped" in result.stderr and "U+0085" in result.stderr  # on its own line
    assert "p3.pdf" in built(batch)


def test_an_empty_cell_leaves_an_optional_field_out(batch: Path) -> None:
    template = batch / TEMPLATE
    text = template.read_text()
    template.write_text(
        text.replace("note: Keep your hips level. If one side drops, do fewer reps.", 'note: "{{ note }}"')
    )
    data = HEADER.replace("\n", ",note\n") + row("p1").replace("\n", ",\n") + row("p2").replace("\n", ",Go slowly.\n")
    data += row("p3", "").replace("\n", ",\n")
    result = build(data)
    assert built(batch) == ["p1.pdf", "p2.pdf"], result.stderr
    assert "row 3 (rows.csv:4): skipped" in result.stderr and "`patient` is empty" in result.stderr


def test_dates_as_the_export_writes_them(batch: Path) -> None:
    rows = "p1,Ann Lee,Sam Patel,3/12/2026,31/12/2026\np2,Bo Wu,Sam Patel,2026-12-04,15/01/2027\n"
    result = build(HEADER + rows, "--date-format", "DD/MM/YYYY")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(batch / "out" / "p1.pdf")
    assert "3 December 2026" in text and "31 December 2026" in text  # printed in the content's language
    assert "15 January 2027" in pdf_text(batch / "out" / "p2.pdf")  # ISO dates still read
    american = build(HEADER + "p1,Ann Lee,Sam Patel,12/03/2026,12.31.2026\n", "--date-format", "MM/DD/YYYY")
    assert (
        american.exit_code == 1
        and "`12.31.2026` is not a date; write it as MM/DD/YYYY or YYYY-MM-DD" in american.stderr
    )


def test_a_date_without_a_declared_format_says_how_to_declare_one(batch: Path) -> None:
    result = build(HEADER + "p1,Ann Lee,Sam Patel,3/12/2026,2026-12-18\n")
    assert result.exit_code == 1
    assert (
        "`3/12/2026` is not a date" in result.stderr
        and "give the batch --date-format, like DD/MM/YYYY" in result.stderr
    )
    result = build(HEADER + "p1,Ann Lee,Sam Patel,31/02/2026,2026-12-18\n", "--date-format", "DD/MM/YYYY")
    assert result.exit_code == 1 and "`31/02/2026` is not a date" in result.stderr


@pytest.mark.parametrize("bad", ["DD/MM/YY", "DD/MM-YYYY", "YYYY", "%d/%m/%Y", "DD/DD/YYYY", ""])
def test_a_bad_date_format_is_one_clear_error(batch: Path, bad: str) -> None:
    result = build(HEADER + row("p1"), "--date-format", bad)
    assert result.exit_code == 2, result.stderr
    assert "--date-format" in result.stderr and "use DD, MM and YYYY" in result.stderr
    assert "Traceback" not in result.stderr and built(batch) == []
    result = run("build", "handouts/glute-soreness.yaml", "--date-format", "DD/MM/YYYY")
    assert result.exit_code == 2 and "go with --data" in result.stderr


def test_a_declared_format_wins_over_reading_a_date_as_iso(batch: Path) -> None:
    result = build(HEADER + "p1,Ann Lee,Sam Patel,2026-11-05,2026-31-12\n", "--date-format", "YYYY-DD-MM")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(batch / "out" / "p1.pdf")
    assert "11 May 2026" in text and "31 December 2026" in text


def test_placeholders_match_headers_however_either_is_written(batch: Path) -> None:
    """`{{ Patient }}` over a `Patient` column builds as it did before headers were cleaned up,
    and `{{ patient_name }}` matches "Patient Name": both sides are compared as field names."""
    template = batch / TEMPLATE
    template.write_text(template.read_text().replace("{{ patient }}", "{{ Patient_Name }}"))
    data = "ID,Patient Name,clinician,date,review_date\np1,Ann Lee,Sam Patel,2026-11-20,2026-12-18\n"
    write(Path("rows.csv"), data)
    result = run("build", TEMPLATE, "--data", "rows.csv", "-o", "out/{{ Id }}.pdf", "--no-check")
    assert result.exit_code == 0, result.stderr
    assert "Ann Lee" in pdf_text(batch / "out" / "p1.pdf")
    write(
        Path("rows.yaml"),
        "- {ID: p2, Patient_name: Bo Wu, clinician: Sam, date: 2026-11-20, review_date: 2026-12-18}\n",
    )
    result = run("build", TEMPLATE, "--data", "rows.yaml", "-o", "out/{{ id }}.pdf", "--no-check")
    assert result.exit_code == 0, result.stderr
    assert "Bo Wu" in pdf_text(batch / "out" / "p2.pdf")
    write(
        Path("rows.yaml"),
        "- {id: p3, ID: p4, patient_name: X, clinician: Y, date: 2026-11-20, review_date: 2026-12-18}\n",
    )
    result = run("build", TEMPLATE, "--data", "rows.yaml", "-o", "out/{{ id }}.pdf", "--no-check")
    assert result.exit_code == 2 and "rows.yaml:1:" in result.stderr and "are one field" in result.stderr


def test_a_column_named_row_is_refused_at_its_header(batch: Path) -> None:
    result = build("id,row,patient,clinician,date,review_date\np1,99,Ann,Sam,2026-11-20,2026-12-18\n")
    assert result.exit_code == 2
    assert "rows.csv:1:4: error: the header `row` is the row number's name" in result.stderr
    assert built(batch) == []


def test_map_reads_a_column_as_the_field_the_template_uses(batch: Path) -> None:
    data = "id,Nom du patient,clinician,date,review_date\np1,Anne Roy,Sam Patel,2026-11-20,2026-12-18\n"
    result = build(data, "--map", "Nom du patient=patient")
    assert result.exit_code == 0, result.stderr
    assert "Anne Roy" in pdf_text(batch / "out" / "p1.pdf")
    result = build(data, "--map", "nom_du_patient=patient", "--map", "Clinician=clinician")  # as field names too
    assert result.exit_code == 0, result.stderr
    for bad, message in [
        ("Nom du patient", "write HEADER=FIELD"),
        ("Nom du patient=1st", "write HEADER=FIELD"),
        ("Prénom=patient", "--map names a column the data does not have: `prenom`"),
    ]:
        result = build(data, "--map", bad)
        assert result.exit_code == 2 and message in result.stderr, (bad, result.stderr)
        assert "Traceback" not in result.stderr
    assert "go with --data" in run("build", "handouts/glute-soreness.yaml", "--map", "a=b").stderr
