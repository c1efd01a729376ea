"""`--diagnostics github`: every problem also as a GitHub Actions annotation on its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, copy_examples, run, write
from handoutgen.diagnostics import github
from handoutgen.errors import Where


def test_errors_become_annotations_on_their_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    result = run("--diagnostics", "github", "validate", "handouts")
    assert result.exit_code == 2
    annotation = "::error file=handouts/bad.yaml,line=4,col=11,title=handoutgen::`reviewed`: `someday` is not a date"
    assert result.stdout.startswith(annotation)
    assert "handouts/bad.yaml:4:11: error: `reviewed`" in result.stderr  # the plain message is still there
    plain = run("validate", "handouts")
    assert "::error" not in plain.stdout + plain.stderr


def test_lint_findings_and_bad_rows_are_annotated(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    long = "This sentence goes on " + "and on " * 40 + "until nobody can follow it."
    write(project / "handouts" / "wordy.yaml", MINIMAL.replace("Rest your legs today.", long))
    result = run("--diagnostics", "github", "lint", "handouts/wordy.yaml")
    assert result.exit_code == 1
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning file=handouts/wordy.yaml")]
    assert warnings and all(",line=" in w and ",col=" in w for w in warnings)
    rows = write(project / "rows.csv", "id,patient,clinician,date,review_date\np1,Ann,Sam,someday,2026-12-18\n")
    template = "handouts/programs/glute-rehab-template.yaml"
    result = run("--diagnostics", "github", "build", template, "--data", rows, "-o", "out/{{ id }}.pdf")
    assert result.exit_code == 1
    place = "::error file=handouts/programs/glute-rehab-template.yaml,line=8,col=7,title=handoutgen::row 1 ("
    assert place in result.stdout and "skipped" in result.stdout


def test_annotation_text_cannot_break_out_of_its_line() -> None:
    where = Where("handouts/a,b:c.yaml", 3, 7)
    line = github("error", "50% done\nthen ::warning::fake", where, "fix it")
    assert line == (
        "::error file=handouts/a%2Cb%3Ac.yaml,line=3,col=7,title=handoutgen::"
        "50%25 done%0Athen ::warning::fake (hint: fix it)"
    )
    assert "\n" not in line and github("warning", "plain") == "::warning title=handoutgen::plain"


def test_an_unknown_diagnostics_style_is_a_usage_error() -> None:
    result = run("--diagnostics", "xml", "validate")
    assert result.exit_code == 2 and "'xml' is not one of 'text', 'github'" in result.stderr
