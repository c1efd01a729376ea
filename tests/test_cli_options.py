"""The options every command shares: --quiet, --verbose and --diagnostics, before or after the
command's name."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import GLUTE, MINIMAL, REPO, copy_examples, example_outputs, run, write


def test_quiet_leaves_only_problems(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    for args in (["-q", "build", "--no-check"], ["build", "--quiet", "--no-check"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        assert len(list((project / "out").glob("*.pdf"))) == len(example_outputs())
    assert run("validate", "handouts", "-q").stdout == ""
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    result = run("build", "-q", "--no-check")
    assert result.exit_code == 2 and result.stdout == ""
    assert "bad.yaml:4:11: error:" in result.stderr
    assert f"built {len(example_outputs())}, failed 1, skipped 1" in result.stderr
    loud = run("build", "--no-check", "handouts/glute-soreness.yaml")
    assert loud.stdout.startswith("built out/glute-soreness.pdf")


def test_library_warnings_show_only_with_verbose(tmp_path: Path) -> None:
    data = handoutgen.build(GLUTE)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n12345\n%%EOF\n")  # pypdf recovers
    quiet = run("check", damaged)
    assert quiet.exit_code == 0 and "startxref" not in quiet.stderr
    verbose = run("check", damaged, "--verbose")
    assert verbose.exit_code == 0 and "pypdf" in verbose.stderr and "startxref" in verbose.stderr
    assert "startxref" not in run("check", damaged).stderr  # and hidden again on the next run


def test_diagnostics_go_after_the_command_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("title: A sample handout", "title: [a, b]"))
    result = run("validate", "handouts", "--diagnostics", "github")
    assert result.exit_code == 2 and "::error file=handouts/bad.yaml,line=2,col=8," in result.stdout


def test_build_json_reports_each_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import json

    copy_examples(project)
    monkeypatch.chdir(project)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    result = run("build", "--json", "handouts/bad.yaml", "handouts/glute-soreness.yaml", "handouts/decks")
    assert result.exit_code == 2
    report = json.loads(result.stdout)  # stdout holds the JSON alone
    files = {Path(f["source"]).name: f for f in report["files"]}
    bad, glute = files["bad.yaml"], files["glute-soreness.yaml"]
    assert bad["status"] == "failed" and bad["kind"] == "handout" and bad["outputs"] == []
    assert bad["problems"][0] == {
        "file": "handouts/bad.yaml",
        "line": 4,
        "column": 11,
        "message": "`reviewed`: `someday` is not a date; write it as YYYY-MM-DD, like `2026-11-01`",
        "hint": None,
    }
    assert glute["status"] == "built" and glute["kind"] == "handout"
    (pdf,) = glute["outputs"]
    assert pdf["pages"] == 5 and pdf["sha256"] == hashlib.sha256(Path(pdf["path"]).read_bytes()).hexdigest()
    assert glute["checks"]["pdf"]["ok"] and glute["checks"]["pdf"]["words_expected"] > 500
    assert files["glute-stretches.yaml"]["kind"] == "deck" and files["glute-stretches.yaml"]["checks"]["pdf"]["cards"]
    decks = len(list((REPO / "handouts" / "decks").glob("*.yaml")))
    assert report["summary"] == {"built": 1 + decks, "failed": 1, "skipped": 0}
    assert "bad.yaml:4:11: error:" in result.stderr  # people still read the messages
    result = run("build", "--json", "handouts/programs/glute-rehab-template.yaml", "--data", "x.csv")
    assert result.exit_code == 2 and "--json goes without --data" in result.stderr


def test_validate_json_reports_each_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    copy_examples(project)
    monkeypatch.chdir(project)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("title: A sample handout", "title: [a, b]"))
    result = run("validate", "handouts", "--json", "nowhere")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    kinds = {Path(f["source"]).name: (f["kind"], f["status"]) for f in report["files"]}
    assert kinds["bad.yaml"] == ("handout", "failed") and kinds["squat.yaml"] == ("exercise", "ok")
    assert kinds["glute-rehab.yaml"] == ("program", "ok") and kinds["glute-stretches.yaml"] == ("deck", "ok")
    assert report["errors"][0]["message"] == "nowhere: no such file or folder"
    assert report["summary"]["failed"] == 2 and report["summary"]["ok"] == len(report["files"]) - 1


def test_output_is_spelled_the_same_everywhere_and_the_old_spelling_still_works(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    for spelling, folder in (("--output", "new"), ("--out", "old"), ("-o", "short")):
        assert run("schema", spelling, f"schemas-{folder}").exit_code == 0
        assert (project / f"schemas-{folder}" / "handout.schema.json").is_file()
        result = run("preview", "handouts/glute-soreness.yaml", "--pages", "1", spelling, f"png-{folder}")
        assert result.exit_code == 0, result.stderr
        assert [p.name for p in (project / f"png-{folder}").iterdir()] == ["glute-soreness-1.png"]
    assert "--out " not in run("preview", "--help").stdout  # the old spelling is not advertised


def test_json_stays_parseable_with_github_annotations(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(project)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    for command in (["build", "handouts/bad.yaml"], ["validate", "handouts"]):
        result = run("--diagnostics", "github", *command, "--json")
        assert result.exit_code == 2
        assert json.loads(result.stdout)["files"][0]["status"] == "failed"
        assert "::error file=handouts/bad.yaml,line=4,col=11," in result.stderr


def test_the_command_line_leaves_logging_as_it_found_it(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    copy_examples(project)
    monkeypatch.chdir(project)
    loggers = [logging.getLogger(name) for name in ("", "pypdf", "svglib", "reportlab", "myapp")]
    before = [list(logger.handlers) for logger in loggers]
    for args in (["-v", "validate", "handouts"], ["validate", "handouts"], ["check", "--verbose", GLUTE]):
        run(*args)
        assert [list(logger.handlers) for logger in loggers] == before, args
